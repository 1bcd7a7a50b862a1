// No data leaks across organisations: the admin of one organisation (by
// session or by its service token) can neither read nor change another's
// members, requests, audit log or tokens.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/app_test_fixture.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;

class HttpIsolationTest : public AppHttpTest {
 protected:
  void SetUp() override {
    AppHttpTest::SetUp();
    if (HasFatalFailure()) return;
    org_a_ = CreateOrganisation("Ale kommun", "admin@ale.se");
    org_b_ = CreateOrganisation("Borås stad", "admin@boras.se");
    TestClient admin_b = LoggedInExisting("admin@boras.se");
    json token =
        BodyJson(admin_b.PostJson(B("/tokens"), R"({"name": "Diarium", "scopes": ["read"]})"));
    token_b_id_ = token.value("id", std::int64_t{0});
    token_b_ = token.value("token", "");
    ASSERT_FALSE(token_b_.empty());
    json members = BodyJson(admin_b.Get(B("/members")));
    membership_b_id_ = members["items"][0].value("id", std::int64_t{0});
    TestClient citizen = LoggedIn("sara@example.org");
    json request = BodyJson(citizen.PostJson(B("/membership-requests"), R"({"message": "Hej"})"));
    request_b_id_ = request.value("id", std::int64_t{0});
    ASSERT_NE(request_b_id_, 0);
  }

  std::string A(const std::string& rest) const {
    return "/api/v1/organisations/" + std::to_string(org_a_) + rest;
  }
  std::string B(const std::string& rest) const {
    return "/api/v1/organisations/" + std::to_string(org_b_) + rest;
  }

  std::int64_t org_a_ = 0, org_b_ = 0;
  std::int64_t token_b_id_ = 0, membership_b_id_ = 0, request_b_id_ = 0;
  std::string token_b_;
};

TEST_P(HttpIsolationTest, AdminOfACannotReadB) {
  TestClient admin_a = LoggedInExisting("admin@ale.se");
  ASSERT_EQ(admin_a.Get(A("/members")).status, 200);
  for (const std::string& target :
       {B("/members"), B("/membership-requests"), B("/audit-entries"), B("/audit-entries/export"),
        B("/tokens"), std::string("/api/v1/audit-heads")}) {
    http::Response r = admin_a.Get(target);
    EXPECT_EQ(r.status, 403) << target << " " << r.body;
    EXPECT_THAT(r.body, ::testing::Not(::testing::HasSubstr("admin@boras.se"))) << target;
    EXPECT_THAT(r.body, ::testing::Not(::testing::HasSubstr("Diarium"))) << target;
  }
}

TEST_P(HttpIsolationTest, AdminOfACannotChangeB) {
  TestClient admin_a = LoggedInExisting("admin@ale.se");
  const std::int64_t audit_before = CountRows("audit_entries");
  const std::int64_t tokens_before = CountRows("accounts_api_tokens");
  const std::int64_t memberships_before = CountRows("accounts_memberships");
  const std::int64_t units_before = CountRows("accounts_units");
  EXPECT_EQ(admin_a.PostJson(B("/tokens"), R"({"name": "x", "scopes": ["read"]})").status, 403);
  EXPECT_EQ(admin_a.PostJson(B("/units"), R"({"name": "IT"})").status, 403);
  EXPECT_EQ(admin_a.PostJson(B("/members"), R"({"email": "admin@ale.se", "role": "admin"})").status,
            403);
  EXPECT_EQ(admin_a.PatchJson(B(""), R"({"description": "Kapad"})").status, 403);
  // Ids of B's things reveal nothing: not found, as for ids that do not exist.
  EXPECT_EQ(admin_a.Delete("/api/v1/tokens/" + std::to_string(token_b_id_)).status, 404);
  http::Response revoke = admin_a.Delete("/api/v1/memberships/" + std::to_string(membership_b_id_));
  EXPECT_THAT(revoke.status, ::testing::AnyOf(403, 404));
  http::Response decide =
      admin_a.PostJson("/api/v1/membership-requests/" + std::to_string(request_b_id_) + "/decision",
                       R"({"approve": true})");
  EXPECT_THAT(decide.status, ::testing::AnyOf(403, 404));

  EXPECT_EQ(CountRows("audit_entries"), audit_before);
  EXPECT_EQ(CountRows("accounts_api_tokens"), tokens_before);
  EXPECT_EQ(CountRows("accounts_memberships"), memberships_before);
  EXPECT_EQ(CountRows("accounts_units"), units_before);
  // B's token still works.
  TestClient script = NewClient();
  script.UseBearer(token_b_);
  EXPECT_EQ(script.Get(B("/members")).status, 200);
}

TEST_P(HttpIsolationTest, ServiceTokenOfBSeesOnlyB) {
  TestClient script = NewClient();
  script.UseBearer(token_b_);
  http::Response own = script.Get(B("/members"));
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(BodyJson(own)["total"], 1);
  EXPECT_EQ(script.Get(A("/members")).status, 403);
  EXPECT_EQ(script.Get(A("/audit-entries")).status, 403);
  EXPECT_EQ(script.Get(B("/audit-entries")).status, 403);  // read scope, audit needs admin
}

TEST_P(HttpIsolationTest, EachAdminReadsOnlyTheirOwnAuditChain) {
  TestClient admin_b = LoggedInExisting("admin@boras.se");
  http::Response r = admin_b.Get(B("/audit-entries?limit=100"));
  ASSERT_EQ(r.status, 200) << r.body;
  json page = BodyJson(r);
  ASSERT_GT(page["total"].get<int>(), 0);
  std::set<std::string> actions;
  for (const json& entry : page["items"]) actions.insert(entry.value("action", ""));
  EXPECT_TRUE(actions.count("token.create")) << r.body;
  EXPECT_TRUE(actions.count("membership.request")) << r.body;
  // Nothing here happened in A.
  TestClient admin_a = LoggedInExisting("admin@ale.se");
  json a_page = BodyJson(admin_a.Get(A("/audit-entries?limit=100")));
  for (const json& entry : a_page["items"]) {
    EXPECT_NE(entry.value("action", ""), "token.create") << entry;
    EXPECT_NE(entry.value("action", ""), "membership.request") << entry;
  }
}

TEST_P(HttpIsolationTest, MemberOfBCannotListAsMembers) {
  TestClient citizen = LoggedInExisting("sara@example.org");
  EXPECT_EQ(citizen.Get(A("/members")).status, 403);
  EXPECT_EQ(citizen.Get(B("/members")).status, 403);  // asked to join, not yet a member
  TestClient anonymous = NewClient();
  EXPECT_EQ(anonymous.Get(B("/members")).status, 401);  // log in first
  EXPECT_EQ(anonymous.Get(B("")).status, 200);  // the organisation itself is public
}

NYTTIG_INSTANTIATE_ENGINES(HttpIsolationTest);

}  // namespace
}  // namespace nyttig::app::testing
