// The knowledge API and pages through the whole application, in-process,
// on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "app/app_test_fixture.h"
#include "knowledge/simple_pdf.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;

class KnowledgeHttpTest : public AppHttpTest {
 protected:
  void SetUp() override {
    AppHttpTest::SetUp();
    origin_ = CreateOrganisation("Exempelby kommun", "admin@exempelby.se");
    adopter_ = CreateOrganisation("Norrby kommun", "admin@norrby.se");
  }

  std::string CasePath(std::int64_t id) { return "/api/v1/cases/" + std::to_string(id); }

  std::int64_t PublishedCase(TestClient& admin) {
    http::Response created = admin.PostJson(
        "/api/v1/cases", json{{"organisation_id", origin_},
                              {"title", "Trygghetsvärdar i centrum"},
                              {"problem", "Otrygghet på kvällar."},
                              {"results", {{{"metric", "Anmälda brott"}, {"before", 40}, {"after", 25},
                                            {"unit", "st"}, {"source", "Polisen 2025"}}}}}
                             .dump());
    EXPECT_EQ(created.status, 201) << created.body;
    std::int64_t id = BodyJson(created)["id"];
    EXPECT_EQ(admin.PostJson(CasePath(id) + "/publish", "").status, 200);
    return id;
  }

  std::int64_t origin_ = 0, adopter_ = 0;
};

TEST_P(KnowledgeHttpTest, DraftAnswers404ToAnotherOrganisationAndAnonymous) {
  TestClient admin = LoggedInExisting("admin@exempelby.se");
  http::Response created = admin.PostJson(
      "/api/v1/cases", json{{"organisation_id", origin_}, {"title", "Utkast"}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  std::string path = CasePath(BodyJson(created)["id"]);
  EXPECT_EQ(BodyJson(created)["state"], "draft");
  EXPECT_EQ(NewClient().Get(path).status, 404);
  EXPECT_EQ(LoggedInExisting("admin@norrby.se").Get(path).status, 404);
  EXPECT_EQ(admin.Get(path).status, 200);
}

TEST_P(KnowledgeHttpTest, ValidationListsTheFields) {
  TestClient admin = LoggedInExisting("admin@exempelby.se");
  http::Response r = admin.PostJson(
      "/api/v1/cases", json{{"organisation_id", origin_}, {"title", ""}, {"period_start", "igår"}}.dump());
  ASSERT_EQ(r.status, 400) << r.body;
  std::set<std::string> names;
  json problem = BodyJson(r);
  for (const json& p : problem["invalid_parameters"]) names.insert(p["name"]);
  EXPECT_TRUE(names.count("title"));
  EXPECT_TRUE(names.count("period_start"));
}

TEST_P(KnowledgeHttpTest, AdoptOnceWithdrawAndSeeTheSpread) {
  TestClient origin = LoggedInExisting("admin@exempelby.se");
  std::int64_t id = PublishedCase(origin);
  TestClient adopter = LoggedInExisting("admin@norrby.se");
  json body = {{"organisation_id", adopter_}, {"status", "trying"}, {"adopted_on", "2026-03-01"}};
  http::Response first = adopter.PostJson(CasePath(id) + "/adoptions", body.dump());
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(adopter.PostJson(CasePath(id) + "/adoptions", body.dump()).status, 409);
  json spread = BodyJson(NewClient().Get(CasePath(id) + "/adoptions"));
  EXPECT_EQ(spread["total"], 1);
  EXPECT_EQ(spread["spread"]["trying"], 1);
  std::string adoption = "/api/v1/adoptions/" + std::to_string(BodyJson(first)["id"].get<std::int64_t>());
  EXPECT_EQ(origin.Delete(adoption).status, 403) << "the case's owner cannot withdraw another's adoption";
  ASSERT_EQ(adopter.Delete(adoption).status, 200);
  EXPECT_EQ(BodyJson(NewClient().Get(CasePath(id) + "/adoptions"))["total"], 0);
}

TEST_P(KnowledgeHttpTest, ExportsPublishedCasesAsCsv) {
  TestClient origin = LoggedInExisting("admin@exempelby.se");
  PublishedCase(origin);
  origin.PostJson("/api/v1/cases", json{{"organisation_id", origin_}, {"title", "Hemligt utkast"}}.dump());
  http::Response csv = NewClient().Get("/api/v1/cases/export?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.headers.Get("Content-Type").value_or(""), "text/csv; charset=utf-8");
  EXPECT_NE(csv.body.find("Trygghetsvärdar i centrum"), std::string::npos);
  EXPECT_EQ(csv.body.find("Hemligt utkast"), std::string::npos);
}

TEST_P(KnowledgeHttpTest, CasePageShowsResultsAndEscapesText) {
  TestClient origin = LoggedInExisting("admin@exempelby.se");
  http::Response created = origin.PostJson(
      "/api/v1/cases", json{{"organisation_id", origin_}, {"title", "<script>alert(1)</script>"}}.dump());
  std::int64_t id = BodyJson(created)["id"];
  ASSERT_EQ(origin.PostJson(CasePath(id) + "/publish", "").status, 200);
  http::Response page = NewClient().Get("/cases/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("<script>alert(1)"), std::string::npos);
  EXPECT_NE(page.body.find("&lt;script&gt;"), std::string::npos);
}

TEST_P(KnowledgeHttpTest, UploadKeepsNoMarkupAndExplainsUnreadableFiles) {
  TestClient admin = LoggedInExisting("admin@exempelby.se");
  std::string base = "/api/v1/documents?organisation_id=" + std::to_string(origin_) + "&kind=policy";
  http::Response html = admin.PostJson(
      base + "&file_name=policy.pdf",
      "<html><body><h1>Policy</h1><script>alert(1)</script><p>Vi delar data.</p></body></html>");
  ASSERT_EQ(html.status, 201) << html.body;
  EXPECT_EQ(BodyJson(html)["content_type"], "text/html");
  std::string path = "/api/v1/documents/" + std::to_string(BodyJson(html)["id"].get<std::int64_t>());
  std::string transcript = BodyJson(NewClient().Get(path))["transcript"];
  EXPECT_EQ(transcript.find("alert"), std::string::npos);
  EXPECT_EQ(transcript.find('<'), std::string::npos);
  http::Response scanned = admin.PostJson(base, knowledge::MakeImageOnlyPdf());
  ASSERT_EQ(scanned.status, 400);
  EXPECT_NE(BodyJson(scanned)["detail"].get<std::string>().find("skannad"), std::string::npos)
      << scanned.body;
  TestClient other = LoggedInExisting("admin@norrby.se");
  EXPECT_EQ(other.PostJson(base, "Text").status, 403);
}

NYTTIG_INSTANTIATE_ENGINES(KnowledgeHttpTest);

}  // namespace
}  // namespace nyttig::app::testing
