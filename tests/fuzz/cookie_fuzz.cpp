// libFuzzer target: the Cookie request header (Request::Cookie). The first
// input byte chooses the cookie name asked for, the rest is the header.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "http/message.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr std::string_view kNames[] = {"nyttig_session", "nyttig_lang", "csrf", ""};
  const std::string_view name = kNames[data[0] % std::size(kNames)];
  nyttig::http::Request request;
  request.headers.Add("Cookie", std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  const auto value = request.Cookie(name);
  if (value) FUZZ_CHECK(value->size() < size);
  return 0;
}
