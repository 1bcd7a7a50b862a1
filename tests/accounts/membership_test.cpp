// OrganisationService memberships, roles and requests to join, on SQLite
// and PostgreSQL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "accounts/accounts_test_support.h"

namespace nyttig::accounts {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class OrganisationMembershipTest : public AccountsTest {
protected:
  void SetUp() override {
    AccountsTest::SetUp();
    platform_admin_ = PlatformAdmin();
    org_a_ = *organisations_->CreateOrganisation(
        platform_admin_, {.name = "Åre kommun", .kind = "municipality"});
    org_b_ = *organisations_->CreateOrganisation(
        platform_admin_, {.name = "Berg kommun", .kind = "municipality"});
    admin_a_ = MakeMember(org_a_.id, "admin@are.se", Role::kAdmin);
    admin_b_ = MakeMember(org_b_.id, "admin@berg.se", Role::kAdmin);
  }

  // Registers a person with `role` in `org` and returns their session actor.
  Actor MakeMember(OrganisationId org, const std::string &email, Role role) {
    Person person = Register(email, "Person " + email);
    StatusOr<Membership> m =
        organisations_->GrantRole(platform_admin_, org, email, role, {});
    EXPECT_TRUE(m.ok()) << m.status().ToString();
    return SessionActor(person.id);
  }

  Actor Citizen(const std::string &email = "anna@exempel.se") {
    return SessionActor(Register(email).id);
  }

  std::vector<std::string> MemberEmails(OrganisationId org) {
    std::vector<std::string> emails;
    StatusOr<Paged<Membership>> members =
        organisations_->ListMembers(platform_admin_, org, {1, 100});
    EXPECT_TRUE(members.ok()) << members.status().ToString();
    if (!members.ok())
      return emails;
    for (const Membership &m : members->items) {
      emails.push_back(m.person_email + ":" + std::string(RoleName(m.role)));
    }
    return emails;
  }

  MembershipRequest Request(const Actor &actor, OrganisationId org) {
    StatusOr<MembershipRequest> request =
        organisations_->RequestMembership(actor, org, "Hej!");
    EXPECT_TRUE(request.ok()) << request.status().ToString();
    return request.ok() ? *request : MembershipRequest{};
  }

  Actor platform_admin_;
  Organisation org_a_;
  Organisation org_b_;
  Actor admin_a_;
  Actor admin_b_;
};

TEST_P(OrganisationMembershipTest, AnAdminGrantsARoleByEmail) {
  Register("emma@exempel.se", "Emma");
  StatusOr<Membership> m = organisations_->GrantRole(
      admin_a_, org_a_.id, " Emma@Exempel.se ", Role::kCoordinator, {});
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->role, Role::kCoordinator);
  EXPECT_EQ(m->organisation_name, "Åre kommun");
  EXPECT_THAT(MemberEmails(org_a_.id),
              ::testing::UnorderedElementsAre("admin@are.se:admin",
                                              "emma@exempel.se:coordinator"));
  EXPECT_EQ(AuditActions(org_a_.id).front(), "membership.grant");
  ExpectAuditChainsVerify();
}

