// The search index on both engines: the same documents, the same queries,
// the same answers.
#include "search/search_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include <soci/soci.h>

#include "search/analyzer/compound_splitter.h"
#include "support/test_database.h"

namespace nyttig::search {
namespace {

constexpr UnixSeconds kIn2025 = 1'750'000'000;  // 2025-06-15
constexpr UnixSeconds kIn2026 = 1'780'000'000;  // 2026-05-28
constexpr std::int64_t kOrg = 5;
constexpr std::int64_t kOtherOrg = 6;

std::shared_ptr<CompoundSplitter> Splitter() {
  static std::shared_ptr<CompoundSplitter> splitter = [] {
    auto loaded = CompoundSplitter::Load();
    return loaded.ok() ? std::shared_ptr<CompoundSplitter>(std::move(loaded).value()) : nullptr;
  }();
  return splitter;
}

SearchDocument Doc(std::string kind, std::int64_t id, std::string title, std::string body,
                   UnixSeconds date = kIn2026) {
  SearchDocument d;
  d.kind = std::move(kind);
  d.id = id;
  d.organisation_id = kOrg;
  d.audience = Audience::kPublic;
  d.title = std::move(title);
  d.body = std::move(body);
  d.url = "/" + d.kind + "s/" + std::to_string(id);
  d.date = date;
  return d;
}

class SearchIndexTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    ASSERT_NE(Splitter(), nullptr) << "hunspell-sv missing";
    auto created = SearchIndex::Create({}, Splitter());
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    index_ = std::move(created).value();
  }

