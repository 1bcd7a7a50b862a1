// The permission predicates of accounts/permissions.h as a role × action
// matrix. Every cell is written out below: changing a rule must change a
// visible cell here, and a failure names the actor and the action.
#include "accounts/permissions.h"

#include <gtest/gtest.h>

#include <array>
#include <functional>
#include <string>
#include <vector>

namespace nyttig::accounts {
namespace {

constexpr OrganisationId kOrgA = 1;
constexpr OrganisationId kOrgB = 2;
constexpr OrganisationId kPlatformChain = 0;

Actor Person(PersonId id) {
  Actor actor;
  actor.person_id = id;
  actor.display_name = "Person " + std::to_string(id);
  actor.method = AuthMethod::kSession;
  return actor;
}

Actor MemberOf(PersonId id, OrganisationId org, Role role) {
  Actor actor = Person(id);
  actor.memberships.push_back(Membership{
      .id = id, .person_id = id, .organisation_id = org, .role = role});
  return actor;
}

Actor PlatformAdmin() {
  Actor actor = Person(90);
  actor.platform_admin = true;
  return actor;
}

// A personal token of the admin of org A: the admin's memberships, limited
// by the token's scopes.
Actor PersonalTokenOfAdminA(std::vector<TokenScope> scopes) {
  Actor actor = MemberOf(14, kOrgA, Role::kAdmin);
  actor.method = AuthMethod::kToken;
  actor.scopes = std::move(scopes);
  return actor;
}

Actor ServiceToken(OrganisationId org, std::vector<TokenScope> scopes) {
  Actor actor;
  actor.method = AuthMethod::kToken;
  actor.service_organisation = org;
  actor.display_name = "Diarium";
  actor.scopes = std::move(scopes);
  return actor;
}

struct Action {
  const char *name;
  std::function<bool(const Actor &, OrganisationId)> allowed;
};

// The columns of the matrix, in order.
const std::vector<Action> &Actions() {
  static const std::vector<Action> kActions = {
      {"view organisation", CanViewOrganisation},
      {"create organisation",
       [](const Actor &a, OrganisationId) { return CanCreateOrganisation(a); }},
      {"edit organisation", CanEditOrganisation},
      {"list members", CanListMembers},
      {"manage memberships", CanManageMemberships},
      {"manage units", CanManageUnits},
      {"request membership", CanRequestMembership},
      {"read audit log", CanReadAuditLog},
      {"read platform audit log",
       [](const Actor &a, OrganisationId) {
         return CanReadAuditLog(a, kPlatformChain);
       }},
      {"manage service tokens", CanManageServiceTokens},
      {"manage personal tokens",
       [](const Actor &a, OrganisationId) {
         return CanManagePersonalTokens(a);
       }},
  };
  return kActions;
}

struct MatrixRow {
  const char *actor_name;
  Actor actor;
  // One character per action: 'Y' allowed, '-' denied; spaces are ignored.
  std::string expected;
};

// Checks every cell of `rows` for organisation `org`; reports each wrong cell.
void CheckMatrix(const std::vector<MatrixRow> &rows, OrganisationId org) {
  for (const MatrixRow &row : rows) {
    std::string cells;
    for (char c : row.expected) {
      if (c != ' ')
        cells += c;
    }
    ASSERT_EQ(cells.size(), Actions().size()) << "row of " << row.actor_name;
    for (size_t action_idx = 0; action_idx < Actions().size(); ++action_idx) {
      const Action &action = Actions()[action_idx];
      bool expected = cells[action_idx] == 'Y';
      EXPECT_EQ(action.allowed(row.actor, org), expected)
          << row.actor_name << " / " << action.name << " on organisation "
          << org << ": expected " << (expected ? "allow" : "deny");
    }
  }
}

TEST(PermissionsTest, RoleByActionMatrixForOrganisationA) {
  // clang-format off
  //  columns:                        view create edit list members units request audit platform-audit service-tokens personal-tokens
  const std::vector<MatrixRow> rows = {
      {"anonymous",                    Actor::Anonymous(),                         "Y    -     -    -    -       -     -       -     -              -              -"},
      {"citizen (no membership)",      Person(10),                                 "Y    -     -    -    -       -     Y       -     -              -              Y"},
      {"employee of A",                MemberOf(11, kOrgA, Role::kEmployee),       "Y    -     -    Y    -       -     -       -     -              -              Y"},
      {"coordinator of A",             MemberOf(12, kOrgA, Role::kCoordinator),    "Y    -     -    Y    -       -     -       -     -              -              Y"},
      {"decision-maker of A",          MemberOf(13, kOrgA, Role::kDecisionMaker),  "Y    -     -    Y    -       -     -       -     -              -              Y"},
      {"admin of A",                   MemberOf(14, kOrgA, Role::kAdmin),          "Y    -     Y    Y    Y       Y     -       Y     -              Y              Y"},
      {"admin of B",                   MemberOf(15, kOrgB, Role::kAdmin),          "Y    -     -    -    -       -     Y       -     -              -              Y"},
      {"platform admin",               PlatformAdmin(),                            "Y    Y     Y    Y    Y       Y     Y       Y     Y              Y              Y"},
      {"personal token (read) of A's admin",
                                       PersonalTokenOfAdminA({TokenScope::kRead}), "Y    -     -    Y    -       -     -       -     -              -              -"},
      {"personal token (write) of A's admin",
                                       PersonalTokenOfAdminA({TokenScope::kWrite}),"Y    -     Y    Y    -       Y     -       -     -              -              -"},
      {"service token of A (read)",    ServiceToken(kOrgA, {TokenScope::kRead}),   "Y    -     -    Y    -       -     -       -     -              -              -"},
      {"service token of A (write)",   ServiceToken(kOrgA, {TokenScope::kWrite}),  "Y    -     Y    Y    -       Y     -       -     -              -              -"},
      {"service token of A (admin)",   ServiceToken(kOrgA, {TokenScope::kAdmin}),  "Y    -     Y    Y    Y       Y     -       Y     -              -              -"},
  };
  // clang-format on
  CheckMatrix(rows, kOrgA);
}

// What A's people and tokens may do in organisation B: nothing beyond what
// any outsider may. No rights leak across organisations.
TEST(PermissionsTest, RightsInOneOrganisationGiveNothingInAnother) {
  // clang-format off
  //  columns:                        view create edit list members units request audit platform-audit service-tokens personal-tokens
  const std::vector<MatrixRow> rows = {
      {"employee of A",                MemberOf(11, kOrgA, Role::kEmployee),       "Y    -     -    -    -       -     Y       -     -              -              Y"},
      {"admin of A",                   MemberOf(14, kOrgA, Role::kAdmin),          "Y    -     -    -    -       -     Y       -     -              -              Y"},
      {"personal token (write) of A's admin",
                                       PersonalTokenOfAdminA({TokenScope::kWrite}),"Y    -     -    -    -       -     Y       -     -              -              -"},
      {"service token of A (admin)",   ServiceToken(kOrgA, {TokenScope::kAdmin}),  "Y    -     -    -    -       -     -       -     -              -              -"},
  };
  // clang-format on
  CheckMatrix(rows, kOrgB);
}

TEST(PermissionsTest, ATokenWithoutScopesMayOnlyView) {
  Actor token = PersonalTokenOfAdminA({});
  for (const Action &action : Actions()) {
    bool expected = std::string(action.name) == "view organisation";
    EXPECT_EQ(action.allowed(token, kOrgA), expected) << action.name;
  }
}

TEST(PermissionsTest, PlatformAdminTokenWithAdminScopeMayCreateOrganisations) {
  Actor token = PlatformAdmin();
  token.method = AuthMethod::kToken;
  token.scopes = {TokenScope::kWrite};
  EXPECT_FALSE(CanCreateOrganisation(token));
  token.scopes = {TokenScope::kAdmin};
  EXPECT_TRUE(CanCreateOrganisation(token));
}

} // namespace
} // namespace nyttig::accounts
