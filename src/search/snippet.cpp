// Highlighted snippets: a window of the body around the first match.
#include <set>
#include <unordered_set>

#include "search/index_impl.h"

namespace nyttig::search {
namespace {

constexpr size_t kSnippetWords = 30;        // words shown
constexpr size_t kWordsBeforeMatch = 8;     // context before the first match
constexpr size_t kSnippetScanBytes = 20000; // of a long body, only the start is searched

void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

std::string_view Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// Byte offsets of the words whose analysed terms (or surface form, for a
// prefix) match the query.
std::set<size_t> MatchedWordStarts(std::string_view text, const std::vector<std::string>& highlight,
                                   const std::vector<RawToken>& words, Analyzer& analyzer) {
  std::unordered_set<std::string> exact;
  std::vector<std::string> prefixes;
  for (const std::string& term : highlight) {
    if (!term.empty() && term.back() == '*') prefixes.push_back(term.substr(0, term.size() - 1));
    else exact.insert(term);
  }
  std::set<size_t> starts;
  for (const Token& token : analyzer.Analyze(text, AnalyzeMode::kDocument)) {
    if (exact.count(token.text)) starts.insert(token.begin);
  }
  for (const RawToken& word : words) {
    for (const std::string& prefix : prefixes) {
      if (word.text.compare(0, prefix.size(), prefix) == 0) starts.insert(word.begin);
    }
  }
  return starts;
}

}  // namespace

std::string MakeSnippet(const std::string& body, const std::vector<std::string>& highlight,
                        Analyzer& words_analyzer) {
  const std::string_view text = Prefix(body, kSnippetScanBytes);
  const std::vector<RawToken> words = TokenizeWords(text);
  if (words.empty()) return "";
  const std::set<size_t> matched = MatchedWordStarts(text, highlight, words, words_analyzer);
  size_t first = 0;
  while (first < words.size() && !matched.count(words[first].begin)) ++first;
  if (first == words.size()) first = 0;
  const size_t start = first > kWordsBeforeMatch ? first - kWordsBeforeMatch : 0;
  const size_t end = std::min(words.size(), start + kSnippetWords);
  std::string out = start > 0 ? "… " : "";
  size_t position = words[start].begin;
  for (size_t word_idx = start; word_idx < end; ++word_idx) {
    const RawToken& word = words[word_idx];
    AppendEscaped(out, text.substr(position, word.begin - position));
    const bool mark = matched.count(word.begin) > 0;
    if (mark) out += "<mark>";
    AppendEscaped(out, text.substr(word.begin, word.end - word.begin));
    if (mark) out += "</mark>";
    position = word.end;
  }
  if (end < words.size() || text.size() < body.size()) out += " …";
  return out;
}

}  // namespace nyttig::search
