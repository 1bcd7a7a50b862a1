// The assessment and participation predicates as a role × action matrix:
// every actor against every write of the slice (and reading the assessment),
// on an internal idea of the organisation. Pure functions, no database.
#include "ideas/participation_permissions.h"
#include "support/actors.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace nyttig::ideas {
namespace {

using testing::PersonActor;
using testing::ServiceTokenActor;

using accounts::Actor;
using accounts::AuthMethod;
using accounts::Role;
using accounts::TokenScope;

constexpr OrganisationId kOrg = 1;
constexpr OrganisationId kOtherOrg = 2;
constexpr PersonId kAuthorId = 50;
constexpr PersonId kReviewerId = 51;



std::map<std::string, Actor> Actors() {
  return {{"anonymous", Actor::Anonymous()},
          {"citizen", PersonActor(10)},
          {"employee", PersonActor(11, {{kOrg, Role::kEmployee}})},
          {"author", PersonActor(kAuthorId, {{kOrg, Role::kEmployee}})},
          {"reviewer", PersonActor(kReviewerId, {{kOrg, Role::kEmployee}})},
          {"coordinator", PersonActor(12, {{kOrg, Role::kCoordinator}})},
          {"decision_maker", PersonActor(13, {{kOrg, Role::kDecisionMaker}})},
          {"admin", PersonActor(14, {{kOrg, Role::kAdmin}})},
          {"other_coordinator", PersonActor(15, {{kOtherOrg, Role::kCoordinator}})},
          {"read_token", ServiceTokenActor(kOrg, TokenScope::kRead)},
          {"write_token", ServiceTokenActor(kOrg, TokenScope::kWrite)}};
}

Idea InternalIdea() {
  Idea idea;
  idea.id = 7;
  idea.organisation_id = kOrg;
  idea.stage = {.id = 100, .organisation_id = kOrg, .key = "idea", .kind = StageKind::kIdea};
  idea.stage_id = 100;
  idea.submitter_id = kAuthorId;
  idea.authors = {{kAuthorId, "Författare"}};
  return idea;
}

struct Row {
  std::string actor;
  bool criteria, view_assessment, assign, review, legal, participate, moderate, merge, board;
};

// Reviewing is asked with is_reviewer = (actor is "reviewer").
const std::vector<Row> kMatrix = {
    // actor              crit   view   assign review legal  part   moder  merge  board
    {"anonymous",         false, false, false, false, false, false, false, false, false},
    {"citizen",           false, false, false, false, false, false, false, false, false},
    {"employee",          false, false, false, false, false, true,  false, false, false},
    {"author",            false, false, false, false, false, true,  false, false, false},
    {"reviewer",          false, true,  false, true,  false, true,  false, false, false},
    {"coordinator",       true,  true,  true,  false, true,  true,  true,  true,  true},
    {"decision_maker",    false, true,  false, false, true,  true,  false, false, true},
    {"admin",             true,  true,  true,  false, true,  true,  true,  true,  true},
    {"other_coordinator", false, false, false, false, false, false, false, false, false},
    {"read_token",        false, true,  false, false, false, false, false, false, true},
    {"write_token",       true,  true,  true,  false, true,  false, true,  true,  true},
};

TEST(ParticipationPermissionsTest, RoleByActionMatrix) {
  const auto actors = Actors();
  const Idea idea = InternalIdea();
  Idea original = InternalIdea();
  original.id = 8;
  for (const Row& row : kMatrix) {
    SCOPED_TRACE(row.actor);
    const Actor& a = actors.at(row.actor);
    const bool is_reviewer = row.actor == "reviewer";
    EXPECT_EQ(CanManageCriteria(a, kOrg), row.criteria);
    EXPECT_EQ(CanViewAssessment(a, idea, is_reviewer), row.view_assessment);
    EXPECT_EQ(CanAssignReviewers(a, idea), row.assign);
    EXPECT_EQ(CanReviewIdea(a, idea, is_reviewer), row.review);
    EXPECT_EQ(CanAnswerLegalChecklist(a, idea), row.legal);
    EXPECT_EQ(CanParticipate(a, idea), row.participate);
    EXPECT_EQ(CanModerateComments(a, idea), row.moderate);
    EXPECT_EQ(CanMergeIdeas(a, idea, original), row.merge);
    EXPECT_EQ(CanUseBoard(a, kOrg), row.board);
  }
}

TEST(ParticipationPermissionsTest, CitizensTakePartInPublicIdeasOnly) {
  Idea idea = InternalIdea();
  const Actor citizen = PersonActor(10);
  EXPECT_FALSE(CanParticipate(citizen, idea));
  idea.visibility = Visibility::kPublic;
  EXPECT_TRUE(CanParticipate(citizen, idea));
  EXPECT_FALSE(CanParticipate(Actor::Anonymous(), idea));
}

TEST(ParticipationPermissionsTest, NothingIsWrittenOnACulledIdea) {
  Idea idea = InternalIdea();
  idea.culled_at = 1;
  const Actor coordinator = PersonActor(12, {{kOrg, Role::kCoordinator}});
  EXPECT_FALSE(CanAssignReviewers(coordinator, idea));
  EXPECT_FALSE(CanAnswerLegalChecklist(coordinator, idea));
  EXPECT_FALSE(CanParticipate(coordinator, idea));
  EXPECT_FALSE(CanModerateComments(coordinator, idea));
}

TEST(ParticipationPermissionsTest, MergingNeedsTwoIdeasOfOneOrganisation) {
  const Actor coordinator = PersonActor(12, {{kOrg, Role::kCoordinator}});
  Idea idea = InternalIdea();
  EXPECT_FALSE(CanMergeIdeas(coordinator, idea, idea));  // not into itself
  Idea elsewhere = InternalIdea();
  elsewhere.id = 9;
  elsewhere.organisation_id = kOtherOrg;
  EXPECT_FALSE(CanMergeIdeas(coordinator, idea, elsewhere));
}

TEST(ParticipationPermissionsTest, CommentAuthorEditsForFifteenMinutesOnly) {
  const Actor author = PersonActor(kAuthorId, {{kOrg, Role::kEmployee}});
  const Actor someone_else = PersonActor(11, {{kOrg, Role::kEmployee}});
  const UnixSeconds written = 1000;
  EXPECT_TRUE(CanEditComment(author, kAuthorId, written, false, written + 15 * 60));
  EXPECT_FALSE(CanEditComment(author, kAuthorId, written, false, written + 15 * 60 + 1));
  EXPECT_FALSE(CanEditComment(someone_else, kAuthorId, written, false, written + 60));
  EXPECT_FALSE(CanEditComment(author, kAuthorId, written, true, written + 60));  // hidden
  EXPECT_FALSE(CanEditComment(Actor::Anonymous(), kAuthorId, written, false, written));
}

}  // namespace
}  // namespace nyttig::ideas
