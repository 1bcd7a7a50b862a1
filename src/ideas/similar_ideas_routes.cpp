// Similar ideas over HTTP: GET /api/v1/ideas/similar?org=&title=&need=&solution=
// for API clients, and GET /ideas/similar with the same query as an HTML
// fragment that the idea form fetches with htmx while someone writes
// (partials/idea_similar). Without JavaScript the form's check step shows the
// same list (the ideas form pages call the finder).
#include "http/paging.h"
#include "ideas/idea_page_support.h"
#include "ideas/participation_routes.h"
#include "web/page.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;
using Ctx = web::RequestContext;

StatusOr<SimilarIdeaQuery> QueryOf(const http::Request& r) {
  SimilarIdeaQuery q;
  Status problems = InvalidArgumentError("validation.failed");
  auto number = [&](const char* name, std::int64_t min, std::int64_t max) -> std::optional<std::int64_t> {
    auto text = r.Query(name);
    if (!text || text->empty()) return std::nullopt;
    char* end = nullptr;
    long long value = std::strtoll(text->c_str(), &end, 10);
    if (!end || *end != '\0' || value < min || value > max) {
      problems.AddInvalid(name, "validation.out_of_range", *text,
                          {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
      return std::nullopt;
    }
    return value;
  };
  // "organisation_id" is the idea form's own field, which the form's htmx
  // request sends as it is.
  auto org = number(r.Query("org") ? "org" : "organisation_id", 1,
                    std::numeric_limits<std::int64_t>::max());
  if (!org && problems.invalid_parameters().empty()) problems.AddInvalid("org", "ideas.similar.org_required");
  q.organisation_id = org.value_or(0);
  q.limit = int(number("limit", 1, kMaxSimilarIdeas).value_or(5));
  q.exclude = number("exclude", 1, std::numeric_limits<std::int64_t>::max());
  q.title = r.Query("title").value_or("");
  q.need = r.Query("need").value_or("");
  q.solution = r.Query("solution").value_or("");
  if (!problems.invalid_parameters().empty()) return problems;
  return q;
}

json ItemJson(const SimilarIdea& s) {
  return {{"id", s.idea.id}, {"title", s.idea.title}, {"url", "/ideas/" + std::to_string(s.idea.id)},
          {"stage", {{"id", s.idea.stage.id}, {"key", s.idea.stage.key}, {"name", s.idea.stage.name},
                     {"kind", StageKindName(s.idea.stage.kind)}}},
          {"score", std::round(s.score * 1000) / 1000}};
}

}  // namespace

void RegisterSimilarIdeaRoutes(web::Router& router, const ParticipationRouteDeps& deps) {
  router.Get("/api/v1/ideas/similar", [deps](const http::Request& r, Ctx& ctx) {
    auto q = QueryOf(r);
    if (!q.ok()) return web::ApiError(q.status(), r, ctx);
    auto found = deps.similar.Find(ctx.actor, *q);
    if (!found.ok()) return web::ApiError(found.status(), r, ctx);
    json items = json::array();
    for (const SimilarIdea& s : *found) items.push_back(ItemJson(s));
    return web::Json(200, http::WholeListJson(items));
  });
  // The fragment answers 200 with an empty body when there is nothing to
  // show (also for a query too short to judge), so the form stays quiet.
  router.Get("/ideas/similar", [deps](const http::Request& r, Ctx& ctx) {
    auto q = QueryOf(r);
    StatusOr<std::vector<SimilarIdea>> found =
        q.ok() ? deps.similar.Find(ctx.actor, *q) : StatusOr<std::vector<SimilarIdea>>(q.status());
    if (!found.ok() || found->empty()) return http::Response::Html(200, "");
    json items = json::array();
    for (const SimilarIdea& s : *found) {
      items.push_back({{"id", s.idea.id}, {"title", s.idea.title}, {"tag", StageTag(s.idea.stage, ctx)}});
    }
    return http::Response::Html(200, deps.renderer.Fragment("partials/idea_similar", {{"similar", items}}, ctx));
  });
}

}  // namespace nyttig::ideas
