// libFuzzer target: request targets, query strings and urlencoded forms
// (http::ParseTarget, http::ParseUrlEncoded, http::PercentDecode). Checks that
// encoding then decoding gives back the bytes, and that a parsed path is
// absolute.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "http/message.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  (void)nyttig::http::ParseUrlEncoded(text);
  (void)nyttig::http::PercentDecode(text, true);
  const auto round_trip = nyttig::http::PercentDecode(nyttig::http::PercentEncode(text), false);
  FUZZ_CHECK(round_trip.has_value() && *round_trip == text);

  nyttig::http::Request request;
  if (nyttig::http::ParseTarget(text, request)) {
    FUZZ_CHECK(!request.path.empty() && request.path.front() == '/');
    FUZZ_CHECK(request.target == text);
  }
  return 0;
}
