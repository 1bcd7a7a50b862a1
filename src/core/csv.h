// Writing CSV (RFC 4180) for the platform's exports.
//
//   out << CsvQuote(path) << "," << id << "\n";        // a machine format (Polis, manifests)
//   WriteCsvRow(out, {name, comment});                  // a file people open in a spreadsheet
//
// Thread-safety: pure functions.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace nyttig {

// `field` quoted when it holds a comma, a quote or a line break (quotes doubled).
std::string CsvQuote(std::string_view field);

// A cell for a file opened in a spreadsheet: text a spreadsheet would run as
// a formula (starting with = + - @, tab or CR) gets a leading apostrophe
// (OWASP's advice on CSV injection), then CsvQuote. For text, not for numbers
// the file itself wrote ("-3" would become "'-3").
std::string CsvCell(std::string_view text);

// One row of CsvCell()s, ending in CRLF.
void WriteCsvRow(std::ostream& out, const std::vector<std::string>& cells);

}  // namespace nyttig
