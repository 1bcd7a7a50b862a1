// UTF-8 decoding, encoding and Swedish-aware case folding for the analyzer.
//
// Decoding never fails and never reads past the input: an invalid or truncated
// sequence (stray continuation byte, overlong form, surrogate, value above
// U+10FFFF) decodes as kReplacementChar and consumes exactly one byte, so the
// caller always makes progress.
//
//   size_t pos = 0;
//   while (pos < text.size()) { char32_t cp = DecodeUtf8(text, pos); ... }
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nyttig::search {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at `pos` and advances `pos` past it.
// Precondition: pos < text.size().
char32_t DecodeUtf8(std::string_view text, size_t& pos);

// Appends the UTF-8 encoding of `cp` (kReplacementChar if `cp` is not a
// scalar value).
void AppendUtf8(char32_t cp, std::string& out);

// Lower-case of `cp` for Latin (ASCII, Latin-1: Å Ä Ö É Ü Æ Ø …, Latin
// Extended-A), Greek and Cyrillic capitals; every other code point unchanged.
char32_t ToLower(char32_t cp);

// Upper-case of a lower-case letter in the same ranges as ToLower.
char32_t ToUpper(char32_t cp);

// The whole string lower-cased; invalid sequences become U+FFFD.
std::string ToLowerUtf8(std::string_view text);

// Number of code points (invalid bytes count one each).
size_t CountCodePoints(std::string_view text);

// True for code points that belong inside a word: ASCII letters and digits,
// letters of the Latin, Greek and Cyrillic blocks, and any code point at or
// above U+0250 that is not punctuation, a symbol, a space or U+FFFD.
bool IsWordChar(char32_t cp);

// True for ASCII digits 0-9.
inline bool IsDigit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }

// True for invisible characters that may sit inside a word and are dropped
// without ending it (soft hyphen, zero-width space/joiners, BOM).
bool IsIgnorableInWord(char32_t cp);

}  // namespace nyttig::search
