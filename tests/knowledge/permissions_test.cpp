// The knowledge module's permission predicates as a role × action matrix.
#include "knowledge/permissions.h"

#include <gtest/gtest.h>

namespace nyttig::knowledge {
namespace {

using accounts::Role;
constexpr std::int64_t kOrg = 7;
constexpr std::int64_t kOther = 8;
constexpr std::int64_t kAuthor = 100;

Actor Member(std::optional<Role> role, std::int64_t org = kOrg, std::int64_t person = 1) {
  Actor a;
  a.person_id = person;
  a.method = accounts::AuthMethod::kSession;
  if (role) a.memberships.push_back({.person_id = person, .organisation_id = org, .role = *role});
  return a;
}

Case InState(CaseState state) {
  return Case{.organisation_id = kOrg, .state = state, .created_by = kAuthor};
}

struct Row {
  const char* who;
  Actor actor;
  bool view_draft, edit_draft, review, adopt_for_other, add_document, add_shared;
};

std::vector<Row> Matrix() {
  Actor admin = Member(std::nullopt);
  admin.platform_admin = true;
  Actor other_coordinator = Member(Role::kCoordinator, kOther);
  Actor token_read = Member(Role::kCoordinator);
  token_read.method = accounts::AuthMethod::kToken;
  token_read.scopes = {accounts::TokenScope::kRead};
  return {
      // who                 actor                          view edit review adopt addDoc shared
      {"anonymous", Actor::Anonymous(), false, false, false, false, false, false},
      {"citizen", Member(std::nullopt), false, false, false, false, false, false},
      {"employee", Member(Role::kEmployee), false, false, false, false, false, false},
      {"author", Member(Role::kEmployee, kOrg, kAuthor), true, true, false, false, false, false},
      {"coordinator", Member(Role::kCoordinator), true, true, true, false, true, false},
      {"decision maker", Member(Role::kDecisionMaker), false, false, false, false, false, false},
      {"org admin", Member(Role::kAdmin), true, true, true, false, true, false},
      {"other org coordinator", other_coordinator, false, false, false, true, false, false},
      {"read-only token", token_read, true, false, false, false, false, false},
      {"platform admin", admin, true, true, true, true, true, true},
  };
}

TEST(KnowledgePermissionsTest, RoleByActionMatrix) {
  const Case draft = InState(CaseState::kDraft);
  const Case published = InState(CaseState::kPublished);
  for (const Row& row : Matrix()) {
    SCOPED_TRACE(row.who);
    EXPECT_EQ(CanViewCase(row.actor, draft), row.view_draft);
    EXPECT_TRUE(CanViewCase(row.actor, published));
    EXPECT_EQ(CanEditCase(row.actor, draft), row.edit_draft);
    EXPECT_EQ(CanReviewCase(row.actor, draft), row.review);
    EXPECT_EQ(CanRecordAdoption(row.actor, kOther, published), row.adopt_for_other);
    EXPECT_EQ(CanAddDocument(row.actor, kOrg), row.add_document);
    EXPECT_EQ(CanAddDocument(row.actor, std::nullopt), row.add_shared);
  }
}

TEST(KnowledgePermissionsTest, NobodyAdoptsTheirOwnOrAnUnpublishedCase) {
  Actor coordinator = Member(Role::kCoordinator, kOther);
  EXPECT_FALSE(CanRecordAdoption(coordinator, kOther, InState(CaseState::kReview)));
  Actor own = Member(Role::kCoordinator, kOrg);
  EXPECT_FALSE(CanRecordAdoption(own, kOrg, InState(CaseState::kPublished)));
}

TEST(KnowledgePermissionsTest, InternalDocumentsOnlyForMembers) {
  EXPECT_TRUE(CanViewDocument(Actor::Anonymous(), kOrg, true));
  EXPECT_FALSE(CanViewDocument(Actor::Anonymous(), kOrg, false));
  EXPECT_TRUE(CanViewDocument(Member(Role::kEmployee), kOrg, false));
  EXPECT_FALSE(CanViewDocument(Member(Role::kEmployee, kOther), kOrg, false));
}

TEST(KnowledgePermissionsTest, AuthorLosesEditOncePublishedButCoordinatorKeepsIt) {
  Case published = InState(CaseState::kPublished);
  EXPECT_FALSE(CanEditCase(Member(Role::kEmployee, kOrg, kAuthor), published));
  EXPECT_TRUE(CanEditCase(Member(Role::kCoordinator), published));
}

}  // namespace
}  // namespace nyttig::knowledge
