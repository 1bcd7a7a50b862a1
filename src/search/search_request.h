// Reading a search request from a URL's query (?q=&kind=&org=&area=&sdg=
// &year=&page=&limit=), shared by the API and the page.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "http/message.h"
#include "search/search_index.h"

namespace nyttig::search {

struct SearchParameters {
  SearchRequest request;
  std::vector<std::string> organisations;  // ids or slugs from ?org=
};

// Comma-separated lists are allowed in kind, org, area and sdg. Fails with
// kInvalidArgument naming the parameter for a malformed year, page or
// limit; the query text itself never fails.
StatusOr<SearchParameters> ReadSearchParameters(const http::Request& request);

}  // namespace nyttig::search
