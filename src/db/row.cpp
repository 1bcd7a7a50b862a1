#include "db/row.h"

#include <cmath>

namespace nyttig::db {

std::string IntList(const std::vector<std::int64_t>& values) {
  std::string out;
  for (std::int64_t value : values) out += (out.empty() ? "" : ",") + std::to_string(value);
  return out;
}

std::optional<std::int64_t> OptInt(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return std::nullopt;
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_integer: return row.get<int>(column);
    case soci::dt_long_long: return row.get<long long>(column);
    case soci::dt_unsigned_long_long: return static_cast<std::int64_t>(row.get<unsigned long long>(column));
    case soci::dt_double: return static_cast<std::int64_t>(std::llround(row.get<double>(column)));
    case soci::dt_string: return std::stoll(row.get<std::string>(column));
    default: return std::nullopt;
  }
}

std::int64_t Int(const soci::row& row, std::size_t column) { return OptInt(row, column).value_or(0); }

std::optional<std::string> OptText(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return std::nullopt;
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_string: return row.get<std::string>(column);
    case soci::dt_integer: return std::to_string(row.get<int>(column));
    case soci::dt_long_long: return std::to_string(row.get<long long>(column));
    case soci::dt_double: return std::to_string(row.get<double>(column));
    default: return std::nullopt;
  }
}

std::string Text(const soci::row& row, std::size_t column) {
  return OptText(row, column).value_or("");
}

std::optional<double> OptReal(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return std::nullopt;
  return Real(row, column);
}

double Real(const soci::row& row, std::size_t column) {
  if (row.get_indicator(column) == soci::i_null) return 0;
  switch (row.get_properties(column).get_data_type()) {
    case soci::dt_double: return row.get<double>(column);
    case soci::dt_integer: return row.get<int>(column);
    case soci::dt_long_long: return static_cast<double>(row.get<long long>(column));
    case soci::dt_string: return std::stod(row.get<std::string>(column));
    default: return 0;
  }
}

}  // namespace nyttig::db
