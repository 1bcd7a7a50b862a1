// The pilots API through the whole application: shapes, problem+json with
// invalid_parameters, CSV import, evaluation, decision, and isolation.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pilots/testing/pilots_http_fixture.h"

namespace nyttig::pilots {
namespace {

using testing::BodyJson;
using testing::TestClient;

class PilotsApiTest : public testing::PilotsHttpTest {};

std::vector<std::string> InvalidNames(const http::Response& r) {
  std::vector<std::string> names;
  const nlohmann::json body = BodyJson(r);
  for (const auto& p : body["invalid_parameters"]) names.push_back(p["name"]);
  return names;
}

TEST_P(PilotsApiTest, CreatesReadsListsAndUpdatesAPlan) {
  TestClient anna = LoggedInExisting("anna@exempelby.se");
  http::Response created = anna.PostJson("/api/v1/pilots", PlanJson().dump());
  ASSERT_EQ(created.status, 201) << created.body;
  nlohmann::json pilot = BodyJson(created);
  EXPECT_EQ(pilot["state"], "planned");
  EXPECT_EQ(pilot["metrics"][0]["direction"], "lower");
  EXPECT_EQ(pilot["owner"]["display_name"], "Anna Andersson");
  EXPECT_TRUE(pilot["decision"].is_null());
  EXPECT_TRUE(pilot["idea_id"].is_null());
  const std::string url = "/api/v1/pilots/" + std::to_string(pilot["id"].get<int>());
  EXPECT_EQ(created.headers.Get("Location").value_or(""), url);

  TestClient omar = LoggedInExisting("omar@exempelby.se");
  EXPECT_EQ(BodyJson(omar.Get(url))["title"], "Digital tillsyn nattetid");
  nlohmann::json list = BodyJson(omar.Get("/api/v1/pilots?state=planned"));
  EXPECT_EQ(list["total"], 1);
  EXPECT_EQ(list["items"][0]["url"], "/pilots/" + std::to_string(pilot["id"].get<int>()));

  nlohmann::json plan = PlanJson();
  plan.erase("organisation_id");
  plan["title"] = "Digital tillsyn på natten";
  plan["metrics"][0]["id"] = pilot["metrics"][0]["id"];
  http::Response updated = anna.Send({.method = http::Method::kPut, .target = url,
                                      .body = plan.dump(), .content_type = "application/json"});
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(BodyJson(updated)["title"], "Digital tillsyn på natten");
}

TEST_P(PilotsApiTest, AnInvalidPlanListsEveryField) {
  TestClient anna = LoggedInExisting("anna@exempelby.se");
  nlohmann::json plan = PlanJson();
  plan["starts_on"] = "snart";
  plan["design"] = "lottery";
  plan["metrics"][0]["baseline"] = "95";
  plan["colour"] = "blue";
  http::Response r = anna.PostJson("/api/v1/pilots", plan.dump());
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.headers.Get("Content-Type").value_or(""), "application/problem+json");
  EXPECT_THAT(InvalidNames(r), ::testing::IsSupersetOf({"colour", "metrics[0].baseline"}));
  plan.erase("colour");
  plan["metrics"][0]["baseline"] = 95;
  r = anna.PostJson("/api/v1/pilots", plan.dump());
  EXPECT_THAT(InvalidNames(r), ::testing::ElementsAre("starts_on", "design"));
  EXPECT_EQ(CountRows("pilots_pilots"), 0);
}

TEST_P(PilotsApiTest, ImportsCsvWholeOrNotAtAll) {
  TestClient anna = LoggedInExisting("anna@exempelby.se");
  const std::int64_t id = CreatePilot(anna);
  http::Response bad = PostCsv(anna, id, WeeklyCsv() + "Norr,pilot,2030-01-01,Restid,1\n");
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_THAT(InvalidNames(bad), ::testing::ElementsAre("line 18, column period"));
  EXPECT_EQ(BodyJson(bad)["invalid_parameters"][0]["reason"],
            "Datumet ligger utanför försökets period (2026-08-03 till 2027-02-28)");
  EXPECT_EQ(CountRows("pilots_measurements"), 0);
  http::Response good = PostCsv(anna, id, WeeklyCsv());
  ASSERT_EQ(good.status, 201) << good.body;
  EXPECT_EQ(BodyJson(good)["imported"], 16);
  nlohmann::json page = BodyJson(anna.Get("/api/v1/pilots/" + std::to_string(id) +
                                          "/measurements?limit=5&page=2"));
  EXPECT_EQ(page["total"], 16);
  EXPECT_EQ(page["items"].size(), 5u);
  http::Response json_body = anna.PostJson("/api/v1/pilots/" + std::to_string(id) +
                                               "/measurements/import", "{}");
  EXPECT_EQ(json_body.status, 400);
}

TEST_P(PilotsApiTest, EvaluatesAndRecordsTheDecision) {
  TestClient anna = LoggedInExisting("anna@exempelby.se");
  const std::int64_t id = CreatePilot(anna);
  ASSERT_EQ(PostCsv(anna, id, WeeklyCsv()).status, 201);
  const std::string base = "/api/v1/pilots/" + std::to_string(id);
  nlohmann::json evaluation = BodyJson(anna.Get(base + "/evaluation"));
  ASSERT_EQ(evaluation["metrics"].size(), 1u) << evaluation.dump();
  EXPECT_EQ(evaluation["metrics"][0]["method"], "did_ols");
  EXPECT_EQ(evaluation["metrics"][0]["reading"], "better");
  EXPECT_EQ(evaluation["perception"], nlohmann::json::array());

  const std::string decision =
      nlohmann::json{{"outcome", "scale_up"}, {"reasoning", "Tydligt kortare restid."},
                     {"lessons", "Börja med dem som vill."}}.dump();
  EXPECT_EQ(anna.PostJson(base + "/decision", decision).status, 403);
  TestClient lena = LoggedInExisting("lena@exempelby.se");
  http::Response decided = lena.PostJson(base + "/decision", decision);
  ASSERT_EQ(decided.status, 201) << decided.body;
  EXPECT_EQ(BodyJson(decided)["state"], "decided");
  EXPECT_EQ(BodyJson(decided)["decision"]["outcome"], "scale_up");
  EXPECT_EQ(lena.PostJson(base + "/decision", decision).status, 409);
}

TEST_P(PilotsApiTest, OtherOrganisationsAndAnonymousGetNotFound) {
  TestClient anna = LoggedInExisting("anna@exempelby.se");
  const std::int64_t id = CreatePilot(anna);
  const std::string base = "/api/v1/pilots/" + std::to_string(id);
  TestClient bo = LoggedInExisting("bo@grannby.se");
  EXPECT_EQ(bo.Get(base).status, 404);
  EXPECT_EQ(bo.Get(base + "/evaluation").status, 404);
  EXPECT_EQ(PostCsv(bo, id, WeeklyCsv()).status, 404);
  EXPECT_EQ(BodyJson(bo.Get("/api/v1/pilots"))["total"], 0);
  TestClient anonymous = NewClient();
  EXPECT_EQ(anonymous.Get(base).status, 404);
  EXPECT_EQ(anonymous.Get("/api/v1/pilots/99999999999999999999").status, 404);
  // Published: anyone reads it, nobody else changes it.
  ASSERT_EQ(anna.PostJson(base + "/publication", R"({"published": true})").status, 200);
  EXPECT_EQ(anonymous.Get(base).status, 200);
  EXPECT_EQ(BodyJson(anonymous.Get("/api/v1/pilots"))["total"], 1);
  EXPECT_EQ(bo.PostJson(base + "/state", R"({"state": "running"})").status, 403);
}

TEST_P(PilotsApiTest, StateMovesForwardAndBadListParametersAre400) {
  TestClient anna = LoggedInExisting("anna@exempelby.se");
  const std::int64_t id = CreatePilot(anna);
  const std::string base = "/api/v1/pilots/" + std::to_string(id);
  EXPECT_EQ(anna.PostJson(base + "/state", R"({"state": "running"})").status, 200);
  EXPECT_EQ(anna.PostJson(base + "/state", R"({"state": "planned"})").status, 409);
  EXPECT_EQ(anna.PostJson(base + "/state", R"({"state": "done"})").status, 400);
  EXPECT_EQ(anna.Get("/api/v1/pilots?state=done").status, 400);
  EXPECT_EQ(anna.Get("/api/v1/pilots?page=0").status, 400);
  EXPECT_EQ(anna.Get("/api/v1/pilots?organisation_id=abc").status, 400);
}

NYTTIG_INSTANTIATE_ENGINES(PilotsApiTest);

}  // namespace
}  // namespace nyttig::pilots
