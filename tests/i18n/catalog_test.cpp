// The message catalogues: parts merge per language, a key defined twice is
// refused, every key exists in every language with the same placeholders, and
// language negotiation picks what the person asked for.
#include "i18n/catalog.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

namespace nyttig::i18n {
namespace {

std::set<std::string> Placeholders(const std::string& text) {
  static const std::regex kPlaceholder(R"(\{([a-z_]+)\})");
  std::set<std::string> names;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kPlaceholder);
       it != std::sregex_iterator(); ++it) {
    names.insert((*it)[1]);
  }
  return names;
}

TEST(CatalogsTest, MergesPartsOfOneLanguage) {
  auto catalogs = Catalogs::FromParts({{"sv/a.json", R"({"a.x": "ett"})"},
                                       {"sv/b.json", R"({"b.y": "två"})"},
                                       {"en/a.json", R"({"a.x": "one"})"}});
  ASSERT_TRUE(catalogs.ok()) << catalogs.status().ToString();
  EXPECT_EQ(catalogs->For("sv").Get("b.y"), "två");
  EXPECT_EQ(catalogs->For("en").Get("a.x"), "one");
}

TEST(CatalogsTest, RefusesAKeyDefinedInTwoParts) {
  auto catalogs = Catalogs::FromParts(
      {{"sv/a.json", R"({"a.x": "ett"})"}, {"sv/b.json", R"({"a.x": "annat"})"}});
  ASSERT_FALSE(catalogs.ok());
  EXPECT_NE(catalogs.status().message().find("a.x"), std::string::npos);
}

TEST(CatalogsTest, RefusesMalformedPartsAndPaths) {
  EXPECT_FALSE(Catalogs::FromParts({{"sv/a.json", R"({"a.x": 3})"}}).ok());
  EXPECT_FALSE(Catalogs::FromParts({{"sv/a.json", "[1"}}).ok());
  EXPECT_FALSE(Catalogs::FromParts({{"sv.json", R"({"a.x": "ett"})"}}).ok());
}

TEST(CatalogsTest, BuiltinHasSwedishAndEnglish) {
  const Catalogs& catalogs = Catalogs::Builtin();
  EXPECT_TRUE(catalogs.Supports("sv"));
  EXPECT_TRUE(catalogs.Supports("en"));
  EXPECT_EQ(catalogs.For("sv").Get("nav.organisations"), "Organisationer");
}

// English is a full translation, not a fallback: a key missing in one
// language would show its raw name to someone.
TEST(CatalogsTest, EveryKeyExistsInEveryLanguageWithTheSamePlaceholders) {
  const Catalogs& catalogs = Catalogs::Builtin();
  const Catalog& sv = catalogs.For("sv");
  for (const std::string& language : catalogs.Languages()) {
    const Catalog& other = catalogs.For(language);
    for (const auto& [key, text] : sv.messages()) {
      ASSERT_TRUE(other.Has(key)) << language << " lacks " << key;
      EXPECT_EQ(Placeholders(text), Placeholders(other.Get(key))) << language << " " << key;
      EXPECT_FALSE(other.Get(key).empty()) << language << " " << key;
    }
    for (const auto& [key, text] : other.messages()) {
      EXPECT_TRUE(sv.Has(key)) << "sv lacks " << key << " (defined in " << language << ")";
    }
  }
}

TEST(InterpolateTest, ReplacesKnownPlaceholdersAndKeepsUnknown) {
  EXPECT_EQ(Interpolate("högst {max} tecken, {other}", {{"max", "120"}}),
            "högst 120 tecken, {other}");
  EXPECT_EQ(Interpolate("{", {}), "{");
}

TEST(NegotiateLanguageTest, ExplicitChoiceThenQualityThenSwedish) {
  const Catalogs& catalogs = Catalogs::Builtin();
  EXPECT_EQ(NegotiateLanguage(catalogs, "en", "sv"), "en");
  EXPECT_EQ(NegotiateLanguage(catalogs, "", "de-DE,en-GB;q=0.8,sv;q=0.5"), "en");
  EXPECT_EQ(NegotiateLanguage(catalogs, "fi", "fi"), "sv");
  EXPECT_EQ(NegotiateLanguage(catalogs, "", ""), "sv");
}

}  // namespace
}  // namespace nyttig::i18n
