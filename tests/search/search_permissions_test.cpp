// Who finds what, as a role × audience matrix.
#include <gtest/gtest.h>

#include "accounts/actor.h"
#include "search/search_permissions.h"

namespace nyttig::search {
namespace {

constexpr std::int64_t kOrg = 7;
constexpr std::int64_t kOtherOrg = 8;

accounts::Actor MemberWith(accounts::Role role, std::int64_t org = kOrg) {
  accounts::Actor actor;
  actor.person_id = 1;
  actor.method = accounts::AuthMethod::kSession;
  actor.memberships.push_back({.id = 1, .person_id = 1, .organisation_id = org, .role = role});
  return actor;
}

TEST(SearchPermissionsTest, RoleByAudienceMatrix) {
  struct Row {
    std::string name;
    accounts::Actor actor;
    bool public_doc, organisation_doc, coordinators_doc, nobody_doc;
  };
  accounts::Actor citizen;
  citizen.person_id = 2;
  citizen.method = accounts::AuthMethod::kSession;
  accounts::Actor platform_admin = citizen;
  platform_admin.platform_admin = true;
  const std::vector<Row> rows{
      {"anonymous", accounts::Actor::Anonymous(), true, false, false, false},
      {"citizen", citizen, true, false, false, false},
      {"platform admin", platform_admin, true, false, false, false},
      {"employee", MemberWith(accounts::Role::kEmployee), true, true, false, false},
      {"decision maker", MemberWith(accounts::Role::kDecisionMaker), true, true, false, false},
      {"coordinator", MemberWith(accounts::Role::kCoordinator), true, true, true, false},
      {"admin", MemberWith(accounts::Role::kAdmin), true, true, true, false},
      {"admin elsewhere", MemberWith(accounts::Role::kAdmin, kOtherOrg), true, false, false, false},
  };
  for (const Row& row : rows) {
    const Visibility v = VisibilityFor(row.actor);
    EXPECT_EQ(CanFind(v, Audience::kPublic, kOrg), row.public_doc) << row.name;
    EXPECT_EQ(CanFind(v, Audience::kOrganisation, kOrg), row.organisation_doc) << row.name;
    EXPECT_EQ(CanFind(v, Audience::kCoordinators, kOrg), row.coordinators_doc) << row.name;
    EXPECT_EQ(CanFind(v, Audience::kNobody, kOrg), row.nobody_doc) << row.name;
  }
}

TEST(SearchPermissionsTest, ServiceTokenSeesItsOrganisationAsAMember) {
  accounts::Actor token;
  token.method = accounts::AuthMethod::kToken;
  token.service_organisation = kOrg;
  const Visibility v = VisibilityFor(token);
  EXPECT_TRUE(CanFind(v, Audience::kOrganisation, kOrg));
  EXPECT_FALSE(CanFind(v, Audience::kCoordinators, kOrg));
  EXPECT_FALSE(CanFind(v, Audience::kOrganisation, kOtherOrg));
}

TEST(SearchPermissionsTest, OrganisationAudienceWithoutOrganisationIsFoundByNoOne) {
  EXPECT_FALSE(CanFind(VisibilityFor(MemberWith(accounts::Role::kAdmin)),
                       Audience::kOrganisation, std::nullopt));
}

}  // namespace
}  // namespace nyttig::search
