#include "search/analyzer/tokenizer.h"

#include "search/analyzer/utf8.h"

namespace nyttig::search {
namespace {

bool IsNumberSeparator(char32_t cp) {
  return cp == U':' || cp == U'.' || cp == U',' || cp == U'/' || cp == U'-';
}

// Builds one token while the scanner walks the text.
class TokenBuilder {
 public:
  void Add(char32_t cp, size_t begin, size_t end) {
    if (code_points_ == 0) token_.begin = begin;
    token_.end = end;
    AppendUtf8(ToLower(cp), token_.text);
    ++code_points_;
    all_digits_ = all_digits_ && (IsDigit(cp) || IsNumberSeparator(cp));
  }
  bool empty() const { return code_points_ == 0; }
  char32_t last() const { return last_; }
  void set_last(char32_t cp) { last_ = cp; }

  void FlushTo(std::vector<RawToken>& out) {
    if (code_points_ > 0 && code_points_ <= kMaxTokenCodePoints) {
      token_.is_number = all_digits_;
      out.push_back(std::move(token_));
    }
    token_ = RawToken{};
    code_points_ = 0;
    all_digits_ = true;
    last_ = 0;
  }

 private:
  RawToken token_;
  size_t code_points_ = 0;
  bool all_digits_ = true;
  char32_t last_ = 0;
};

// True when the separator at `pos` (already decoded as `cp`) joins two digits.
bool JoinsDigits(std::string_view text, size_t next_pos, char32_t cp, char32_t previous) {
  if (!IsNumberSeparator(cp) || !IsDigit(previous) || next_pos >= text.size()) return false;
  size_t peek = next_pos;
  return IsDigit(DecodeUtf8(text, peek));
}

}  // namespace

std::vector<RawToken> TokenizeWords(std::string_view text) {
  std::vector<RawToken> tokens;
  TokenBuilder builder;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t begin = pos;
    const char32_t cp = DecodeUtf8(text, pos);
    if (IsWordChar(cp) || (!builder.empty() && JoinsDigits(text, pos, cp, builder.last()))) {
      builder.Add(cp, begin, pos);
      builder.set_last(cp);
    } else if (!(IsIgnorableInWord(cp) && !builder.empty())) {
      builder.FlushTo(tokens);
    }
  }
  builder.FlushTo(tokens);
  return tokens;
}

}  // namespace nyttig::search
