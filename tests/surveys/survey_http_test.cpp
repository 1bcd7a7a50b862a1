// The surveys API and answer pages through the whole application, in
// process, on SQLite and PostgreSQL: what a builder, a respondent and an
// outsider see.
#include <gtest/gtest.h>

#include "app/app_test_fixture.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;

class SurveyHttpTest : public AppHttpTest {
 protected:
  void SetUp() override {
    AppHttpTest::SetUp();
    org_ = CreateOrganisation("Exempelby kommun", "karin@exempelby.se");
    builder_ = std::make_unique<TestClient>(LoggedInExisting("karin@exempelby.se"));
  }

  std::string Org() { return "/api/v1/organisations/" + std::to_string(org_); }

  // An open link survey with a Likert, a single-choice and a number question.
  json OpenSurvey() {
    http::Response created = builder_->PostJson(
        Org() + "/surveys",
        json{{"title_sv", "Nattbussen"}, {"title_en", "The night bus"},
             {"context", {{"kind", "pilot"}, {"id", 7}}}}.dump());
    EXPECT_EQ(created.status, 201) << created.body;
    std::string base = "/api/v1/surveys/" + std::to_string(BodyJson(created)["id"].get<int>());
    EXPECT_EQ(builder_->PostJson(base + "/questions", R"({"kind": "likert", "text_sv": "Bussen är i tid."})").status, 201);
    EXPECT_EQ(builder_->PostJson(base + "/questions",
                                 R"({"kind": "single_choice", "text_sv": "Hur ofta?",
                                     "options": [{"label_sv": "Ofta"}, {"label_sv": "Sällan"}]})").status,
              201);
    EXPECT_EQ(builder_->PostJson(base + "/questions",
                                 R"({"kind": "number", "text_sv": "Minuter?", "min_value": 0, "max_value": 60})").status,
              201);
    http::Response open = builder_->PostJson(base + "/publish", "");
    EXPECT_EQ(open.status, 200) << open.body;
    return BodyJson(open);
  }

  std::int64_t org_ = 0;
  std::unique_ptr<TestClient> builder_;
};

std::string Id(const json& survey) { return std::to_string(survey["id"].get<int>()); }

std::vector<std::string> ProblemNames(const http::Response& r) {
  std::vector<std::string> names;
  json body = BodyJson(r);  // named: a temporary would die before the loop ends
  for (const json& p : body["invalid_parameters"]) names.push_back(p["name"]);
  return names;
}

