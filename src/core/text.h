// Text helpers shared by several modules: UTF-8 validation, slugs, trimming.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nyttig {

// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates,
// nothing above U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Number of code points in well-formed UTF-8 `text` (what a person calls
// "characters" for length limits).
size_t Utf8Length(std::string_view text);

// The slug of a name, as CONTRACTS.md fixes it: lower-case ASCII letters,
// digits and hyphens; å→a, ä→a, ö→o, é→e and other marks dropped; every run
// of other characters becomes one hyphen; no hyphen at either end.
// "Håbo kommun" → "habo-kommun". Returns "" when nothing usable remains.
std::string Slugify(std::string_view name);

// `text` without leading and trailing ASCII whitespace.
std::string_view Trim(std::string_view text);

// Lower-case copy for Latin scripts (ASCII, Latin-1, Latin Extended-A:
// "ÅSA Öberg" → "åsa öberg"); other characters are kept. Invalid bytes are
// dropped. Used for case-insensitive matching that SQLite's lower() cannot do.
std::string Utf8ToLower(std::string_view text);

// Encodes one code point as UTF-8 onto `out`.
void AppendUtf8(std::string& out, char32_t cp);

// ASCII lower-case copy (e-mail addresses, tokens).
std::string AsciiLower(std::string_view text);

// A number as people write it: "12,5" or "12.5", an optional leading '+',
// surrounding spaces ignored. nullopt unless the whole text is one finite
// number ("1e3" is accepted, "12 kr", "inf" and "" are not).
std::optional<double> ParseLocalNumber(std::string_view text);

// Text in windows-1252 (the Latin-1 superset older Swedish documents and web
// pages are written in) as UTF-8; every byte maps to a character, so the
// result is always valid UTF-8.
std::string Windows1252ToUtf8(std::string_view bytes);

}  // namespace nyttig
