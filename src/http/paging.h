// List paging as CONTRACTS.md fixes it: ?limit= (default 20, max 100) and
// ?page= (from 1); responses {"items", "page", "limit", "total"}.
#pragma once

#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "http/message.h"

namespace nyttig::http {

inline constexpr int kDefaultPageLimit = 20;
inline constexpr int kMaxPageLimit = 100;
inline constexpr int kMaxPage = 1000000;

struct PageRequest {
  int page = 1;
  int limit = kDefaultPageLimit;
  std::int64_t offset() const { return std::int64_t(page - 1) * limit; }
};

// Reads ?page and ?limit. page=0, limit=0, negatives, non-numbers → kInvalidArgument;
// a limit above the maximum is capped.
StatusOr<PageRequest> ParsePageRequest(const Request& request);

// An optional query parameter that names a record (?organisation_id=12):
// nullopt when absent or empty, the id when it is a whole positive integer,
// else kInvalidArgument naming the parameter (validation.positive_integer).
StatusOr<std::optional<std::int64_t>> OptionalIdQuery(const Request& request, const char* name);

// {"items": items, "page", "limit", "total"}.
nlohmann::json PagedJson(nlohmann::json items, const PageRequest& page, std::int64_t total);

// A small, bounded collection answered whole in the same envelope: page 1,
// limit = total (at least 1).
nlohmann::json WholeListJson(nlohmann::json items);

}  // namespace nyttig::http
