// Paged lists and the shape of resources: ?limit (default 20, at most 100)
// and ?page (from 1), {"items","page","limit","total"}, RFC 3339 UTC times.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "app/app_test_fixture.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;

class HttpPagingTest : public AppHttpTest {
 protected:
  // Creates `count` organisations directly through the service (fast).
  void CreateOrganisations(int count) {
    PlatformAdmin();
    auto admin_id = app().db().ReadValue<std::int64_t>([](db::Tx& tx) -> StatusOr<std::int64_t> {
      long long id = 0;
      tx.sql() << "SELECT id FROM accounts_persons WHERE platform_admin = 1", soci::into(id);
      return std::int64_t(id);
    });
    ASSERT_TRUE(admin_id.ok());
    auto admin = app().accounts().ActorForPerson(*admin_id, accounts::AuthMethod::kSession);
    ASSERT_TRUE(admin.ok()) << admin.status().ToString();
    for (int org_idx = 0; org_idx < count; ++org_idx) {
      accounts::OrganisationInput input{.name = "Kommun " + std::to_string(1000 + org_idx),
                                        .kind = "municipality"};
      ASSERT_TRUE(app().organisations().CreateOrganisation(*admin, input).ok());
    }
  }
};

TEST_P(HttpPagingTest, DefaultLimitIsTwenty) {
  CreateOrganisations(25);
  TestClient client = NewClient();
  http::Response r = client.Get("/api/v1/organisations");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers.Get("Content-Type").value_or(""), "application/json");
  json page = BodyJson(r);
  EXPECT_EQ(page["items"].size(), 20u);
  EXPECT_EQ(page["page"], 1);
  EXPECT_EQ(page["limit"], 20);
  EXPECT_EQ(page["total"], 25);
}

TEST_P(HttpPagingTest, SecondPageHoldsTheRest) {
  CreateOrganisations(25);
  TestClient client = NewClient();
  json first = BodyJson(client.Get("/api/v1/organisations?limit=20&page=1"));
  json second = BodyJson(client.Get("/api/v1/organisations?limit=20&page=2"));
  ASSERT_EQ(second["items"].size(), 5u);
  EXPECT_EQ(second["page"], 2);
  std::set<std::int64_t> ids;
  for (const json& o : first["items"]) ids.insert(o["id"].get<std::int64_t>());
  for (const json& o : second["items"]) ids.insert(o["id"].get<std::int64_t>());
  EXPECT_EQ(ids.size(), 25u);  // no organisation on both pages
}

TEST_P(HttpPagingTest, PageBeyondTheEndIsEmptyNotAnError) {
  CreateOrganisations(3);
  TestClient client = NewClient();
  http::Response r = client.Get("/api/v1/organisations?page=7");
  ASSERT_EQ(r.status, 200);
  json page = BodyJson(r);
  EXPECT_TRUE(page["items"].empty());
  EXPECT_EQ(page["total"], 3);
}

TEST_P(HttpPagingTest, LimitIsCappedAtOneHundred) {
  CreateOrganisations(101);
  TestClient client = NewClient();
  json page = BodyJson(client.Get("/api/v1/organisations?limit=500"));
  EXPECT_EQ(page["limit"], 100);
  EXPECT_EQ(page["items"].size(), 100u);
  EXPECT_EQ(page["total"], 101);
}

TEST_P(HttpPagingTest, BadPagingParametersAre400WithTheParameterNamed) {
  TestClient client = NewClient();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"page=0", "page"},  {"limit=0", "limit"},   {"limit=abc", "limit"},
      {"page=-1", "page"}, {"limit=2.5", "limit"}, {"page=99999999999", "page"},
      {"limit=", "limit"},
  };
  for (const auto& [query, name] : cases) {
    http::Response r = client.Get("/api/v1/organisations?" + query);
    EXPECT_EQ(r.status, 400) << query;
    json problem = BodyJson(r);
    ASSERT_TRUE(problem.contains("invalid_parameters")) << query << " " << r.body;
    EXPECT_EQ(problem["invalid_parameters"][0].value("name", ""), name) << query;
  }
}

TEST_P(HttpPagingTest, TimestampsAreRfc3339InUtc) {
  CreateOrganisations(1);
  TestClient client = NewClient();
  json page = BodyJson(client.Get("/api/v1/organisations"));
  ASSERT_EQ(page["items"].size(), 1u);
  const std::string created = page["items"][0].value("created_at", "");
  EXPECT_TRUE(std::regex_match(created, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)")))
      << created;
  EXPECT_EQ(created, "2026-11-18T11:06:40Z");  // the fixture clock, 1795000000
}

TEST_P(HttpPagingTest, OrganisationSearchFiltersByNameAndKind) {
  CreateOrganisations(12);
  TestClient client = NewClient();
  json found = BodyJson(client.Get("/api/v1/organisations?q=Kommun%201011"));
  ASSERT_EQ(found["total"], 1) << found;
  EXPECT_EQ(found["items"][0]["name"], "Kommun 1011");
  EXPECT_EQ(BodyJson(client.Get("/api/v1/organisations?kind=region"))["total"], 0);
  http::Response bad = client.Get("/api/v1/organisations?kind=planet");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(BodyJson(bad)["invalid_parameters"][0]["name"], "kind");
}

TEST_P(HttpPagingTest, MemberListIsPaged) {
  std::int64_t org = CreateOrganisation("Exempelby kommun", "karin@exempelby.se");
  TestClient admin = LoggedInExisting("karin@exempelby.se");
  http::Response r = admin.Get("/api/v1/organisations/" + std::to_string(org) + "/members?limit=1");
  ASSERT_EQ(r.status, 200) << r.body;
  json page = BodyJson(r);
  EXPECT_EQ(page["limit"], 1);
  EXPECT_EQ(page["total"], 1);
  ASSERT_EQ(page["items"].size(), 1u);
  EXPECT_EQ(page["items"][0]["role"], "admin");
  EXPECT_EQ(admin.Get("/api/v1/organisations/" + std::to_string(org) + "/members?page=0").status,
            400);
}

NYTTIG_INSTANTIATE_ENGINES(HttpPagingTest);

}  // namespace
}  // namespace nyttig::app::testing
