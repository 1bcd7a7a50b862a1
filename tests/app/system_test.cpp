// Operations endpoints: /healthz, /readyz, /metrics, /api/v1/api-info, and
// the demo log-ins working through the HTTP API.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "app/app_test_fixture.h"
#include "app/demo.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class HttpSystemTest : public AppHttpTest {};

TEST_P(HttpSystemTest, HealthzAndReadyzAnswerOk) {
  TestClient client = NewClient();
  EXPECT_EQ(client.Get("/healthz").status, 200);
  http::Response ready = client.Get("/readyz");
  EXPECT_EQ(ready.status, 200) << ready.body;
}

TEST_P(HttpSystemTest, MetricsCountRequestsInPrometheusFormat) {
  TestClient client = NewClient();
  client.Get("/healthz");
  client.Get("/healthz");
  client.Get("/api/v1/organisations/12345");
  http::Response r = client.Get("/metrics");
  ASSERT_EQ(r.status, 200);
  EXPECT_THAT(std::string(r.headers.Get("Content-Type").value_or("")),
              HasSubstr("text/plain; version=0.0.4"));
  EXPECT_THAT(r.body, HasSubstr("# TYPE "));
  // A counter series for /healthz with the value 2 (this request is counted after rendering).
  std::regex healthz(R"re(\n(\w+_total)\{[^}]*route="/healthz"[^}]*\} 2\n)re");
  EXPECT_TRUE(std::regex_search(r.body, healthz)) << r.body;
  // Ids never become labels: the route pattern does.
  EXPECT_THAT(r.body, ::testing::Not(HasSubstr("12345")));
  EXPECT_THAT(r.body, HasSubstr("/api/v1/organisations/{id:int}"));
}

TEST_P(HttpSystemTest, ApiInfoDescribesTheApi) {
  TestClient client = NewClient();
  http::Response r = client.Get("/api/v1/api-info");
  ASSERT_EQ(r.status, 200);
  json info = BodyJson(r);
  for (const char* field :
       {"api_name", "api_version", "api_released", "api_documentation", "api_status"}) {
    EXPECT_TRUE(info.contains(field) && info[field].is_string()) << field << " " << r.body;
  }
  EXPECT_EQ(info["api_documentation"], "/api/v1/openapi.json");
  EXPECT_EQ(info["api_status"], "active");
}

TEST_P(HttpSystemTest, DemoPeopleCanLogInThroughTheApi) {
  auto summary = LoadDemo(app());
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  TestClient karin = NewClient();
  ASSERT_TRUE(karin.LogIn("karin.ek@exempelby.se", std::string(kDemoPassword)))
      << karin.last().body;
  json me = BodyJson(karin.Get("/api/v1/me"));
  ASSERT_EQ(me["memberships"].size(), 1u) << me;
  EXPECT_EQ(me["memberships"][0]["role"], "admin");
  // The register: 290 municipalities (Gotland among them, with a region's
  // duties) and 20 regional authorities, plus Exempelby kommun.
  EXPECT_EQ(BodyJson(karin.Get("/api/v1/organisations?kind=municipality"))["total"], 291);
  EXPECT_EQ(BodyJson(karin.Get("/api/v1/organisations?kind=region"))["total"], 20);
}

NYTTIG_INSTANTIATE_ENGINES(HttpSystemTest);

// Before `nyttig migrate`, the process is alive but not ready.
TEST(HttpReadinessTest, ReadyzIs503BeforeMigrations) {
  nyttig::testing::TempDir dir;
  auto db = db::Database::Open({.url = "sqlite:" + dir.path() + "/fresh.db"});
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  FakeClock clock(1'795'000'000);
  AppOptions options;
  options.data_dir = dir.path();
  auto app = App::Create(options, clock, std::move(db).value());
  ASSERT_TRUE(app.ok()) << app.status().ToString();
  TestClient client(**app);
  EXPECT_EQ(client.Get("/healthz").status, 200);
  http::Response ready = client.Get("/readyz");
  EXPECT_EQ(ready.status, 503);
  EXPECT_THAT(ready.body, HasSubstr("migrat"));
}

}  // namespace
}  // namespace nyttig::app::testing
