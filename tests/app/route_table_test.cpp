// The wide surface as a table: request → expected status, for an anonymous
// client, a logged-in person without memberships and an organisation admin.
// Plus 404 and 405 (with Allow) for paths and methods that do not exist.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/app_test_fixture.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;

enum class Who { kAnonymous, kCitizen, kOrgAdmin };

struct Row {
  Who who;
  http::Method method;
  std::string target;  // "{org}" is replaced by the organisation's id
  std::string body;    // JSON; empty for none
  int expected;
};

std::string WhoName(Who who) {
  switch (who) {
    case Who::kAnonymous:
      return "anonymous";
    case Who::kCitizen:
      return "citizen";
    case Who::kOrgAdmin:
      return "org admin";
  }
  return "?";
}

const std::vector<Row>& Table() {
  using M = http::Method;
  static const std::vector<Row> rows = {
      // Public reads.
      {Who::kAnonymous, M::kGet, "/api/v1/api-info", "", 200},
      {Who::kAnonymous, M::kGet, "/api/v1/openapi.json", "", 200},
      {Who::kAnonymous, M::kGet, "/api/v1/organisations", "", 200},
      {Who::kAnonymous, M::kGet, "/api/v1/organisations/{org}", "", 200},
      {Who::kAnonymous, M::kGet, "/api/v1/organisations/{org}/units", "", 200},
      {Who::kAnonymous, M::kGet, "/api/v1/organisations/424242", "", 404},
      {Who::kAnonymous, M::kGet, "/api/v1/organisations/424242/units", "", 404},
      {Who::kAnonymous, M::kGet, "/", "", 200},
      {Who::kAnonymous, M::kGet, "/organisations", "", 200},
      {Who::kAnonymous, M::kGet, "/accessibility", "", 200},
      {Who::kAnonymous, M::kGet, "/accessibility/feedback", "", 200},
      {Who::kAnonymous, M::kGet, "/register", "", 200},
      {Who::kAnonymous, M::kGet, "/login", "", 200},
      {Who::kAnonymous, M::kGet, "/password/forgot", "", 200},
      {Who::kAnonymous, M::kGet, "/profile", "", 303},
      // Log-in required.
      {Who::kAnonymous, M::kGet, "/api/v1/me", "", 401},
      {Who::kAnonymous, M::kGet, "/api/v1/tokens", "", 401},
      {Who::kAnonymous, M::kGet, "/api/v1/organisations/{org}/members", "", 401},
      {Who::kAnonymous, M::kPost, "/api/v1/organisations/{org}/membership-requests", "{}", 401},
      {Who::kAnonymous, M::kPost, "/api/v1/organisations", R"({"name": "X", "kind": "region"})",
       401},
      // A person without memberships.
      {Who::kCitizen, M::kGet, "/api/v1/me", "", 200},
      {Who::kCitizen, M::kGet, "/api/v1/tokens", "", 200},
      {Who::kCitizen, M::kGet, "/api/v1/organisations/{org}/members", "", 403},
      {Who::kCitizen, M::kGet, "/api/v1/organisations/{org}/audit-entries", "", 403},
      {Who::kCitizen, M::kGet, "/api/v1/audit-heads", "", 403},
      {Who::kCitizen, M::kPost, "/api/v1/organisations", R"({"name": "X", "kind": "region"})", 403},
      {Who::kCitizen, M::kPatch, "/api/v1/organisations/{org}", R"({"name": "X"})", 403},
      {Who::kCitizen, M::kPost, "/api/v1/organisations/{org}/units", R"({"name": "IT"})", 403},
      {Who::kCitizen, M::kPost, "/api/v1/organisations/{org}/membership-requests", "{}", 201},
      {Who::kCitizen, M::kPost, "/api/v1/organisations/424242/membership-requests", "{}", 404},
      {Who::kCitizen, M::kDelete, "/api/v1/tokens/424242", "", 404},
      {Who::kCitizen, M::kDelete, "/api/v1/memberships/424242", "", 404},
      {Who::kCitizen, M::kGet, "/profile", "", 200},
      // The organisation's admin.
      {Who::kOrgAdmin, M::kGet, "/api/v1/organisations/{org}/members", "", 200},
      {Who::kOrgAdmin, M::kGet, "/api/v1/organisations/{org}/membership-requests", "", 200},
      {Who::kOrgAdmin, M::kGet, "/api/v1/organisations/{org}/audit-entries", "", 200},
      {Who::kOrgAdmin, M::kGet, "/api/v1/organisations/{org}/audit-entries/export", "", 200},
      {Who::kOrgAdmin, M::kGet, "/api/v1/organisations/{org}/tokens", "", 200},
      {Who::kOrgAdmin, M::kPatch, "/api/v1/organisations/{org}", R"({"description": "Ny"})", 200},
      {Who::kOrgAdmin, M::kPatch, "/api/v1/organisations/{org}", R"({"kind": "region"})", 400},
      {Who::kOrgAdmin, M::kPost, "/api/v1/organisations/{org}/units", R"({"name": "IT"})", 201},
      {Who::kOrgAdmin, M::kPost, "/api/v1/organisations/{org}/units",
       R"({"name": "IT", "parent_id": 424242})", 404},
      {Who::kOrgAdmin, M::kPost, "/api/v1/organisations/{org}/units", R"({"name": ""})", 400},
      {Who::kOrgAdmin, M::kPost, "/api/v1/organisations/{org}/members",
       R"({"email": "nobody@example.se", "role": "employee"})", 404},
      {Who::kOrgAdmin, M::kPost, "/api/v1/organisations/{org}/members",
       R"({"email": "admin@ale.se", "role": "king"})", 400},
      {Who::kOrgAdmin, M::kPost, "/api/v1/organisations/{org}/tokens",
       R"({"name": "Diarium", "scopes": ["read"], "expires_in_days": 30})", 201},
      {Who::kOrgAdmin, M::kPost, "/api/v1/organisations/{org}/tokens",
       R"({"name": "Diarium", "scopes": ["root"]})", 400},
      {Who::kOrgAdmin, M::kPost, "/api/v1/organisations/{org}/tokens",
       R"({"name": "Diarium", "scopes": ["read"], "expires_in_days": 9999})", 400},
      {Who::kOrgAdmin, M::kPost, "/api/v1/organisations/{org}/membership-requests", "{}", 409},
      {Who::kOrgAdmin, M::kPost, "/api/v1/membership-requests/424242/decision",
       R"({"approve": true})", 404},
      {Who::kOrgAdmin, M::kPost, "/api/v1/password-resets", R"({"email": "nobody@example.se"})",
       202},
      {Who::kOrgAdmin, M::kPost, "/api/v1/password-resets/confirm",
       R"({"token": "nope", "password": "Kanelbulle-med-kaffe"})", 400},
      {Who::kOrgAdmin, M::kGet, "/o/ale-kommun/members", "", 200},
      {Who::kOrgAdmin, M::kGet, "/o/ale-kommun/", "", 200},
      {Who::kOrgAdmin, M::kGet, "/o/ale-kommun", "", 301},
      {Who::kOrgAdmin, M::kGet, "/o/no-such-kommun/", "", 404},
  };
  return rows;
}

