#include "core/csv.h"

namespace nyttig {

std::string CsvQuote(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string CsvCell(std::string_view text) {
  const bool formula =
      !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
  return CsvQuote(formula ? "'" + std::string(text) : std::string(text));
}

void WriteCsvRow(std::ostream& out, const std::vector<std::string>& cells) {
  for (std::size_t idx = 0; idx < cells.size(); ++idx) {
    if (idx > 0) out << ',';
    out << CsvCell(cells[idx]);
  }
  out << "\r\n";
}

}  // namespace nyttig
