// AssessmentService on SQLite and PostgreSQL: criteria, named reviewers and
// their reviews, the aggregate, the legal checklist as a gate to test, and
// refusals that change nothing.
#include "ideas/assessment_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ideas/ideas_test_support.h"

namespace nyttig::ideas {
namespace {

using accounts::Role;

class AssessmentServiceTest : public IdeasTest {
 protected:
  void SetUp() override {
    IdeasTest::SetUp();
    assessment_ = std::make_unique<AssessmentService>(db(), clock_, audit_log_, *inbox_);
    ideas_->AddGateCheck(&assessment_->legal_gate());
    org_ = Org("Exempelby kommun");
    coordinator_ = Member(org_, Role::kCoordinator, "anna@exempelby.se", "Anna Berg");
    employee_ = Member(org_, Role::kEmployee, "omar@exempelby.se", "Omar Said");
    reviewer_ = Member(org_, Role::kEmployee, "sara@exempelby.se", "Sara Lind");
    decision_maker_ = Member(org_, Role::kDecisionMaker, "lena@exempelby.se", "Lena Holm");
    auto idea = ideas_->SubmitIdea(employee_, org_, Input());
    ASSERT_TRUE(idea.ok()) << idea.status().ToString();
    idea_ = *idea;
  }

  ReviewInput AllScores(int score) {
    ReviewInput in{.comment = "Lovande, men kostnaden behöver räknas fram."};
    auto criteria = assessment_->GetCriteria(org_);
    EXPECT_TRUE(criteria.ok());
    for (const Criterion& c : *criteria) in.scores[c.id] = score;
    return in;
  }

  std::vector<LegalInput> AllLegalAnswers() {
    return {{"personal_data", "yes", "Vi behandlar namn på vårdnadshavare."},
            {"procurement", "no", ""},
            {"secrecy", "not_relevant", ""},
            {"delegation", "yes", "Förvaltningschefen beslutar."}};
  }

  std::unique_ptr<AssessmentService> assessment_;
  OrganisationId org_ = 0;
  accounts::Actor coordinator_, employee_, reviewer_, decision_maker_;
  Idea idea_;
};

TEST_P(AssessmentServiceTest, OrganisationStartsWithTheFiveDefaultCriteriaOnce) {
  ASSERT_TRUE(assessment_->GetCriteria(org_).ok());
  auto again = assessment_->GetCriteria(org_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->size(), 5u);
  EXPECT_EQ(Count("ideas_criteria"), 5);
}

TEST_P(AssessmentServiceTest, CoordinatorAddsACriterionWithAuditRecord) {
  auto added = assessment_->AddCriterion(
      coordinator_, org_, {.name = "Hållbart", .scale_min = 1, .scale_max = 10, .weight = 2});
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(added->key, "custom-6");
  EXPECT_EQ(Count("audit_entries", "action = 'idea_criterion.create'"), 1);
  auto refused = assessment_->AddCriterion(employee_, org_, {.name = "Billigt"});
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);
  auto invalid = assessment_->AddCriterion(coordinator_, org_, {.name = "", .weight = 11});
  EXPECT_EQ(invalid.status().invalid_parameters().size(), 2u);
  EXPECT_EQ(Count("ideas_criteria"), 6);
}

TEST_P(AssessmentServiceTest, NamedReviewerScoresAndTheIdeaShowsTheAggregate) {
  ASSERT_TRUE(assessment_->AssignReviewer(coordinator_, idea_.id, *reviewer_.person_id).ok());
  ASSERT_TRUE(assessment_->AssignReviewer(coordinator_, idea_.id, *coordinator_.person_id).ok());
  EXPECT_EQ(Count("inbox_notifications", "kind = 'idea.review_requested'"), 1);
  auto saved = assessment_->SaveReview(reviewer_, idea_.id, AllScores(5));
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  auto own = assessment_->SaveReview(coordinator_, idea_.id, AllScores(3));
  ASSERT_TRUE(own.ok()) << own.status().ToString();
  auto read = assessment_->GetAssessment(decision_maker_, idea_.id);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->summary.reviews, 2);
  EXPECT_DOUBLE_EQ(*read->summary.weighted_percent, 75);  // (100 + 50) / 2
  EXPECT_DOUBLE_EQ(*read->summary.min_percent, 50);
  EXPECT_DOUBLE_EQ(*read->summary.max_percent, 100);
  EXPECT_EQ(read->reviewers.size(), 2u);
  EXPECT_EQ(read->legal_missing.size(), 4u);
  EXPECT_FALSE(read->can_review);
  EXPECT_TRUE(read->can_answer_legal);
}

TEST_P(AssessmentServiceTest, SavingAgainReplacesTheReviewersOwnReview) {
  ASSERT_TRUE(assessment_->AssignReviewer(coordinator_, idea_.id, *reviewer_.person_id).ok());
  ASSERT_TRUE(assessment_->SaveReview(reviewer_, idea_.id, AllScores(2)).ok());
  auto second = assessment_->SaveReview(reviewer_, idea_.id, AllScores(4));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(Count("ideas_reviews"), 1);
  EXPECT_EQ(Count("ideas_review_scores", "score = 4"), 5);
  EXPECT_EQ(Count("ideas_review_scores", "score = 2"), 0);
}

