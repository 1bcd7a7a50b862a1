// libFuzzer target: the Polis export reader (dialogue::ParseCsv, then the
// comments.csv and votes.csv interpretations) accepts or rejects any bytes
// with kInvalidArgument.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dialogue/clustering/csv_reader.h"
#include "dialogue/clustering/polis_csv.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto table = nyttig::dialogue::ParseCsv(text, "fuzz.csv");
  if (!table.ok()) {
    FUZZ_CHECK(table.status().code() == nyttig::StatusCode::kInvalidArgument);
    return 0;
  }
  for (const auto& row : table->rows) FUZZ_CHECK(row.fields.size() == table->header.size());
  const auto moderated = nyttig::dialogue::ModeratedOutComments(*table);
  FUZZ_CHECK(moderated.ok() || moderated.status().code() == nyttig::StatusCode::kInvalidArgument);
  const auto votes = nyttig::dialogue::VoteEvents(*table);
  FUZZ_CHECK(votes.ok() || votes.status().code() == nyttig::StatusCode::kInvalidArgument);
  return 0;
}
