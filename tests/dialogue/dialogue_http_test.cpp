// The dialogue module through the whole application (App::Handle, real
// router, pipeline and templates) on SQLite and PostgreSQL: the API, the
// voting page as a browser without JavaScript uses it, the background
// recomputation, and what the results reveal to whom.
#include <gtest/gtest.h>

#include "app/app_test_fixture.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;

class DialogueHttpTest : public AppHttpTest {
 protected:
  void SetUp() override {
    AppHttpTest::SetUp();
    org_ = CreateOrganisation("Exempelby kommun", "karin@exempelby.se");
  }

  // Opens a dialogue through the API as the organisation's admin.
  std::int64_t OpenDialogue(bool anonymous, const std::string& moderation = "post") {
    TestClient organiser = LoggedInExisting("karin@exempelby.se");
    http::Response r = organiser.PostJson(
        "/api/v1/dialogues",
        json{{"organisation_id", org_},
             {"question", "Hur vill du att biblioteket ska utvecklas?"},
             {"allow_anonymous", anonymous},
             {"moderation", moderation},
             {"seed_statements",
              {"Biblioteket borde ha öppet på söndagar.", "Jag vill låna verktyg där.",
               "Biblioteket ska vara tyst."}}}
            .dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", std::int64_t{0});
  }

  std::vector<std::int64_t> StatementIds(std::int64_t dialogue) {
    TestClient anyone = NewClient();
    json list = BodyJson(anyone.Get("/api/v1/dialogues/" + std::to_string(dialogue) +
                                    "/statements"));
    std::vector<std::int64_t> ids;
    for (const json& s : list["items"]) ids.push_back(s["id"]);
    return ids;
  }

  std::string Path(std::int64_t dialogue, const std::string& rest = "") {
    return "/api/v1/dialogues/" + std::to_string(dialogue) + rest;
  }

  std::int64_t org_ = 0;
};

TEST_P(DialogueHttpTest, AnOrganiserOpensADialogueAndAPersonVotes) {
  const std::int64_t id = OpenDialogue(false);
  TestClient citizen = LoggedIn("omar@example.org");
  const std::int64_t first = StatementIds(id)[0];
  http::Response vote =
      citizen.PostJson(Path(id, "/votes"), json{{"statement_id", first}, {"vote", "agree"}}.dump());
  EXPECT_EQ(vote.status, 201) << vote.body;
  json next = BodyJson(citizen.Get(Path(id, "/next")));
  EXPECT_EQ(next["voted"], 1);
  EXPECT_EQ(next["total"], 3);
  EXPECT_NE(next["statement"]["id"], first);
}

TEST_P(DialogueHttpTest, ACitizenCannotOpenADialogue) {
  TestClient citizen = LoggedIn("omar@example.org");
  http::Response r = citizen.PostJson(
      "/api/v1/dialogues", json{{"organisation_id", org_}, {"question", "Fråga?"}}.dump());
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(CountRows("dialogue_dialogues"), 0);
}

TEST_P(DialogueHttpTest, ABadVoteIsRefusedNamingTheField) {
  const std::int64_t id = OpenDialogue(false);
  TestClient citizen = LoggedIn("omar@example.org");
  http::Response r = citizen.PostJson(
      Path(id, "/votes"), json{{"statement_id", StatementIds(id)[0]}, {"vote", "kanske"}}.dump());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(BodyJson(r)["invalid_parameters"][0]["name"], "vote");
  EXPECT_EQ(CountRows("dialogue_vote_events"), 0);
}

TEST_P(DialogueHttpTest, AnonymousVotingNeedsTheOrganisationsConsent) {
  const std::int64_t id = OpenDialogue(false);
  TestClient browser = NewClient();
  http::Response r = browser.PostJson(
      Path(id, "/votes"), json{{"statement_id", StatementIds(id)[0]}, {"vote", "agree"}}.dump());
  EXPECT_EQ(r.status, 401) << r.body;
}

TEST_P(DialogueHttpTest, ABrowserVotesWithPlainFormsOneStatementAtATime) {
  const std::int64_t id = OpenDialogue(true);
  const std::vector<std::int64_t> statements = StatementIds(id);
  TestClient browser = NewClient();
  http::Response page = browser.Get("/dialogues/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Biblioteket borde ha öppet på söndagar."), std::string::npos);
  EXPECT_NE(page.body.find("0 av 3"), std::string::npos);
  EXPECT_TRUE(browser.Cookie("nyttig_participant").has_value());
  http::Response voted = browser.PostForm(
      "/dialogues/" + std::to_string(id) + "/vote",
      {{"statement_id", std::to_string(statements[0])}, {"vote", "disagree"}});
  EXPECT_EQ(voted.status, 303) << voted.body;
  http::Response again = browser.Get("/dialogues/" + std::to_string(id));
  EXPECT_NE(again.body.find("1 av 3"), std::string::npos);
  EXPECT_NE(again.body.find("Jag vill låna verktyg där."), std::string::npos);
}

TEST_P(DialogueHttpTest, AFormVoteWithoutTheCsrfTokenChangesNothing) {
  const std::int64_t id = OpenDialogue(true);
  TestClient browser = NewClient();
  browser.Get("/dialogues/" + std::to_string(id));
  http::Response r = browser.PostForm(
      "/dialogues/" + std::to_string(id) + "/vote",
      {{"statement_id", std::to_string(StatementIds(id)[0])}, {"vote", "agree"}}, false);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(CountRows("dialogue_vote_events"), 0);
}

