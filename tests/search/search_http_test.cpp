// GET /api/v1/search, GET /api/v1/search/related and the /search page,
// through the whole application on both engines.
#include <gtest/gtest.h>

#include "app/app_test_fixture.h"
#include "search/search_service.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;

constexpr UnixSeconds kIn2026 = 1'780'000'000;

search::SearchDocument Doc(std::string kind, std::int64_t id, std::string title, std::string body,
                           std::optional<std::int64_t> org = std::nullopt,
                           search::Audience audience = search::Audience::kPublic) {
  search::SearchDocument d;
  d.kind = std::move(kind);
  d.id = id;
  d.organisation_id = org;
  d.audience = audience;
  d.title = std::move(title);
  d.body = std::move(body);
  d.url = "/" + d.kind + "s/" + std::to_string(id);
  d.date = kIn2026;
  d.facets["area"] = {"skola"};
  return d;
}

class SearchHttpTest : public AppHttpTest {
 protected:
  void Index(const std::vector<search::SearchDocument>& documents) {
    Status s = app().db().Write([&](db::Tx& tx) -> Status {
      for (const auto& d : documents) RETURN_IF_ERROR(app().search().index().Upsert(tx, d));
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  json GetJson(TestClient& client, const std::string& target, int status = 200) {
    http::Response r = client.Get(target);
    EXPECT_EQ(r.status, status) << target << ": " << r.body;
    return BodyJson(r);
  }
};

TEST_P(SearchHttpTest, AnswersItemsFacetsAndPagingAsTheContractSays) {
  Index({Doc("idea", 1, "Skolmat utan matsvinn", "Eleverna väljer <portion> själva."),
         Doc("case", 2, "Rapport från kommunen", "Mindre skolmat slängs.")});
  TestClient anonymous = NewClient();
  json body = GetJson(anonymous, "/api/v1/search?q=skolmat&limit=1");
  EXPECT_EQ(body["total"], 2);
  EXPECT_EQ(body["page"], 1);
  EXPECT_EQ(body["limit"], 1);
  ASSERT_EQ(body["items"].size(), 1u);
  const json& hit = body["items"][0];
  EXPECT_EQ(hit["kind"], "idea");
  EXPECT_EQ(hit["id"], 1);
  EXPECT_EQ(hit["url"], "/ideas/1");
  EXPECT_TRUE(hit["score"].is_number());
  EXPECT_NE(hit["snippet"].get<std::string>().find("&lt;portion&gt;"), std::string::npos);
  for (const char* facet : {"kind", "organisation", "area", "sdg", "year"}) {
    EXPECT_TRUE(body["facets"].contains(facet)) << facet;
  }
  EXPECT_EQ(body["facets"]["kind"]["case"], 1);
  EXPECT_EQ(body["facets"]["area"]["skola"], 2);
  EXPECT_EQ(body["did_you_mean"], nullptr);
  EXPECT_EQ(GetJson(anonymous, "/api/v1/search?q=skolmat&kind=case")["total"], 1);
  EXPECT_EQ(GetJson(anonymous, "/api/v1/search?q=skolmat&org=finns-inte")["total"], 0);
}

TEST_P(SearchHttpTest, PrivateItemsReachOnlyTheirOrganisation) {
  const std::int64_t org = CreateOrganisation("Exempelby kommun", "karin@exempelby.se");
  Index({Doc("idea", 1, "Skolmat utan matsvinn", "Öppen idé."),
         Doc("idea", 2, "Skolmat internt", "Bara för medarbetare.", org,
             search::Audience::kOrganisation)});
  TestClient anonymous = NewClient();
  json outside = GetJson(anonymous, "/api/v1/search?q=skolmat");
  EXPECT_EQ(outside["total"], 1);
  EXPECT_FALSE(outside["facets"]["organisation"].contains(std::to_string(org)));
  TestClient member = LoggedInExisting("karin@exempelby.se");
  EXPECT_EQ(GetJson(member, "/api/v1/search?q=skolmat")["total"], 2);
  EXPECT_EQ(GetJson(member, "/api/v1/search?q=skolmat&org=exempelby-kommun")["total"], 1);
  GetJson(anonymous, "/api/v1/search/related?kind=idea&id=2", 404);
}

TEST_P(SearchHttpTest, MalformedParametersAreNamedButTheQueryNeverFails) {
  TestClient client = NewClient();
  json bad = GetJson(client, "/api/v1/search?q=x&year=ifjol", 400);
  EXPECT_EQ(bad["invalid_parameters"][0]["name"], "year");
  GetJson(client, "/api/v1/search?q=x&page=0", 400);
  json related = GetJson(client, "/api/v1/search/related?id=x", 400);
  EXPECT_EQ(related["invalid_parameters"].size(), 2u);  // kind missing, id not a number
  for (const std::string& q : {std::string(10000, 'a'), std::string("%22%22%22"), std::string("%01%02"),
                              std::string("-"), std::string("OR%20OR"), std::string("%3B--")}) {
    http::Response r = client.Get("/api/v1/search?q=" + q);
    EXPECT_NE(r.status, 500) << q.substr(0, 20);
    EXPECT_LT(r.status, 500) << q.substr(0, 20);
  }
}

TEST_P(SearchHttpTest, RelatedItemsLeaveTheItemItselfOut) {
  Index({Doc("idea", 1, "Skolmat utan matsvinn", "Portioner i skolans matsal."),
         Doc("case", 2, "Mindre matsvinn i matsalen", "Skolmat och portioner."),
         Doc("case", 3, "Cykelparkering", "Fler cykelställ vid stationen.")});
  TestClient client = NewClient();
  json body = GetJson(client, "/api/v1/search/related?kind=idea&id=1&limit=5");
  ASSERT_GE(body["items"].size(), 1u);
  EXPECT_EQ(body["items"][0]["kind"], "case");
  EXPECT_EQ(body["items"][0]["id"], 2);
  for (const json& item : body["items"]) EXPECT_FALSE(item["kind"] == "idea" && item["id"] == 1);
  EXPECT_FALSE(body["items"][0].contains("snippet"));
}

TEST_P(SearchHttpTest, SearchPageWorksWithoutScriptAndEscapes) {
  Index({Doc("idea", 1, "Skolmat <i>utan</i> matsvinn", "Eleverna väljer portion själva, skolmat.")});
  TestClient browser = NewClient();
  http::Response empty = browser.Get("/search");
  EXPECT_EQ(empty.status, 200);
  EXPECT_NE(empty.body.find("Skriv vad du letar efter"), std::string::npos);
  http::Response found = browser.Get("/search?q=skolmat");
  EXPECT_EQ(found.status, 200);
  EXPECT_NE(found.body.find("Antal träffar: 1"), std::string::npos);
  EXPECT_NE(found.body.find("<mark>skolmat</mark>"), std::string::npos);
  EXPECT_NE(found.body.find("Skolmat &lt;i&gt;utan&lt;/i&gt; matsvinn"), std::string::npos);
  EXPECT_NE(found.body.find("href=\"/search?q=skolmat&amp;kind=idea\""), std::string::npos)
      << "facet values are plain links";
  http::Response none = browser.Get("/search?q=skolmatt");
  EXPECT_NE(none.body.find("Menade du"), std::string::npos);
  EXPECT_NE(none.body.find(">skolmat</a>"), std::string::npos);
}

TEST_P(SearchHttpTest, ReindexRebuildsFromTheRegisteredSources) {
  Index({Doc("idea", 1, "Gammal rad som inte finns längre", "Borttagen.")});
  app().search().RegisterSource(search::MakeSearchSource(
      "case", [](db::Tx&, const search::SearchSource::Visitor& visit) {
        return visit(Doc("case", 7, "Skolmat i Exempelby", "Fall."));
      }));
  auto report = app().search().Reindex();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->documents, 1);
  TestClient client = NewClient();
  EXPECT_EQ(GetJson(client, "/api/v1/search?q=skolmat")["total"], 1);
  EXPECT_EQ(GetJson(client, "/api/v1/search?q=borttagen")["total"], 0);
}

NYTTIG_INSTANTIATE_ENGINES(SearchHttpTest);

}  // namespace
}  // namespace nyttig::app::testing
