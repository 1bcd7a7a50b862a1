#include "search/sql_text.h"

namespace nyttig::search {

std::string SqlQuote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\0') continue;
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string SqlIntList(const std::vector<std::int64_t>& values) {
  if (values.empty()) return "(NULL)";
  std::string out;
  for (std::int64_t value : values) out += (out.empty() ? "(" : ",") + std::to_string(value);
  return out + ")";
}

std::string SqlTextList(const std::vector<std::string>& values) {
  if (values.empty()) return "(NULL)";
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "(" : ",") + SqlQuote(value);
  return out + ")";
}

}  // namespace nyttig::search
