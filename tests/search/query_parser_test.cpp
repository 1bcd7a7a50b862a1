#include <gtest/gtest.h>

#include "search/query.h"

namespace nyttig::search {
namespace {

QueryItem Word(std::string text, bool excluded = false) {
  return {{{std::move(text), false, false}}, excluded};
}

TEST(QueryParserTest, ReadsWordsPhrasesExclusionsAndPrefixes) {
  ParsedQuery q = ParseQuery("skolmat \"öppna data\" -parkering digital*");
  ASSERT_EQ(q.items.size(), 4u);
  EXPECT_EQ(q.items[0], Word("skolmat"));
  EXPECT_EQ(q.items[1], (QueryItem{{{"öppna data", true, false}}, false}));
  EXPECT_EQ(q.items[2], Word("parkering", true));
  EXPECT_EQ(q.items[3], (QueryItem{{{"digital", false, true}}, false}));
}

TEST(QueryParserTest, OrJoinsTheNeighboursIntoOneItem) {
  ParsedQuery q = ParseQuery("skola OR förskola mat");
  ASSERT_EQ(q.items.size(), 2u);
  EXPECT_EQ(q.items[0].alternatives.size(), 2u);
  EXPECT_EQ(q.items[0].alternatives[1].text, "förskola");
  EXPECT_EQ(q.items[1], Word("mat"));
}

TEST(QueryParserTest, OrAtTheEndsIsAWord) {
  ParsedQuery q = ParseQuery("OR skola OR");
  ASSERT_EQ(q.items.size(), 3u);
  EXPECT_EQ(q.items[0], Word("OR"));
  EXPECT_EQ(q.items[2], Word("OR"));
}

TEST(QueryParserTest, ReadsFiltersInEnglishAndSwedish) {
  ParsedQuery q = ParseQuery("kind:idea typ:case org:exempelby-kommun område:Skola sdg:4 år:2020..2024 mat");
  EXPECT_EQ(q.filters.kinds, (std::vector<std::string>{"idea", "case"}));
  EXPECT_EQ(q.filters.organisations, std::vector<std::string>{"exempelby-kommun"});
  EXPECT_EQ(q.filters.facets.at("area"), std::vector<std::string>{"skola"});
  EXPECT_EQ(q.filters.facets.at("sdg"), std::vector<std::string>{"4"});
  EXPECT_EQ(q.filters.year_from, 2020);
  EXPECT_EQ(q.filters.year_to, 2024);
  ASSERT_EQ(q.items.size(), 1u);
}

TEST(QueryParserTest, MalformedFiltersAndLawReferencesAreWords) {
  ParsedQuery q = ParseQuery("year:soon 2018:1937 färg: :x");
  ASSERT_EQ(q.items.size(), 4u);
  EXPECT_EQ(q.items[0], Word("year:soon"));
  EXPECT_EQ(q.items[1], Word("2018:1937"));
  EXPECT_FALSE(q.filters.year_from.has_value());
}

TEST(QueryParserTest, UnbalancedQuoteFallsBackToWords) {
  ParsedQuery q = ParseQuery("\"öppna data");
  ASSERT_EQ(q.items.size(), 2u);
  EXPECT_EQ(q.items[0], Word("öppna"));
  EXPECT_EQ(q.items[1], Word("data"));
}

TEST(QueryParserTest, OnlyExclusionsAreReadAsWords) {
  ParsedQuery q = ParseQuery("-parkering -buller");
  ASSERT_EQ(q.items.size(), 2u);
  EXPECT_FALSE(q.items[0].excluded);
  EXPECT_FALSE(q.items[1].excluded);
}

TEST(QueryParserTest, LongInputIsCutAndBounded) {
  std::string huge;
  for (int idx = 0; idx < 5000; ++idx) huge += "ö ";
  ParsedQuery q = ParseQuery(huge);
  EXPECT_LE(q.items.size(), kMaxQueryItems);
  ParsedQuery one_word = ParseQuery(std::string(10000, 'a'));
  ASSERT_EQ(one_word.items.size(), 1u);
  EXPECT_EQ(one_word.items[0].alternatives[0].text.size(), kMaxQueryBytes);
}

TEST(QueryParserTest, ControlCharactersSeparateWords) {
  ParsedQuery q = ParseQuery(std::string("skol\x01mat\tbuss\0x", 15));
  ASSERT_EQ(q.items.size(), 4u);
  EXPECT_EQ(q.items[0], Word("skol"));
}

}  // namespace
}  // namespace nyttig::search
