// The ideas module's permission predicates as a role × action matrix, and
// the pipeline's transition rules: pure functions, no database.
#include "ideas/idea_permissions.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "ideas/idea_service.h"
#include "support/actors.h"

namespace nyttig::ideas {
namespace {

using testing::PersonActor;

using accounts::Actor;
using accounts::AuthMethod;
using accounts::Role;

constexpr OrganisationId kOrg = 1;
constexpr OrganisationId kOtherOrg = 2;
constexpr PersonId kAuthorId = 50;


// The actors of the matrix, by name.
std::map<std::string, Actor> Actors() {
  return {{"anonymous", Actor::Anonymous()},
          {"citizen", PersonActor(10)},
          {"employee", PersonActor(11, {{kOrg, Role::kEmployee}})},
          {"author", PersonActor(kAuthorId, {{kOrg, Role::kEmployee}})},
          {"coordinator", PersonActor(12, {{kOrg, Role::kCoordinator}})},
          {"decision_maker", PersonActor(13, {{kOrg, Role::kDecisionMaker}})},
          {"admin", PersonActor(14, {{kOrg, Role::kAdmin}})},
          {"other_coordinator", PersonActor(15, {{kOtherOrg, Role::kCoordinator}})},
          {"other_decision_maker", PersonActor(16, {{kOtherOrg, Role::kDecisionMaker}})}};
}

Stage StageOf(StageKind kind, OrganisationId org = kOrg) {
  return {.id = 100 + int(kind), .organisation_id = org, .position = int(kind) + 1,
          .key = std::string(StageKindName(kind)), .kind = kind};
}

Idea InternalIdea() {
  Idea idea;
  idea.id = 7;
  idea.organisation_id = kOrg;
  idea.stage = StageOf(StageKind::kIdea);
  idea.stage_id = idea.stage.id;
  idea.submitter_id = kAuthorId;
  idea.authors = {{kAuthorId, "Författare"}};
  idea.owner_id = 12;
  return idea;
}

struct Row {
  std::string actor;
  bool view_internal, view_public, view_anonymous, edit, feedback, unpublish, settings, cull;
  // Moves into idea, assessment, test, implementation, spread, parked, closed.
  std::vector<bool> move;
};

const std::vector<Row> kMatrix = {
    //                  view  pub   anon  edit  feed  unpub sett  cull   idea   ass    test   impl   spread park   close
    {"anonymous",       false, true, false, false, false, false, false, false, {false, false, false, false, false, false, false}},
    {"citizen",         false, true, false, false, false, false, false, false, {false, false, false, false, false, false, false}},
    {"employee",        true,  true, false, false, false, false, false, false, {false, false, false, false, false, false, false}},
    {"author",          true,  true, true,  true,  false, false, false, false, {false, false, false, false, false, false, false}},
    {"coordinator",     true,  true, true,  true,  true,  true,  true,  false, {true,  true,  false, false, true,  true,  true}},
    {"decision_maker",  true,  true, false, false, false, false, false, false, {false, false, true,  true,  false, true,  true}},
    {"admin",           true,  true, true,  true,  true,  true,  true,  true,  {true,  true,  false, false, true,  true,  true}},
    {"other_coordinator",    false, true, false, false, false, false, false, false, {false, false, false, false, false, false, false}},
    {"other_decision_maker", false, true, false, false, false, false, false, false, {false, false, false, false, false, false, false}},
};

TEST(IdeaPermissionsTest, RoleByActionMatrix) {
  auto actors = Actors();
  Idea internal = InternalIdea();
  Idea open = internal;
  open.visibility = Visibility::kPublic;
  Idea anonymous = internal;
  anonymous.anonymous = true;
  for (const Row& row : kMatrix) {
    SCOPED_TRACE(row.actor);
    const Actor& a = actors.at(row.actor);
    EXPECT_EQ(CanViewIdea(a, internal), row.view_internal);
    EXPECT_EQ(CanViewIdea(a, open), row.view_public);
    EXPECT_EQ(CanViewIdea(a, anonymous), row.view_anonymous);
    EXPECT_EQ(CanEditIdea(a, internal), row.edit);
    EXPECT_EQ(CanGiveFeedback(a, internal), row.feedback);
    EXPECT_EQ(CanUnpublishIdea(a, internal), row.unpublish);
    EXPECT_EQ(CanManageIdeaSettings(a, kOrg), row.settings);
    EXPECT_EQ(CanCullIdeas(a, kOrg), row.cull);
    for (StageKind kind : kAllStageKinds) {
      SCOPED_TRACE(std::string(StageKindName(kind)));
      EXPECT_EQ(CanMoveIdea(a, internal, StageOf(kind)), row.move[int(kind)]);
    }
  }
}

TEST(IdeaPermissionsTest, NobodySeesOrMovesACulledIdea) {
  Idea culled = InternalIdea();
  culled.visibility = Visibility::kPublic;
  culled.culled_at = 1;
  for (const auto& [name, actor] : Actors()) {
    SCOPED_TRACE(name);
    EXPECT_FALSE(CanViewIdea(actor, culled));
    EXPECT_FALSE(CanMoveIdea(actor, culled, StageOf(StageKind::kClosed)));
  }
}

TEST(IdeaPermissionsTest, UnpublishedIdeasAreForCoordinatorsAndAuthorsOnly) {
  auto actors = Actors();
  Idea idea = InternalIdea();
  idea.visibility = Visibility::kPublic;
  idea.unpublished_at = 5;
  EXPECT_FALSE(CanViewIdea(actors.at("employee"), idea));
  EXPECT_FALSE(CanViewIdea(actors.at("anonymous"), idea));
  EXPECT_TRUE(CanViewIdea(actors.at("author"), idea));
  EXPECT_TRUE(CanViewIdea(actors.at("coordinator"), idea));
}

TEST(IdeaPermissionsTest, AuthorsEditOnlyWhileTheIdeaIsAnIdea) {
  Idea idea = InternalIdea();
  idea.stage = StageOf(StageKind::kAssessment);
  EXPECT_FALSE(CanEditIdea(Actors().at("author"), idea));
  EXPECT_TRUE(CanEditIdea(Actors().at("coordinator"), idea));
}

TEST(IdeaPermissionsTest, TheOwnerGivesFeedback) {
  Idea idea = InternalIdea();
  idea.owner_id = 11;
  EXPECT_TRUE(CanGiveFeedback(Actors().at("employee"), idea));
}

TEST(IdeaPermissionsTest, MovesIntoAnotherOrganisationsStageAreRefused) {
  EXPECT_FALSE(CanMoveIdea(Actors().at("coordinator"), InternalIdea(),
                           StageOf(StageKind::kAssessment, kOtherOrg)));
}

TEST(IdeaPermissionsTest, IdeaBoxTakesCitizensAndAnonymousOnlyWhereAllowed) {
  IdeaSettings closed;
  IdeaSettings open{.public_box_open = true};
  IdeaSettings open_anonymous{.anonymous_allowed = true, .public_box_open = true};
  auto actors = Actors();
  EXPECT_FALSE(CanSubmitToIdeaBox(actors.at("citizen"), closed));
  EXPECT_TRUE(CanSubmitToIdeaBox(actors.at("citizen"), open));
  EXPECT_FALSE(CanSubmitToIdeaBox(actors.at("anonymous"), open));
  EXPECT_TRUE(CanSubmitToIdeaBox(actors.at("anonymous"), open_anonymous));
  EXPECT_TRUE(CanSubmitStaffIdea(actors.at("employee"), kOrg));
  EXPECT_FALSE(CanSubmitStaffIdea(actors.at("citizen"), kOrg));
  EXPECT_FALSE(CanSubmitStaffIdea(actors.at("other_coordinator"), kOrg));
}

TEST(IdeaPermissionsTest, AReadOnlyTokenMovesNothing) {
  Actor token = PersonActor(12, {{kOrg, Role::kCoordinator}});
  token.method = AuthMethod::kToken;
  token.scopes = {accounts::TokenScope::kRead};
  EXPECT_TRUE(CanViewIdea(token, InternalIdea()));
  EXPECT_FALSE(CanMoveIdea(token, InternalIdea(), StageOf(StageKind::kAssessment)));
}

// --- transitions ---

std::vector<Stage> Sluice() {
  std::vector<Stage> stages = TemplateStages(PipelineTemplate::kIdeaSluice);
  for (size_t idx = 0; idx < stages.size(); ++idx) stages[idx].id = StageId(idx + 1);
  return stages;
}

TEST(IdeaTransitionTest, ForwardOneStageIsAllowed) {
  auto p = Sluice();
  EXPECT_TRUE(CheckTransition(p, p[0], p[1], "").ok());
}

TEST(IdeaTransitionTest, JumpingOverAGateIsRefused) {
  auto p = Sluice();
  Status s = CheckTransition(p, p[0], p[2], "");
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.message(), "ideas.move.skip");
}

TEST(IdeaTransitionTest, ParkingAndClosingNeedAReason) {
  auto p = Sluice();
  for (size_t side : {size_t(5), size_t(6)}) {
    Status s = CheckTransition(p, p[1], p[side], "  ");
    ASSERT_EQ(s.code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(s.invalid_parameters().at(0).name, "reason");
    EXPECT_TRUE(CheckTransition(p, p[1], p[side], "Ingen budget i år").ok());
  }
}

TEST(IdeaTransitionTest, ClosedIsFinalAndParkedResumesBeforeTheFirstGate) {
  auto p = Sluice();  // idé, bedömning, test, införande, spridning, parkerad, avslutad
  EXPECT_EQ(CheckTransition(p, p[6], p[0], "").code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(CheckTransition(p, p[5], p[0], "").ok());
  EXPECT_TRUE(CheckTransition(p, p[5], p[1], "").ok());
  // Parking was once a way round every gate: park at "idé", resume at "spridning".
  for (int past_gate : {2, 3, 4}) {
    Status s = CheckTransition(p, p[5], p[past_gate], "");
    EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << p[past_gate].key;
    EXPECT_EQ(s.message(), "ideas.move.resume_past_gate");
  }
  EXPECT_TRUE(CheckTransition(p, p[3], p[1], "").ok());  // back a step
  EXPECT_EQ(CheckTransition(p, p[1], p[1], "").code(), StatusCode::kFailedPrecondition);
}

TEST(IdeaTransitionTest, ServiceDesignTemplateHasItsSevenStagesAndTheSideStages) {
  auto stages = TemplateStages(PipelineTemplate::kServiceDesign);
  ASSERT_EQ(stages.size(), 9u);
  EXPECT_EQ(stages[0].name, "Ringa in");
  EXPECT_EQ(stages[4].kind, StageKind::kTest);
  EXPECT_EQ(stages[6].name, "Spridd");
  EXPECT_EQ(stages[7].kind, StageKind::kParked);
  EXPECT_EQ(stages[8].kind, StageKind::kClosed);
}

TEST(IdeaTransitionTest, WhoActsNextIsTheDecisionMakerBeforeAGate) {
  auto p = Sluice();
  Idea idea;
  idea.stage = p[1];  // bedömning → test is a gate
  EXPECT_EQ(WhoActsNext(idea, p), NextActor::kDecisionMaker);
  idea.stage = p[0];
  EXPECT_EQ(WhoActsNext(idea, p), NextActor::kCoordinator);
  idea.stage = p[6];
  EXPECT_EQ(WhoActsNext(idea, p), NextActor::kNobody);
}

TEST(IdeaValidationTest, ListsEveryProblemAtOnce) {
  IdeaInput in;
  in.origin = "copy";
  in.sdgs = {0, 18};
  in.value_types = {"happiness"};
  auto idea = ValidateIdeaInput(in);
  ASSERT_FALSE(idea.ok());
  std::vector<std::string> names;
  Status problems = idea.status();
  for (const auto& p : problems.invalid_parameters()) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"title", "need", "solution", "value_types",
                                             "source_url", "sdgs", "sdgs"}));
}

}  // namespace
}  // namespace nyttig::ideas
