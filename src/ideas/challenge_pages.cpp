// Challenge pages: the list (/challenges, with the invitations waiting for
// the reader's organisations), a challenge's page (/challenges/{id}: the
// question, period, hosts, criteria, what to do now, the ideas sent in and,
// once decided, the results), and its actions (publish, answer an
// invitation). The forms are in challenge_form_pages.cpp.
#include "http/paging.h"
#include "ideas/challenge_permissions.h"
#include "ideas/challenge_routes.h"
#include "ideas/idea_page_support.h"
#include "web/markdown.h"
#include "web/page.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;
using Ctx = web::RequestContext;

constexpr int kIdeasShown = 30;

json PhaseTag(const Challenge& c, UnixSeconds now, const Ctx& ctx) {
  std::string phase(ChallengePhaseName(c.PhaseAt(now)));
  return {{"kind", "challenge-" + phase}, {"label", ctx.T("challenges.phase." + phase)}};
}

std::string HostNames(const Challenge& c) {
  std::string out;
  for (const ChallengeHost& h : c.hosts) {
    if (h.accepted()) out += (out.empty() ? "" : ", ") + h.name;
  }
  return out;
}

std::string Period(const Challenge& c, const Ctx& ctx) {
  return ctx.T("challenges.period", {{"opens", HumanDate(c.opens_at, ctx)},
                                     {"closes", HumanDate(c.closes_at - 1, ctx)}});
}

json CardJson(const Challenge& c, UnixSeconds now, const Ctx& ctx) {
  return {{"id", c.id},
          {"title", c.title},
          {"question", c.question},
          {"tag", PhaseTag(c, now, ctx)},
          {"hosts", HostNames(c)},
          {"period", Period(c, ctx)}};
}

json PhaseChoices(const http::Request& r, const Ctx& ctx) {
  json out = json::array();
  const std::string selected = r.Query("phase").value_or("");
  for (const char* phase : {"open", "upcoming", "closed", "decided", "draft"}) {
    out.push_back({{"value", phase},
                   {"label", ctx.T(std::string("challenges.phase.") + phase)},
                   {"selected", selected == phase}});
  }
  return out;
}

// ?organisation= takes an id or a slug (the organisation front links by slug).
StatusOr<ChallengeFilter> PageFilter(const ChallengeRouteDeps& deps, const http::Request& r) {
  ASSIGN_OR_RETURN(http::PageRequest paging, http::ParsePageRequest(r));
  ChallengeFilter filter{.offset = paging.offset(), .limit = paging.limit};
  if (auto org = r.Query("organisation"); org && !org->empty()) {
    ASSIGN_OR_RETURN(accounts::Organisation o, deps.organisations.ResolveOrganisation(*org));
    filter.organisation_id = o.id;
  }
  if (auto phase = r.Query("phase"); phase && !phase->empty()) {
    filter.phase = ParseChallengePhase(*phase);
    if (!filter.phase) return InvalidParameterError("phase", "ideas.code.invalid", *phase);
  }
  return filter;
}

json InvitationsJson(const ChallengeRouteDeps& deps, const Ctx& ctx) {
  json out = json::array();
  auto pending = deps.challenges.Invitations(ctx.actor);
  if (!pending.ok()) return out;
  for (const Challenge& c : *pending) {
    const ChallengeHost* invited = InvitationFor(ctx.actor, c);
    if (!invited) continue;
    const ChallengeHost* lead = c.Lead();
    out.push_back({{"id", c.id}, {"title", c.title}, {"organisation_id", invited->organisation_id},
                   {"text", ctx.T("challenges.invitation.text",
                                  {{"lead", lead ? lead->name : ""}, {"organisation", invited->name}})}});
  }
  return out;
}

bool CoordinatesAny(const accounts::Actor& actor) { return !ViewerOf(actor).coordinator_of.empty(); }