class HttpRouteTableTest : public AppHttpTest {};

TEST_P(HttpRouteTableTest, EachRequestGetsItsExpectedStatus) {
  const std::int64_t org = CreateOrganisation("Ale kommun", "admin@ale.se");
  Register("citizen@example.org");
  for (const Row& row : Table()) {
    std::string target = row.target;
    if (size_t at = target.find("{org}"); at != std::string::npos) {
      target.replace(at, 5, std::to_string(org));
    }
    TestClient client = row.who == Who::kAnonymous ? NewClient()
                        : row.who == Who::kCitizen ? LoggedInExisting("citizen@example.org")
                                                   : LoggedInExisting("admin@ale.se");
    Call call{.method = row.method, .target = target, .body = row.body};
    if (!row.body.empty()) call.content_type = "application/json";
    http::Response r = client.Send(call);
    EXPECT_EQ(r.status, row.expected) << WhoName(row.who) << " " << http::MethodName(row.method)
                                      << " " << target << " → " << r.body;
    if (r.status >= 400 && target.starts_with("/api/")) {
      EXPECT_EQ(r.headers.Get("Content-Type").value_or(""), "application/problem+json") << target;
    }
  }
}

TEST_P(HttpRouteTableTest, UnknownApiPathIs404Problem) {
  TestClient client = NewClient();
  http::Response r = client.Get("/api/v1/ideas-that-do-not-exist");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.headers.Get("Content-Type").value_or(""), "application/problem+json");
  json problem = BodyJson(r);
  EXPECT_EQ(problem["type"], "/problems/not-found");
  EXPECT_EQ(problem["instance"], "/api/v1/ideas-that-do-not-exist");
}

TEST_P(HttpRouteTableTest, UnknownPageIs404PageForBrowsers) {
  TestClient client = NewClient();
  http::Response r = client.Send({.target = "/no-such-page", .headers = {{"Accept", "text/html"}}});
  EXPECT_EQ(r.status, 404);
  EXPECT_THAT(std::string(r.headers.Get("Content-Type").value_or("")),
              ::testing::HasSubstr("text/html"));
}

TEST_P(HttpRouteTableTest, WrongMethodIs405WithAllow) {
  TestClient client = NewClient();
  http::Response r = client.Delete("/api/v1/organisations");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.headers.Get("Allow").value_or(""), "GET, POST");
  json problem = BodyJson(r);
  EXPECT_EQ(problem["status"], 405);
  EXPECT_EQ(problem["type"], "/problems/method-not-allowed");
  EXPECT_EQ(problem["instance"], "/api/v1/organisations");

  http::Response put = client.Send({.method = http::Method::kPut, .target = "/api/v1/me"});
  EXPECT_EQ(put.status, 405);
  EXPECT_EQ(put.headers.Get("Allow").value_or(""), "GET");
}

TEST_P(HttpRouteTableTest, WrongMethodIsAPageForBrowsers) {
  TestClient client = NewClient();
  http::Response r = client.Send({.target = "/logout", .headers = {{"Accept", "text/html"}}});
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.headers.Get("Allow").value_or(""), "POST");
  EXPECT_THAT(std::string(r.headers.Get("Content-Type").value_or("")),
              ::testing::HasSubstr("text/html"));
  EXPECT_THAT(r.body, ::testing::HasSubstr("formulär"));
}

TEST_P(HttpRouteTableTest, HeadIsAnsweredLikeGet) {
  TestClient client = NewClient();
  EXPECT_EQ(client.Send({.method = http::Method::kHead, .target = "/healthz"}).status, 200);
}

NYTTIG_INSTANTIATE_ENGINES(HttpRouteTableTest);

}  // namespace
}  // namespace nyttig::app::testing