TEST_P(SurveyHttpTest, BuilderCreatesOpensAndAnAnonymousClientAnswers) {
  json survey = OpenSurvey();
  EXPECT_EQ(survey["state"], "open");
  EXPECT_EQ(survey["context"]["kind"], "pilot");
  ASSERT_EQ(survey["questions"].size(), 3u);
  json q = survey["questions"];
  TestClient visitor = NewClient("198.51.100.7");
  json answers = {{"answers",
                   {{{"question_id", q[0]["id"]}, {"number", 4}},
                    {{"question_id", q[1]["id"]}, {"option_ids", {q[1]["options"][0]["id"]}}},
                    {{"question_id", q[2]["id"]}, {"number", 12.5}}}}};
  http::Response r = visitor.PostJson("/api/v1/surveys/" + Id(survey) + "/responses", answers.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_TRUE(BodyJson(r)["reference"].get<std::string>().starts_with("2026-"));
  http::Response results = builder_->Get("/api/v1/surveys/" + Id(survey) + "/results");
  ASSERT_EQ(results.status, 200) << results.body;
  json body = BodyJson(results);
  EXPECT_EQ(body["responses"], 1);
  EXPECT_EQ(body["questions"][0]["counts"][3]["count"], 1);
  EXPECT_EQ(body["questions"][0]["mean"]["note"], "too_few");
  EXPECT_TRUE(body["questions"][0]["mean"]["ci_low"].is_null());
  EXPECT_EQ(body["questions"][2]["mean"]["mean"], 12.5);
}

TEST_P(SurveyHttpTest, InvalidAnswersAreListedByQuestionAndNothingIsSaved) {
  json survey = OpenSurvey();
  json q = survey["questions"];
  json answers = {{"answers",
                   {{{"question_id", q[0]["id"]}, {"number", 9}},
                    {{"question_id", q[1]["id"]}, {"option_ids", {999999}}},
                    {{"question_id", q[2]["id"]}, {"number", 61}}}}};
  http::Response r = NewClient().PostJson("/api/v1/surveys/" + Id(survey) + "/responses", answers.dump());
  ASSERT_EQ(r.status, 400) << r.body;
  std::string q0 = "q" + std::to_string(q[0]["id"].get<int>());
  std::string q1 = "q" + std::to_string(q[1]["id"].get<int>());
  std::string q2 = "q" + std::to_string(q[2]["id"].get<int>());
  EXPECT_EQ(ProblemNames(r), (std::vector<std::string>{q0, q1, q2}));
  EXPECT_EQ(CountRows("surveys_responses"), 0);
  http::Response malformed = NewClient().PostJson("/api/v1/surveys/" + Id(survey) + "/responses",
                                                  R"({"answers": [{"question_id": "x"}], "extra": 1})");
  EXPECT_EQ(malformed.status, 400);
}

TEST_P(SurveyHttpTest, OtherOrganisationsSeeNeitherDraftsNorResults) {
  http::Response created =
      builder_->PostJson(Org() + "/surveys", R"({"title_sv": "Intern enkät", "audience": "staff"})");
  ASSERT_EQ(created.status, 201);
  std::string id = Id(BodyJson(created));
  CreateOrganisation("Annanstad kommun", "kim@annanstad.se");
  TestClient outsider = LoggedInExisting("kim@annanstad.se");
  EXPECT_EQ(outsider.Get("/api/v1/surveys/" + id).status, 404);
  EXPECT_EQ(outsider.PostJson("/api/v1/surveys/" + id + "/questions", R"({"kind": "likert", "text_sv": "X"})").status,
            404);
  EXPECT_EQ(outsider.Get(Org() + "/surveys").status, 403);
  EXPECT_EQ(NewClient().Get("/api/v1/surveys/" + id).status, 401);
}

TEST_P(SurveyHttpTest, ResultsNeedAReaderAndExportIsSafeCsv) {
  json survey = OpenSurvey();
  TestClient visitor = NewClient();
  EXPECT_EQ(visitor.Get("/api/v1/surveys/" + Id(survey) + "/results").status, 401);
  http::Response csv = builder_->Get("/api/v1/surveys/" + Id(survey) + "/responses/export");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.headers.Get("Content-Type").value_or(""), "text/csv; charset=utf-8");
  EXPECT_NE(csv.body.find("reference,submitted_at,Bussen är i tid.,Hur ofta?,Minuter?"), std::string::npos);
}

TEST_P(SurveyHttpTest, EditingIsRefusedOnceAnswered) {
  json survey = OpenSurvey();
  json q = survey["questions"];
  json answers = {{"answers", {{{"question_id", q[0]["id"]}, {"number", 3}},
                               {{"question_id", q[1]["id"]}, {"option_ids", {q[1]["options"][1]["id"]}}},
                               {{"question_id", q[2]["id"]}, {"number", 0}}}}};
  ASSERT_EQ(NewClient().PostJson("/api/v1/surveys/" + Id(survey) + "/responses", answers.dump()).status, 201);
  http::Response put = builder_->Send({.method = http::Method::kPut,
                                       .target = "/api/v1/surveys/" + Id(survey),
                                       .body = R"({"title_sv": "Nytt namn"})",
                                       .content_type = "application/json"});
  EXPECT_EQ(put.status, 409) << put.body;
  EXPECT_EQ(builder_->Delete("/api/v1/surveys/" + Id(survey) + "/questions/" +
                             std::to_string(q[0]["id"].get<int>())).status, 409);
  EXPECT_EQ(builder_->PostJson("/api/v1/surveys/" + Id(survey) + "/close", "").status, 200);
}