http::Response ListPage(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx) {
  auto filter = PageFilter(deps, r);
  if (!filter.ok()) return web::ErrorPage(deps.renderer, filter.status(), r, ctx);
  auto page = deps.challenges.ListChallenges(ctx.actor, *filter);
  if (!page.ok()) return web::ErrorPage(deps.renderer, page.status(), r, ctx);
  const UnixSeconds now = deps.clock.Now();
  json items = json::array();
  for (const Challenge& c : page->items) items.push_back(CardJson(c, now, ctx));
  json invitations = InvitationsJson(deps, ctx);
  json data = {{"title", ctx.T("challenges.list.title")},
               {"phases", PhaseChoices(r, ctx)},
               {"organisation", r.Query("organisation").value_or("")},
               {"items", items},
               {"has_items", !items.empty()},
               {"count", ctx.T("challenges.list.count", {{"count", std::to_string(page->total)}})},
               {"can_create", CoordinatesAny(ctx.actor)},
               {"invitations", invitations},
               {"has_invitations", !invitations.empty()},
               {"pagination", web::PageLinks(web::PageBase(r), int(filter->offset / filter->limit) + 1,
                                             page->total, filter->limit)}};
  if (r.Query("done") == "declined") data["notice"] = ctx.T("challenges.done.declined");
  return web::HtmlPage(deps.renderer, "challenges/list", 200, data, r, ctx);
}

json SummaryRows(const Challenge& c, std::int64_t idea_count, const Ctx& ctx) {
  json rows = json::array();
  auto row = [&](const std::string& key, const std::string& value) {
    if (!value.empty()) rows.push_back({{"key", ctx.T(key)}, {"value", value}});
  };
  row("challenges.summary.hosts", HostNames(c));
  row("challenges.summary.period", Period(c, ctx));
  row("challenges.summary.target_group", c.target_group);
  row("challenges.summary.audience",
      ctx.T("challenges.audience." + std::string(ChallengeAudienceName(c.audience))));
  row("challenges.summary.ideas", std::to_string(idea_count));
  return rows;
}

json IdeaCards(const std::vector<Idea>& ideas, const Ctx& ctx) {
  json out = json::array();
  for (const Idea& idea : ideas) {
    out.push_back({{"id", idea.id}, {"title", idea.title}, {"organisation", idea.organisation_name},
                   {"tag", StageTag(idea.stage, ctx)}});
  }
  return out;
}

json ResultsJson(const Challenge& c) {
  if (!c.results_published_at) return json();
  json awards = json::array();
  for (const ChallengeAward& a : c.awards) {
    awards.push_back({{"idea_id", a.idea_id}, {"idea_title", a.idea_title}, {"title", a.title},
                      {"motivation", a.motivation}});
  }
  return {{"html", web::RenderMarkdown(c.results)}, {"awards", awards},
          {"has_awards", !awards.empty()}};
}

// What the reader can do now, in words and one action.
json NextStep(const Challenge& c, const Ctx& ctx, UnixSeconds now) {
  const std::string id = std::to_string(c.id);
  switch (c.PhaseAt(now)) {
    case ChallengePhase::kOpen:
      if (CanSubmitToChallenge(ctx.actor, c, now)) {
        return {{"text", ctx.T("challenges.next.open", {{"closes", HumanDate(c.closes_at - 1, ctx)}})},
                {"href", "/challenges/" + id + "/ideas/new"},
                {"action", ctx.T("challenges.next.submit")}};
      }
      if (!ctx.actor.person_id) {
        return {{"text", ctx.T("challenges.next.login")},
                {"href", "/login?next=/challenges/" + id},
                {"action", ctx.T("challenges.next.login_action")}};
      }
      return {{"text", ctx.T("challenges.next.not_for_you")}};
    case ChallengePhase::kUpcoming:
      return {{"text", ctx.T("challenges.next.upcoming", {{"opens", HumanDate(c.opens_at, ctx)}})}};
    case ChallengePhase::kClosed: return {{"text", ctx.T("challenges.next.closed")}};
    case ChallengePhase::kDecided: return {{"text", ctx.T("challenges.next.decided")}};
    case ChallengePhase::kDraft: break;
  }
  return {{"text", ctx.T("challenges.next.draft")}};
}

