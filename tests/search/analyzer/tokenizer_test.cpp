#include "search/analyzer/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nyttig::search {
namespace {

std::vector<std::string> Texts(std::string_view text) {
  std::vector<std::string> out;
  for (const RawToken& token : TokenizeWords(text)) out.push_back(token.text);
  return out;
}

using Words = std::vector<std::string>;

TEST(AnalyzerTokenizerTest, SplitsOnSpacesAndPunctuationAndLowerCases) {
  EXPECT_EQ(Texts("Hur ansöker jag? Läs mer på Försäkringskassan."),
            (Words{"hur", "ansöker", "jag", "läs", "mer", "på", "försäkringskassan"}));
}

TEST(AnalyzerTokenizerTest, KeepsLawReferenceWhole) {
  EXPECT_EQ(Texts("enligt SFS 2018:1937."), (Words{"enligt", "sfs", "2018:1937"}));
}

TEST(AnalyzerTokenizerTest, KeepsReportReferenceAsSeriesAndNumber) {
  EXPECT_EQ(Texts("(SOU 2019:13)"), (Words{"sou", "2019:13"}));
}

TEST(AnalyzerTokenizerTest, KeepsDecimalNumberAndDateWhole) {
  EXPECT_EQ(Texts("3,5 procent den 2023-01-15"),
            (Words{"3,5", "procent", "den", "2023-01-15"}));
}

TEST(AnalyzerTokenizerTest, ColonAfterWordSeparates) {
  EXPECT_EQ(Texts("Obs:viktigt"), (Words{"obs", "viktigt"}));
}

TEST(AnalyzerTokenizerTest, HyphenBetweenWordsSeparates) {
  EXPECT_EQ(Texts("covid-19 e-tjänst"), (Words{"covid", "19", "e", "tjänst"}));
}

TEST(AnalyzerTokenizerTest, TrailingSeparatorIsNotPartOfNumber) {
  EXPECT_EQ(Texts("år 2019: bra"), (Words{"år", "2019", "bra"}));
}

TEST(AnalyzerTokenizerTest, MarksNumbers) {
  const std::vector<RawToken> tokens = TokenizeWords("kapitel 2018:1937");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_FALSE(tokens[0].is_number);
  EXPECT_TRUE(tokens[1].is_number);
}

TEST(AnalyzerTokenizerTest, ReportsByteOffsetsOfTheSourceWord) {
  const std::vector<RawToken> tokens = TokenizeWords("Är Åre");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[1].begin, 4u);  // "Är" is 3 bytes, then a space
  EXPECT_EQ(tokens[1].end, 8u);
}

TEST(AnalyzerTokenizerTest, SoftHyphenInsideWordIsDropped) {
  EXPECT_EQ(Texts("digi\xC2\xADtal"), (Words{"digital"}));
}

TEST(AnalyzerTokenizerTest, InvalidUtf8SeparatesWordsWithoutCrashing) {
  EXPECT_EQ(Texts("skola\xFF\xFEgård\xC3"), (Words{"skola", "gård"}));
}

TEST(AnalyzerTokenizerTest, EmptyInputGivesNoTokens) { EXPECT_TRUE(Texts("").empty()); }

TEST(AnalyzerTokenizerTest, OnlyPunctuationGivesNoTokens) {
  EXPECT_TRUE(Texts("!?\"()--:: …").empty());
}

TEST(AnalyzerTokenizerTest, DropsOverlongRunOnToken) {
  EXPECT_EQ(Texts(std::string(kMaxTokenCodePoints + 1, 'x') + " kort"), (Words{"kort"}));
}

TEST(AnalyzerTokenizerTest, HugeInputIsTokenizedCompletely) {
  std::string text;
  for (int word_idx = 0; word_idx < 200000; ++word_idx) text += "ärende ";
  EXPECT_EQ(TokenizeWords(text).size(), 200000u);
}

}  // namespace
}  // namespace nyttig::search