// The answer pages, as a phone's browser without JavaScript uses them.
TEST_P(SurveyHttpTest, PagesTakeOneQuestionAtATimeAndKeepWhatWasTyped) {
  json survey = OpenSurvey();
  std::string base = "/surveys/" + Id(survey);
  json q = survey["questions"];
  std::string f0 = "q" + std::to_string(q[0]["id"].get<int>());
  std::string f1 = "q" + std::to_string(q[1]["id"].get<int>());
  std::string f2 = "q" + std::to_string(q[2]["id"].get<int>());
  TestClient phone = NewClient("203.0.113.9");
  http::Response start = phone.Get(base);
  ASSERT_EQ(start.status, 200);
  EXPECT_NE(start.body.find("Nattbussen"), std::string::npos);
  ASSERT_TRUE(phone.Cookie("nyttig_survey"));
  ASSERT_EQ(phone.Get(base + "/q/1").status, 200);
  EXPECT_NE(phone.last().body.find("Fråga 1 av 3"), std::string::npos);
  EXPECT_EQ(phone.PostForm(base + "/q/1", {}).status, 400);  // required
  EXPECT_NE(phone.last().body.find("Svara på frågan."), std::string::npos);
  EXPECT_EQ(phone.PostForm(base + "/q/1", {{f0, "4"}}).status, 303);
  EXPECT_EQ(phone.PostForm(base + "/q/2", {{f1, std::to_string(q[1]["options"][0]["id"].get<int>())}}).status, 303);
  // A wrong number is shown again as typed, with the limit in the message.
  http::Response bad = phone.PostForm(base + "/q/3", {{f2, "75,5"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("value=\"75,5\""), std::string::npos);
  EXPECT_NE(bad.body.find("inte vara större än 60"), std::string::npos);
  http::Response good = phone.PostForm(base + "/q/3", {{f2, "7,5"}});
  ASSERT_EQ(good.status, 303);
  EXPECT_EQ(good.headers.Get("Location").value_or(""), base + "/check");
  http::Response check = phone.Get(base + "/check");
  EXPECT_NE(check.body.find("7,5"), std::string::npos);
  EXPECT_NE(check.body.find("Ofta"), std::string::npos);
  http::Response sent = phone.PostForm(base + "/check", {});
  ASSERT_EQ(sent.status, 303) << sent.body;
  EXPECT_TRUE(sent.headers.Get("Location").value_or("").starts_with(base + "/thanks?ref=2026-"));
  EXPECT_EQ(CountRows("surveys_responses"), 1);
  EXPECT_EQ(CountRows("surveys_drafts"), 0);
  // The same browser is told it has answered; the question pages lead back to the start.
  EXPECT_NE(phone.Get(base).body.find("redan svarat"), std::string::npos);
  EXPECT_EQ(phone.Get(base + "/q/1").status, 303);
}

TEST_P(SurveyHttpTest, ResultsPageShowsChartAndTable) {
  json survey = OpenSurvey();
  json q = survey["questions"];
  for (int value : {2, 4, 4, 5}) {
    json answers = {{"answers", {{{"question_id", q[0]["id"]}, {"number", value}},
                                 {{"question_id", q[1]["id"]}, {"option_ids", {q[1]["options"][0]["id"]}}},
                                 {{"question_id", q[2]["id"]}, {"number", 10}}}}};
    ASSERT_EQ(NewClient().PostJson("/api/v1/surveys/" + Id(survey) + "/responses", answers.dump()).status, 201);
  }
  http::Response page = builder_->Get("/surveys/" + Id(survey) + "/results");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("4 personer har svarat"), std::string::npos);
  EXPECT_NE(page.body.find("Medelvärde 3,75 (95 % konfidensintervall 1,75–5,75), 4 svar."), std::string::npos);
  EXPECT_NE(page.body.find("<svg"), std::string::npos);
  EXPECT_NE(page.body.find("<td>50 %</td>"), std::string::npos);
  EXPECT_NE(page.body.find("Alla har svarat samma"), std::string::npos);  // the number question
}

TEST_P(SurveyHttpTest, OpenCitizenSurveysAreListedForTheOrganisation) {
  TestClient visitor = NewClient();
  EXPECT_NE(visitor.Get("/o/exempelby-kommun/surveys").body.find("inga öppna enkäter"), std::string::npos);
  json survey = OpenSurvey();
  http::Response list = visitor.Get("/o/exempelby-kommun/surveys");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("href=\"/surveys/" + Id(survey) + "\""), std::string::npos);
  EXPECT_NE(visitor.Get("/o/exempelby-kommun/").body.find("/o/exempelby-kommun/surveys"), std::string::npos);
}

NYTTIG_INSTANTIATE_ENGINES(SurveyHttpTest);

}  // namespace
}  // namespace nyttig::app::testing
