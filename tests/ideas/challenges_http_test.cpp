// Challenges over HTTP, in-process on both engines: the API round trip
// (create, invite, accept, publish, submit, results) with the problem
// responses of the ugly cases, the pages' forms without JavaScript (errors
// keep what was typed), and search finding a published challenge only.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/app_test_fixture.h"
#include "core/time_format.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

class ChallengesHttpTest : public AppHttpTest {
 protected:
  void SetUp() override {
    AppHttpTest::SetUp();
    org_ = CreateOrganisation("Exempelby kommun", "karin@exempelby.se");
    partner_ = CreateOrganisation("Grannby kommun", "per@grannby.se");
    admin_ = std::make_unique<TestClient>(LoggedInExisting("karin@exempelby.se"));
    partner_admin_ = std::make_unique<TestClient>(LoggedInExisting("per@grannby.se"));
    coordinator_ = std::make_unique<TestClient>(Member(*admin_, org_, "anna@exempelby.se", "coordinator"));
    employee_ = std::make_unique<TestClient>(Member(*admin_, org_, "omar@exempelby.se", "employee"));
    partner_coordinator_ =
        std::make_unique<TestClient>(Member(*partner_admin_, partner_, "maria@grannby.se", "coordinator"));
    citizen_ = std::make_unique<TestClient>(LoggedIn("sara@example.org"));
  }

