#include "search/match_expression.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace nyttig::search {
namespace {

class MatchExpressionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = Analyzer::Create({.stem = false});
    ASSERT_TRUE(created.ok());
    words_ = std::move(created).value();
  }
  MatchExpression Build(std::string_view query) {
    return BuildMatchExpression(ParseQuery(query), *words_);
  }
  std::unique_ptr<Analyzer> words_;
};

TEST_F(MatchExpressionTest, RendersEveryConstructForBothEngines) {
  MatchExpression e = Build("skola OR förskola \"öppna data\" digi* -buller");
  EXPECT_EQ(RenderFts5(e, MatchMode::kAll),
            "(((\"skola\" OR \"förskola\") AND \"öppna\" + \"data\" AND \"digi\" *)) NOT (\"buller\")");
  EXPECT_EQ(RenderTsquery(e, MatchMode::kAll),
            "((('skola' | 'förskola') & ('öppna' <-> 'data') & 'digi':*)) & !('buller')");
  EXPECT_THAT(RenderFts5(e, MatchMode::kAny),
              ::testing::StartsWith("(((\"skola\" OR \"förskola\") OR \"öppna\" + \"data\" OR"));
}

TEST_F(MatchExpressionTest, QuotesTermsSoInputCannotChangeTheExpression) {
  // The tokenizer keeps no quotes or operators, but a term may reach the
  // renderer from AnyOfTerms unchanged.
  MatchExpression e = AnyOfTerms({"a\"b", "c'd"});
  EXPECT_EQ(RenderFts5(e, MatchMode::kAny), "(\"a\"\"b\" OR \"c'd\")");
  EXPECT_EQ(RenderTsquery(e, MatchMode::kAny), "('a\"b' | 'c''d')");
}

TEST_F(MatchExpressionTest, PunctuationOnlyGivesNothingToMatch) {
  EXPECT_FALSE(Build("!!! ??? -- \"\"").HasPositiveItem());
  EXPECT_EQ(RenderFts5(Build("... -skola"), MatchMode::kAll), "\"skola\"");
}

TEST_F(MatchExpressionTest, HighlightTermsListPrefixesWithAStar) {
  std::vector<std::string> terms = HighlightTerms(Build("skola digi* -buller"));
  EXPECT_EQ(terms, (std::vector<std::string>{"skola", "digi*"}));
}

}  // namespace
}  // namespace nyttig::search
