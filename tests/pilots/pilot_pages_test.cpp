// The pilots pages as a person uses them without JavaScript: plan a pilot in
// the form, import measurements with a per-row error report, read the
// evaluation and record the decision.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pilots/testing/pilots_http_fixture.h"

namespace nyttig::pilots {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::TestClient;

class PilotPagesTest : public testing::PilotsHttpTest {
 protected:
  // A browser session: log in through the API, then pick up the page's CSRF token.
  TestClient Browser(const std::string& email, const std::string& page = "/pilots") {
    TestClient client = LoggedInExisting(email);
    client.Get(page);
    return client;
  }

  std::vector<std::pair<std::string, std::string>> PlanForm() const {
    return {{"organisation_id", std::to_string(org_)},
            {"title", "Läxhjälp via chatt"},
            {"hypothesis", "Eleverna klarar matematiken bättre."},
            {"design", "two-groups"},
            {"starts_on", "2026-01-12"},
            {"ends_on", "2026-06-05"},
            {"pilot_units", "8A\n8C\n"},
            {"comparison_units", "8B\n8D\n"},
            {"budget_sek", "180 000"},
            {"metric_0_name", "Poäng på provet"},
            {"metric_0_unit", "poäng"},
            {"metric_0_direction", "higher"},
            {"metric_0_measure", "mean"},
            {"metric_0_baseline", "31,5"},
            {"metric_0_target", ""},
            {"metric_1_name", ""}, {"metric_1_unit", ""}, {"metric_1_baseline", ""},
            {"metric_1_target", ""}, {"metric_1_direction", "higher"}, {"metric_1_measure", "mean"}};
  }
};

TEST_P(PilotPagesTest, ACoordinatorPlansAPilotInTheForm) {
  TestClient anna = Browser("anna@exempelby.se", "/pilots/new");
  http::Response form = anna.Get("/pilots/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("Exempelby kommun"));
  EXPECT_THAT(form.body, HasSubstr("name=\"metric_0_name\""));
  http::Response created = anna.PostForm("/pilots/new", PlanForm());
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string location(created.headers.Get("Location").value_or(""));
  EXPECT_THAT(location, HasSubstr("?done=created"));
  http::Response page = anna.Get(location);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Läxhjälp via chatt"));
  EXPECT_THAT(page.body, HasSubstr("Försöket är planerat"));
  EXPECT_THAT(page.body, HasSubstr("180000 kronor"));
  EXPECT_THAT(page.body, HasSubstr("31,5"));
  EXPECT_THAT(anna.Get("/pilots").body, HasSubstr("Läxhjälp via chatt"));
}

TEST_P(PilotPagesTest, AFormWithMistakesKeepsWhatWasTypedAndSaysWhatToFix) {
  TestClient anna = Browser("anna@exempelby.se", "/pilots/new");
  auto fields = PlanForm();
  for (auto& [name, value] : fields) {
    if (name == "ends_on") value = "2025-01-01";
    if (name == "metric_0_baseline") value = "trettio";
  }
  http::Response r = anna.PostForm("/pilots/new", fields);
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_THAT(r.body, HasSubstr("Det finns ett problem"));
  EXPECT_THAT(r.body, HasSubstr("href=\"#field-ends_on\""));
  EXPECT_THAT(r.body, HasSubstr("href=\"#field-metric_0_baseline\""));
  EXPECT_THAT(r.body, HasSubstr("Slutdatumet kan inte vara före startdatumet"));
  EXPECT_THAT(r.body, HasSubstr("value=\"trettio\""));
  EXPECT_THAT(r.body, HasSubstr("Eleverna klarar matematiken bättre."));
  EXPECT_EQ(CountRows("pilots_pilots"), 0);
}

TEST_P(PilotPagesTest, AnEmployeeReadsButCannotPlan) {
  TestClient anna = LoggedInExisting("anna@exempelby.se");
  const std::int64_t id = CreatePilot(anna);
  TestClient omar = Browser("omar@exempelby.se");
  EXPECT_EQ(omar.Get("/pilots/new").status, 403);
  http::Response page = omar.Get("/pilots/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, Not(HasSubstr("/edit\"")));
  EXPECT_EQ(omar.Get("/pilots/" + std::to_string(id) + "/edit").status, 403);
  EXPECT_EQ(Browser("bo@grannby.se").Get("/pilots/" + std::to_string(id)).status, 404);
}

