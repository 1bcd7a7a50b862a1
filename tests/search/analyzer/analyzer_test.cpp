#include "search/analyzer/analyzer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "search/analyzer/stop_words.h"
#include "swedish_dictionary.h"

namespace nyttig::search {
namespace {

using Terms = std::vector<std::string>;

std::unique_ptr<Analyzer> MakeAnalyzer(const AnalyzerOptions& options) {
  std::shared_ptr<CompoundSplitter> splitter;
  if (options.split_compounds) splitter = testing::SharedSwedishSplitter();
  StatusOr<std::unique_ptr<Analyzer>> analyzer = Analyzer::Create(options, splitter);
  EXPECT_TRUE(analyzer.ok()) << analyzer.status().ToString();
  return analyzer.ok() ? std::move(analyzer).value() : nullptr;
}

Terms TermsOf(const AnalyzerOptions& options, std::string_view text,
              AnalyzeMode mode = AnalyzeMode::kDocument) {
  std::unique_ptr<Analyzer> analyzer = MakeAnalyzer(options);
  if (analyzer == nullptr) return {"<no analyzer>"};
  Terms terms;
  for (const Token& token : analyzer->Analyze(text, mode)) terms.push_back(token.text);
  return terms;
}

const AnalyzerOptions kPlain{.stem = false};
const AnalyzerOptions kStem{.stem = true};
const AnalyzerOptions kCompounds{.stem = true, .split_compounds = true};

TEST(AnalyzerTest, PlainLowerCasesSwedishLetters) {
  EXPECT_EQ(TermsOf(kPlain, "ÄLDREOMSORG Öppna Åtgärder"),
            (Terms{"äldreomsorg", "öppna", "åtgärder"}));
}

TEST(AnalyzerTest, StemsDefiniteGenitivePlural) {
  EXPECT_EQ(TermsOf(kStem, "kommunernas"), (Terms{"kommun"}));
}

TEST(AnalyzerTest, StemsPluralToSingularStem) {
  EXPECT_EQ(TermsOf(kStem, "upphandlingar upphandling"), (Terms{"upphandling", "upphandling"}));
}

TEST(AnalyzerTest, StemsDefiniteForm) {
  EXPECT_EQ(TermsOf(kStem, "handlingsplanen"), (Terms{"handlingsplan"}));
}

TEST(AnalyzerTest, StemIsIdenticalForUpperAndLowerCase) {
  EXPECT_EQ(TermsOf(kStem, "SKOLORNA"), TermsOf(kStem, "skolorna"));
}

TEST(AnalyzerTest, DoesNotStemNumbers) {
  EXPECT_EQ(TermsOf(kStem, "2018:1937", AnalyzeMode::kQuery), (Terms{"2018:1937"}));
}

TEST(AnalyzerTest, DocumentModeAddsColocatedDigitGroupsOfLawReference) {
  std::unique_ptr<Analyzer> analyzer = MakeAnalyzer(kStem);
  ASSERT_NE(analyzer, nullptr);
  const std::vector<Token> tokens = analyzer->Analyze("SFS 2018:1937", AnalyzeMode::kDocument);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[1].text, "2018:1937");
  EXPECT_FALSE(tokens[1].colocated);
  EXPECT_EQ(tokens[2].text, "2018");
  EXPECT_TRUE(tokens[2].colocated);
  EXPECT_EQ(tokens[3].text, "1937");
}

TEST(AnalyzerTest, QueryForReportReferenceMatchesDocumentTerms) {
  const Terms query = TermsOf(kStem, "SOU 2019:13", AnalyzeMode::kQuery);
  const Terms document = TermsOf(kStem, "Se betänkandet (SOU 2019:13).");
  for (const std::string& term : query) {
    EXPECT_NE(std::find(document.begin(), document.end(), term), document.end()) << term;
  }
}

TEST(AnalyzerTest, CompoundEmitsWholeWordThenColocatedStemmedParts) {
  std::unique_ptr<Analyzer> analyzer = MakeAnalyzer(kCompounds);
  ASSERT_NE(analyzer, nullptr);
  const std::vector<Token> tokens =
      analyzer->Analyze("Digitaliseringsstrategi", AnalyzeMode::kDocument);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].text, "digitaliseringsstrategi");
  EXPECT_FALSE(tokens[0].colocated);
  EXPECT_EQ(tokens[1].text, "digitalisering");
  EXPECT_TRUE(tokens[1].colocated);
  EXPECT_EQ(tokens[2].text, "strategi");
  EXPECT_TRUE(tokens[2].colocated);
}

