#include "search/analyzer/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace nyttig::search {
namespace {

TEST(AnalyzerUtf8Test, LowerCasesSwedishCapitals) {
  EXPECT_EQ(ToLowerUtf8("ÅÄÖ"), "åäö");
}

TEST(AnalyzerUtf8Test, LowerCasesOtherLatinLetters) {
  EXPECT_EQ(ToLowerUtf8("ÉÜÆØÑ ŁŚŽ"), "éüæøñ łśž");
}

TEST(AnalyzerUtf8Test, LeavesLowerCaseAndDigitsAlone) {
  EXPECT_EQ(ToLowerUtf8("skåne 2019"), "skåne 2019");
}

TEST(AnalyzerUtf8Test, UpperCaseIsInverseOfLowerCaseForSwedishLetters) {
  EXPECT_EQ(ToUpper(U'å'), U'Å');
  EXPECT_EQ(ToUpper(U'ö'), U'Ö');
  EXPECT_EQ(ToUpper(U'ł'), U'Ł');
}

TEST(AnalyzerUtf8Test, DecodesFourByteSequence) {
  const std::string text = "\xF0\x9F\x98\x80";  // U+1F600
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(text, pos), U'\U0001F600');
  EXPECT_EQ(pos, 4u);
}

TEST(AnalyzerUtf8Test, StrayContinuationByteBecomesReplacementAndAdvancesOneByte) {
  const std::string text = "\x80" "a";
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(text, pos), kReplacementChar);
  EXPECT_EQ(pos, 1u);
}

TEST(AnalyzerUtf8Test, TruncatedSequenceAtEndDoesNotReadPastInput) {
  const std::string text = "a\xC3";  // first byte of "å" only
  size_t pos = 1;
  EXPECT_EQ(DecodeUtf8(text, pos), kReplacementChar);
  EXPECT_EQ(pos, 2u);
}

TEST(AnalyzerUtf8Test, RejectsOverlongEncodingOfSlash) {
  const std::string text = "\xC0\xAF";
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(text, pos), kReplacementChar);
}

TEST(AnalyzerUtf8Test, RejectsEncodedSurrogate) {
  const std::string text = "\xED\xA0\x80";  // U+D800
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(text, pos), kReplacementChar);
}

TEST(AnalyzerUtf8Test, CountsCodePointsNotBytes) {
  EXPECT_EQ(CountCodePoints("gård"), 4u);
}

}  // namespace
}  // namespace nyttig::search
