// The /search page: one search box, results with highlighted snippets, and
// facets as plain filter links on the side (no JavaScript needed; htmx only
// swaps the results while typing).
#include <algorithm>

#include "core/time_format.h"
#include "http/paging.h"
#include "search/search_request.h"
#include "search/search_routes.h"
#include "web/page.h"

namespace nyttig::search {
namespace {

using nlohmann::json;

constexpr size_t kMaxFacetValues = 10;  // per facet, the most frequent first
const char* const kFilterParams[] = {"kind", "org", "area", "sdg", "year"};

// The page's own address with `param` set to `value` (or removed when empty),
// every other filter and the query kept; the page number starts over.
std::string FilterHref(const http::Request& r, const std::string& param, const std::string& value) {
  std::string href = "/search?q=" + http::PercentEncode(r.Query("q").value_or(""));
  for (const char* name : kFilterParams) {
    std::string current = name == param ? value : r.Query(name).value_or("");
    if (!current.empty()) href += std::string("&") + name + "=" + http::PercentEncode(current);
  }
  return href;
}

std::string KindLabel(const std::string& kind, const web::RequestContext& ctx) {
  const std::string key = "search.kind." + kind;
  std::string label = ctx.T(key);
  return label == key ? kind : label;
}

std::string FacetValueLabel(const SearchRouteDeps& deps, const std::string& facet,
                            const std::string& value, const web::RequestContext& ctx) {
  if (facet == "kind") return KindLabel(value, ctx);
  if (facet == "sdg") return ctx.T("search.facet.sdg_value", {{"goal", value}});
  if (facet == "org") {
    auto org = deps.organisations.ResolveOrganisation(value);
    return org.ok() ? org->name : value;
  }
  return value;
}

json FacetGroup(const SearchRouteDeps& deps, const http::Request& r, const web::RequestContext& ctx,
                const std::string& facet, const std::string& param,
                const std::map<std::string, std::int64_t>& counts) {
  std::vector<std::pair<std::string, std::int64_t>> values(counts.begin(), counts.end());
  std::stable_sort(values.begin(), values.end(), [&](const auto& lhs, const auto& rhs) {
    return facet == "year" ? lhs.first > rhs.first : lhs.second > rhs.second;
  });
  const std::string selected = r.Query(param).value_or("");
  json items = json::array();
  for (size_t idx = 0; idx < values.size() && idx < kMaxFacetValues; ++idx) {
    const auto& [value, count] = values[idx];
    const bool current = selected == value;
    items.push_back({{"label", FacetValueLabel(deps, param, value, ctx)},
                     {"count", count},
                     {"current", current},
                     {"href", FilterHref(r, param, current ? "" : value)}});
  }
  return {{"heading", ctx.T("search.facet." + facet)}, {"values", items},
          {"has_values", !items.empty()}};
}

json HitsJson(const std::vector<SearchHit>& hits, const web::RequestContext& ctx) {
  json items = json::array();
  for (const SearchHit& hit : hits) {
    items.push_back({{"title", hit.title},
                     {"url", hit.url},
                     {"snippet", hit.snippet_html},
                     {"kind", KindLabel(hit.kind, ctx)},
                     {"date", FormatIsoDate(hit.date)}});
  }
  return items;
}

json ResultsData(const SearchRouteDeps& deps, const http::Request& r, const web::RequestContext& ctx,
                 const SearchParameters& params, const SearchResults& results) {
  const std::string q = params.request.query;
  json facets = json::array();
  const std::pair<const char*, const char*> kFacets[] = {
      {"kind", "kind"}, {"organisation", "org"}, {"area", "area"}, {"sdg", "sdg"}, {"year", "year"}};
  for (const auto& [facet, param] : kFacets) {
    auto found = results.facets.find(facet);
    if (found != results.facets.end()) facets.push_back(FacetGroup(deps, r, ctx, facet, param, found->second));
  }
  json data = {{"q", q},
               {"has_query", !q.empty() || results.total > 0},
               {"items", HitsJson(results.items, ctx)},
               {"has_items", !results.items.empty()},
               {"count_text", ctx.T("search.results.count", {{"count", std::to_string(results.total)}})},
               {"matched_any", results.matched_any},
               {"facets", facets},
               {"pagination", web::PageLinks(FilterHref(r, "", "") + "&", params.request.page,
                                             results.total, params.request.limit)}};
  data["no_results_text"] = ctx.T("search.results.none", {{"query", q}});
  if (results.did_you_mean) {
    data["did_you_mean"] = {{"href", "/search?q=" + http::PercentEncode(*results.did_you_mean)},
                            {"text", *results.did_you_mean}};
  }
  return data;
}

http::Response SearchPage(const SearchRouteDeps& deps, const http::Request& r,
                          web::RequestContext& ctx) {
  StatusOr<SearchParameters> params = ReadSearchParameters(r);
  if (!params.ok()) return web::ErrorPage(deps.renderer, params.status(), r, ctx);
  StatusOr<SearchResults> results =
      deps.search.Search(ctx.actor, params->request, params->organisations);
  if (!results.ok()) return web::ErrorPage(deps.renderer, results.status(), r, ctx);
  json data = ResultsData(deps, r, ctx, *params, *results);
  data["title"] = params->request.query.empty()
                      ? ctx.T("search.title")
                      : ctx.T("search.title_with_query", {{"query", params->request.query}});
  // htmx live search swaps only the results; history restores want the whole page.
  if (r.Header("HX-Request") && !r.Header("HX-History-Restore-Request")) {
    return http::Response::Html(200, deps.renderer.Fragment("partials/search_results", data, ctx));
  }
  return web::HtmlPage(deps.renderer, "search/search", 200, data, r, ctx);
}

}  // namespace

void RegisterSearchPage(web::Router& router, const SearchRouteDeps& deps) {
  router.Get("/search", [deps](const http::Request& r, web::RequestContext& ctx) {
    return SearchPage(deps, r, ctx);
  });
}

}  // namespace nyttig::search
