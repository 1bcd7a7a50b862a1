// CsvRecords: splits CSV text (RFC 4180) into records of fields, keeping the
// line each record starts on so that errors can name it.
//
// Accepts: a UTF-8 byte-order mark, LF or CRLF line ends, fields quoted with
// '"' (which may hold commas, quotes doubled as "" and line breaks), a last
// line without a line end. Spaces around an unquoted field are kept; the
// caller trims if it wants to.
//
//   ASSIGN_OR_RETURN(std::vector<CsvRecord> records, SplitCsvRecords(text));
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nyttig::pilots {

struct CsvRecord {
  int line = 0;  // 1-based line on which the record starts
  std::vector<std::string> fields;
};

// Splits `text` into records; a blank line yields no record. Fails with
// kInvalidArgument (one invalid parameter naming the line) on an unterminated
// quoted field or text between a closing quote and the next separator.
StatusOr<std::vector<CsvRecord>> SplitCsvRecords(std::string_view text);

}  // namespace nyttig::pilots