TEST_P(OrganisationMembershipTest, GrantingToAnUnknownEmailIsNotFound) {
  StatusOr<Membership> m = organisations_->GrantRole(
      admin_a_, org_a_.id, "okand@exempel.se", Role::kEmployee, {});
  EXPECT_EQ(m.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(InvalidFields(m.status()),
              ElementsAre("email:accounts.members.person_not_found"));
}

TEST_P(OrganisationMembershipTest, GrantingTheSameRoleTwiceIsAlreadyExists) {
  Register("emma@exempel.se", "Emma");
  ASSERT_TRUE(organisations_
                  ->GrantRole(admin_a_, org_a_.id, "emma@exempel.se",
                              Role::kEmployee, {})
                  .ok());
  EXPECT_EQ(organisations_
                ->GrantRole(admin_a_, org_a_.id, "emma@exempel.se",
                            Role::kEmployee, {})
                .status()
                .code(),
            StatusCode::kAlreadyExists);
}

TEST_P(OrganisationMembershipTest,
       GrantingWithAUnitOfAnotherOrganisationIsRejected) {
  Register("emma@exempel.se", "Emma");
  Unit unit_of_b =
      *organisations_->CreateUnit(admin_b_, org_b_.id, "Skola", {});
  StatusOr<Membership> m = organisations_->GrantRole(
      admin_a_, org_a_.id, "emma@exempel.se", Role::kEmployee, unit_of_b.id);
  EXPECT_EQ(m.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(MemberEmails(org_a_.id), ElementsAre("admin@are.se:admin"));
}

TEST_P(OrganisationMembershipTest, AMembershipCanNameItsUnit) {
  Register("emma@exempel.se", "Emma");
  Unit unit =
      *organisations_->CreateUnit(admin_a_, org_a_.id, "Hemtjänsten", {});
  StatusOr<Membership> m = organisations_->GrantRole(
      admin_a_, org_a_.id, "emma@exempel.se", Role::kEmployee, unit.id);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->unit_id, unit.id);
  EXPECT_EQ(m->unit_name, "Hemtjänsten");
}

TEST_P(OrganisationMembershipTest,
       AnAdminOfAnotherOrganisationCannotGrantOrRevoke) {
  Register("emma@exempel.se", "Emma");
  EXPECT_EQ(
      organisations_
          ->GrantRole(admin_b_, org_a_.id, "emma@exempel.se", Role::kAdmin, {})
          .status()
          .code(),
      StatusCode::kPermissionDenied);
  Membership admin_membership = admin_a_.memberships.at(0);
  // Another organisation's membership ids are not even confirmed to exist.
  EXPECT_EQ(
      organisations_->RevokeMembership(admin_b_, admin_membership.id).code(),
      StatusCode::kNotFound);
  EXPECT_THAT(MemberEmails(org_a_.id), ElementsAre("admin@are.se:admin"));
}

TEST_P(OrganisationMembershipTest, OnlyMembersSeeTheMemberList) {
  Actor employee = MakeMember(org_a_.id, "emma@exempel.se", Role::kEmployee);
  EXPECT_TRUE(organisations_->ListMembers(employee, org_a_.id, {1, 20}).ok());
  // Anonymous visitors are asked to log in; logged-in outsiders are refused.
  EXPECT_EQ(organisations_->ListMembers(Actor::Anonymous(), org_a_.id, {1, 20}).status().code(),
            StatusCode::kUnauthenticated);
  for (const Actor &outsider : {Citizen(), admin_b_}) {
    EXPECT_EQ(organisations_->ListMembers(outsider, org_a_.id, {1, 20})
                  .status()
                  .code(),
              StatusCode::kPermissionDenied);
  }
}

TEST_P(OrganisationMembershipTest, TheMemberListIsPagedWithATotal) {
  for (int idx = 0; idx < 4; ++idx) {
    MakeMember(org_a_.id, "person" + std::to_string(idx) + "@exempel.se",
               Role::kEmployee);
  }
  StatusOr<Paged<Membership>> page =
      organisations_->ListMembers(admin_a_, org_a_.id, {2, 2});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total, 5);
  EXPECT_EQ(page->items.size(), 2u);
  EXPECT_EQ(
      organisations_->ListMembers(admin_a_, org_a_.id, {3, 2})->items.size(),
      1u);
}

TEST_P(OrganisationMembershipTest, RevokingAMembershipRemovesTheRole) {
  MakeMember(org_a_.id, "emma@exempel.se", Role::kCoordinator);
  StatusOr<Paged<Membership>> members =
      organisations_->ListMembers(admin_a_, org_a_.id, {1, 20});
  ASSERT_TRUE(members.ok());
  std::int64_t coordinator = 0;
  for (const Membership &m : members->items) {
    if (m.role == Role::kCoordinator)
      coordinator = m.id;
  }
  ASSERT_TRUE(organisations_->RevokeMembership(admin_a_, coordinator).ok());
  EXPECT_THAT(MemberEmails(org_a_.id), ElementsAre("admin@are.se:admin"));
  EXPECT_EQ(AuditActions(org_a_.id).front(), "membership.revoke");
}

