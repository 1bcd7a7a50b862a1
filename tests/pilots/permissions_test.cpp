// The permission predicates of pilots/permissions.h as a role × action
// matrix. Every cell is written out: changing a rule changes a visible cell,
// and a failure names the actor and the action.
#include "pilots/permissions.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "support/actors.h"

namespace nyttig::pilots {
namespace {

using testing::ServiceTokenActor;

using accounts::Actor;
using accounts::AuthMethod;
using accounts::Role;
using accounts::TokenScope;

constexpr std::int64_t kOrgA = 1;
constexpr std::int64_t kOrgB = 2;

Actor Person(std::int64_t id) {
  Actor actor;
  actor.person_id = id;
  actor.method = AuthMethod::kSession;
  return actor;
}

Actor MemberOf(std::int64_t id, std::int64_t org, Role role) {
  Actor actor = Person(id);
  actor.memberships.push_back({.id = id, .person_id = id, .organisation_id = org, .role = role});
  return actor;
}


Actor PlatformAdmin() {
  Actor actor = Person(90);
  actor.platform_admin = true;
  return actor;
}

Pilot PilotOf(std::int64_t org, PilotState state, bool published) {
  Pilot pilot;
  pilot.id = 7;
  pilot.organisation_id = org;
  pilot.state = state;
  pilot.published = published;
  return pilot;
}

struct Action {
  const char* name;
  std::function<bool(const Actor&)> allowed;
};

const Pilot kDraft = PilotOf(kOrgA, PilotState::kRunning, false);
const Pilot kPublished = PilotOf(kOrgA, PilotState::kRunning, true);
const Pilot kDecided = PilotOf(kOrgA, PilotState::kDecided, false);

const std::vector<Action> kActions = {
    {"view draft", [](const Actor& a) { return CanViewPilot(a, kDraft); }},
    {"view published", [](const Actor& a) { return CanViewPilot(a, kPublished); }},
    {"plan in A", [](const Actor& a) { return CanPlanPilot(a, kOrgA); }},
    {"edit running", [](const Actor& a) { return CanEditPilot(a, kDraft); }},
    {"edit decided", [](const Actor& a) { return CanEditPilot(a, kDecided); }},
    {"enter data", [](const Actor& a) { return CanEnterMeasurements(a, kDraft); }},
    {"decide", [](const Actor& a) { return CanDecidePilot(a, kDraft); }},
    {"decide decided", [](const Actor& a) { return CanDecidePilot(a, kDecided); }},
};

struct Row {
  const char* actor_name;
  Actor actor;
  std::vector<bool> expected;  // one per kActions entry, in order
};

TEST(PilotPermissionsTest, RoleByActionMatrix) {
  const std::vector<Row> rows = {
      //                                    view  pub   plan  edit  editD data  dec   decD
      {"anonymous", Actor::Anonymous(), {false, true, false, false, false, false, false, false}},
      {"citizen", Person(5), {false, true, false, false, false, false, false, false}},
      {"employee A", MemberOf(1, kOrgA, Role::kEmployee),
       {true, true, false, false, false, false, false, false}},
      {"coordinator A", MemberOf(2, kOrgA, Role::kCoordinator),
       {true, true, true, true, false, true, false, false}},
      {"decision maker A", MemberOf(3, kOrgA, Role::kDecisionMaker),
       {true, true, false, false, false, false, true, false}},
      {"admin A", MemberOf(4, kOrgA, Role::kAdmin),
       {true, true, true, true, false, true, false, false}},
      {"coordinator B", MemberOf(6, kOrgB, Role::kCoordinator),
       {false, true, false, false, false, false, false, false}},
      {"decision maker B", MemberOf(7, kOrgB, Role::kDecisionMaker),
       {false, true, false, false, false, false, false, false}},
      {"platform admin", PlatformAdmin(), {true, true, false, false, false, false, false, false}},
      {"service token A read", ServiceTokenActor(kOrgA, TokenScope::kRead),
       {true, true, false, false, false, false, false, false}},
      {"service token A write", ServiceTokenActor(kOrgA, TokenScope::kWrite),
       {true, true, true, true, false, true, false, false}},
      {"service token B write", ServiceTokenActor(kOrgB, TokenScope::kWrite),
       {false, true, false, false, false, false, false, false}},
  };
  for (const Row& row : rows) {
    ASSERT_EQ(row.expected.size(), kActions.size()) << row.actor_name;
    for (size_t action_idx = 0; action_idx < kActions.size(); ++action_idx) {
      EXPECT_EQ(kActions[action_idx].allowed(row.actor), row.expected[action_idx])
          << row.actor_name << " × " << kActions[action_idx].name;
    }
  }
}

TEST(PilotPermissionsTest, ReadOnlyPersonalTokenOfCoordinatorCannotPlan) {
  Actor actor = MemberOf(2, kOrgA, Role::kCoordinator);
  actor.method = AuthMethod::kToken;
  actor.scopes = {TokenScope::kRead};
  EXPECT_TRUE(CanViewPilot(actor, kDraft));
  EXPECT_FALSE(CanPlanPilot(actor, kOrgA));
  EXPECT_FALSE(CanEnterMeasurements(actor, kDraft));
}

}  // namespace
}  // namespace nyttig::pilots