TEST_P(DialogueHttpTest, ResultsAreComputedInTheBackgroundAndHideGroupMembers) {
  const std::int64_t id = OpenDialogue(true);
  const std::vector<std::int64_t> statements = StatementIds(id);
  for (int n = 0; n < 20; ++n) {
    TestClient browser = NewClient();
    browser.Get("/dialogues/" + std::to_string(id));
    for (size_t i = 0; i < statements.size(); ++i) {
      const bool agree = (i == 0) == (n % 2 == 0);
      ASSERT_EQ(browser.PostJson(Path(id, "/votes"),
                                 json{{"statement_id", statements[i]},
                                      {"vote", agree ? "agree" : "disagree"}}
                                     .dump())
                    .status,
                201);
    }
  }
  json before = BodyJson(NewClient().Get(Path(id, "/results")));
  EXPECT_TRUE(before["computed_at"].is_null());
  EXPECT_EQ(before["k"], 0);
  clock_.Advance(std::chrono::seconds(15));
  auto ran = app().RunPendingJobs();
  ASSERT_TRUE(ran.ok()) << ran.status().ToString();
  EXPECT_EQ(*ran, 1);
  json pub = BodyJson(NewClient().Get(Path(id, "/results")));
  EXPECT_EQ(pub["vote_count"], 60);
  EXPECT_FALSE(pub["computed_at"].is_null());
  ASSERT_GE(pub["k"].get<int>(), 2);
  for (const json& g : pub["groups"]) EXPECT_TRUE(g["members"].empty());
  EXPECT_EQ(pub["opinion_map"].size(), 20u);
  EXPECT_TRUE(pub["you"].is_null());
  json organiser = BodyJson(LoggedInExisting("karin@exempelby.se").Get(Path(id, "/results")));
  EXPECT_FALSE(organiser["groups"][0]["members"].empty());
  http::Response page = NewClient().Get("/dialogues/" + std::to_string(id) + "/results");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("grupp A"), std::string::npos);
}

TEST_P(DialogueHttpTest, ModerationIsForTheOrganisationsOrganisers) {
  const std::int64_t id = OpenDialogue(false, "pre");
  TestClient citizen = LoggedIn("omar@example.org");
  http::Response submitted = citizen.PostJson(Path(id, "/statements"),
                                              json{{"body", "Fler sittplatser."}}.dump());
  ASSERT_EQ(submitted.status, 201) << submitted.body;
  EXPECT_EQ(BodyJson(submitted)["state"], "pending");
  const std::string decision = Path(id, "/statements/" +
                                           std::to_string(BodyJson(submitted).value("id", 0)) +
                                           "/decision");
  EXPECT_EQ(citizen.PostJson(decision, R"({"decision": "accepted"})").status, 403);
  EXPECT_EQ(citizen.Get("/dialogues/" + std::to_string(id) + "/moderation").status, 403);
  TestClient organiser = LoggedInExisting("karin@exempelby.se");
  http::Response queue = organiser.Get("/dialogues/" + std::to_string(id) + "/moderation");
  EXPECT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find("Fler sittplatser."), std::string::npos);
  http::Response accepted = organiser.PostJson(decision, R"({"decision": "accepted"})");
  EXPECT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(StatementIds(id).size(), 4u);
}

TEST_P(DialogueHttpTest, ATooLongStatementKeepsWhatWasWritten) {
  const std::int64_t id = OpenDialogue(true);
  TestClient browser = NewClient();
  browser.Get("/dialogues/" + std::to_string(id) + "/statements/new");
  const std::string text(141, 'a');
  http::Response r =
      browser.PostForm("/dialogues/" + std::to_string(id) + "/statements", {{"body", text}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("error-summary"), std::string::npos);
  EXPECT_NE(r.body.find(text), std::string::npos);
}

TEST_P(DialogueHttpTest, PagesListOpenDialoguesAndLetOrganisersStartOne) {
  const std::int64_t id = OpenDialogue(false);
  http::Response list = NewClient().Get("/dialogues");
  EXPECT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("/dialogues/" + std::to_string(id)), std::string::npos);
  TestClient organiser = LoggedInExisting("karin@exempelby.se");
  ASSERT_EQ(organiser.Get("/dialogues/new").status, 200);
  http::Response created = organiser.PostForm(
      "/dialogues", {{"organisation_id", std::to_string(org_)},
                     {"question", "Vad ska parken användas till?"},
                     {"seed_statements", "Fler bänkar.\nEn lekplats för större barn.\n"},
                     {"moderation", "post"},
                     {"allow_statements", "1"},
                     {"max_statement_chars", "140"}});
  EXPECT_EQ(created.status, 303) << created.body;
  EXPECT_EQ(CountRows("dialogue_statements"), 5);
  EXPECT_EQ(NewClient().Get("/dialogues/new").status, 303);  // to the log-in page
}

NYTTIG_INSTANTIATE_ENGINES(DialogueHttpTest);

}  // namespace
}  // namespace nyttig::app::testing
