#include "search/search_request.h"

#include "core/text.h"
#include "http/paging.h"

namespace nyttig::search {
namespace {

std::vector<std::string> List(const http::Request& request, const std::string& name) {
  std::vector<std::string> out;
  const std::string value = request.Query(name).value_or("");
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    if (comma == std::string::npos) comma = value.size();
    std::string item(Trim(std::string_view(value).substr(start, comma - start)));
    if (!item.empty()) out.push_back(Utf8ToLower(item));
    start = comma + 1;
  }
  return out;
}

Status ReadYear(const http::Request& request, SearchRequest& out) {
  const std::optional<std::string> year = request.Query("year");
  if (!year || year->empty()) return Status::Ok();
  // The query language reads years; an API parameter it cannot read is an error.
  ParsedQuery parsed = ParseQuery("year:" + *year);
  if (!parsed.items.empty() || (!parsed.filters.year_from && !parsed.filters.year_to)) {
    Status bad = InvalidArgumentError("validation.failed");
    bad.AddInvalid("year", "search.year.invalid", *year);
    return bad;
  }
  out.year_from = parsed.filters.year_from;
  out.year_to = parsed.filters.year_to;
  return Status::Ok();
}

}  // namespace

StatusOr<SearchParameters> ReadSearchParameters(const http::Request& request) {
  ASSIGN_OR_RETURN(http::PageRequest page, http::ParsePageRequest(request));
  SearchParameters out;
  out.request.query = request.Query("q").value_or("");
  out.request.page = page.page;
  out.request.limit = page.limit;
  out.request.kinds = List(request, "kind");
  out.organisations = List(request, "org");
  for (const char* facet : {"area", "sdg"}) {
    std::vector<std::string> values = List(request, facet);
    if (!values.empty()) out.request.facets[facet] = std::move(values);
  }
  RETURN_IF_ERROR(ReadYear(request, out.request));
  return out;
}

}  // namespace nyttig::search
