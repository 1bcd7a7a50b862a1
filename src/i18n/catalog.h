// Message catalogues: every text a person reads comes from
// i18n/<lang>/<part>.json (Swedish first, English a full translation), never
// from code. Each module keeps its own part file (i18n/sv/ideas.json, …); the
// parts of one language are merged, and a key defined twice is a build defect.
//
//   const Catalog& sv = Catalogs::Builtin().For("sv");
//   sv.Get("accounts.login.title");                         // "Logga in"
//   sv.Get("validation.too_long", {{"max", "120"}});        // "… högst 120 tecken"
//
// Keys are dotted ("module.page.thing"); values may hold {name} placeholders.
// A missing key returns the key itself (visible in tests, never a crash).
// Thread-safety: immutable after loading; share freely.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace nyttig::i18n {

using Args = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::string_view kDefaultLanguage = "sv";

class Catalog {
 public:
  Catalog() = default;
  Catalog(std::string language, std::map<std::string, std::string, std::less<>> messages)
      : language_(std::move(language)), messages_(std::move(messages)) {}

  const std::string& language() const { return language_; }
  bool Has(std::string_view key) const { return messages_.count(key) > 0; }
  std::string Get(std::string_view key, const Args& args = {}) const;
  const std::map<std::string, std::string, std::less<>>& messages() const { return messages_; }

 private:
  std::string language_;
  std::map<std::string, std::string, std::less<>> messages_;
};

// Parses a flat JSON object of key → text. Fails on malformed JSON or a
// non-string value.
StatusOr<Catalog> ParseCatalog(std::string language, std::string_view json_text);

// Replaces {name} placeholders in `text`.
std::string Interpolate(std::string_view text, const Args& args);

class Catalogs {
 public:
  // The catalogues compiled into the binary (i18n/*.json). Aborts at start-up
  // if one is malformed, because that is a build defect.
  static const Catalogs& Builtin();

  // The catalogue for `language`, or the Swedish one when unknown.
  const Catalog& For(std::string_view language) const;
  bool Supports(std::string_view language) const;
  std::vector<std::string> Languages() const;

  void Add(Catalog catalog);

  // Builds catalogues from part files named "<lang>/<part>.json". Fails on a
  // malformed part or a key that two parts of one language both define.
  static StatusOr<Catalogs> FromParts(
      const std::vector<std::pair<std::string, std::string>>& path_and_json);

 private:
  std::map<std::string, Catalog, std::less<>> by_language_;
};

// Chooses a language: an explicit choice (query or cookie) if supported,
// else the first supported language in Accept-Language, else Swedish.
std::string NegotiateLanguage(const Catalogs& catalogs, std::string_view explicit_choice,
                              std::string_view accept_language);

}  // namespace nyttig::i18n
