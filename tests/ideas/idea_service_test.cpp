// IdeaService on SQLite and PostgreSQL: submitting, moving through the
// pipeline with history and notifications, feedback, public records,
// cross-organisation secrecy and refused writes that change nothing.
#include "ideas/idea_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ideas/ideas_test_support.h"

namespace nyttig::ideas {
namespace {

using accounts::Role;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class IdeaServiceTest : public IdeasTest {
 protected:
  void SetUp() override {
    IdeasTest::SetUp();
    org_ = Org("Exempelby kommun");
    coordinator_ = Member(org_, Role::kCoordinator, "anna@exempelby.se", "Anna Berg");
    employee_ = Member(org_, Role::kEmployee, "omar@exempelby.se", "Omar Said");
    decision_maker_ = Member(org_, Role::kDecisionMaker, "lena@exempelby.se", "Lena Holm");
  }

  Idea Submit(const accounts::Actor& who, IdeaInput in = Input()) {
    auto idea = ideas_->SubmitIdea(who, org_, in);
    EXPECT_TRUE(idea.ok()) << idea.status().ToString();
    return idea.ok() ? *idea : Idea{};
  }

  OrganisationId org_ = 0;
  accounts::Actor coordinator_, employee_, decision_maker_;
};

TEST_P(IdeaServiceTest, StaffIdeaStartsInTheFirstStageWithOwnerAndDeadline) {
  Idea idea = Submit(employee_);
  EXPECT_EQ(idea.stage.kind, StageKind::kIdea);
  EXPECT_EQ(idea.stage.name, "Idé");
  EXPECT_EQ(idea.channel, Channel::kStaff);
  EXPECT_TRUE(idea.registration_number.empty());
  EXPECT_EQ(idea.owner_id, coordinator_.person_id);
  EXPECT_EQ(idea.feedback_due_at, clock_.Now() + 30 * 86400);
  ASSERT_EQ(idea.authors.size(), 1u);
  EXPECT_EQ(idea.authors[0].display_name, "Omar Said");
  EXPECT_THAT(idea.sdgs, ElementsAre(3, 12));
  EXPECT_THAT(idea.value_types, ElementsAre("social", "economic"));
  EXPECT_EQ(Count("audit_entries", "action = 'idea.submit'"), 1);
}

TEST_P(IdeaServiceTest, CitizenSubmissionGetsARegistrationNumberAndReceivedTime) {
  ASSERT_TRUE(OpenBox(org_, false).ok());
  Idea first = Submit(Citizen("a@example.org"));
  Idea second = Submit(Citizen("b@example.org"));
  EXPECT_EQ(first.registration_number, "2026-0001");
  EXPECT_EQ(second.registration_number, "2026-0002");
  EXPECT_EQ(first.received_at, clock_.Now());
  EXPECT_EQ(first.channel, Channel::kPublicBox);
}

TEST_P(IdeaServiceTest, ClosedIdeaBoxRefusesCitizensAndWritesNothing) {
  auto refused = ideas_->SubmitIdea(Citizen("a@example.org"), org_, Input());
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);
  auto anonymous = ideas_->SubmitIdea(accounts::Actor::Anonymous(), org_, Input());
  EXPECT_EQ(anonymous.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(Count("ideas_ideas"), 0);
}

TEST_P(IdeaServiceTest, AnonymousSubmissionOnlyWhereAllowedAndHiddenFromStaff) {
  ASSERT_TRUE(OpenBox(org_, false).ok());
  EXPECT_EQ(ideas_->SubmitIdea(accounts::Actor::Anonymous(), org_, Input()).status().code(),
            StatusCode::kUnauthenticated);
  ASSERT_TRUE(OpenBox(org_, true).ok());
  Idea idea = Submit(accounts::Actor::Anonymous());
  EXPECT_TRUE(idea.anonymous);
  EXPECT_FALSE(idea.submitter_id.has_value());
  EXPECT_EQ(ideas_->GetIdea(employee_, idea.id).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(ideas_->GetIdea(coordinator_, idea.id).ok());
}

TEST_P(IdeaServiceTest, MovesAreKeptAsHistoryAndTheAuthorIsNotified) {
  Idea idea = Submit(employee_);
  Stage assessment = StageOfKind(org_, StageKind::kAssessment);
  Stage test = StageOfKind(org_, StageKind::kTest);
  ASSERT_TRUE(ideas_->MoveIdea(coordinator_, idea.id, assessment.id, "").ok());
  clock_.Advance(std::chrono::hours(24));
  auto moved = ideas_->MoveIdea(decision_maker_, idea.id, test.id, "Vi testar på två skolor");
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->stage.kind, StageKind::kTest);
  EXPECT_EQ(moved->stage_since, clock_.Now());
  auto history = ideas_->History(employee_, idea.id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[2].actor_name, "Lena Holm");
  EXPECT_EQ((*history)[2].from_stage_name, "Bedömning");
  EXPECT_EQ((*history)[2].to_stage_name, "Test");
  EXPECT_EQ((*history)[2].text, "Vi testar på två skolor");
  auto inbox = inbox_->List(employee_, 1, 20);
  ASSERT_TRUE(inbox.ok());
  EXPECT_EQ(inbox->unread, 2);
  EXPECT_EQ(inbox->items[0].link, "/ideas/" + std::to_string(idea.id));
  auto mails = outbox_.Pending(db(), 10);
  ASSERT_TRUE(mails.ok());
  ASSERT_EQ(mails->size(), 2u);
  EXPECT_EQ((*mails)[1].to, "omar@exempelby.se");
  EXPECT_THAT((*mails)[1].body, HasSubstr("Test"));
}

TEST_P(IdeaServiceTest, CoordinatorCannotDecideAtTheGateToTest) {
  Idea idea = Submit(employee_);
  ASSERT_TRUE(ideas_->MoveIdea(coordinator_, idea.id, StageOfKind(org_, StageKind::kAssessment).id, "").ok());
  auto refused = ideas_->MoveIdea(coordinator_, idea.id, StageOfKind(org_, StageKind::kTest).id, "");
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(refused.status().message(), "ideas.move.denied_gate");
  EXPECT_EQ(Count("ideas_events"), 2);
}

TEST_P(IdeaServiceTest, ClosingWithoutAReasonChangesNothing) {
  Idea idea = Submit(employee_);
  auto refused = ideas_->MoveIdea(coordinator_, idea.id, StageOfKind(org_, StageKind::kClosed).id, " ");
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().invalid_parameters().at(0).name, "reason");
  EXPECT_EQ(ideas_->GetIdea(coordinator_, idea.id)->stage.kind, StageKind::kIdea);
  EXPECT_EQ(Count("ideas_events"), 1);
  EXPECT_EQ(Count("inbox_notifications"), 0);
  EXPECT_EQ(Count("audit_entries", "action = 'idea.move'"), 0);
}

TEST_P(IdeaServiceTest, SkippingAStageIsAFailedPrecondition) {
  Idea idea = Submit(employee_);
  auto refused = ideas_->MoveIdea(decision_maker_, idea.id, StageOfKind(org_, StageKind::kTest).id, "");
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
}

class RefuseTest : public GateCheck {
 public:
  Status Check(db::Tx&, const Idea&, const Stage& target) const override {
    if (target.kind == StageKind::kTest) return FailedPreconditionError("ideas.gate.checklist");
    return Status::Ok();
  }
};

TEST_P(IdeaServiceTest, AGateCheckCanBlockTheMoveToTest) {
  RefuseTest gate;
  ideas_->AddGateCheck(&gate);
  Idea idea = Submit(employee_);
  ASSERT_TRUE(ideas_->MoveIdea(coordinator_, idea.id, StageOfKind(org_, StageKind::kAssessment).id, "").ok());
  auto refused = ideas_->MoveIdea(decision_maker_, idea.id, StageOfKind(org_, StageKind::kTest).id, "");
  EXPECT_EQ(refused.status().message(), "ideas.gate.checklist");
  EXPECT_EQ(ideas_->GetIdea(coordinator_, idea.id)->stage.kind, StageKind::kAssessment);
}

TEST_P(IdeaServiceTest, AnotherOrganisationsInternalIdeaIsNotFound) {
  Idea idea = Submit(employee_);
  OrganisationId other = Org("Håbo kommun");
  auto outsider = Member(other, Role::kCoordinator, "kim@habo.se");
  EXPECT_EQ(ideas_->GetIdea(outsider, idea.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ideas_->GetIdea(outsider, idea.id + 1000).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ideas_->MoveIdea(outsider, idea.id, StageOfKind(other, StageKind::kAssessment).id, "")
                .status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ideas_->History(outsider, idea.id).status().code(), StatusCode::kNotFound);
  auto list = ideas_->ListIdeas(outsider, {});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 0);
}

TEST_P(IdeaServiceTest, FeedbackMeetsTheDeadlineAndOverdueIdeasShow) {
  Idea late = Submit(employee_, Input("Sen idé"));
  Idea answered = Submit(employee_, Input("Besvarad idé"));
  ASSERT_TRUE(ideas_->RecordFeedback(coordinator_, answered.id, "Tack, vi tittar på den i januari.").ok());
  clock_.Advance(std::chrono::hours(24 * 31));
  auto overdue = ideas_->OverdueIdeas(coordinator_, org_, 1, 20);
  ASSERT_TRUE(overdue.ok()) << overdue.status().ToString();
  ASSERT_EQ(overdue->total, 1);
  EXPECT_EQ(overdue->items[0].id, late.id);
  EXPECT_EQ(ideas_->OverdueIdeas(employee_, org_, 1, 20).status().code(), StatusCode::kPermissionDenied);
}

TEST_P(IdeaServiceTest, UnpublishedIdeasLeaveListsButAreNeverDeleted) {
  ASSERT_TRUE(OpenBox(org_, false).ok());
  IdeaInput in = Input();
  in.visibility = "public";
  Idea idea = Submit(Citizen("c@example.org"), in);
  ASSERT_TRUE(ideas_->SetPublished(coordinator_, idea.id, false, "Innehåller personuppgifter").ok());
  EXPECT_EQ(ideas_->GetIdea(accounts::Actor::Anonymous(), idea.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Count("ideas_ideas"), 1);
  EXPECT_TRUE(ideas_->GetIdea(coordinator_, idea.id).ok());
}

TEST_P(IdeaServiceTest, CullingFollowsTheRetentionRuleWithAnAuditEntry) {
  ASSERT_TRUE(OpenBox(org_, false).ok());
  Idea idea = Submit(Citizen("d@example.org"));
  ASSERT_TRUE(ideas_->MoveIdea(coordinator_, idea.id, StageOfKind(org_, StageKind::kClosed).id, "Finns redan").ok());
  auto admin = Member(org_, Role::kAdmin, "karin@exempelby.se");
  EXPECT_EQ(ideas_->CullExpired(admin, org_).status().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(ideas_->UpdateSettings(admin, org_, {.retention_years = 2}).ok());
  EXPECT_EQ(*ideas_->CullExpired(admin, org_), 0);
  clock_.Advance(std::chrono::hours(24 * 365 * 2 + 24));
  EXPECT_EQ(*ideas_->CullExpired(admin, org_), 1);
  EXPECT_EQ(Count("ideas_ideas", "culled_at IS NOT NULL AND title = '' AND registration_number = '2026-0001'"), 1);
  EXPECT_EQ(Count("audit_entries", "action = 'idea.cull'"), 1);
  EXPECT_EQ(ideas_->GetIdea(coordinator_, idea.id).status().code(), StatusCode::kNotFound);
}

TEST_P(IdeaServiceTest, TemplateCannotChangeOnceIdeasExist) {
  ASSERT_TRUE(ideas_->UpdateSettings(coordinator_, org_, {.pipeline_template = "service_design"}).ok());
  EXPECT_EQ(StageOfKind(org_, StageKind::kIdea).name, "Ringa in");
  Submit(employee_);
  EXPECT_EQ(ideas_->UpdateSettings(coordinator_, org_, {.pipeline_template = "idea_sluice"})
                .status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(ideas_->UpdateSettings(employee_, org_, {.feedback_days = 10}).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_P(IdeaServiceTest, AuthorsEditOnlyTheirOwnIdeas) {
  Idea idea = Submit(employee_);
  IdeaInput in = Input("Ny rubrik");
  auto edited = ideas_->UpdateIdea(employee_, idea.id, in);
  ASSERT_TRUE(edited.ok()) << edited.status().ToString();
  EXPECT_EQ(edited->title, "Ny rubrik");
  auto colleague = Member(org_, Role::kEmployee, "eva@exempelby.se");
  EXPECT_EQ(ideas_->UpdateIdea(colleague, idea.id, in).status().code(), StatusCode::kPermissionDenied);
}

TEST_P(IdeaServiceTest, AttachmentsAreTypeAndSizeChecked) {
  Idea idea = Submit(employee_);
  auto pdf = ideas_->AddAttachment(employee_, idea.id, "../../plan.pdf", "%PDF-1.4\n1 0 obj\n");
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(pdf->file_name, "plan.pdf");
  EXPECT_EQ(pdf->content_type, "application/pdf");
  auto html = ideas_->AddAttachment(employee_, idea.id, "x.pdf", "<html><script>alert(1)</script></html>");
  EXPECT_EQ(html.status().code(), StatusCode::kInvalidArgument);
  auto big = ideas_->AddAttachment(employee_, idea.id, "big.txt", std::string(2000, 'a'));
  EXPECT_EQ(big.status().code(), StatusCode::kInvalidArgument);
  auto read = ideas_->GetAttachment(employee_, idea.id, pdf->id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->second, "%PDF-1.4\n1 0 obj\n");
  EXPECT_EQ(Count("ideas_attachments"), 1);
}

TEST_P(IdeaServiceTest, ListFiltersBySdgValueTypeAreaAndStageKind) {
  Submit(employee_, Input("Matsedlar"));
  IdeaInput other = Input("Cykelbibliotek");
  other.sdgs = {11};
  other.value_types = {"environmental"};
  other.area = "urban_development";
  Idea bikes = Submit(employee_, other);
  ASSERT_TRUE(ideas_->MoveIdea(coordinator_, bikes.id, StageOfKind(org_, StageKind::kAssessment).id, "").ok());
  auto titles = [&](IdeaFilter f) {
    std::vector<std::string> out;
    auto page = ideas_->ListIdeas(employee_, f);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (page.ok()) {
      for (const Idea& i : page->items) out.push_back(i.title);
    }
    return out;
  };
  EXPECT_THAT(titles({.sdg = 11}), ElementsAre("Cykelbibliotek"));
  EXPECT_THAT(titles({.sdg = 1}), ElementsAre());
  EXPECT_THAT(titles({.value_type = "social"}), ElementsAre("Matsedlar"));
  EXPECT_THAT(titles({.area = "urban_development"}), ElementsAre("Cykelbibliotek"));
  EXPECT_THAT(titles({.stage_kind = StageKind::kIdea}), ElementsAre("Matsedlar"));
  EXPECT_THAT(titles({.sort = IdeaSort::kTitle}), ElementsAre("Cykelbibliotek", "Matsedlar"));
  EXPECT_THAT(titles({.sort = IdeaSort::kTitle, .offset = 1, .limit = 1}), ElementsAre("Matsedlar"));
}

TEST_P(IdeaServiceTest, AListCountsItsMatchesOnlyUpToItsLimitAndSaysThereAreMore) {
  for (int idx = 0; idx < 5; ++idx) Submit(employee_, Input("Idé " + std::to_string(idx)));
  auto capped = ideas_->ListIdeas(coordinator_, {.limit = 2, .count_limit = 3});
  ASSERT_TRUE(capped.ok()) << capped.status().ToString();
  EXPECT_EQ(capped->items.size(), 2u);
  EXPECT_EQ(capped->total, 3);
  EXPECT_TRUE(capped->total_capped);
  // The pages go on past what was counted.
  auto last = ideas_->ListIdeas(coordinator_, {.offset = 4, .limit = 2, .count_limit = 3});
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->items.size(), 1u);
  auto exact = ideas_->ListIdeas(coordinator_, {.limit = 2, .count_limit = 5});
  EXPECT_EQ(exact->total, 5);
  EXPECT_FALSE(exact->total_capped);
}

TEST_P(IdeaServiceTest, FiltersCombineAndOnlyTheSetOnesApply) {
  IdeaInput school = Input("Skolidé");
  IdeaInput care = Input("Omsorgsidé");
  care.area = "elderly_care";
  care.sdgs = {3};
  Submit(employee_, school);
  Submit(employee_, care);
  EXPECT_EQ(ideas_->ListIdeas(coordinator_, {})->total, 2);
  EXPECT_EQ(ideas_->ListIdeas(coordinator_, {.area = "school"})->total, 1);
  EXPECT_EQ(ideas_->ListIdeas(coordinator_, {.area = "school", .sdg = 12})->total, 1);
  EXPECT_EQ(ideas_->ListIdeas(coordinator_, {.area = "elderly_care", .sdg = 12})->total, 0);
  EXPECT_EQ(ideas_->ListIdeas(coordinator_, {.mine = *employee_.person_id, .sort = IdeaSort::kTitle})
                ->items.front().title, "Omsorgsidé");
}

NYTTIG_INSTANTIATE_ENGINES(IdeaServiceTest);

}  // namespace
}  // namespace nyttig::ideas
