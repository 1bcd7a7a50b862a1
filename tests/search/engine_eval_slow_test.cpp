// The SweFAQ relevance benchmark through the real engines: SQLite FTS5 and
// PostgreSQL must rank as the in-memory BM25 of the same analyzer does
// (the same numbers, since every answer is a candidate on both).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "search/engine_eval.h"
#include "search/search_service.h"

namespace nyttig::search {
namespace {

const char* const kSwefaqDev = NYTTIG_SHARED_DATA_DIR "/swefaq/swefaq_dev.jsonl";

std::string PostgresUrl() {
  const char* file = std::getenv("NYTTIG_TEST_PG_URL_FILE");
  std::string url;
  if (file && *file) {
    std::ifstream in(file);
    std::getline(in, url);
  }
  return url;
}

TEST(EngineEvalTest, BothEnginesMatchTheInMemoryRanking) {
  auto collection = ReadSwefaqFile(kSwefaqDev);
  ASSERT_TRUE(collection.ok()) << collection.status().ToString();
  auto splitter = SharedSwedishSplitter();
  ASSERT_TRUE(splitter.ok()) << splitter.status().ToString();
  const std::string postgres = PostgresUrl();
  ASSERT_FALSE(postgres.empty()) << "run through ctest (fixture postgres)";
  for (const char* name : {"stem+compounds", "stem+compounds+ngram3"}) {
    auto named = FindNamedAnalyzer(name);
    ASSERT_TRUE(named.ok());
    auto memory = EvaluateRetrieval(*collection, *named, *splitter);
    auto sqlite = EvaluateEngine(*collection, *named, *splitter, "");
    auto pg = EvaluateEngine(*collection, *named, *splitter, postgres);
    ASSERT_TRUE(memory.ok() && sqlite.ok() && pg.ok())
        << sqlite.status().ToString() << " " << pg.status().ToString();
    for (const auto* engine : {&*sqlite, &*pg}) {
      std::cout << name << (engine == &*sqlite ? " sqlite" : " postgresql") << ": ndcg10 "
                << engine->ndcg10 << " mrr10 " << engine->mrr10 << " recall10 "
                << engine->recall10 << " recall100 " << engine->recall100 << " (memory ndcg10 "
                << memory->ndcg10 << ")\n";
      EXPECT_NEAR(engine->ndcg10, memory->ndcg10, 0.02) << name;
      EXPECT_NEAR(engine->mrr10, memory->mrr10, 0.02) << name;
    }
    EXPECT_DOUBLE_EQ(sqlite->ndcg10, pg->ndcg10) << name << ": the engines rank alike";
  }
}

}  // namespace
}  // namespace nyttig::search
