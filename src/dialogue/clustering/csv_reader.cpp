#include "dialogue/clustering/csv_reader.h"

#include <fstream>
#include <sstream>

namespace nyttig::dialogue {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

Status LineError(std::string_view source, int line, const std::string& what) {
  return InvalidArgumentError(std::string(source) + " line " + std::to_string(line) + ": " + what);
}

// Reads records one at a time, tracking the line number for messages.
class CsvScanner {
 public:
  CsvScanner(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  bool AtEnd() const { return pos_ >= text_.size(); }
  int line() const { return line_; }

  // Reads the record starting at the current position into `row`.
  Status ReadRecord(CsvRow& row) {
    row.line = line_;
    row.fields.clear();
    std::string field;
    while (true) {
      RETURN_IF_ERROR(ReadField(field));
      row.fields.push_back(std::move(field));
      field.clear();
      if (AtEnd()) return Status::Ok();
      const char next = text_[pos_++];
      if (next == ',') continue;
      if (next == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      return Status::Ok();
    }
  }

 private:
  Status ReadField(std::string& field) {
    if (pos_ < text_.size() && text_[pos_] == '"') return ReadQuoted(field);
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
           text_[pos_] != '\r') {
      if (text_[pos_] == '"') return LineError(source_, line_, "quote inside an unquoted field");
      field.push_back(text_[pos_++]);
    }
    if (pos_ < text_.size() && text_[pos_] == '\r' &&
        (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n')) {
      return LineError(source_, line_, "carriage return without line feed");
    }
    return Status::Ok();
  }

  Status ReadQuoted(std::string& field) {
    const int start_line = line_;
    ++pos_;  // opening quote
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field.push_back('"');
          ++pos_;
          continue;
        }
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
            text_[pos_] != '\r') {
          return LineError(source_, line_, "character after a closing quote");
        }
        return Status::Ok();
      }
      if (c == '\n') ++line_;
      field.push_back(c);
    }
    return LineError(source_, start_line, "quoted field is not closed");
  }

  std::string_view text_;
  std::string_view source_;
  size_t pos_ = 0;
  int line_ = 1;
};

bool IsBlank(const CsvRow& row) { return row.fields.size() == 1 && row.fields[0].empty(); }

}  // namespace

int CsvTable::ColumnIndex(std::string_view name) const {
  for (size_t idx = 0; idx < header.size(); ++idx) {
    if (header[idx] == name) return static_cast<int>(idx);
  }
  return -1;
}

StatusOr<CsvTable> ParseCsv(std::string_view text, std::string_view source) {
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  CsvScanner scanner(text, source);
  CsvTable table;
  CsvRow row;
  bool have_header = false;
  while (!scanner.AtEnd()) {
    RETURN_IF_ERROR(scanner.ReadRecord(row));
    if (IsBlank(row)) continue;
    if (!have_header) {
      table.header = std::move(row.fields);
      have_header = true;
      continue;
    }
    if (row.fields.size() != table.header.size()) {
      return LineError(source, row.line,
                       "expected " + std::to_string(table.header.size()) + " fields, found " +
                           std::to_string(row.fields.size()));
    }
    table.rows.push_back(std::move(row));
    row = CsvRow{};
  }
  if (!have_header) return InvalidArgumentError(std::string(source) + ": empty file, no header");
  return table;
}

StatusOr<CsvTable> ReadCsvFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return NotFoundError("cannot open " + path);
  std::ostringstream contents;
  contents << file.rdbuf();
  if (file.bad()) return NotFoundError("cannot read " + path);
  return ParseCsv(contents.str(), path);
}

}  // namespace nyttig::dialogue
