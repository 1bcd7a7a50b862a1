// A strict RFC 4180 CSV reader for the Polis export files.
//
//   ASSIGN_OR_RETURN(CsvTable table, ParseCsv(text, "votes.csv"));
//   int column = table.ColumnIndex("voter-id");
//
// Fields may be quoted; quoted fields may hold commas, line breaks and
// doubled quotes. Accepts LF and CRLF line ends, a UTF-8 byte order mark, and
// a missing final line break. Thread-safety: plain values and pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nyttig::dialogue {

struct CsvRow {
  int line = 0;  // 1-based line on which the record starts
  std::vector<std::string> fields;
};

struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;

  // Position of `name` in the header, or -1.
  int ColumnIndex(std::string_view name) const;
};

// Parses `text`; the first record is the header, and every row must have as
// many fields as the header. Blank lines are skipped. Fails with
// kInvalidArgument naming `source` and the line for an unterminated quoted
// field, a character after a closing quote, a wrong field count or an empty
// file.
StatusOr<CsvTable> ParseCsv(std::string_view text, std::string_view source);

// Reads and parses the file at `path`. Fails with kNotFound when it cannot
// be opened, otherwise as ParseCsv.
StatusOr<CsvTable> ReadCsvFile(const std::string& path);

}  // namespace nyttig::dialogue