  void Index(const std::vector<SearchDocument>& documents) {
    Status s = db().Write([&](db::Tx& tx) -> Status {
      for (const SearchDocument& d : documents) RETURN_IF_ERROR(index_->Upsert(tx, d));
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  void IndexCorpus() {
    SearchDocument skolmat = Doc("idea", 1, "Skolmat utan matsvinn",
                                 "Eleverna väljer portionsstorlek själva i skolans matsal.");
    skolmat.facets["area"] = {"skola"};
    skolmat.facets["sdg"] = {"12"};
    Index({skolmat,
           Doc("idea", 2, "Digitaliseringsstrategi för Exempelby",
               "Kommunens strategi för digitalisering av välfärden."),
           Doc("case", 3, "Innovationsstrategier i praktiken",
               "Hur förvaltningarna arbetar med innovation och skolmat.", kIn2025),
           Doc("document", 4, "Äldreomsorgens utmaningar",
               "Rapport om hemtjänst och omsorg om äldre i SOU 2019:13."),
           Doc("idea", 5, "Parkering vid skolan",
               "Föräldrar parkerar på trottoaren när de hämtar barnen.")});
  }

  SearchResults Search(SearchRequest request, const Visibility& visibility = {}) {
    StatusOr<SearchResults> r = db().ReadValue<SearchResults>(
        [&](db::Tx& tx) { return index_->Search(tx, request, visibility); });
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : SearchResults{};
  }

  std::vector<std::string> Keys(const std::string& query, const Visibility& visibility = {}) {
    std::vector<std::string> keys;
    for (const SearchHit& hit : Search({.query = query}, visibility).items) {
      keys.push_back(hit.kind + ":" + std::to_string(hit.id));
    }
    return keys;
  }

  std::unique_ptr<SearchIndex> index_;
};

using Hits = std::vector<std::string>;

TEST_P(SearchIndexTest, FindsCompoundPartsAndInflectedForms) {
  IndexCorpus();
  EXPECT_EQ(Keys("strategi"), (Hits{"idea:2", "case:3"}));
  EXPECT_EQ(Keys("äldreomsorg"), Hits{"document:4"});
  EXPECT_EQ(Keys("2019:13"), Hits{"document:4"});
  EXPECT_EQ(Keys("matsal"), Hits{"idea:1"});
}

TEST_P(SearchIndexTest, RanksTitleAboveBodyTheSameOnBothEngines) {
  IndexCorpus();
  EXPECT_EQ(Keys("skolmat"), (Hits{"idea:1", "case:3"}));
  SearchResults r = Search({.query = "skolmat"});
  ASSERT_EQ(r.items.size(), 2u);
  EXPECT_GT(r.items[0].score, r.items[1].score);
  EXPECT_GT(r.items[1].score, 0.0);
}

TEST_P(SearchIndexTest, PhrasesExclusionsOrAndPrefixes) {
  IndexCorpus();
  EXPECT_EQ(Keys("\"strategi för digitalisering\""), Hits{"idea:2"});
  EXPECT_EQ(Keys("\"digitalisering för strategi\""), Hits{});
  EXPECT_EQ(Keys("skolmat -innovation"), Hits{"idea:1"});
  Hits either = Keys("parkering OR äldreomsorg");
  std::sort(either.begin(), either.end());
  EXPECT_EQ(either, (Hits{"document:4", "idea:5"}));
  EXPECT_EQ(Keys("digitalis*"), Hits{"idea:2"});
}

TEST_P(SearchIndexTest, AllWordsFirstThenAnyWord) {
  IndexCorpus();
  SearchResults both = Search({.query = "skolmat matsvinn"});
  EXPECT_FALSE(both.matched_any);
  EXPECT_EQ(both.total, 1);
  SearchResults either = Search({.query = "matsvinn trottoaren"});
  EXPECT_TRUE(either.matched_any);
  EXPECT_EQ(either.total, 2);
}

TEST_P(SearchIndexTest, FiltersAndFacets) {
  IndexCorpus();
  EXPECT_EQ(Keys("skolmat kind:case"), Hits{"case:3"});
  EXPECT_EQ(Keys("skolmat år:2026"), Hits{"idea:1"});
  EXPECT_EQ(Keys("skolmat area:skola"), Hits{"idea:1"});
  EXPECT_EQ(Search({.query = "skolmat", .kinds = {"document"}}).total, 0);
  SearchResults r = Search({.query = "skolmat"});
  EXPECT_EQ(r.facets["kind"]["idea"], 1);
  EXPECT_EQ(r.facets["kind"]["case"], 1);
  EXPECT_EQ(r.facets["year"]["2025"], 1);
  EXPECT_EQ(r.facets["organisation"][std::to_string(kOrg)], 2);
  EXPECT_EQ(r.facets["area"]["skola"], 1);
  EXPECT_EQ(r.facets["sdg"]["12"], 1);
  EXPECT_EQ(Search({.query = "kind:idea"}).total, 3);  // filters alone list what matches
}

TEST_P(SearchIndexTest, PrivateDocumentsNeverReachResultsOrFacetCountsOfOutsiders) {
  IndexCorpus();
  const SearchResults before = Search({.query = "skolmat"});
  SearchDocument internal = Doc("idea", 9, "Konfidentiell skolmat", "Intern skolmat.");
  internal.audience = Audience::kOrganisation;
  SearchDocument anonymous = Doc("idea", 10, "Skolmat anonym", "Skolmat från en anonym medarbetare.");
  anonymous.audience = Audience::kCoordinators;
  SearchDocument culled = Doc("idea", 11, "Skolmat borttagen", "Skolmat.");
  culled.audience = Audience::kNobody;
  Index({internal, anonymous, culled});

  const Visibility outsider{{kOtherOrg}, {kOtherOrg}};
  const SearchResults after = Search({.query = "skolmat"}, outsider);
  EXPECT_EQ(after.total, before.total);
  EXPECT_EQ(after.facets, before.facets);
  EXPECT_EQ(Keys("skolmat", Visibility{{kOrg}, {}}).size(), 3u);
  EXPECT_EQ(Keys("skolmat", Visibility{{kOrg}, {kOrg}}).size(), 4u);
  EXPECT_EQ(Keys("konfidentiell"), Hits{});
  EXPECT_EQ(Search({.query = "konfidentjell"}).did_you_mean, std::nullopt);  // a private word
}

TEST_P(SearchIndexTest, UpsertReplacesAndRemoveForgets) {
  IndexCorpus();
  Index({Doc("idea", 5, "Cykelparkering vid skolan", "Fler cykelställ.")});
  EXPECT_EQ(Keys("trottoaren"), Hits{});
  EXPECT_EQ(Keys("cykelställ"), Hits{"idea:5"});
  Status removed = db().Write([&](db::Tx& tx) -> Status {
    for (int id : {1, 2, 5}) RETURN_IF_ERROR(index_->Remove(tx, "idea", id));
    RETURN_IF_ERROR(index_->Remove(tx, "case", 3));
    RETURN_IF_ERROR(index_->Remove(tx, "document", 4));
    return index_->Remove(tx, "idea", 999);  // not indexed: fine
  });
  ASSERT_TRUE(removed.ok()) << removed.ToString();
  EXPECT_EQ(Keys("skolmat"), Hits{});
  long long terms = -1, documents = -1;
  ASSERT_TRUE(db().Read([&](db::Tx& tx) -> Status {
    tx.sql() << "SELECT COUNT(*) FROM search_terms", soci::into(terms);
    tx.sql() << "SELECT COALESCE(SUM(documents), 0) FROM search_columns", soci::into(documents);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(terms, 0);
  EXPECT_EQ(documents, 0);
}

TEST_P(SearchIndexTest, SuggestsAKnownWordWhenNothingIsFound) {
  IndexCorpus();
  SearchResults r = Search({.query = "parkring"});
  EXPECT_EQ(r.total, 0);
  EXPECT_EQ(r.did_you_mean, "parkering");
  EXPECT_EQ(Search({.query = "parkering"}).did_you_mean, std::nullopt);
}

TEST_P(SearchIndexTest, SnippetsAreEscapedAndMarkTheMatch) {
  Index({Doc("case", 1, "Säkerhet", "Vi skrev <script>alert(1)</script> & testade skolmaten.")});
  SearchResults r = Search({.query = "skolmat"});
  ASSERT_EQ(r.items.size(), 1u);
  EXPECT_NE(r.items[0].snippet_html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(r.items[0].snippet_html.find("<mark>skolmaten</mark>"), std::string::npos);
  EXPECT_EQ(r.items[0].snippet_html.find("<script>"), std::string::npos);
}

TEST_P(SearchIndexTest, UglyQueriesGetAFastSensibleAnswer) {
  IndexCorpus();
  std::string invalid_utf8 = "skol\xff\xfe" "mat \xc3";
  const std::vector<std::string> ugly{
      std::string(10000, 'x'), std::string(5000, '"'), "\"skolmat", "och att det som",
      "!!! ??? ... ---", invalid_utf8, std::string("\x01\x02skolmat\x7f", 10), "-", "*", "OR",
      "kind: org: year:..", "'; DROP TABLE search_documents; --", "\"\" ( ) NOT AND NEAR",
      "kind:\xff area:\xfe sdg:\xc3 skolmat"};
  for (const std::string& query : ugly) {
    const auto start = std::chrono::steady_clock::now();
    Search({.query = query});
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2)) << query.substr(0, 40);
  }
  EXPECT_EQ(Keys("\"skolmat"), (Hits{"idea:1", "case:3"}));
  EXPECT_EQ(Search({.query = "och"}).total, 2);  // stop words alone still search
}

TEST_P(SearchIndexTest, RelatedItemsShareDistinctiveTermsAndRespectPrivacy) {
  IndexCorpus();
  Index({Doc("case", 7, "Mindre matsvinn i skolans matsal", "Portionsstorlek och skolmat."),
         Doc("idea", 8, "Hemtjänst på kvällen", "Omsorg om äldre.")});
  auto related = db().ReadValue<std::vector<SearchHit>>(
      [&](db::Tx& tx) { return index_->Related(tx, "idea", 1, 3, {}); });
  ASSERT_TRUE(related.ok()) << related.status().ToString();
  ASSERT_FALSE(related->empty());
  EXPECT_EQ(related->front().kind + ":" + std::to_string(related->front().id), "case:7");
  for (const SearchHit& hit : *related) EXPECT_FALSE(hit.kind == "idea" && hit.id == 1);

  SearchDocument hidden = Doc("idea", 20, "Skolmat internt", "Matsvinn.");
  hidden.audience = Audience::kOrganisation;
  Index({hidden});
  auto not_visible = db().ReadValue<std::vector<SearchHit>>(
      [&](db::Tx& tx) { return index_->Related(tx, "idea", 20, 3, {}); });
  EXPECT_EQ(not_visible.status().code(), StatusCode::kNotFound);
}

NYTTIG_INSTANTIATE_ENGINES(SearchIndexTest);

}  // namespace
}  // namespace nyttig::search
