#include "http/paging.h"

#include <algorithm>
#include <charconv>

namespace nyttig::http {
namespace {

// `text` as a whole integer ≥ 1 of type T, or nullopt.
template <typename T>
std::optional<T> ParsePositive(const std::string& text) {
  T value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

// Parses a query parameter as an integer ≥ 1; records a problem otherwise.
std::optional<int> PositiveParam(const Request& request, const char* name, int fallback,
                                 Status& status) {
  auto text = request.Query(name);
  if (!text) return fallback;
  std::optional<int> value = ParsePositive<int>(*text);
  if (!value) status.AddInvalid(name, "validation.positive_integer", *text);
  return value;
}

}  // namespace

StatusOr<std::optional<std::int64_t>> OptionalIdQuery(const Request& request, const char* name) {
  auto text = request.Query(name);
  if (!text || text->empty()) return std::optional<std::int64_t>();
  std::optional<std::int64_t> id = ParsePositive<std::int64_t>(*text);
  if (!id) return InvalidParameterError(name, "validation.positive_integer", *text);
  return id;
}

StatusOr<PageRequest> ParsePageRequest(const Request& request) {
  Status problems = InvalidArgumentError("validation.failed");
  auto page = PositiveParam(request, "page", 1, problems);
  auto limit = PositiveParam(request, "limit", kDefaultPageLimit, problems);
  if (!page || !limit) return problems;
  if (*page > kMaxPage) {
    problems.AddInvalid("page", "validation.out_of_range", std::to_string(*page),
                        {{"min", "1"}, {"max", std::to_string(kMaxPage)}});
    return problems;
  }
  return PageRequest{*page, std::min(*limit, kMaxPageLimit)};
}

nlohmann::json WholeListJson(nlohmann::json items) {
  const auto total = static_cast<std::int64_t>(items.size());
  PageRequest all{1, static_cast<int>(std::max<std::int64_t>(total, 1))};
  return PagedJson(std::move(items), all, total);
}

nlohmann::json PagedJson(nlohmann::json items, const PageRequest& page, std::int64_t total) {
  return {{"items", std::move(items)}, {"page", page.page}, {"limit", page.limit}, {"total", total}};
}

}  // namespace nyttig::http
