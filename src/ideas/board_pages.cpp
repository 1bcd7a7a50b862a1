// The coordinator board (/ideas/board): the organisation's pipeline as
// columns, one card per idea. Each card carries a real form — target stage,
// reason, button — that posts the move through IdeaService::MoveIdea, so the
// board works by keyboard and without JavaScript; nothing depends on
// dragging. A refused move shows the board again with the problem on top.
#include "accounts/permissions.h"
#include "http/problem.h"
#include "ideas/idea_page_support.h"
#include "ideas/idea_permissions.h"
#include "ideas/participation_permissions.h"
#include "ideas/participation_routes.h"
#include "web/page.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;
using Ctx = web::RequestContext;

constexpr int kCardsPerColumn = 50;

// The organisation asked for (?org=), or the first one the reader may use the board of.
std::optional<OrganisationId> BoardOrganisation(const http::Request& r, const Ctx& ctx) {
  if (auto org = r.Query("org"); org && !org->empty()) {
    char* end = nullptr;
    long long id = std::strtoll(org->c_str(), &end, 10);
    if (end && *end == '\0' && id > 0) return id;
    return std::nullopt;
  }
  for (const accounts::Membership& m : ctx.actor.memberships) {
    if (CanUseBoard(ctx.actor, m.organisation_id)) return m.organisation_id;
  }
  if (ctx.actor.service_organisation) return ctx.actor.service_organisation;
  return std::nullopt;
}

StatusOr<json> Columns(const ParticipationRouteDeps& deps, const Ctx& ctx, OrganisationId org,
                       const std::vector<Stage>& pipeline) {
  json columns = json::array();
  const UnixSeconds now = deps.clock.Now();
  for (const Stage& stage : pipeline) {
    IdeaFilter filter{.organisation_id = org, .stage_id = stage.id,
                      .sort = IdeaSort::kRecentlyMoved, .limit = kCardsPerColumn};
    ASSIGN_OR_RETURN(IdeaPage page, deps.ideas.ListIdeas(ctx.actor, filter));
    json cards = json::array();
    for (const Idea& idea : page.items) {
      json moves = MoveOptions(idea, pipeline, ctx);
      cards.push_back({{"idea_id", idea.id}, {"title", idea.title},
                       {"days", ctx.T("ideas.days_in_stage",
                                      {{"days", std::to_string(DaysBetween(idea.stage_since, now))}})},
                       {"moves", moves}, {"can_move", !moves.empty()}});
    }
    columns.push_back({{"stage_id", stage.id}, {"name", StageLabel(stage, ctx)},
                       {"kind", StageKindName(stage.kind)},
                       {"count", ctx.T("ideas.board.count", {{"count", std::to_string(page.total)}})},
                       {"more", page.total > kCardsPerColumn}, {"cards", cards},
                       {"empty", cards.empty()}});
  }
  return columns;
}

http::Response Board(const ParticipationRouteDeps& deps, const http::Request& r, Ctx& ctx,
                     int status = 200, const Status& problem = Status::Ok()) {
  std::optional<OrganisationId> org = BoardOrganisation(r, ctx);
  if (!org || !CanUseBoard(ctx.actor, *org)) {
    return web::ErrorPage(deps.renderer, accounts::DenyAccess(ctx.actor, "ideas.board.denied"), r, ctx);
  }
  auto pipeline = deps.ideas.GetPipeline(*org);
  if (!pipeline.ok()) return web::ErrorPage(deps.renderer, pipeline.status(), r, ctx);
  auto columns = Columns(deps, ctx, *org, *pipeline);
  if (!columns.ok()) return web::ErrorPage(deps.renderer, columns.status(), r, ctx);
  json data = json::object();
  if (!problem.ok()) {
    data = {{"has_errors", true},
            {"error_summary", json::array({{{"href", "#board"}, {"text", web::ErrorText(problem, ctx)}}})}};
  }
  auto organisation = deps.organisations.GetOrganisation(*org);
  data.update({{"title", ctx.T("ideas.board.title")},
               {"organisation", organisation.ok() ? organisation->name : ""},
               {"org", *org},
               {"columns", *columns}});
  if (r.Query("done") == "moved") data["notice"] = ctx.T("ideas.board.moved");
  return web::HtmlPage(deps.renderer, "ideas_board", status, data, r, ctx);
}

http::Response PostMove(const ParticipationRouteDeps& deps, const http::Request& r, Ctx& ctx) {
  web::FormFields form = web::ParseForm(r);
  const IdeaId idea = std::atoll(form["idea_id"].c_str());
  auto moved = deps.ideas.MoveIdea(ctx.actor, idea, std::atoll(form["stage_id"].c_str()),
                                   form["reason"]);
  if (!moved.ok()) {
    if (moved.status().code() == StatusCode::kUnauthenticated) {
      return web::ErrorPage(deps.renderer, moved.status(), r, ctx);
    }
    return Board(deps, r, ctx, http::HttpStatusFor(moved.status().code()), moved.status());
  }
  return http::Response::Redirect("/ideas/board?org=" + std::to_string(moved->organisation_id) +
                                      "&done=moved#idea-" + std::to_string(idea),
                                  303);
}

}  // namespace

void RegisterBoardPages(web::Router& router, const ParticipationRouteDeps& deps) {
  router.Get("/ideas/board", [deps](const http::Request& r, Ctx& ctx) { return Board(deps, r, ctx); });
  router.Post("/ideas/board/move", [deps](const http::Request& r, Ctx& ctx) {
    return PostMove(deps, r, ctx);
  });
}

}  // namespace nyttig::ideas
