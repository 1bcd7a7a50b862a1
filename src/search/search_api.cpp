// GET /api/v1/search and GET /api/v1/search/related (CONTRACTS.md, "Search").
#include <charconv>
#include <cmath>

#include "http/paging.h"
#include "search/search_request.h"
#include "search/search_routes.h"
#include "web/page.h"

namespace nyttig::search {
namespace {

using nlohmann::json;

constexpr int kDefaultRelatedLimit = 10;
constexpr int kMaxRelatedLimit = 100;
constexpr double kScorePrecision = 1e4;  // four decimals are plenty to compare

double RoundedScore(double score) { return std::round(score * kScorePrecision) / kScorePrecision; }

json HitJson(const SearchHit& hit, bool with_snippet) {
  json out = {{"kind", hit.kind}, {"id", hit.id}, {"title", hit.title}};
  if (with_snippet) out["snippet"] = hit.snippet_html;
  out["url"] = hit.url;
  out["score"] = RoundedScore(hit.score);
  return out;
}

json FacetsJson(const FacetCounts& facets) {
  json out = json::object();
  for (const char* name : {"kind", "organisation", "area", "sdg", "year"}) out[name] = json::object();
  for (const auto& [name, counts] : facets) {
    for (const auto& [value, count] : counts) out[name][value] = count;
  }
  return out;
}

// A required positive integer parameter, or the validation problem naming it.
StatusOr<std::int64_t> PositiveParam(const http::Request& r, const std::string& name,
                                     std::optional<std::int64_t> fallback, std::int64_t max) {
  const std::optional<std::string> text = r.Query(name);
  std::int64_t value = 0;
  if (!text && fallback) return *fallback;
  if (text) {
    auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error == std::errc() && end == text->data() + text->size() && value >= 1) {
      return std::min(value, max);
    }
  }
  Status bad = InvalidArgumentError("validation.failed");
  bad.AddInvalid(name, "search.parameter.positive_integer", text.value_or(""));
  return bad;
}

StatusOr<http::Response> SearchAnswer(const SearchRouteDeps& deps, const http::Request& r,
                                      const web::RequestContext& ctx) {
  ASSIGN_OR_RETURN(SearchParameters params, ReadSearchParameters(r));
  ASSIGN_OR_RETURN(SearchResults results,
                   deps.search.Search(ctx.actor, params.request, params.organisations));
  json items = json::array();
  for (const SearchHit& hit : results.items) items.push_back(HitJson(hit, true));
  json body = http::PagedJson(std::move(items), {params.request.page, params.request.limit},
                              results.total);
  body["facets"] = FacetsJson(results.facets);
  body["matched_any"] = results.matched_any;
  body["did_you_mean"] = results.did_you_mean ? json(*results.did_you_mean) : json(nullptr);
  return web::Json(200, body);
}

StatusOr<http::Response> RelatedAnswer(const SearchRouteDeps& deps, const http::Request& r,
                                       const web::RequestContext& ctx) {
  const std::string kind = r.Query("kind").value_or("");
  StatusOr<std::int64_t> id = PositiveParam(r, "id", std::nullopt, INT64_MAX);
  StatusOr<std::int64_t> limit = PositiveParam(r, "limit", kDefaultRelatedLimit, kMaxRelatedLimit);
  Status bad = InvalidArgumentError("validation.failed");
  if (kind.empty()) bad.AddInvalid("kind", "search.parameter.required", "");
  if (!id.ok()) bad.AddInvalid("id", "search.parameter.positive_integer", r.Query("id").value_or(""));
  if (!limit.ok()) {
    bad.AddInvalid("limit", "search.parameter.positive_integer", r.Query("limit").value_or(""));
  }
  if (kind.empty() || !id.ok() || !limit.ok()) return bad;
  ASSIGN_OR_RETURN(std::vector<SearchHit> hits,
                   deps.search.Related(ctx.actor, kind, *id, static_cast<int>(*limit)));
  json items = json::array();
  for (const SearchHit& hit : hits) items.push_back(HitJson(hit, false));
  return web::Json(200, http::WholeListJson(std::move(items)));
}

}  // namespace

void RegisterSearchApi(web::Router& router, const SearchRouteDeps& deps) {
  router.Get("/api/v1/search", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&] { return SearchAnswer(deps, r, ctx); });
  });
  router.Get("/api/v1/search/related", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&] { return RelatedAnswer(deps, r, ctx); });
  });
}

void RegisterSearchRoutes(web::Router& router, const SearchRouteDeps& deps) {
  RegisterSearchApi(router, deps);
  RegisterSearchPage(router, deps);
}

}  // namespace nyttig::search
