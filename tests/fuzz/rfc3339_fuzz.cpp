// libFuzzer target: RFC 3339 timestamps (ParseRfc3339). A parsed time that
// FormatRfc3339 can write (years 0000–9999) must parse back to itself.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/time_format.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = nyttig::ParseRfc3339(text);
  if (!parsed) return 0;
  static const nyttig::UnixSeconds kFirst = nyttig::At(0, 1, 1);
  static const nyttig::UnixSeconds kLast = nyttig::At(9999, 12, 31, 23, 59, 59);
  if (*parsed < kFirst || *parsed > kLast) return 0;
  const auto again = nyttig::ParseRfc3339(nyttig::FormatRfc3339(*parsed));
  FUZZ_CHECK(again.has_value() && *again == *parsed);
  return 0;
}
