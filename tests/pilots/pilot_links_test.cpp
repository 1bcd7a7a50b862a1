// The pilots' links to the other modules through the whole application, on
// both engines: a pilot names the idea it tests (only one the planner sees in
// the pilot's organisation); scaling it up moves the idea to implementation
// in the decision's transaction; perception surveys attached to the pilot
// appear in its evaluation, as JSON and on the page.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pilots/testing/pilots_http_fixture.h"

namespace nyttig::pilots {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using nlohmann::json;
using testing::BodyJson;
using testing::TestClient;

class PilotLinksTest : public testing::PilotsHttpTest {
 protected:
  void SetUp() override {
    PilotsHttpTest::SetUp();
    omar_ = std::make_unique<TestClient>(LoggedInExisting("omar@exempelby.se"));
    anna_ = std::make_unique<TestClient>(LoggedInExisting("anna@exempelby.se"));
    lena_ = std::make_unique<TestClient>(LoggedInExisting("lena@exempelby.se"));
  }

  std::int64_t SubmitIdea(TestClient& author, std::int64_t org) {
    http::Response r = author.PostJson(
        "/api/v1/ideas", json{{"organisation_id", org},
                              {"title", "Kameratillsyn på natten"},
                              {"need", "Nattpatrullen kör långt för korta besök."},
                              {"solution", "Vissa besök görs med kamera."}}
                             .dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", std::int64_t{0});
  }

  std::int64_t StageOfKind(const std::string& kind) {
    json stages = BodyJson(omar_->Get("/api/v1/organisations/" + std::to_string(org_) + "/idea-pipeline"));
    for (const json& s : stages["items"]) {
      if (s["kind"] == kind) return s["id"].get<std::int64_t>();
    }
    ADD_FAILURE() << "no stage " << kind;
    return 0;
  }

  void Move(TestClient& client, std::int64_t idea, const std::string& kind) {
    http::Response r = client.PostJson("/api/v1/ideas/" + std::to_string(idea) + "/moves",
                                       json{{"stage_id", StageOfKind(kind)}, {"reason", ""}}.dump());
    ASSERT_EQ(r.status, 200) << r.body;
  }

  // An idea of Omar's, moved to test by the coordinator and the decision-maker.
  std::int64_t IdeaInTest() {
    const std::int64_t idea = SubmitIdea(*omar_, org_);
    Move(*anna_, idea, "assessment");
    json answers = json::array();
    for (const char* q : {"personal_data", "procurement", "secrecy", "delegation"}) {
      answers.push_back({{"question", q}, {"answer", "no"}});
    }
    http::Response legal = anna_->Send({.method = http::Method::kPut,
                                        .target = "/api/v1/ideas/" + std::to_string(idea) + "/legal-checklist",
                                        .body = json{{"answers", answers}}.dump(),
                                        .content_type = "application/json"});
    EXPECT_EQ(legal.status, 200) << legal.body;
    Move(*lena_, idea, "test");
    return idea;
  }

  std::int64_t PilotOf(std::int64_t idea) {
    json plan = PlanJson();
    plan["idea_id"] = idea;
    http::Response r = anna_->PostJson("/api/v1/pilots", plan.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", std::int64_t{0});
  }

  std::string IdeaStageKind(std::int64_t idea) {
    return BodyJson(omar_->Get("/api/v1/ideas/" + std::to_string(idea)))["stage"]["kind"];
  }

  static std::string ScaleUp() {
    return json{{"outcome", "scale_up"}, {"reasoning", "Restiden minskade tydligt."},
                {"lessons", "Börja med frivilliga."}}
        .dump();
  }

  std::unique_ptr<TestClient> omar_, anna_, lena_;
};

TEST_P(PilotLinksTest, ScalingUpMovesTheIdeaToImplementationWithHistoryAndNotice) {
  const std::int64_t idea = IdeaInTest();
  const std::int64_t pilot = PilotOf(idea);
  const std::string base = "/api/v1/pilots/" + std::to_string(pilot);
  const std::int64_t notices = BodyJson(omar_->Get("/api/v1/me/notifications"))["total"];
  // Only the decision-maker decides; the coordinator's attempt moves nothing.
  EXPECT_EQ(anna_->PostJson(base + "/decision", ScaleUp()).status, 403);
  EXPECT_EQ(IdeaStageKind(idea), "test");

  http::Response decided = lena_->PostJson(base + "/decision", ScaleUp());
  ASSERT_EQ(decided.status, 201) << decided.body;
  EXPECT_EQ(IdeaStageKind(idea), "implementation");
  json history = BodyJson(omar_->Get("/api/v1/ideas/" + std::to_string(idea) + "/history"));
  ASSERT_FALSE(history["items"].empty()) << history.dump();
  const json& last = history["items"].back();
  EXPECT_EQ(last["kind"], "moved");
  EXPECT_EQ(last["to_stage"]["id"], StageOfKind("implementation"));
  EXPECT_THAT(last["text"].get<std::string>(), HasSubstr("#" + std::to_string(pilot)));
  json inbox = BodyJson(omar_->Get("/api/v1/me/notifications"));
  EXPECT_EQ(inbox["total"], notices + 1) << inbox.dump();
}

TEST_P(PilotLinksTest, ARefusedIdeaMoveLeavesTheDecisionUnrecorded) {
  const std::int64_t idea = SubmitIdea(*omar_, org_);
  Move(*anna_, idea, "assessment");
  const std::int64_t pilot = PilotOf(idea);
  const std::string base = "/api/v1/pilots/" + std::to_string(pilot);
  http::Response refused = lena_->PostJson(base + "/decision", ScaleUp());
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_THAT(BodyJson(refused)["detail"].get<std::string>(), HasSubstr("Flytta idén till test"));
  EXPECT_EQ(CountRows("pilots_decisions"), 0);
  EXPECT_EQ(BodyJson(lena_->Get(base))["state"], "planned");
  EXPECT_EQ(IdeaStageKind(idea), "assessment");

  // On the page the refusal stands above the form, with what was typed kept.
  TestClient browser = LoggedInExisting("lena@exempelby.se");
  const std::string page = "/pilots/" + std::to_string(pilot) + "/decision";
  EXPECT_THAT(browser.Get(page).body, HasSubstr("går idén Kameratillsyn på natten vidare till införande"));
  http::Response form = browser.PostForm(
      page, {{"outcome", "scale_up"}, {"reasoning", "Tydlig effekt."}, {"lessons", "Mät tidigt."}});
  EXPECT_EQ(form.status, 409);
  EXPECT_THAT(form.body, HasSubstr("Flytta idén till test först"));
  EXPECT_THAT(form.body, HasSubstr("Tydlig effekt."));

  // Stopping does not touch the idea and lands.
  EXPECT_EQ(lena_->PostJson(base + "/decision",
                            json{{"outcome", "stop"}, {"reasoning", "Ingen effekt."}, {"lessons", "Mät tidigare."}}
                                .dump())
                .status,
            201);
  EXPECT_EQ(IdeaStageKind(idea), "assessment");
}

TEST_P(PilotLinksTest, AnIdeaAlreadyInImplementationStaysWhereItIs) {
  const std::int64_t idea = IdeaInTest();
  const std::int64_t pilot = PilotOf(idea);
  Move(*lena_, idea, "implementation");
  ASSERT_EQ(lena_->PostJson("/api/v1/pilots/" + std::to_string(pilot) + "/decision", ScaleUp()).status, 201);
  EXPECT_EQ(IdeaStageKind(idea), "implementation");
}

TEST_P(PilotLinksTest, AnIdeaOfAnotherOrganisationCannotBeLinked) {
  TestClient bo = LoggedInExisting("bo@grannby.se");
  const std::int64_t foreign = SubmitIdea(bo, other_org_);
  for (std::int64_t idea : {foreign, std::int64_t{999999}}) {
    json plan = PlanJson();
    plan["idea_id"] = idea;
    http::Response r = anna_->PostJson("/api/v1/pilots", plan.dump());
    ASSERT_EQ(r.status, 400) << r.body;
    json body = BodyJson(r);
    ASSERT_EQ(body["invalid_parameters"].size(), 1u) << r.body;
    EXPECT_EQ(body["invalid_parameters"][0]["name"], "idea_id");
    // The same words for another organisation's idea as for one that does not exist.
    EXPECT_THAT(body["invalid_parameters"][0]["reason"].get<std::string>(),
                HasSubstr("Det finns ingen idé med det numret"));
  }
  EXPECT_EQ(CountRows("pilots_pilots"), 0);
}

TEST_P(PilotLinksTest, ThePilotPageLinksItsIdeaAndTheIdeaPageListsThePilot) {
  const std::int64_t idea = IdeaInTest();
  const std::int64_t pilot = PilotOf(idea);
  http::Response pilot_page = anna_->Get("/pilots/" + std::to_string(pilot));
  EXPECT_THAT(pilot_page.body, HasSubstr("href=\"/ideas/" + std::to_string(idea) + "\""));
  EXPECT_THAT(pilot_page.body, HasSubstr("context_kind=pilot&amp;context_id=" + std::to_string(pilot)));
  http::Response idea_page = omar_->Get("/ideas/" + std::to_string(idea));
  EXPECT_THAT(idea_page.body, HasSubstr("Försök som prövar idén"));
  EXPECT_THAT(idea_page.body, HasSubstr("href=\"/pilots/" + std::to_string(pilot) + "\""));
  // Another organisation sees neither.
  TestClient bo = LoggedInExisting("bo@grannby.se");
  EXPECT_EQ(bo.Get("/ideas/" + std::to_string(idea)).status, 404);
  // Once the pilot is published its visitors see it, but not the internal idea's link.
  ASSERT_EQ(anna_->PostJson("/api/v1/pilots/" + std::to_string(pilot) + "/publication",
                            R"({"published": true})").status, 200);
  http::Response outsider = bo.Get("/pilots/" + std::to_string(pilot));
  ASSERT_EQ(outsider.status, 200);
  EXPECT_THAT(outsider.body, Not(HasSubstr("href=\"/ideas/" + std::to_string(idea) + "\"")));
  http::Response anonymous = NewClient().Get("/pilots/" + std::to_string(pilot));
  ASSERT_EQ(anonymous.status, 200);
  EXPECT_THAT(anonymous.body, Not(HasSubstr("href=\"/ideas/" + std::to_string(idea) + "\"")));
}

TEST_P(PilotLinksTest, ThePerceptionSurveyOfAPilotAppearsInItsEvaluation) {
  const std::int64_t pilot = CreatePilot(*anna_);
  // The pilot page's link leads to a builder form that keeps the pilot.
  TestClient browser = LoggedInExisting("anna@exempelby.se");
  const std::string form_url = "/surveys/new?org=" + std::to_string(org_) +
                               "&context_kind=pilot&context_id=" + std::to_string(pilot);
  http::Response form = browser.Get(form_url);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_THAT(form.body, HasSubstr("Enkäten hör till försök nummer " + std::to_string(pilot)));
  http::Response created = browser.PostForm(form_url, {{"title_sv", "Trygghet på natten"},
                                                       {"title_en", "Safety at night"},
                                                       {"audience", "citizens"},
                                                       {"access", "anonymous_link"}});
  ASSERT_EQ(created.status, 303) << created.body;
  const std::string survey_path(created.headers.Get("Location").value_or(""));
  const std::string survey_id =
      survey_path.substr(std::string("/surveys/").size(),
                         survey_path.find("/edit") - std::string("/surveys/").size());
  const std::string api = "/api/v1/surveys/" + survey_id;
  ASSERT_EQ(anna_->PostJson(api + "/questions", R"({"kind": "likert", "text_sv": "Jag känner mig trygg.", "text_en": "I feel safe."})").status, 201);
  http::Response open = anna_->PostJson(api + "/publish", "");
  ASSERT_EQ(open.status, 200) << open.body;
  EXPECT_EQ(BodyJson(open)["context"]["id"], pilot);
  const std::int64_t question = BodyJson(open)["questions"][0]["id"];
  int visitor_idx = 0;
  for (int answer : {5, 4, 4, 2}) {
    TestClient visitor = NewClient("198.51.100." + std::to_string(++visitor_idx));
    http::Response r = visitor.PostJson(
        api + "/responses",
        json{{"answers", {{{"question_id", question}, {"number", answer}}}}}.dump());
    ASSERT_EQ(r.status, 201) << r.body;
  }

  // Survey results are for those who may read them (a decision-maker here) …
  http::Response evaluation = lena_->Get("/api/v1/pilots/" + std::to_string(pilot) + "/evaluation");
  ASSERT_EQ(evaluation.status, 200) << evaluation.body;
  json perception = BodyJson(evaluation)["perception"];
  ASSERT_EQ(perception.size(), 1u) << evaluation.body;
  EXPECT_EQ(perception[0]["survey_id"].get<std::int64_t>(), std::stoll(survey_id));
  EXPECT_EQ(perception[0]["audience"], "citizens");
  EXPECT_EQ(perception[0]["title"]["en"], "Safety at night");
  EXPECT_EQ(perception[0]["respondents"], 4);
  EXPECT_EQ(perception[0]["url"], "/surveys/" + survey_id + "/results");
  // 3 of 4 agree; Wilson 95 %: R prop.test(3, 4, correct = FALSE)$conf.int = 0.3006 0.9544.
  EXPECT_EQ(perception[0]["summary"]["sv"],
            "75 % instämmer (4 eller 5) i ”Jag känner mig trygg.” (95 % KI 30–95 %). 4 svar.");
  EXPECT_EQ(perception[0]["summary"]["en"],
            "75 % agree (4 or 5) with “I feel safe.” (95 % CI 30–95 %). 4 responses.");

  http::Response page = lena_->Get("/pilots/" + std::to_string(pilot) + "/evaluation");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Trygghet på natten"));
  EXPECT_THAT(page.body, HasSubstr("75 % instämmer"));
  EXPECT_THAT(page.body, Not(HasSubstr("Inga enkäter är kopplade")));
  // Another organisation's survey naming the same pilot does not count.
  TestClient bo = LoggedInExisting("bo@grannby.se");
  EXPECT_EQ(bo.PostJson("/api/v1/organisations/" + std::to_string(other_org_) + "/surveys",
                        json{{"title_sv", "Falsk"}, {"context", {{"kind", "pilot"}, {"id", pilot}}}}.dump())
                .status,
            201);
  EXPECT_EQ(BodyJson(lena_->Get("/api/v1/pilots/" + std::to_string(pilot) + "/evaluation"))["perception"].size(), 1u);
  // … not for an employee, who sees the pilot's evaluation but not the survey's results.
  http::Response employee = omar_->Get("/api/v1/pilots/" + std::to_string(pilot) + "/evaluation");
  ASSERT_EQ(employee.status, 200);
  EXPECT_TRUE(BodyJson(employee)["perception"].empty());
  EXPECT_THAT(omar_->Get("/pilots/" + std::to_string(pilot) + "/evaluation").body,
              Not(HasSubstr("75 % instämmer")));
}

NYTTIG_INSTANTIATE_ENGINES(PilotLinksTest);

}  // namespace
}  // namespace nyttig::pilots