TEST_P(OrganisationMembershipTest, TheLastAdminCannotBeRemoved) {
  Actor second = MakeMember(org_a_.id, "admin2@are.se", Role::kAdmin);
  ASSERT_TRUE(
      organisations_->RevokeMembership(admin_a_, second.memberships.at(0).id)
          .ok());
  Status last =
      organisations_->RevokeMembership(admin_a_, admin_a_.memberships.at(0).id);
  EXPECT_EQ(last.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(last.message(), "accounts.members.last_admin");
  EXPECT_EQ(
      organisations_
          ->RevokeMembership(platform_admin_, admin_a_.memberships.at(0).id)
          .code(),
      StatusCode::kFailedPrecondition);
  EXPECT_THAT(MemberEmails(org_a_.id), ElementsAre("admin@are.se:admin"));
}

TEST_P(OrganisationMembershipTest, ACitizenRequestsToJoinOnlyOnceWhilePending) {
  Actor citizen = Citizen();
  MembershipRequest request = Request(citizen, org_a_.id);
  EXPECT_EQ(request.state, RequestState::kPending);
  EXPECT_EQ(request.message, "Hej!");
  StatusOr<MembershipRequest> again =
      organisations_->RequestMembership(citizen, org_a_.id, "");
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(again.status().message(), "accounts.request.already_pending");
  EXPECT_EQ(organisations_->PendingRequests(admin_a_, org_a_.id)->size(), 1u);
  EXPECT_EQ(AuditActions(org_a_.id).front(), "membership.request");
  // Another organisation is a separate request.
  Request(citizen, org_b_.id);
  EXPECT_EQ(organisations_->MyRequests(citizen)->size(), 2u);
}

TEST_P(OrganisationMembershipTest, MembersAndAnonymousCannotRequest) {
  Actor employee = MakeMember(org_a_.id, "emma@exempel.se", Role::kEmployee);
  EXPECT_EQ(organisations_->RequestMembership(employee, org_a_.id, "")
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(organisations_->RequestMembership(Actor::Anonymous(), org_a_.id, "")
                .status()
                .code(),
            StatusCode::kUnauthenticated);
  EXPECT_THAT(*organisations_->PendingRequests(admin_a_, org_a_.id), IsEmpty());
}

TEST_P(OrganisationMembershipTest, ApprovalMakesTheRequesterAnEmployee) {
  Actor citizen = Citizen();
  MembershipRequest request = Request(citizen, org_a_.id);
  ASSERT_TRUE(organisations_->DecideRequest(admin_a_, request.id, true).ok());
  Actor member = SessionActor(*citizen.person_id);
  EXPECT_TRUE(member.HasRole(org_a_.id, Role::kEmployee));
  EXPECT_THAT(*organisations_->PendingRequests(admin_a_, org_a_.id), IsEmpty());
  EXPECT_EQ(organisations_->MyRequests(citizen)->at(0).state,
            RequestState::kApproved);
  EXPECT_EQ(AuditActions(org_a_.id).front(), "membership.request_approved");
  ExpectAuditChainsVerify();
}

TEST_P(OrganisationMembershipTest, RejectionMakesNoMember) {
  Actor citizen = Citizen();
  MembershipRequest request = Request(citizen, org_a_.id);
  ASSERT_TRUE(organisations_->DecideRequest(admin_a_, request.id, false).ok());
  EXPECT_FALSE(SessionActor(*citizen.person_id).IsMemberOf(org_a_.id));
  EXPECT_EQ(organisations_->MyRequests(citizen)->at(0).state,
            RequestState::kRejected);
  EXPECT_EQ(organisations_->DecideRequest(admin_a_, request.id, true).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_FALSE(SessionActor(*citizen.person_id).IsMemberOf(org_a_.id));
}

TEST_P(OrganisationMembershipTest, OnlyThatOrganisationsAdminDecides) {
  Actor citizen = Citizen();
  Actor employee = MakeMember(org_a_.id, "emma@exempel.se", Role::kEmployee);
  MembershipRequest request = Request(citizen, org_a_.id);
  // A member of the organisation is told no; outsiders learn nothing.
  EXPECT_EQ(organisations_->DecideRequest(employee, request.id, true).code(),
            StatusCode::kPermissionDenied);
  for (const Actor &other : {admin_b_, citizen}) {
    EXPECT_EQ(organisations_->DecideRequest(other, request.id, true).code(),
              StatusCode::kNotFound);
  }
  EXPECT_EQ(
      organisations_->PendingRequests(admin_b_, org_a_.id).status().code(),
      StatusCode::kPermissionDenied);
  EXPECT_EQ(organisations_->PendingRequests(admin_a_, org_a_.id)->size(), 1u);
  EXPECT_FALSE(SessionActor(*citizen.person_id).IsMemberOf(org_a_.id));
}

TEST_P(OrganisationMembershipTest, AServiceTokenWithAdminScopeCanApprove) {
  StatusOr<CreatedToken> token = tokens_->CreateServiceToken(
      admin_a_, org_a_.id, {.name = "Diarium", .scopes = {"admin"}});
  ASSERT_TRUE(token.ok()) << token.status().ToString();
  StatusOr<Actor> service = tokens_->ResolveBearer(token->secret, Origin());
  ASSERT_TRUE(service.ok()) << service.status().ToString();
  Actor citizen = Citizen();
  MembershipRequest request = Request(citizen, org_a_.id);
  Status decided = organisations_->DecideRequest(*service, request.id, true);
  ASSERT_TRUE(decided.ok()) << decided.ToString();
  EXPECT_TRUE(
      SessionActor(*citizen.person_id).HasRole(org_a_.id, Role::kEmployee));
  ExpectAuditChainsVerify();
}

NYTTIG_INSTANTIATE_ENGINES(OrganisationMembershipTest);

} // namespace
} // namespace nyttig::accounts
