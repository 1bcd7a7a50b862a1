// Pages of the dialogue module for participants: the list of dialogues, the
// voting page (one statement at a time, three real form buttons, progress),
// submitting a statement. Organisers' pages are in organiser_pages.cpp,
// results in results_page.cpp.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "accounts/permissions.h"
#include "core/time_format.h"
#include "dialogue/dialogue_pages.h"
#include "dialogue/permissions.h"
#include "http/paging.h"
#include "web/page.h"

namespace nyttig::dialogue {
namespace {

constexpr int kListPageSize = 20;

// Open dialogues, of one organisation with ?organisation=slug (the link
// from its public front page /o/{slug}/).
http::Response ListPage(const DialogueRouteDeps& deps, const http::Request& r,
                        web::RequestContext& ctx) {
  auto paging = http::ParsePageRequest(r);
  const int page = paging.ok() ? paging->page : 1;
  std::optional<std::int64_t> org;
  std::string slug = r.Query("organisation").value_or("");
  nlohmann::json heading = ctx.T("dialogue.list.title");
  if (!slug.empty()) {
    auto found = deps.organisations.GetOrganisationBySlug(slug);
    if (!found.ok()) return web::ErrorPage(deps.renderer, found.status(), r, ctx);
    org = found->id;
    heading = ctx.T("dialogue.list.title_of", {{"organisation", found->name}});
  }
  auto found = deps.dialogues.ListDialogues(ctx.actor, org, true, {page, kListPageSize});
  if (!found.ok()) return web::ErrorPage(deps.renderer, found.status(), r, ctx);
  nlohmann::json items = nlohmann::json::array();
  for (const Dialogue& d : found->items) items.push_back(DialogueSummary(deps, d, ctx));
  nlohmann::json data = {{"title", heading},
                         {"heading", heading},
                         {"items", items},
                         {"has_items", !items.empty()},
                         {"can_create", !OrganisedOrganisations(ctx.actor).empty()},
                         {"pagination", web::PageLinks(web::PageBase(r), page, found->total, kListPageSize)}};
  return web::HtmlPage(deps.renderer, "dialogue/list", 200, data, r, ctx);
}

nlohmann::json StatementCard(const Statement& s) {
  return {{"id", std::to_string(s.id)}, {"body", s.body}};
}

http::Response VotingPage(const DialogueRouteDeps& deps, const http::Request& r,
                          web::RequestContext& ctx, nlohmann::json extra = nlohmann::json::object()) {
  auto d = deps.dialogues.GetDialogue(ctx.actor, web::PathId(r));
  if (!d.ok()) return web::ErrorPage(deps.renderer, d.status(), r, ctx);
  ParticipantIdentity identity = IdentityOf(r, ctx, d->allow_anonymous);
  auto state = deps.dialogues.Voting(ctx.actor, identity, d->id);
  if (!state.ok()) return web::ErrorPage(deps.renderer, state.status(), r, ctx);
  const UnixSeconds now = deps.dialogues.Now();
  nlohmann::json data = DialogueSummary(deps, *d, ctx);
  data.update({{"title", d->question},
               {"introduction", Optional(d->introduction)},
               {"can_vote", CanVote(ctx.actor, *d, now)},
               {"can_submit", CanSubmitStatement(ctx.actor, *d, now)},
               {"can_moderate", CanModerateDialogue(ctx.actor, *d)},
               {"login_needed", d->IsOpen(now) && !CanVote(ctx.actor, *d, now)},
               {"statement", state->next ? StatementCard(*state->next) : nlohmann::json()},
               {"all_done", !state->next && state->total > 0},
               {"no_statements", state->total == 0},
               {"voted", state->voted},
               {"total", state->total},
               {"progress", ctx.T("dialogue.vote.progress",
                                  {{"voted", std::to_string(state->voted)},
                                   {"total", std::to_string(state->total)}})}});
  if (r.Query("done") == "statement") data["notice"] = ctx.T("dialogue.statement.thanks");
  if (r.Query("done") == "pending") data["notice"] = ctx.T("dialogue.statement.thanks_pending");
  data.update(extra);
  return web::HtmlPage(deps.renderer, "dialogue/vote", 200, data, r, ctx);
}

http::Response VotePost(const DialogueRouteDeps& deps, const http::Request& r,
                        web::RequestContext& ctx) {
  web::FormFields form = web::ParseForm(r);
  const DialogueId id = web::PathId(r);
  auto vote = ParseVote(form["vote"]);
  char* end = nullptr;
  const long long statement = std::strtoll(form["statement_id"].c_str(), &end, 10);
  if (!vote || statement < 1 || *end != '\0') {
    return web::ErrorPage(deps.renderer, InvalidArgumentError("dialogue.vote.invalid"), r, ctx);
  }
  auto cast = deps.dialogues.CastVote(ctx.actor, IdentityOf(r, ctx, true), id, statement, *vote);
  if (!cast.ok()) return web::ErrorPage(deps.renderer, cast.status(), r, ctx);
  return http::Response::Redirect("/dialogues/" + std::to_string(id), 303);
}

http::Response StatementForm(const DialogueRouteDeps& deps, const http::Request& r,
                             web::RequestContext& ctx, int status = 200,
                             nlohmann::json extra = nlohmann::json::object()) {
  auto d = deps.dialogues.GetDialogue(ctx.actor, web::PathId(r));
  if (!d.ok()) return web::ErrorPage(deps.renderer, d.status(), r, ctx);
  if (!CanSubmitStatement(ctx.actor, *d, deps.dialogues.Now())) {
    return web::ErrorPage(deps.renderer,
                          accounts::DenyAccess(ctx.actor, "dialogue.statement.not_allowed"), r, ctx);
  }
  nlohmann::json data = DialogueSummary(deps, *d, ctx);
  data.update({{"title", ctx.T("dialogue.statement.title")},
               {"max_chars", std::to_string(d->max_statement_chars)},
               {"pre_moderation", d->moderation == Moderation::kPre},
               {"body", ""}});
  data.update(extra);
  return web::HtmlPage(deps.renderer, "dialogue/statement_new", status, data, r, ctx);
}

http::Response StatementPost(const DialogueRouteDeps& deps, const http::Request& r,
                             web::RequestContext& ctx) {
  web::FormFields form = web::ParseForm(r);
  const DialogueId id = web::PathId(r);
  auto s = deps.dialogues.SubmitStatement(ctx.actor, IdentityOf(r, ctx, true), id, form["body"]);
  if (!s.ok()) {
    if (s.status().code() != StatusCode::kInvalidArgument) {
      return web::ErrorPage(deps.renderer, s.status(), r, ctx);
    }
    nlohmann::json errors = web::FormErrors(s.status(), ctx);
    errors["body"] = form["body"];
    return StatementForm(deps, r, ctx, 400, errors);
  }
  const char* done = s->state == StatementState::kPending ? "pending" : "statement";
  return http::Response::Redirect("/dialogues/" + std::to_string(id) + "?done=" + done, 303);
}

}  // namespace

nlohmann::json Optional(const std::string& text) {
  return text.empty() ? nlohmann::json() : nlohmann::json(text);
}

std::vector<std::int64_t> OrganisedOrganisations(const accounts::Actor& actor) {
  std::vector<std::int64_t> out;
  for (const accounts::Membership& m : actor.memberships) {
    if (CanCreateDialogue(actor, m.organisation_id) &&
        std::find(out.begin(), out.end(), m.organisation_id) == out.end()) {
      out.push_back(m.organisation_id);
    }
  }
  return out;
}

nlohmann::json DialogueSummary(const DialogueRouteDeps& deps, const Dialogue& d,
                               const web::RequestContext& ctx) {
  auto org = deps.organisations.GetOrganisation(d.organisation_id);
  const UnixSeconds now = deps.dialogues.Now();
  return {{"id", std::to_string(d.id)},
          {"dialogue_id", std::to_string(d.id)},  // for links inside sections with their own id
          {"question", d.question},
          {"organisation", org.ok() ? org->name : ""},
          {"organisation_slug", org.ok() ? org->slug : ""},
          {"is_open", d.IsOpen(now)},
          {"status", ctx.T(d.IsOpen(now) ? "dialogue.status.open" : "dialogue.status.closed")},
          {"closes_at", d.closes_at ? nlohmann::json(FormatLastDay(*d.closes_at))
                                    : nlohmann::json()}};
}

void RegisterDialoguePages(web::Router& router, const DialogueRouteDeps& deps) {
  router.Get("/dialogues", [deps](const http::Request& r, web::RequestContext& ctx) {
    return ListPage(deps, r, ctx);
  });
  router.Get("/dialogues/{id:int}", [deps](const http::Request& r, web::RequestContext& ctx) {
    return VotingPage(deps, r, ctx);
  });
  router.Post("/dialogues/{id:int}/vote", [deps](const http::Request& r,
                                                 web::RequestContext& ctx) {
    return VotePost(deps, r, ctx);
  });
  router.Get("/dialogues/{id:int}/statements/new", [deps](const http::Request& r,
                                                          web::RequestContext& ctx) {
    return StatementForm(deps, r, ctx);
  });
  router.Post("/dialogues/{id:int}/statements", [deps](const http::Request& r,
                                                       web::RequestContext& ctx) {
    return StatementPost(deps, r, ctx);
  });
  RegisterResultsPage(router, deps);
  RegisterOrganiserPages(router, deps);
}

}  // namespace nyttig::dialogue