TEST(AnalyzerTest, QueryForPartFindsCompoundInDocument) {
  const Terms query = TermsOf(kCompounds, "omsorg", AnalyzeMode::kQuery);
  const Terms document = TermsOf(kCompounds, "äldreomsorgens kostnader");
  ASSERT_EQ(query.size(), 1u);
  EXPECT_NE(std::find(document.begin(), document.end(), query[0]), document.end());
}

TEST(AnalyzerTest, ColocatedPartsKeepSourceWordOffsets) {
  std::unique_ptr<Analyzer> analyzer = MakeAnalyzer(kCompounds);
  ASSERT_NE(analyzer, nullptr);
  const std::vector<Token> tokens = analyzer->Analyze("Ny skolgård", AnalyzeMode::kDocument);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[3].begin, 3u);
  EXPECT_EQ(tokens[3].end, 12u);  // "skolgård" is 9 bytes
}

TEST(AnalyzerTest, NonCompoundGivesOnlyTheWord) {
  EXPECT_EQ(TermsOf(kCompounds, "verksamhet"), (Terms{"verksam"}));
}

TEST(AnalyzerTest, RemovesStopWordsWhenAsked) {
  EXPECT_EQ(TermsOf({.stem = false, .remove_stop_words = true}, "hur ansöker jag om bidrag"),
            (Terms{"hur", "ansöker", "bidrag"}));
}

TEST(AnalyzerTest, QueryOfOnlyStopWordsKeepsThem) {
  EXPECT_EQ(TermsOf({.stem = false, .remove_stop_words = true}, "och det", AnalyzeMode::kQuery),
            (Terms{"och", "det"}));
}

TEST(AnalyzerTest, DocumentOfOnlyStopWordsGivesNoTerms) {
  EXPECT_TRUE(TermsOf({.stem = false, .remove_stop_words = true}, "och det").empty());
}

TEST(AnalyzerTest, StopWordListIsLoadedAndKeepsQuestionWords) {
  EXPECT_GT(StopWordCount(), 50u);
  EXPECT_TRUE(IsStopWord("och"));
  EXPECT_FALSE(IsStopWord("när"));
  EXPECT_FALSE(IsStopWord("inte"));
}

TEST(AnalyzerTest, CharacterNgramsOfEachWordFirstStartsPosition) {
  std::unique_ptr<Analyzer> analyzer = MakeAnalyzer({.stem = false, .char_ngram = 4});
  ASSERT_NE(analyzer, nullptr);
  const std::vector<Token> tokens = analyzer->Analyze("Vården", AnalyzeMode::kDocument);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].text, "vård");
  EXPECT_FALSE(tokens[0].colocated);
  EXPECT_EQ(tokens[2].text, "rden");
  EXPECT_TRUE(tokens[2].colocated);
}

TEST(AnalyzerTest, ShortWordIsItsOwnNgram) {
  EXPECT_EQ(TermsOf({.stem = false, .char_ngram = 4}, "bo"), (Terms{"bo"}));
}

TEST(AnalyzerTest, InvalidUtf8IsSkipped) {
  EXPECT_EQ(TermsOf(kCompounds, "\xFF\xC3(skolor\xE2\x82"), (Terms{"skol"}));
}

TEST(AnalyzerTest, EmptyTextGivesNoTokens) { EXPECT_TRUE(TermsOf(kCompounds, "").empty()); }

TEST(AnalyzerTest, HugeTextIsAnalyzedCompletely) {
  std::string text;
  for (int word_idx = 0; word_idx < 50000; ++word_idx) text += "hemtjänst ";
  EXPECT_EQ(TermsOf(kCompounds, text).size(), 150000u);
}

TEST(AnalyzerTest, CompoundSplittingWithoutSplitterIsInvalidArgument) {
  StatusOr<std::unique_ptr<Analyzer>> analyzer = Analyzer::Create(kCompounds, nullptr);
  ASSERT_FALSE(analyzer.ok());
  EXPECT_EQ(analyzer.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace nyttig::search
