// PilotsHttpTest: the whole application with one municipality, its admin,
// a coordinator, a decision-maker and an employee, and a second
// municipality with its own coordinator — all made through the public API.
#pragma once

#include <string>

#include "app/app_test_fixture.h"

namespace nyttig::pilots::testing {

using app::testing::BodyJson;
using app::testing::TestClient;

class PilotsHttpTest : public app::testing::AppHttpTest {
 protected:
  void SetUp() override {
    AppHttpTest::SetUp();
    org_ = CreateOrganisation("Exempelby kommun", "karin@exempelby.se");
    other_org_ = CreateOrganisation("Grannby kommun", "admin@grannby.se");
    Grant(org_, "karin@exempelby.se", "anna@exempelby.se", "coordinator");
    Grant(org_, "karin@exempelby.se", "lena@exempelby.se", "decision_maker");
    Grant(org_, "karin@exempelby.se", "omar@exempelby.se", "employee");
    Grant(other_org_, "admin@grannby.se", "bo@grannby.se", "coordinator");
  }

  void Grant(std::int64_t org, const std::string& admin, const std::string& email,
             const std::string& role) {
    Register(email);
    TestClient client = LoggedInExisting(admin);
    http::Response r =
        client.PostJson("/api/v1/organisations/" + std::to_string(org) + "/members",
                        nlohmann::json{{"email", email}, {"role", role}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
  }

  nlohmann::json PlanJson() const {
    return {{"organisation_id", org_},
            {"title", "Digital tillsyn nattetid"},
            {"hypothesis", "Restiden minskar när en del besök görs med kamera."},
            {"units", {{{"name", "Norr"}, {"group", "pilot"}}, {{"name", "Öster"}, {"group", "pilot"}},
                       {{"name", "Söder"}, {"group", "comparison"}},
                       {{"name", "Väster"}, {"group", "comparison"}}}},
            {"baseline_from", "2026-08-03"},
            {"starts_on", "2026-09-07"},
            {"ends_on", "2027-02-28"},
            {"participants", {{{"name", "Exempelby högskola"}, {"role", "research_partner"}}}},
            {"budget_sek", 450000},
            {"needs_exemption", true},
            {"design", "did"},
            {"metrics", {{{"name", "Restid"}, {"unit_of_measure", "minuter"}, {"direction", "lower"},
                          {"measure", "mean"}, {"baseline", 95}, {"target", 70}}}}};
  }

  // Creates the plan as the coordinator; returns the pilot's id.
  std::int64_t CreatePilot(TestClient& coordinator) {
    http::Response r = coordinator.PostJson("/api/v1/pilots", PlanJson().dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", std::int64_t{0});
  }

  static std::string WeeklyCsv() {
    std::string csv = "unit,group,period,metric,value\n";
    const char* units[][2] = {{"Norr", "pilot"}, {"Öster", "pilot"}, {"Söder", "comparison"},
                              {"Väster", "comparison"}};
    const char* weeks[] = {"2026-08-10", "2026-08-17", "2026-09-14", "2026-09-21"};
    for (int unit_idx = 0; unit_idx < 4; ++unit_idx) {
      for (int week = 0; week < 4; ++week) {
        const double value = 90 + unit_idx * 2 + week - (unit_idx < 2 && week >= 2 ? 20 : 0);
        csv += std::string(units[unit_idx][0]) + "," + units[unit_idx][1] + "," + weeks[week] +
               ",Restid," + std::to_string(value) + "\n";
      }
    }
    return csv;
  }

  http::Response PostCsv(TestClient& client, std::int64_t pilot, const std::string& csv) {
    app::testing::Call call{.method = http::Method::kPost,
                            .target = "/api/v1/pilots/" + std::to_string(pilot) +
                                      "/measurements/import",
                            .body = csv,
                            .content_type = "text/csv; charset=utf-8"};
    return client.Send(call);
  }

  std::int64_t org_ = 0, other_org_ = 0;
};

}  // namespace nyttig::pilots::testing
