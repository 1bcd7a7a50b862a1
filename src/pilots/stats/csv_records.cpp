#include "pilots/stats/csv_records.h"

#include <string>

namespace nyttig::pilots {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

Status CsvSyntaxError(int line, size_t field_idx, std::string reason) {
  Status status = InvalidArgumentError("line " + std::to_string(line) + ": " + reason);
  status.AddInvalid("line " + std::to_string(line) + ", field " + std::to_string(field_idx + 1),
                    std::move(reason));
  return status;
}

// Reads one record starting at `pos`; advances `pos` and `line` past it.
StatusOr<CsvRecord> ReadRecord(std::string_view text, size_t& pos, int& line) {
  CsvRecord record{.line = line, .fields = {""}};
  bool quoted = false;       // inside a quoted field
  bool after_quote = false;  // a quoted field just closed
  while (pos < text.size()) {
    const char c = text[pos++];
    if (quoted) {
      if (c == '"' && pos < text.size() && text[pos] == '"') {
        record.fields.back() += '"';
        ++pos;
      } else if (c == '"') {
        quoted = false;
        after_quote = true;
      } else {
        if (c == '\n') ++line;
        record.fields.back() += c;
      }
      continue;
    }
    if (c == '\n' || (c == '\r' && pos < text.size() && text[pos] == '\n')) {
      if (c == '\r') ++pos;
      ++line;
      return record;
    }
    if (c == ',') {
      record.fields.emplace_back();
      after_quote = false;
    } else if (after_quote && (c == ' ' || c == '\t')) {
      continue;  // padding between a closing quote and the separator
    } else if (after_quote) {
      return CsvSyntaxError(record.line, record.fields.size() - 1,
                            "unexpected text after a closing quote");
    } else if (c == '"' && record.fields.back().find_first_not_of(" \t") == std::string::npos) {
      record.fields.back().clear();
      quoted = true;
    } else {
      record.fields.back() += c;
    }
  }
  if (quoted) {
    return CsvSyntaxError(record.line, record.fields.size() - 1, "quoted field is not closed");
  }
  return record;
}

bool IsBlank(const CsvRecord& record) {
  return record.fields.size() == 1 &&
         record.fields[0].find_first_not_of(" \t\r") == std::string::npos;
}

}  // namespace

StatusOr<std::vector<CsvRecord>> SplitCsvRecords(std::string_view text) {
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  std::vector<CsvRecord> records;
  size_t pos = 0;
  int line = 1;
  while (pos < text.size()) {
    ASSIGN_OR_RETURN(CsvRecord record, ReadRecord(text, pos, line));
    if (!IsBlank(record)) records.push_back(std::move(record));
  }
  return records;
}

}  // namespace nyttig::pilots