  TestClient Member(TestClient& admin, std::int64_t org, const std::string& email, const std::string& role) {
    Register(email, email.substr(0, email.find('@')));
    http::Response r = admin.PostJson("/api/v1/organisations/" + std::to_string(org) + "/members",
                                      json{{"email", email}, {"role", role}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return LoggedInExisting(email);
  }

  json ChallengeBody(const std::string& audience = "public", int closes_in_days = 31) {
    return {{"organisation_id", org_},
            {"title", "Fler unga i föreningslivet"},
            {"question", "Hur kan vi göra det lättare för unga att hitta en förening?"},
            {"audience", audience},
            {"opens_at", FormatRfc3339(clock_.Now() + kDay)},
            {"closes_at", FormatRfc3339(clock_.Now() + closes_in_days * kDay)},
            {"criteria", json::array({{{"name", "Når nya grupper"}}})}};
  }

  std::string Path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/challenges/" + std::to_string(id) + rest;
  }

  // Created, published and open (the clock moved into its period).
  std::int64_t OpenChallenge(json body) {
    http::Response created = coordinator_->PostJson("/api/v1/challenges", body.dump());
    EXPECT_EQ(created.status, 201) << created.body;
    std::int64_t id = BodyJson(created).value("id", std::int64_t{0});
    http::Response published = coordinator_->PostJson(Path(id, "/publication"), "{}");
    EXPECT_EQ(published.status, 200) << published.body;
    clock_.Advance(std::chrono::seconds(2 * kDay));
    return id;
  }

  json IdeaBody(const std::string& title) {
    return {{"title", title},
            {"need", "Det kostar mycket att börja i en förening."},
            {"solution", "Tre gratis prova-på-tillfällen per år."},
            {"visibility", "public"}};
  }

  std::int64_t org_ = 0, partner_ = 0;
  std::unique_ptr<TestClient> admin_, partner_admin_, coordinator_, employee_, partner_coordinator_,
      citizen_;
};

TEST_P(ChallengesHttpTest, TheWholeRoundTripThroughTheApi) {
  // Short, so that the sessions (14 idle days) outlive it.
  json body = ChallengeBody("staff", 10);
  body["co_host_ids"] = json::array({partner_});
  std::int64_t id = OpenChallenge(body);
  http::Response invitations = partner_coordinator_->Get("/api/v1/challenge-invitations");
  ASSERT_EQ(invitations.status, 200);
  ASSERT_EQ(BodyJson(invitations)["items"].size(), 1u);
  http::Response accepted = partner_coordinator_->Send(
      {.method = http::Method::kPut, .target = Path(id, "/hosts/" + std::to_string(partner_)), .body = "{}",
       .content_type = "application/json"});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(BodyJson(accepted)["hosts"][1]["accepted"], true) << accepted.body;

  http::Response idea = employee_->PostJson(Path(id, "/ideas"), IdeaBody("Prova-på-kort").dump());
  ASSERT_EQ(idea.status, 201) << idea.body;
  std::int64_t idea_id = BodyJson(idea)["id"].get<std::int64_t>();
  EXPECT_EQ(BodyJson(idea)["challenge_id"], id);
  json listed = BodyJson(coordinator_->Get("/api/v1/ideas?challenge_id=" + std::to_string(id)));
  ASSERT_EQ(listed["total"], 1);

  clock_.Advance(std::chrono::seconds(9 * kDay));
  EXPECT_EQ(BodyJson(coordinator_->Get(Path(id)))["phase"], "closed");
  http::Response results = coordinator_->Send(
      {.method = http::Method::kPut, .target = Path(id, "/results"),
       .body = json{{"text", "Juryn valde **prova-på-kortet**."},
                    {"awards", json::array({{{"idea_id", idea_id}, {"title", "Vinnare"}}})}}.dump(),
       .content_type = "application/json"});
  ASSERT_EQ(results.status, 200) << results.body;
  json decided = BodyJson(results);
  EXPECT_EQ(decided["phase"], "decided");
  EXPECT_EQ(decided["results"]["awards"][0]["idea_title"], "Prova-på-kort");
  EXPECT_THAT(decided["results"]["text_html"].get<std::string>(), HasSubstr("<strong>prova-på-kortet</strong>"));
}

TEST_P(ChallengesHttpTest, UglyInputGetsAProblemAndChangesNothing) {
  json body = ChallengeBody();
  body["opens_at"] = "i morgon";
  body["criteria"] = json::array({"Når nya grupper"});
  http::Response r = coordinator_->PostJson("/api/v1/challenges", body.dump());
  EXPECT_EQ(r.status, 400);
  body = ChallengeBody();
  body["opens_at"] = "tomorrow";
  body["colour"] = "red";
  r = coordinator_->PostJson("/api/v1/challenges", body.dump());
  ASSERT_EQ(r.status, 400);
  EXPECT_THAT(r.body, HasSubstr("opens_at"));
  EXPECT_THAT(r.body, HasSubstr("colour"));
  body = ChallengeBody();
  body["co_host_ids"] = json::array({-3});
  EXPECT_EQ(coordinator_->PostJson("/api/v1/challenges", body.dump()).status, 400);
  body = ChallengeBody();
  body["title"] = std::string(500, 'x');
  EXPECT_EQ(coordinator_->PostJson("/api/v1/challenges", body.dump()).status, 400);
  EXPECT_EQ(coordinator_->PostJson("/api/v1/challenges", "{\"title\": ").status, 400);
  EXPECT_EQ(employee_->PostJson("/api/v1/challenges", ChallengeBody().dump()).status, 403);
  EXPECT_EQ(CountRows("ideas_challenges"), 0);
  EXPECT_EQ(coordinator_->Get("/api/v1/challenges?phase=later").status, 400);
  EXPECT_EQ(coordinator_->Get("/api/v1/challenges?organisation_id=abc").status, 400);
}

TEST_P(ChallengesHttpTest, SubmittingToAChallengeNamesNoOrganisationAndWaitsForItToOpen) {
  http::Response created = coordinator_->PostJson("/api/v1/challenges", ChallengeBody().dump());
  std::int64_t id = BodyJson(created)["id"].get<std::int64_t>();
  // A draft is invisible to the citizen: 404, as if it did not exist.
  EXPECT_EQ(citizen_->PostJson(Path(id, "/ideas"), IdeaBody("Prova-på-kort").dump()).status, 404);
  EXPECT_EQ(citizen_->Get(Path(id)).status, 404);
  ASSERT_EQ(coordinator_->PostJson(Path(id, "/publication"), "{}").status, 200);
  EXPECT_EQ(citizen_->PostJson(Path(id, "/ideas"), IdeaBody("Prova-på-kort").dump()).status, 409);
  clock_.Advance(std::chrono::seconds(2 * kDay));
  json with_org = IdeaBody("Prova-på-kort");
  with_org["organisation_id"] = partner_;
  EXPECT_EQ(citizen_->PostJson(Path(id, "/ideas"), with_org.dump()).status, 400);
  EXPECT_EQ(NewClient().PostJson(Path(id, "/ideas"), IdeaBody("Utan inloggning").dump(), false).status, 401);
  http::Response ok = citizen_->PostJson(Path(id, "/ideas"), IdeaBody("Prova-på-kort").dump());
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(BodyJson(ok)["channel"], "public_box");
  EXPECT_EQ(BodyJson(ok)["organisation_id"], org_);
  EXPECT_EQ(CountRows("ideas_ideas"), 1);
}

TEST_P(ChallengesHttpTest, SearchFindsAChallengeOnlyOncePublished) {
  http::Response created = coordinator_->PostJson("/api/v1/challenges", ChallengeBody().dump());
  std::int64_t id = BodyJson(created)["id"].get<std::int64_t>();
  auto hits = [&] {
    return BodyJson(NewClient().Get("/api/v1/search?q=f%C3%B6reningslivet&kind=challenge"))["total"];
  };
  EXPECT_EQ(hits(), 0);
  ASSERT_EQ(coordinator_->PostJson(Path(id, "/publication"), "{}").status, 200);
  EXPECT_EQ(hits(), 1);
}

TEST_P(ChallengesHttpTest, ACoordinatorCreatesAChallengeWithTheFormAndSeesErrorsWithWhatTheyTyped) {
  http::Response form = coordinator_->Get("/challenges/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("name=\"criterion_name_1\""));
  EXPECT_THAT(form.body, HasSubstr("Grannby kommun"));  // offered as co-host
  std::vector<std::pair<std::string, std::string>> fields = {
      {"organisation_id", std::to_string(org_)}, {"title", "Fler unga i föreningslivet"},
      {"question", ""}, {"audience", "public"}, {"opens_on", "2026-12-01"},
      {"closes_on", "2026-11-20"}, {"criterion_name_1", "Når nya grupper"},
      {"co_hosts", std::to_string(partner_)}};
  http::Response bad = coordinator_->PostForm("/challenges/new", fields);
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.body, HasSubstr("href=\"#field-question\""));
  EXPECT_THAT(bad.body, HasSubstr("href=\"#field-closes_on\""));
  EXPECT_THAT(bad.body, HasSubstr("value=\"Fler unga i föreningslivet\""));
  EXPECT_THAT(bad.body, HasSubstr("value=\"Når nya grupper\""));
  EXPECT_EQ(CountRows("ideas_challenges"), 0);
  fields[2].second = "Hur kan vi göra det lättare för unga att hitta en förening?";
  fields[5].second = "2026-12-31";
  http::Response ok = coordinator_->PostForm("/challenges/new", fields);
  ASSERT_EQ(ok.status, 303) << ok.body;
  std::string location(ok.headers.Get("Location").value_or(""));
  http::Response page = coordinator_->Get(location);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Utkast"));
  EXPECT_THAT(page.body, HasSubstr("1 december 2026 – 31 december 2026"));
  EXPECT_THAT(page.body, HasSubstr("Publicera utmaningen"));
  // The partner's coordinator sees the invitation on the list and answers it on the page.
  EXPECT_THAT(partner_coordinator_->Get("/challenges").body, HasSubstr("Fler unga i föreningslivet"));
  std::string id = location.substr(std::string("/challenges/").size(), location.find('?') - 12);
  http::Response answered = partner_coordinator_->PostForm(
      "/challenges/" + id + "/invitation", {{"organisation_id", std::to_string(partner_)}, {"answer", "accept"}});
  EXPECT_EQ(answered.status, 303);
  EXPECT_THAT(coordinator_->Get("/challenges/" + id).body, HasSubstr("Exempelby kommun, Grannby kommun"));
}

