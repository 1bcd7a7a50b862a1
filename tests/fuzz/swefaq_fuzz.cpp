// libFuzzer target: the SweFAQ JSON-lines reader (search::ParseSwefaq).
// Every query it returns must point at a document of the collection.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_check.h"
#include "search/analyzer/swefaq.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  const auto collection = nyttig::search::ParseSwefaq(in);
  if (!collection.ok()) {
    FUZZ_CHECK(collection.status().code() == nyttig::StatusCode::kInvalidArgument);
    return 0;
  }
  for (const auto& query : collection->queries) {
    FUZZ_CHECK(query.relevant_document >= 0);
    FUZZ_CHECK(static_cast<size_t>(query.relevant_document) < collection->documents.size());
  }
  return 0;
}