TEST_P(AssessmentServiceTest, OnlyNamedReviewersScoreAndRefusalsWriteNothing) {
  auto refused = assessment_->SaveReview(employee_, idea_.id, AllScores(5));
  EXPECT_EQ(refused.status().code(), StatusCode::kPermissionDenied);
  ASSERT_TRUE(assessment_->AssignReviewer(coordinator_, idea_.id, *reviewer_.person_id).ok());
  ReviewInput out_of_scale = AllScores(9);
  EXPECT_EQ(assessment_->SaveReview(reviewer_, idea_.id, out_of_scale).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Count("ideas_reviews"), 0);
  EXPECT_EQ(assessment_->AssignReviewer(employee_, idea_.id, *employee_.person_id).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_P(AssessmentServiceTest, ReviewersMustBelongToTheIdeasOrganisation) {
  OrganisationId other = Org("Grannby kommun");
  accounts::Actor outsider = Member(other, Role::kEmployee, "kim@grannby.se");
  auto refused = assessment_->AssignReviewer(coordinator_, idea_.id, *outsider.person_id);
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().invalid_parameters()[0].name, "person_id");
  EXPECT_EQ(Count("ideas_reviewers"), 0);
}

TEST_P(AssessmentServiceTest, AuthorsAndStaffDoNotReadTheAssessment) {
  EXPECT_EQ(assessment_->GetAssessment(employee_, idea_.id).status().code(),
            StatusCode::kPermissionDenied);
  ASSERT_TRUE(assessment_->AssignReviewer(coordinator_, idea_.id, *reviewer_.person_id).ok());
  EXPECT_TRUE(assessment_->GetAssessment(reviewer_, idea_.id).ok());
}

TEST_P(AssessmentServiceTest, AnotherOrganisationGuessingTheIdAnswersNotFound) {
  OrganisationId other = Org("Grannby kommun");
  accounts::Actor stranger = Member(other, Role::kCoordinator, "kim@grannby.se");
  EXPECT_EQ(assessment_->GetAssessment(stranger, idea_.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(assessment_->AssignReviewer(stranger, idea_.id, *stranger.person_id).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(assessment_->AnswerLegalChecklist(stranger, idea_.id, AllLegalAnswers())
                .status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(assessment_->SaveReview(stranger, idea_.id, AllScores(3)).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(Count("ideas_legal_answers"), 0);
}

TEST_P(AssessmentServiceTest, LegalChecklistBlocksTheGateToTestAndChangesNothing) {
  const Stage assessment_stage = StageOfKind(org_, StageKind::kAssessment);
  const Stage test_stage = StageOfKind(org_, StageKind::kTest);
  ASSERT_TRUE(ideas_->MoveIdea(coordinator_, idea_.id, assessment_stage.id, "").ok());
  ASSERT_TRUE(assessment_->AnswerLegalChecklist(coordinator_, idea_.id,
                                                {{"personal_data", "yes", "Namn"}}).ok());
  const auto events = Count("ideas_events");
  const auto audits = Count("audit_entries");
  auto blocked = ideas_->MoveIdea(decision_maker_, idea_.id, test_stage.id, "");
  EXPECT_EQ(blocked.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(blocked.status().message(), "ideas.legal.incomplete");
  EXPECT_EQ(ideas_->GetIdea(coordinator_, idea_.id)->stage.kind, StageKind::kAssessment);
  EXPECT_EQ(Count("ideas_events"), events);
  EXPECT_EQ(Count("audit_entries"), audits);

  ASSERT_TRUE(assessment_->AnswerLegalChecklist(decision_maker_, idea_.id, AllLegalAnswers()).ok());
  auto moved = ideas_->MoveIdea(decision_maker_, idea_.id, test_stage.id, "");
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->stage.kind, StageKind::kTest);
}

TEST_P(AssessmentServiceTest, ChecklistAnswersAreKeptWithWhoAnsweredAndAudited) {
  auto answered = assessment_->AnswerLegalChecklist(coordinator_, idea_.id, AllLegalAnswers());
  ASSERT_TRUE(answered.ok()) << answered.status().ToString();
  ASSERT_EQ(answered->size(), 4u);
  EXPECT_EQ((*answered)[0].answered_by_name, "Anna Berg");
  EXPECT_EQ(Count("audit_entries", "action = 'idea.legal.answer'"), 1);
  EXPECT_EQ(assessment_->AnswerLegalChecklist(employee_, idea_.id, AllLegalAnswers())
                .status().code(),
            StatusCode::kPermissionDenied);
}

NYTTIG_INSTANTIATE_ENGINES(AssessmentServiceTest);

}  // namespace
}  // namespace nyttig::ideas