http::Response ShowPage(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx) {
  auto c = deps.challenges.GetChallenge(ctx.actor, web::PathId(r));
  if (!c.ok()) return web::ErrorPage(deps.renderer, c.status(), r, ctx);
  const UnixSeconds now = deps.clock.Now();
  auto ideas = deps.ideas.ListIdeas(ctx.actor, {.challenge_id = c->id, .limit = kIdeasShown});
  if (!ideas.ok()) return web::ErrorPage(deps.renderer, ideas.status(), r, ctx);
  json criteria = json::array();
  for (const ChallengeCriterion& k : c->criteria) {
    criteria.push_back({{"name", k.name}, {"description", k.description}});
  }
  const ChallengeHost* invited = InvitationFor(ctx.actor, *c);
  json invitation = invited ? json{{"organisation_id", invited->organisation_id}, {"name", invited->name}}
                            : json();
  json data = {{"title", c->title},
               {"id", c->id},
               {"question", c->question},
               {"tag", PhaseTag(*c, now, ctx)},
               {"summary", SummaryRows(*c, ideas->total, ctx)},
               {"description_html", web::RenderMarkdown(c->description)},
               {"criteria", criteria},
               {"has_criteria", !criteria.empty()},
               {"next_step", NextStep(*c, ctx, now)},
               {"ideas", IdeaCards(ideas->items, ctx)},
               {"has_ideas", !ideas->items.empty()},
               {"more_ideas", ideas->total > kIdeasShown},
               {"results", ResultsJson(*c)},
               {"can_edit", CanEditChallenge(ctx.actor, *c, now)},
               {"can_publish", CanManageChallenge(ctx.actor, *c) && !c->published_at && c->closes_at > now},
               {"can_publish_results", CanPublishChallengeResults(ctx.actor, *c, now)},
               {"invitation", invitation}};
  if (auto done = r.Query("done"); done && !done->empty()) {
    data["notice"] = ctx.T("challenges.done." + *done);
  }
  return web::HtmlPage(deps.renderer, "challenges/show", 200, data, r, ctx);
}

http::Response Redirect(const http::Request& r, const std::string& done) {
  return http::Response::Redirect("/challenges/" + r.Param("id") + "?done=" + done, 303);
}

http::Response Publish(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx) {
  auto c = deps.challenges.PublishChallenge(ctx.actor, web::PathId(r));
  if (!c.ok()) return web::ErrorPage(deps.renderer, c.status(), r, ctx);
  return Redirect(r, "published");
}

http::Response Answer(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx) {
  web::FormFields form = web::ParseForm(r);
  const bool accept = form["answer"] == "accept";
  auto c = deps.challenges.AnswerInvitation(ctx.actor, web::PathId(r),
                                            std::atoll(form["organisation_id"].c_str()), accept);
  if (!c.ok()) return web::ErrorPage(deps.renderer, c.status(), r, ctx);
  if (!accept) return http::Response::Redirect("/challenges?done=declined", 303);
  return Redirect(r, "accepted");
}

}  // namespace

void RegisterChallengePages(web::Router& router, const ChallengeRouteDeps& deps) {
  router.Get("/challenges", [deps](const http::Request& r, Ctx& ctx) { return ListPage(deps, r, ctx); });
  router.Get("/challenges/{id:int}", [deps](const http::Request& r, Ctx& ctx) {
    return ShowPage(deps, r, ctx);
  });
  router.Post("/challenges/{id:int}/publish", [deps](const http::Request& r, Ctx& ctx) {
    return Publish(deps, r, ctx);
  });
  router.Post("/challenges/{id:int}/invitation", [deps](const http::Request& r, Ctx& ctx) {
    return Answer(deps, r, ctx);
  });
}

}  // namespace nyttig::ideas
