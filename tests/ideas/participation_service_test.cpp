// ParticipationService on SQLite and PostgreSQL: comments threaded one
// level with a 15-minute edit window, moderation and reports, supports that
// stay one per person under concurrency, follows that bring notices about
// new comments and moves, and secrecy across organisations.
#include "ideas/participation_service.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "ideas/assessment_service.h"
#include "ideas/ideas_test_support.h"

namespace nyttig::ideas {
namespace {

using accounts::Role;
using std::chrono::minutes;

class ParticipationServiceTest : public IdeasTest {
 protected:
  void SetUp() override {
    IdeasTest::SetUp();
    participation_ = std::make_unique<ParticipationService>(db(), clock_, audit_log_, *inbox_, *ideas_);
    ideas_->AddGateCheck(&participation_->follower_notifier());
    org_ = Org("Exempelby kommun");
    coordinator_ = Member(org_, Role::kCoordinator, "anna@exempelby.se", "Anna Berg");
    author_ = Member(org_, Role::kEmployee, "omar@exempelby.se", "Omar Said");
    colleague_ = Member(org_, Role::kEmployee, "sara@exempelby.se", "Sara Lind");
    auto idea = ideas_->SubmitIdea(author_, org_, Input());
    ASSERT_TRUE(idea.ok()) << idea.status().ToString();
    idea_ = *idea;
  }

  Comment Add(const accounts::Actor& who, const std::string& text,
              std::optional<CommentId> parent = {}) {
    auto c = participation_->AddComment(who, idea_.id, text, parent);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : Comment{};
  }

