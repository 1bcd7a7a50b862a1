// Splits text into lower-cased word tokens with their byte offsets.
//
// A token is a maximal run of word characters (see IsWordChar). Between two
// ASCII digits the separators ':' '.' ',' '/' '-' stay inside the token, so
// law and report references stay whole: "SFS 2018:1937" gives "sfs",
// "2018:1937"; "SOU 2019:13" gives "sou", "2019:13"; "3,5" stays "3,5".
// Invalid UTF-8 and punctuation separate tokens and never reach the output.
// Tokens longer than kMaxTokenCodePoints (hashes, base64, run-on garbage) are
// dropped so that a huge input cannot produce huge terms.
//
//   for (const RawToken& t : TokenizeWords("Kommunens SOU 2019:13")) ...
//
// Thread-safety: pure function.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace nyttig::search {

inline constexpr size_t kMaxTokenCodePoints = 64;

struct RawToken {
  std::string text;  // lower-cased UTF-8
  size_t begin = 0;  // byte offset of the first byte in the input
  size_t end = 0;    // byte offset one past the last byte in the input
  bool is_number = false;  // digits only, possibly with inner separators
  bool operator==(const RawToken&) const = default;
};

// The tokens of `text` in order. Never fails; empty input gives no tokens.
std::vector<RawToken> TokenizeWords(std::string_view text);

}  // namespace nyttig::search