TEST_P(PilotPagesTest, ImportReportsEachBadRowAndKeepsThePastedText) {
  TestClient anna = LoggedInExisting("anna@exempelby.se");
  const std::int64_t id = CreatePilot(anna);
  const std::string page = "/pilots/" + std::to_string(id) + "/measurements";
  anna.Get(page);
  const std::string csv = WeeklyCsv() + "Norr,pilot,2026-09-28,Restid,sjuttio\n";
  http::Response failed = anna.PostForm(page + "/import", {{"csv", csv}});
  ASSERT_EQ(failed.status, 400) << failed.body;
  EXPECT_THAT(failed.body, HasSubstr("Inget lästes in"));
  EXPECT_THAT(failed.body, HasSubstr("<td>18</td><td>value</td>"));
  EXPECT_THAT(failed.body, HasSubstr("Värdet måste vara ett tal"));
  EXPECT_THAT(failed.body, HasSubstr("sjuttio"));
  EXPECT_EQ(CountRows("pilots_measurements"), 0);
  http::Response imported = anna.PostForm(page + "/import", {{"csv", WeeklyCsv()}});
  ASSERT_EQ(imported.status, 303);
  EXPECT_THAT(anna.Get(std::string(imported.headers.Get("Location").value_or(""))).body,
              HasSubstr("16 värden är inlästa"));
  http::Response one = anna.PostForm(page, {{"metric", "Restid"}, {"unit", "Norr"}, {"group", "pilot"},
                                           {"period", "2026-09-28"}, {"value", "66,5"}});
  EXPECT_EQ(one.status, 303) << one.body;
  EXPECT_EQ(CountRows("pilots_measurements"), 17);
}

TEST_P(PilotPagesTest, EvaluationThenDecision) {
  TestClient anna = LoggedInExisting("anna@exempelby.se");
  const std::int64_t id = CreatePilot(anna);
  ASSERT_EQ(PostCsv(anna, id, WeeklyCsv()).status, 201);
  const std::string base = "/pilots/" + std::to_string(id);
  http::Response evaluation = anna.Get(base + "/evaluation");
  ASSERT_EQ(evaluation.status, 200);
  EXPECT_THAT(evaluation.body, HasSubstr("Skillnad i skillnader"));
  EXPECT_THAT(evaluation.body, HasSubstr("95 % konfidensintervall"));
  EXPECT_THAT(evaluation.body, HasSubstr("2026-09-21"));
  EXPECT_THAT(evaluation.body, Not(HasSubstr("NaN")));
  EXPECT_THAT(evaluation.body, HasSubstr("Restid per period"));  // the chart over time
  EXPECT_THAT(evaluation.body, HasSubstr("Skillnaden i Restid med 95 % konfidensintervall"));
  EXPECT_THAT(evaluation.body, HasSubstr("<svg"));
  EXPECT_EQ(anna.Get(base + "/decision").status, 403);

  TestClient lena = Browser("lena@exempelby.se", base + "/decision");
  http::Response missing = lena.PostForm(base + "/decision", {{"outcome", "adjust"}});
  ASSERT_EQ(missing.status, 400);
  EXPECT_THAT(missing.body, HasSubstr("Skriv varför du fattar beslutet"));
  http::Response decided = lena.PostForm(
      base + "/decision",
      {{"outcome", "adjust"}, {"reasoning", "För få enheter."}, {"lessons", "Lotta enheterna."}});
  ASSERT_EQ(decided.status, 303) << decided.body;
  http::Response overview = lena.Get(base);
  EXPECT_THAT(overview.body, HasSubstr("Justera och testa igen"));
  EXPECT_THAT(overview.body, HasSubstr("Lotta enheterna."));
  EXPECT_EQ(lena.Get(base + "/decision").status, 409);
}

NYTTIG_INSTANTIATE_ENGINES(PilotPagesTest);

}  // namespace
}  // namespace nyttig::pilots
