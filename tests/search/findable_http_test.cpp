// Dialogues, cases and documents in search, written through their own APIs
// and found (or not) through GET /api/v1/search, on both engines: who finds
// what, that edits show at once, that a dialogue appears when it opens, and
// that `nyttig reindex` gives what the write path gave.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/app_test_fixture.h"
#include "core/time_format.h"
#include "dialogue/polis_io.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;

constexpr std::chrono::seconds kDay{24 * 3600};

class FindableHttpTest : public AppHttpTest {
 protected:
  void SetUp() override {
    AppHttpTest::SetUp();
    org_ = CreateOrganisation("Exempelby kommun", "karin@exempelby.se");
    CreateOrganisation("Norrby kommun", "admin@norrby.se");
  }

  TestClient Organiser() { return LoggedInExisting("karin@exempelby.se"); }
  TestClient Outsider() { return LoggedInExisting("admin@norrby.se"); }

  json Search(TestClient& client, const std::string& query) {
    http::Response r = client.Get("/api/v1/search?q=" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return BodyJson(r);
  }
  std::int64_t Hits(TestClient& client, const std::string& query) {
    return Search(client, query)["total"].get<std::int64_t>();
  }
  std::int64_t AnonymousHits(const std::string& query) {
    TestClient anonymous = NewClient();
    return Hits(anonymous, query);
  }

  std::int64_t CreateCase(const std::string& title, const std::string& problem) {
    TestClient organiser = Organiser();
    http::Response r = organiser.PostJson(
        "/api/v1/cases",
        json{{"organisation_id", org_}, {"title", title}, {"problem", problem}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", std::int64_t{0});
  }
  void PublishCase(std::int64_t id) {
    TestClient organiser = Organiser();
    EXPECT_EQ(organiser.PostJson(CasePath(id) + "/publish", "").status, 200);
  }
  static std::string CasePath(std::int64_t id) { return "/api/v1/cases/" + std::to_string(id); }

  std::int64_t UploadDocument(const std::string& title, const std::string& text, bool is_public) {
    TestClient organiser = Organiser();
    http::Response r = organiser.PostJson(
        "/api/v1/documents?organisation_id=" + std::to_string(org_) +
            "&kind=policy&title=" + title + "&public=" + (is_public ? "true" : "false"),
        text);
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", std::int64_t{0});
  }

  // A dialogue of the organisation; `extra` adds or overrides members.
  std::int64_t CreateDialogue(const std::string& question, json extra = json::object()) {
    json body = {{"organisation_id", org_},
                 {"question", question},
                 {"moderation", "pre"},
                 {"seed_statements", {"Biblioteket borde ha öppet på söndagar."}}};
    body.update(extra);
    TestClient organiser = Organiser();
    http::Response r = organiser.PostJson("/api/v1/dialogues", body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", std::int64_t{0});
  }
  static std::string DialoguePath(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/dialogues/" + std::to_string(id) + rest;
  }
  // A citizen's statement; returns its id.
  std::int64_t Submit(std::int64_t dialogue, const std::string& body) {
    TestClient citizen = LoggedInExisting("omar@example.org");
    http::Response r =
        citizen.PostJson(DialoguePath(dialogue, "/statements"), json{{"body", body}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", std::int64_t{0});
  }
  void Decide(std::int64_t dialogue, std::int64_t statement, const std::string& decision) {
    TestClient organiser = Organiser();
    http::Response r = organiser.PostJson(
        DialoguePath(dialogue, "/statements/" + std::to_string(statement) + "/decision"),
        json{{"decision", decision}}.dump());
    EXPECT_EQ(r.status, 200) << r.body;
  }
  void RunDueJobs() {
    auto ran = app().RunPendingJobs();
    ASSERT_TRUE(ran.ok()) << ran.status().ToString();
  }

  std::int64_t org_ = 0;
};

TEST_P(FindableHttpTest, APublishedCaseIsFoundByAnyoneButADraftByNobody) {
  const std::int64_t id = CreateCase("Trygghetsvärdar i centrum", "Otrygghet på kvällarna.");
  TestClient organiser = Organiser();
  EXPECT_EQ(AnonymousHits("trygghetsv%C3%A4rdar"), 0);
  EXPECT_EQ(Hits(organiser, "trygghetsv%C3%A4rdar"), 0) << "a draft is not in results";
  PublishCase(id);
  json found = Search(organiser, "otrygghet");
  ASSERT_EQ(found["total"], 1);
  EXPECT_EQ(found["items"][0]["url"], "/cases/" + std::to_string(id));
  EXPECT_EQ(AnonymousHits("trygghetsv%C3%A4rdar"), 1);
}

TEST_P(FindableHttpTest, AnEditedCaseIsFoundByItsNewWordsOnly) {
  const std::int64_t id = CreateCase("Trygghetsvärdar i centrum", "Otrygghet på kvällarna.");
  PublishCase(id);
  TestClient organiser = Organiser();
  http::Response edited = organiser.PatchJson(
      CasePath(id), json{{"title", "Nattvandrare i centrum"},
                         {"problem", "**Skadegörelse** på [helgerna](https://example.se)."}}
                        .dump());
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(AnonymousHits("nattvandrare"), 1);
  EXPECT_EQ(AnonymousHits("skadeg%C3%B6relse"), 1);
  EXPECT_EQ(AnonymousHits("trygghetsv%C3%A4rdar"), 0);
  EXPECT_EQ(AnonymousHits("example"), 0) << "a link's address is markup, not words";
}

TEST_P(FindableHttpTest, AnInternalDocumentIsFoundOnlyByItsOrganisationsMembers) {
  UploadDocument("Krisledningsplan", "Krisledning vid stormar och elavbrott.", true);
  UploadDocument("Intern%20rutin", "Krisledning: vem ringer vem under natten.", false);
  TestClient member = Organiser();
  json inside = Search(member, "krisledning");
  EXPECT_EQ(inside["total"], 2);
  EXPECT_EQ(inside["facets"]["kind"]["document"], 2);
  EXPECT_EQ(inside["facets"]["organisation"][std::to_string(org_)], 2);
  TestClient outsider = Outsider();
  TestClient anonymous = NewClient();
  for (TestClient* client : {&outsider, &anonymous}) {
    json outside = Search(*client, "krisledning");
    EXPECT_EQ(outside["total"], 1);
    EXPECT_EQ(outside["items"][0]["title"], "Krisledningsplan");
    EXPECT_EQ(outside["facets"]["kind"]["document"], 1);
    EXPECT_EQ(outside["facets"]["organisation"][std::to_string(org_)], 1);
    EXPECT_EQ(Hits(*client, "natten"), 0);
  }
}

TEST_P(FindableHttpTest, ADialogueIsFoundByItsAcceptedStatementsButNeverARejectedOne) {
  Register("omar@example.org");
  const std::int64_t id = CreateDialogue("Hur vill du att biblioteket ska utvecklas?");
  EXPECT_EQ(AnonymousHits("s%C3%B6ndagar"), 1) << "seed statements are accepted";
  const std::int64_t tools = Submit(id, "Jag vill kunna låna symaskiner där.");
  const std::int64_t rude = Submit(id, "Biblioteket är en hoppborg för vuxna.");
  EXPECT_EQ(AnonymousHits("symaskiner"), 0) << "pending";
  Decide(id, tools, "accepted");
  Decide(id, rude, "rejected");
  TestClient anonymous = NewClient();
  json found = Search(anonymous, "symaskiner");
  ASSERT_EQ(found["total"], 1);
  EXPECT_EQ(found["items"][0]["url"], "/dialogues/" + std::to_string(id));
  EXPECT_EQ(AnonymousHits("hoppborg"), 0);
}

TEST_P(FindableHttpTest, AStatementModeratedOutLeavesSearchToo) {
  Register("omar@example.org");
  const std::int64_t id = CreateDialogue("Vad ska parken användas till?", {{"moderation", "post"}});
  const std::int64_t statement = Submit(id, "Parken behöver en hoppborg på somrarna.");
  EXPECT_EQ(AnonymousHits("hoppborg"), 1) << "post-moderation shows it at once";
  Decide(id, statement, "rejected");
  EXPECT_EQ(AnonymousHits("hoppborg"), 0);
}

TEST_P(FindableHttpTest, AnEditedDialogueIsFoundByItsNewQuestion) {
  const std::int64_t id = CreateDialogue("Hur vill du att biblioteket ska utvecklas?");
  TestClient organiser = Organiser();
  ASSERT_EQ(
      organiser
          .PatchJson(DialoguePath(id), json{{"question", "Hur ska simhallen byggas om?"}}.dump())
          .status,
      200);
  EXPECT_EQ(AnonymousHits("simhallen"), 1);
  EXPECT_EQ(AnonymousHits("utvecklas"), 0);
}

TEST_P(FindableHttpTest, ADialogueIsFoundOnlyOnceItOpens) {
  const UnixSeconds opens = clock_.Now() + 2 * kDay.count();
  const std::int64_t id =
      CreateDialogue("Hur ska torget gestaltas?", {{"opens_at", FormatRfc3339(opens)}});
  EXPECT_EQ(NewClient().Get("/dialogues/" + std::to_string(id)).status, 404);
  EXPECT_EQ(AnonymousHits("torget"), 0) << "search must not show what the page hides";
  clock_.Advance(kDay);
  RunDueJobs();
  EXPECT_EQ(AnonymousHits("torget"), 0);
  clock_.Advance(kDay);
  RunDueJobs();
  EXPECT_EQ(AnonymousHits("torget"), 1);
}

TEST_P(FindableHttpTest, AMovedOpeningIsFollowed) {
  const UnixSeconds now = clock_.Now();
  const std::int64_t id = CreateDialogue("Hur ska torget gestaltas?",
                                         {{"opens_at", FormatRfc3339(now + 2 * kDay.count())}});
  TestClient organiser = Organiser();
  ASSERT_EQ(
      organiser
          .PatchJson(DialoguePath(id), json{{"opens_at", FormatRfc3339(now + kDay.count())}}.dump())
          .status,
      200);
  clock_.Advance(kDay);
  RunDueJobs();
  EXPECT_EQ(AnonymousHits("torget"), 1) << "opened a day earlier than first planned";
}

TEST_P(FindableHttpTest, AnImportedPolisDialogueIsFoundByItsAcceptedStatementsOnly) {
  nyttig::testing::TempDir dir;
  std::ofstream(dir.path() + "/comments.csv")
      << "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
         "1500000000000,x,0,0,1,0,1,Fler cykelbanor längs ån\n"
         "1500000000001,x,1,1,0,1,-1,Stäng hoppborgen\n";
  std::ofstream(dir.path() + "/votes.csv") << "timestamp,datetime,comment-id,voter-id,vote\n"
                                              "1500000000002,x,0,0,1\n1500000000003,x,1,1,-1\n";
  std::ostringstream out, err;
  ASSERT_EQ(dialogue::RunImportPolisCommand(app().db(), clock_, app().audit_log(),
                                            app().dialogues(), dir.path(), org_, out, err),
            0)
      << err.str();
  EXPECT_EQ(AnonymousHits("cykelbanor"), 1);
  EXPECT_EQ(AnonymousHits("hoppborgen"), 0);
}

// What three kinds of reader find for a few queries: items, totals, facets.
json WhatReadersFind(const std::vector<TestClient*>& readers) {
  json seen = json::array();
  for (TestClient* reader : readers) {
    for (const char* query : {"krisledning", "trygghetsv%C3%A4rdar", "symaskiner", "hoppborg",
                              "torget", "biblioteket"}) {
      http::Response r = reader->Get(std::string("/api/v1/search?q=") + query);
      EXPECT_EQ(r.status, 200) << query;
      seen.push_back(BodyJson(r));
    }
  }
  return seen;
}

TEST_P(FindableHttpTest, ReindexFindsWhatTheWritePathFound) {
  Register("omar@example.org");
  UploadDocument("Krisledningsplan", "Krisledning vid stormar.", true);
  UploadDocument("Intern%20rutin", "Krisledning under natten.", false);
  PublishCase(CreateCase("Trygghetsvärdar i centrum", "Otrygghet."));
  CreateCase("Trygghetsvärdar i hamnen", "Ett utkast.");
  const std::int64_t dialogue = CreateDialogue("Hur vill du att biblioteket ska utvecklas?");
  Decide(dialogue, Submit(dialogue, "Jag vill kunna låna symaskiner där."), "accepted");
  Decide(dialogue, Submit(dialogue, "Biblioteket är en hoppborg."), "rejected");
  CreateDialogue("Hur ska torget gestaltas?",
                 {{"opens_at", FormatRfc3339(clock_.Now() + kDay.count())}});
  TestClient member = Organiser();
  TestClient outsider = Outsider();
  TestClient anonymous = NewClient();
  const json written = WhatReadersFind({&member, &outsider, &anonymous});
  // Not an empty comparison: the member finds both plans, the outsider the public one.
  EXPECT_EQ(written[0]["total"], 2);
  EXPECT_EQ(written[6]["total"], 1);
  auto report = app().search().Reindex();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->documents_by_kind["case"], 2);
  EXPECT_EQ(report->documents_by_kind["document"], 2);
  EXPECT_EQ(report->documents_by_kind["dialogue"], 2);
  EXPECT_EQ(WhatReadersFind({&member, &outsider, &anonymous}), written);
}

TEST_P(FindableHttpTest, ADialogueReindexedBeforeItOpensStillAppearsWhenItOpens) {
  CreateDialogue("Hur ska torget gestaltas?",
                 {{"opens_at", FormatRfc3339(clock_.Now() + kDay.count())}});
  // As for dialogues written before search was wired: no refresh queued.
  ASSERT_TRUE(app()
                  .db()
                  .Write([](db::Tx& tx) -> Status {
                    tx.sql() << "DELETE FROM jobs_queue";
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_TRUE(app().search().Reindex().ok());
  clock_.Advance(kDay);
  RunDueJobs();
  EXPECT_EQ(AnonymousHits("torget"), 1);
}

NYTTIG_INSTANTIATE_ENGINES(FindableHttpTest);

}  // namespace
}  // namespace nyttig::app::testing