TEST_P(ChallengesHttpTest, ACitizenSendsAnIdeaThroughTheChallengePage) {
  std::int64_t id = OpenChallenge(ChallengeBody());
  const std::string page_path = "/challenges/" + std::to_string(id);
  http::Response anonymous = NewClient().Get(page_path);
  ASSERT_EQ(anonymous.status, 200);
  EXPECT_THAT(anonymous.body, HasSubstr("Logga in för att skicka in en idé"));
  http::Response page = citizen_->Get(page_path);
  EXPECT_THAT(page.body, HasSubstr("href=\"" + page_path + "/ideas/new\""));
  http::Response form = citizen_->Get(page_path + "/ideas/new");
  ASSERT_EQ(form.status, 200);
  EXPECT_THAT(form.body, HasSubstr("Din idé blir ett svar på utmaningen"));
  // The organisation follows from the challenge: nothing to choose.
  EXPECT_THAT(form.body, Not(HasSubstr("<select id=\"field-organisation_id\"")));
  http::Response sent = citizen_->PostForm(page_path + "/ideas/new",
                                           {{"title", "Prova-på-kort"}, {"need", "Det kostar att börja."},
                                            {"solution", "Tre gratis tillfällen."}, {"visibility", "public"}});
  ASSERT_EQ(sent.status, 303) << sent.body;
  http::Response idea = citizen_->Get(std::string(sent.headers.Get("Location").value_or("")));
  EXPECT_THAT(idea.body, HasSubstr("Svar på utmaningen"));
  EXPECT_THAT(citizen_->Get(page_path).body, HasSubstr("Prova-på-kort"));
}

TEST_P(ChallengesHttpTest, TheStartPageShowsTheOpenChallengesTheVisitorMaySee) {
  OpenChallenge(ChallengeBody("staff"));
  json open_to_all = ChallengeBody("public");
  open_to_all["title"] = "Tryggare skolvägar";
  OpenChallenge(open_to_all);
  http::Response anonymous = NewClient().Get("/");
  EXPECT_THAT(anonymous.body, HasSubstr("Öppna utmaningar"));
  EXPECT_THAT(anonymous.body, HasSubstr("Tryggare skolvägar"));
  EXPECT_THAT(anonymous.body, Not(HasSubstr("Fler unga i föreningslivet")));
  EXPECT_THAT(employee_->Get("/").body, HasSubstr("Fler unga i föreningslivet"));
}

NYTTIG_INSTANTIATE_ENGINES(ChallengesHttpTest);

}  // namespace
}  // namespace nyttig::app::testing
