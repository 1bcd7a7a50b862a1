#include "search/term_vector.h"

#include <charconv>

namespace nyttig::search {
namespace {

constexpr char kEntrySeparator = '\x1e';
constexpr char kFrequencySeparator = '\x1f';

template <typename T>
T ToNumber(std::string_view text) {
  T value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

void ParseLine(std::string_view line, TermVector& out) {
  size_t entry = line.find(kEntrySeparator);
  std::string_view head = line.substr(0, entry);
  size_t space = head.find(' ');
  if (space == std::string_view::npos) return;
  ColumnTerms& column = out[ToNumber<int>(head.substr(0, space))];
  column.length = ToNumber<std::int64_t>(head.substr(space + 1));
  while (entry != std::string_view::npos) {
    size_t next = line.find(kEntrySeparator, entry + 1);
    std::string_view pair = line.substr(entry + 1, next == std::string_view::npos
                                                       ? std::string_view::npos
                                                       : next - entry - 1);
    size_t split = pair.rfind(kFrequencySeparator);
    if (split != std::string_view::npos) {
      column.frequencies[std::string(pair.substr(0, split))] =
          ToNumber<int>(pair.substr(split + 1));
    }
    entry = next;
  }
}

}  // namespace

std::string SerializeTermVector(const TermVector& vector) {
  std::string out;
  for (const auto& [column, terms] : vector) {
    out += std::to_string(column) + ' ' + std::to_string(terms.length);
    for (const auto& [term, frequency] : terms.frequencies) {
      out += kEntrySeparator;
      out += term;
      out += kFrequencySeparator;
      out += std::to_string(frequency);
    }
    out += '\n';
  }
  return out;
}

TermVector ParseTermVector(std::string_view text) {
  TermVector out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    ParseLine(text.substr(start, end - start), out);
    start = end + 1;
  }
  return out;
}

}  // namespace nyttig::search