  std::unique_ptr<ParticipationService> participation_;
  OrganisationId org_ = 0;
  accounts::Actor coordinator_, author_, colleague_;
  Idea idea_;
};

TEST_P(ParticipationServiceTest, RepliesThreadOneLevelUnderTheirComment) {
  Comment top = Add(colleague_, "Kan detta gälla förskolan också?");
  Add(author_, "Ja, det tror jag.", top.id);
  Comment reply = Add(coordinator_, "Vi tar med förskolan i testet.", top.id);
  auto nested = participation_->AddComment(colleague_, idea_.id, "Svar på svar", reply.id);
  ASSERT_EQ(nested.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(nested.status().invalid_parameters()[0].name, "parent_id");
  auto threads = participation_->ListComments(colleague_, idea_.id);
  ASSERT_TRUE(threads.ok());
  ASSERT_EQ(threads->size(), 1u);
  EXPECT_EQ((*threads)[0].replies.size(), 2u);
  EXPECT_EQ((*threads)[0].author_name, "Sara Lind");
}

TEST_P(ParticipationServiceTest, AuthorEditsACommentForFifteenMinutesOnly) {
  Comment c = Add(colleague_, "Bra idé");
  clock_.Advance(minutes(14));
  auto edited = participation_->EditComment(colleague_, idea_.id, c.id, "Bra idé, jag stöder den");
  ASSERT_TRUE(edited.ok()) << edited.status().ToString();
  EXPECT_EQ(edited->body, "Bra idé, jag stöder den");
  EXPECT_TRUE(edited->edited_at.has_value());
  clock_.Advance(minutes(2));
  auto late = participation_->EditComment(colleague_, idea_.id, c.id, "För sent");
  EXPECT_EQ(late.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(late.status().message(), "ideas.comment.edit_window");
  EXPECT_EQ(participation_->EditComment(author_, idea_.id, c.id, "Inte min").status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("ideas_comments", "body = 'Bra idé, jag stöder den'"), 1);
}

TEST_P(ParticipationServiceTest, HiddenCommentKeepsItsPlaceWithTheReasonOnly) {
  Comment c = Add(colleague_, "Ett olämpligt inlägg");
  EXPECT_EQ(participation_->HideComment(colleague_, idea_.id, c.id, "Nej").status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(participation_->HideComment(coordinator_, idea_.id, c.id, " ").status().code(),
            StatusCode::kInvalidArgument);
  ASSERT_TRUE(participation_->HideComment(coordinator_, idea_.id, c.id, "Personangrepp").ok());
  auto seen = participation_->ListComments(author_, idea_.id);
  ASSERT_TRUE(seen.ok());
  EXPECT_TRUE((*seen)[0].hidden());
  EXPECT_EQ((*seen)[0].body, "");
  EXPECT_EQ((*seen)[0].hidden_reason, "Personangrepp");
  EXPECT_EQ((*participation_->ListComments(coordinator_, idea_.id))[0].body,
            "Ett olämpligt inlägg");
  EXPECT_EQ(Count("inbox_notifications", "kind = 'idea.comment_hidden'"), 1);
  EXPECT_EQ(Count("audit_entries", "action = 'idea.comment.hide'"), 1);
}

TEST_P(ParticipationServiceTest, APersonReportsACommentOnceAndModeratorsSeeTheCount) {
  Comment c = Add(colleague_, "Något som bryter mot reglerna");
  ASSERT_TRUE(participation_->ReportComment(author_, idea_.id, c.id, "Kränkande").ok());
  Status again = participation_->ReportComment(author_, idea_.id, c.id, "Igen");
  EXPECT_EQ(again.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(again.message(), "ideas.comment.already_reported");  // our text, not the database's
  EXPECT_EQ((*participation_->ListComments(coordinator_, idea_.id))[0].reports, 1);
  EXPECT_EQ((*participation_->ListComments(author_, idea_.id))[0].reports, 0);
}

TEST_P(ParticipationServiceTest, SupportIsOnePerPersonUnderConcurrency) {
  constexpr int kThreads = 6;
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    threads.emplace_back([&] {
      auto done = participation_->SetSupport(colleague_, idea_.id, true);
      if (!done.ok()) ADD_FAILURE() << done.status().ToString();
    });
  }
  for (auto& t : threads) t.join();
  auto state = participation_->SetSupport(author_, idea_.id, true);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->supports, 2);
  EXPECT_EQ(Count("ideas_supports"), 2);
  EXPECT_EQ(Count("audit_entries", "action = 'idea.support'"), 2);
  auto withdrawn = participation_->SetSupport(colleague_, idea_.id, false);
  EXPECT_EQ(withdrawn->supports, 1);
  EXPECT_FALSE(withdrawn->supported);
}

TEST_P(ParticipationServiceTest, FollowersHearOfNewCommentsAndMoves) {
  ASSERT_TRUE(participation_->SetFollow(colleague_, idea_.id, true).ok());
  Add(coordinator_, "Vi tittar på det här nästa vecka.");
  const std::string to_colleague = "person_id = " + std::to_string(*colleague_.person_id);
  EXPECT_EQ(Count("inbox_notifications", to_colleague + " AND kind = 'idea.commented'"), 1);
  // The author hears of the comment too (as an author), once.
  const std::string to_author = "person_id = " + std::to_string(*author_.person_id);
  EXPECT_EQ(Count("inbox_notifications", to_author + " AND kind = 'idea.commented'"), 1);
  auto moved = ideas_->MoveIdea(coordinator_, idea_.id,
                                StageOfKind(org_, StageKind::kAssessment).id, "");
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(Count("inbox_notifications", to_colleague + " AND kind = 'idea.followed_moved'"), 1);
  // Authors get IdeaService's own notice, not a second one.
  EXPECT_EQ(Count("inbox_notifications", to_author + " AND kind = 'idea.followed_moved'"), 0);
}

TEST_P(ParticipationServiceTest, ARefusedMoveSendsNoNoticeToFollowers) {
  AssessmentService assessment(db(), clock_, audit_log_, *inbox_);
  IdeaService gated(db(), clock_, audit_log_, *inbox_, *files_);
  gated.AddGateCheck(&assessment.legal_gate());
  gated.AddGateCheck(&participation_->follower_notifier());
  accounts::Actor decision_maker = Member(org_, Role::kDecisionMaker, "lena@exempelby.se");
  ASSERT_TRUE(participation_->SetFollow(colleague_, idea_.id, true).ok());
  ASSERT_TRUE(gated.MoveIdea(coordinator_, idea_.id,
                             StageOfKind(org_, StageKind::kAssessment).id, "").ok());
  const auto notices = Count("inbox_notifications");
  auto refused = gated.MoveIdea(decision_maker, idea_.id, StageOfKind(org_, StageKind::kTest).id, "");
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Count("inbox_notifications"), notices);
}

TEST_P(ParticipationServiceTest, AnotherOrganisationGuessingIdsAnswersNotFound) {
  Comment c = Add(colleague_, "Intern kommentar");
  OrganisationId other = Org("Grannby kommun");
  accounts::Actor stranger = Member(other, Role::kCoordinator, "kim@grannby.se");
  EXPECT_EQ(participation_->ListComments(stranger, idea_.id).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(participation_->AddComment(stranger, idea_.id, "Hej", {}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(participation_->HideComment(stranger, idea_.id, c.id, "Nej").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(participation_->SetSupport(stranger, idea_.id, true).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(participation_->SetFollow(stranger, idea_.id, true).status().code(),
            StatusCode::kNotFound);
  // A comment id of one idea under another idea's path is not found either.
  auto second = ideas_->SubmitIdea(author_, org_, Input("Cykelpool för hemtjänsten"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(participation_->HideComment(coordinator_, second->id, c.id, "Fel").status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(Count("ideas_supports") + Count("ideas_follows", "person_id = " +
                                            std::to_string(*stranger.person_id)),
            0);
}

TEST_P(ParticipationServiceTest, MergeKeepsSupportsAndHistoryAndPointsToTheOriginal) {
  auto duplicate = ideas_->SubmitIdea(colleague_, org_, Input("Allergener på matsedeln"));
  ASSERT_TRUE(duplicate.ok());
  ASSERT_TRUE(participation_->SetSupport(colleague_, idea_.id, true).ok());
  ASSERT_TRUE(participation_->SetSupport(colleague_, duplicate->id, true).ok());
  ASSERT_TRUE(participation_->SetSupport(coordinator_, duplicate->id, true).ok());
  EXPECT_EQ(participation_->MergeIdeas(author_, duplicate->id, idea_.id, "Samma behov").status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(participation_->MergeIdeas(coordinator_, duplicate->id, idea_.id, "").status().code(),
            StatusCode::kInvalidArgument);
  auto merged = participation_->MergeIdeas(coordinator_, duplicate->id, idea_.id, "Samma behov");
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  EXPECT_EQ(participation_->GetParticipation(author_, idea_.id)->supports, 2);  // one per person
  EXPECT_EQ(*participation_->MergedInto(author_, duplicate->id), idea_.id);
  auto history = ideas_->History(coordinator_, duplicate->id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);  // submitted, then closed as merged
  EXPECT_EQ(history->back().to_stage_key, "closed");
  EXPECT_EQ(ideas_->GetIdea(coordinator_, duplicate->id)->stage.kind, StageKind::kClosed);
  // The duplicate's author hears that it was closed, as with any move.
  auto told = inbox_->List(colleague_, 1, 20);
  ASSERT_TRUE(told.ok());
  ASSERT_FALSE(told->items.empty());
  EXPECT_EQ(told->items[0].kind, "idea.moved");
  EXPECT_EQ(told->items[0].link, "/ideas/" + std::to_string(duplicate->id));
  EXPECT_EQ(participation_->MergeIdeas(coordinator_, duplicate->id, idea_.id, "Igen").status().code(),
            StatusCode::kFailedPrecondition);
}

NYTTIG_INSTANTIATE_ENGINES(ParticipationServiceTest);

}  // namespace
}  // namespace nyttig::ideas
