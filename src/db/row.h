// Reading soci::row values the same way on both engines: SQLite and
// PostgreSQL report integer columns with different SOCI types, and NULL
// must become a default or an empty optional instead of an exception.
//
//   for (const soci::row& r : rows) {
//     Person p{.id = db::Int(r, 0), .display_name = db::Text(r, 1)};
//   }
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nyttig::db {

// "3,14,15": integers for an inlined IN (…) list. Integers cannot carry SQL,
// so inlining them is safe; it spares a bind per element. "" when empty.
std::string IntList(const std::vector<std::int64_t>& values);

std::int64_t Int(const soci::row& row, std::size_t column);  // NULL → 0
std::optional<std::int64_t> OptInt(const soci::row& row, std::size_t column);
std::string Text(const soci::row& row, std::size_t column);  // NULL → ""
std::optional<std::string> OptText(const soci::row& row, std::size_t column);
double Real(const soci::row& row, std::size_t column);       // NULL → 0
std::optional<double> OptReal(const soci::row& row, std::size_t column);

// Binding an optional value: use(value, indicator) with the indicator set.
struct NullableInt {
  explicit NullableInt(std::optional<std::int64_t> v)
      : value(v.value_or(0)), indicator(v ? soci::i_ok : soci::i_null) {}
  long long value;
  soci::indicator indicator;
};
struct NullableReal {
  explicit NullableReal(std::optional<double> v)
      : value(v.value_or(0)), indicator(v ? soci::i_ok : soci::i_null) {}
  double value;
  soci::indicator indicator;
};
struct NullableText {
  explicit NullableText(std::optional<std::string> v)
      : value(v.value_or("")), indicator(v ? soci::i_ok : soci::i_null) {}
  std::string value;
  soci::indicator indicator;
};

}  // namespace nyttig::db
