// libFuzzer target: the ustar reader of `nyttig restore` (backup::TarReader).
// Any archive is read to its end or refused with kInvalidArgument; every
// entry it hands out has a safe name.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "backup/tar.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  nyttig::backup::TarReader reader(in);
  // An archive of N bytes holds at most N / 512 headers; bound the loop anyway.
  for (size_t entry_idx = 0; entry_idx <= size / nyttig::backup::kTarBlockBytes; ++entry_idx) {
    auto entry = reader.Next();
    if (!entry.ok()) {
      FUZZ_CHECK(entry.status().code() == nyttig::StatusCode::kInvalidArgument);
      return 0;
    }
    if (!entry->has_value()) return 0;
    FUZZ_CHECK(nyttig::backup::IsSafeArchiveName((*entry)->name));
    std::uint64_t received = 0;
    const nyttig::Status body = reader.ReadBody([&](std::string_view bytes) {
      received += bytes.size();
      return nyttig::Status();
    });
    if (!body.ok()) {
      FUZZ_CHECK(body.code() == nyttig::StatusCode::kInvalidArgument);
      return 0;
    }
    FUZZ_CHECK(received == (*entry)->size);
  }
  FUZZ_CHECK(false);  // more headers than blocks
  return 0;
}
