// libFuzzer target: the core text helpers that see user input (IsValidUtf8,
// Utf8Length, Slugify, Utf8ToLower, Trim), with the promises of text.h as
// checks: a slug is lower-case ASCII letters, digits and single inner
// hyphens; Utf8ToLower of any bytes is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text.h"
#include "fuzz_check.h"

namespace {

bool IsSlug(std::string_view slug) {
  if (slug.empty()) return true;
  if (slug.front() == '-' || slug.back() == '-') return false;
  if (slug.find("--") != std::string_view::npos) return false;
  for (char c : slug) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool valid = nyttig::IsValidUtf8(text);
  if (valid) FUZZ_CHECK(nyttig::Utf8Length(text) <= size);

  const std::string slug = nyttig::Slugify(text);
  FUZZ_CHECK(IsSlug(slug));

  const std::string lower = nyttig::Utf8ToLower(text);
  FUZZ_CHECK(nyttig::IsValidUtf8(lower));
  if (valid) FUZZ_CHECK(nyttig::Utf8Length(lower) == nyttig::Utf8Length(text));

  const std::string_view trimmed = nyttig::Trim(text);
  FUZZ_CHECK(trimmed.size() <= size);
  return 0;
}
