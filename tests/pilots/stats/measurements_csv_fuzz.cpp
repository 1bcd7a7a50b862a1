// libFuzzer target: the measurements CSV reader must accept or reject any
// bytes cleanly. Build with clang; run e.g. `measurements_csv_fuzz -max_len=4096`.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "pilots/stats/measurements_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto rows = nyttig::pilots::ParseMeasurementsCsv(text);
  if (!rows.ok() && rows.status().code() != nyttig::StatusCode::kInvalidArgument) std::abort();
  return 0;
}
