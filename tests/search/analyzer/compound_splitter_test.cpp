#include "search/analyzer/compound_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "swedish_dictionary.h"

namespace nyttig::search {
namespace {

using Parts = std::vector<std::string>;

class AnalyzerCompoundTest : public ::testing::Test {
 protected:
  void SetUp() override {
    splitter_ = testing::SharedSwedishSplitter();
    ASSERT_NE(splitter_, nullptr);
  }
  Parts Split(std::string_view word) { return splitter_->Split(word); }

  std::shared_ptr<CompoundSplitter> splitter_;
};

TEST_F(AnalyzerCompoundTest, SplitsAtLinkingS) {
  EXPECT_EQ(Split("digitaliseringsstrategi"), (Parts{"digitalisering", "strategi"}));
}

TEST_F(AnalyzerCompoundTest, SplitsWithoutLinkingMorphemeAndKeepsInflectedTail) {
  EXPECT_EQ(Split("kommunstyrelsen"), (Parts{"kommun", "styrelsen"}));
}

TEST_F(AnalyzerCompoundTest, SplitsGenitiveTail) {
  EXPECT_EQ(Split("äldreomsorgens"), (Parts{"äldre", "omsorgens"}));
}

TEST_F(AnalyzerCompoundTest, SplitsThreePartCompoundRecursively) {
  EXPECT_EQ(Split("hemtjänstpersonal"), (Parts{"hem", "tjänst", "personal"}));
}

TEST_F(AnalyzerCompoundTest, RestoresDroppedFinalA) {
  EXPECT_EQ(Split("skolgård"), (Parts{"skola", "gård"}));
}

TEST_F(AnalyzerCompoundTest, RestoresChangedVowelU) {
  EXPECT_EQ(Split("gatubelysning"), (Parts{"gata", "belysning"}));
}

TEST_F(AnalyzerCompoundTest, RestoresChangedVowelO) {
  EXPECT_EQ(Split("kvinnoklinik"), (Parts{"kvinna", "klinik"}));
}

TEST_F(AnalyzerCompoundTest, RestoresDroppedFinalE) {
  EXPECT_EQ(Split("medborgarförslag"), (Parts{"medborgare", "förslag"}));
}

TEST_F(AnalyzerCompoundTest, PrefersShortHeadOverWrongSegmentation) {
  EXPECT_EQ(Split("hemförsäkring"), (Parts{"hem", "försäkring"}));
}

TEST_F(AnalyzerCompoundTest, SplitsHealthCareCompound) {
  EXPECT_EQ(Split("sjukhuset"), (Parts{"sjuk", "huset"}));
}

TEST_F(AnalyzerCompoundTest, DoesNotSplitKommunikation) { EXPECT_TRUE(Split("kommunikation").empty()); }
TEST_F(AnalyzerCompoundTest, DoesNotSplitInformation) { EXPECT_TRUE(Split("information").empty()); }
TEST_F(AnalyzerCompoundTest, DoesNotSplitVerksamhet) { EXPECT_TRUE(Split("verksamhet").empty()); }
TEST_F(AnalyzerCompoundTest, DoesNotSplitUpphandling) { EXPECT_TRUE(Split("upphandling").empty()); }
TEST_F(AnalyzerCompoundTest, DoesNotSplitForvaltning) { EXPECT_TRUE(Split("förvaltning").empty()); }
TEST_F(AnalyzerCompoundTest, DoesNotSplitMedborgare) { EXPECT_TRUE(Split("medborgare").empty()); }
TEST_F(AnalyzerCompoundTest, DoesNotSplitKommunens) { EXPECT_TRUE(Split("kommunens").empty()); }
TEST_F(AnalyzerCompoundTest, DoesNotSplitArbetare) { EXPECT_TRUE(Split("arbetare").empty()); }
TEST_F(AnalyzerCompoundTest, DoesNotSplitBehandling) { EXPECT_TRUE(Split("behandling").empty()); }
TEST_F(AnalyzerCompoundTest, DoesNotSplitAgencyName) { EXPECT_TRUE(Split("kammarkollegiet").empty()); }
TEST_F(AnalyzerCompoundTest, DoesNotSplitShortWord) { EXPECT_TRUE(Split("skola").empty()); }
TEST_F(AnalyzerCompoundTest, DoesNotSplitUnknownWord) { EXPECT_TRUE(Split("xqzvbnmlk").empty()); }

TEST_F(AnalyzerCompoundTest, RepeatedLookupGivesSameAnswerFromCache) {
  const Parts first = Split("skolgård");
  EXPECT_EQ(Split("skolgård"), first);
}

TEST_F(AnalyzerCompoundTest, ConcurrentSplitsFromManyThreadsAgree) {
  const std::vector<std::string> words = {"skolgård", "hemförsäkring", "kommunstyrelsen",
                                          "information", "gatubelysning"};
  std::vector<std::vector<Parts>> results(4);
  std::vector<std::thread> threads;
  for (size_t thread_idx = 0; thread_idx < results.size(); ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      for (int round = 0; round < 50; ++round) {
        for (const std::string& word : words) results[thread_idx].push_back(Split(word));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::vector<Parts>& result : results) EXPECT_EQ(result, results[0]);
}

TEST(AnalyzerCompoundLoadTest, MissingDictionaryIsAFailedPreconditionNamingThePath) {
  CompoundSplitterOptions options;
  options.dic_path = "/nonexistent/sv_SE.dic";
  StatusOr<std::unique_ptr<CompoundSplitter>> loaded = CompoundSplitter::Load(options);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(loaded.status().message().find("/nonexistent/sv_SE.dic"), std::string::npos);
}

}  // namespace
}  // namespace nyttig::search
