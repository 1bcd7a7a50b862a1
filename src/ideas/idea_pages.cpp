// Staff pages of the ideas module: the list with filters (/ideas, and
// /me/ideas for one's own), an idea's page with its place in the pipeline,
// timeline and the forms of those who may act (move, feedback, unpublish),
// and the submit and edit forms.
#include <set>

#include "charts/chart.h"
#include "http/paging.h"
#include "http/problem.h"
#include "ideas/idea_page_support.h"
#include "ideas/idea_permissions.h"
#include "ideas/routes.h"
#include "web/markdown.h"
#include "web/page.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;

json Optional(const std::string& text) { return text.empty() ? json() : json(text); }

json Choice(const std::string& value, const std::string& label, const std::string& selected) {
  return {{"value", value}, {"label", label}, {"selected", value == selected}};
}

template <std::size_t N>
json CodeChoices(const std::string& field, const std::string_view (&codes)[N],
                 const std::string& selected, const web::RequestContext& ctx) {
  json out = json::array();
  for (std::string_view code : codes) {
    out.push_back(Choice(std::string(code), ctx.T("ideas." + field + "." + std::string(code)), selected));
  }
  return out;
}

json FilterJson(const http::Request& r, const web::RequestContext& ctx) {
  json kinds = json::array();
  for (StageKind k : kAllStageKinds) {
    std::string code(StageKindName(k));
    kinds.push_back(Choice(code, ctx.T("ideas.stage_kind." + code), r.Query("stage_kind").value_or("")));
  }
  json sdgs = json::array();
  for (int goal = 1; goal <= kSdgCount; ++goal) {
    sdgs.push_back(Choice(std::to_string(goal), ctx.T("ideas.sdg." + std::to_string(goal)), r.Query("sdg").value_or("")));
  }
  json sorts = json::array();
  for (const char* s : {"newest", "oldest", "title", "stage", "moved"}) {
    sorts.push_back(Choice(s, ctx.T(std::string("ideas.sort.") + s), r.Query("sort").value_or("newest")));
  }
  return {{"stage_kinds", kinds},
          {"areas", CodeChoices("area", kAreas, r.Query("area").value_or(""), ctx)},
          {"value_types", CodeChoices("value_types", kValueTypes, r.Query("value_type").value_or(""), ctx)},
          {"sdgs", sdgs},
          {"sorts", sorts}};
}

// The organisations to filter by (the first kOrganisationChoices by name).
json OrganisationChoices(const IdeaRouteDeps& deps, const http::Request& r) {
  constexpr int kOrganisationChoices = 200;
  json out = json::array();
  auto orgs = deps.organisations.SearchOrganisations("", std::nullopt, {1, kOrganisationChoices});
  if (!orgs.ok()) return out;
  const std::string selected = r.Query("organisation_id").value_or("");
  for (const accounts::Organisation& o : orgs->items) out.push_back(Choice(std::to_string(o.id), o.name, selected));
  return out;
}

json CardJson(const Idea& idea, const web::RequestContext& ctx, UnixSeconds now) {
  return {{"id", idea.id},
          {"title", idea.title},
          {"organisation", idea.organisation_name},
          {"tag", StageTag(idea.stage, ctx)},
          {"area", idea.area.empty() ? json() : json(ctx.T("ideas.area." + idea.area))},
          {"days_in_stage", ctx.T("ideas.days_in_stage", {{"days", std::to_string(DaysBetween(idea.stage_since, now))}})},
          {"unpublished", idea.unpublished_at.has_value()}};
}

http::Response ListPage(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx,
                        bool mine) {
  auto filter = ParseIdeaFilter(r, ctx.actor, deps.clock.Now());
  if (!filter.ok()) return web::ErrorPage(deps.renderer, filter.status(), r, ctx);
  if (mine) {
    if (!ctx.actor.person_id) return web::ErrorPage(deps.renderer, UnauthenticatedError("accounts.login.required"), r, ctx);
    filter->mine = ctx.actor.person_id;
  }
  auto page = deps.ideas.ListIdeas(ctx.actor, *filter);
  if (!page.ok()) return web::ErrorPage(deps.renderer, page.status(), r, ctx);
  json items = json::array();
  for (const Idea& idea : page->items) items.push_back(CardJson(idea, ctx, deps.clock.Now()));
  const int page_number = int(filter->offset / filter->limit) + 1;
  json data = {{"title", ctx.T(mine ? "ideas.mine.title" : "ideas.list.title")},
               {"mine", mine},
               {"action", r.path},
               {"filters", FilterJson(r, ctx)},
               {"organisations", OrganisationChoices(deps, r)},
               {"items", items},
               {"has_items", !items.empty()},
               {"count", ctx.T(page->total_capped ? "ideas.list.count_capped" : "ideas.list.count",
                               {{"count", charts::FormatNumber(double(page->total), ctx.language != "en", 0)}})},
               {"can_submit", !ctx.actor.memberships.empty()},
               {"is_coordinator", !ViewerOf(ctx.actor).coordinator_of.empty()},
               {"overdue", r.Query("overdue") == "true"},
               {"pagination", page->total_capped
                                  ? web::OpenPageLinks(web::PageBase(r), page_number,
                                                       int(page->items.size()) == filter->limit)
                                  : web::PageLinks(web::PageBase(r), page_number, page->total, filter->limit)}};
  return web::HtmlPage(deps.renderer, "ideas/list", 200, data, r, ctx);
}

json SummaryRows(const Idea& idea, const std::vector<Stage>& pipeline, const web::RequestContext& ctx,
                 UnixSeconds now) {
  json rows = json::array();
  auto row = [&](const std::string& key, const std::string& value) {
    if (!value.empty()) rows.push_back({{"key", ctx.T(key)}, {"value", value}});
  };
  row("ideas.summary.organisation", idea.organisation_name);
  row("ideas.summary.challenge", idea.challenge_title);
  row("ideas.summary.stage", StageLabel(idea.stage, ctx));
  row("ideas.summary.in_stage_since",
      ctx.T("ideas.summary.since_days", {{"date", HumanDate(idea.stage_since, ctx)},
                                         {"days", std::to_string(DaysBetween(idea.stage_since, now))}}));
  const char* next = WhoActsNext(idea, pipeline) == NextActor::kDecisionMaker ? "ideas.next.decision_maker"
                     : WhoActsNext(idea, pipeline) == NextActor::kCoordinator ? "ideas.next.coordinator"
                                                                              : "ideas.next.nobody";
  row("ideas.summary.next", ctx.T(next));
  row("ideas.summary.owner", idea.owner_name);
  if (idea.feedback_due_at && !idea.feedback_given_at) {
    row("ideas.summary.feedback_due", HumanDate(*idea.feedback_due_at, ctx));
  }
  row("ideas.summary.registration_number", idea.registration_number);
  if (idea.received_at) row("ideas.summary.received_at", HumanDate(*idea.received_at, ctx));
  std::string authors;
  for (const Author& a : idea.authors) authors += (authors.empty() ? "" : ", ") + a.display_name;
  row("ideas.summary.authors", idea.anonymous ? ctx.T("ideas.anonymous") : authors);
  return rows;
}

std::string Labels(const std::string& field, const std::vector<std::string>& codes, const web::RequestContext& ctx) {
  std::string out;
  for (const std::string& code : codes) out += (out.empty() ? "" : ", ") + ctx.T("ideas." + field + "." + code);
  return out;
}

json DetailRows(const Idea& idea, const web::RequestContext& ctx) {
  json rows = json::array();
  auto row = [&](const std::string& field, const std::string& value) {
    if (!value.empty()) rows.push_back({{"key", ctx.T("ideas.field." + field)}, {"value", value}});
  };
  auto code = [&](const std::string& field, const std::string& value) {
    if (!value.empty()) row(field, ctx.T("ideas." + field + "." + value));
  };
  row("need_who", idea.need_who);
  row("need_how_often", idea.need_how_often);
  row("need_cost", idea.need_cost);
  row("beneficiaries", Labels("beneficiaries", idea.beneficiaries, ctx));
  row("value_types", Labels("value_types", idea.value_types, ctx));
  row("value_estimate", idea.value_estimate);
  code("novelty", idea.novelty);
  code("origin", idea.origin);
  row("source_url", idea.source_url);
  code("step", idea.step);
  code("idea_type", idea.idea_type);
  row("triggers", Labels("triggers", idea.triggers, ctx));
  code("area", idea.area);
  std::vector<std::string> goals;
  for (int goal : idea.sdgs) goals.push_back(std::to_string(goal));
  row("sdgs", Labels("sdg", goals, ctx));
  row("visibility", ctx.T("ideas.visibility." + std::string(VisibilityName(idea.visibility))));
  return rows;
}

json TimelineJson(const std::vector<IdeaEvent>& events, const web::RequestContext& ctx) {
  json out = json::array();
  for (auto it = events.rbegin(); it != events.rend(); ++it) {  // newest first
    const IdeaEvent& e = *it;
    std::string who = e.actor_name.empty() ? ctx.T("ideas.anonymous") : e.actor_name;
    out.push_back({{"date", HumanDate(e.occurred_at, ctx)},
                   {"text", ctx.T("ideas.event." + std::string(EventKindName(e.kind)),
                                  {{"who", who},
                                   {"from", StageLabel(e.from_stage_key, e.from_stage_name, ctx)},
                                   {"to", StageLabel(e.to_stage_key, e.to_stage_name, ctx)}})},
                   {"detail", Optional(e.text)}});
  }
  return out;
}

http::Response ShowPage(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx,
                        int status = 200, json extra = json::object()) {
  auto idea = deps.ideas.GetIdea(ctx.actor, web::PathId(r));
  if (!idea.ok()) return web::ErrorPage(deps.renderer, idea.status(), r, ctx);
  auto pipeline = deps.ideas.GetPipeline(idea->organisation_id);
  auto history = deps.ideas.History(ctx.actor, idea->id);
  auto attachments = deps.ideas.ListAttachments(ctx.actor, idea->id);
  if (!pipeline.ok() || !history.ok() || !attachments.ok()) {
    return web::ErrorPage(deps.renderer, !pipeline.ok() ? pipeline.status() : history.ok() ? attachments.status() : history.status(), r, ctx);
  }
  json files = json::array();
  for (const Attachment& a : *attachments) {
    files.push_back({{"name", a.file_name}, {"size_kb", std::to_string((a.size + 1023) / 1024)},
                     {"href", "/ideas/" + std::to_string(idea->id) + "/attachments/" + std::to_string(a.id)}});
  }
  json pilots = json::array();
  if (deps.linked_pilots) {
    auto linked = deps.linked_pilots(ctx, idea->id);
    if (!linked.ok()) return web::ErrorPage(deps.renderer, linked.status(), r, ctx);
    for (const LinkedRecord& p : *linked) {
      pilots.push_back({{"title", p.title}, {"url", p.url}, {"status", p.status}});
    }
  }
  json moves = MoveOptions(*idea, *pipeline, ctx);
  json data = {{"pilots", pilots},
               {"has_pilots", !pilots.empty()},
               {"title", idea->title},
               {"id", idea->id},
               {"tag", StageTag(idea->stage, ctx)},
               {"summary", SummaryRows(*idea, *pipeline, ctx, deps.clock.Now())},
               {"need", idea->need},
               {"solution", idea->solution},
               {"description_html", Optional(web::RenderMarkdown(idea->description))},
               {"details", DetailRows(*idea, ctx)},
               {"timeline", TimelineJson(*history, ctx)},
               {"attachments", files},
               {"has_attachments", !files.empty()},
               {"move_options", moves},
               {"can_move", !moves.empty()},
               {"can_feedback", CanGiveFeedback(ctx.actor, *idea)},
               {"can_edit", CanEditIdea(ctx.actor, *idea)},
               {"can_unpublish", CanUnpublishIdea(ctx.actor, *idea)},
               {"unpublished", idea->unpublished_at.has_value()}};
  if (auto done = r.Query("done"); done && ctx.messages->Has("ideas.done." + *done)) {
    data["notice"] = ctx.T("ideas.done." + *done, {{"stage", StageLabel(idea->stage, ctx)}});
  }
  data.update(extra);
  return web::HtmlPage(deps.renderer, "ideas/show", status, data, r, ctx);
}

// A refused form post: the idea's page again with the problems, what was typed kept.
http::Response ShowWithErrors(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx,
                              const Status& status, json form) {
  if (status.code() == StatusCode::kNotFound || status.code() == StatusCode::kUnauthenticated) {
    return web::ErrorPage(deps.renderer, status, r, ctx);
  }
  json extra = web::FormErrors(status, ctx);
  extra["form"] = std::move(form);
  return ShowPage(deps, r, ctx, http::HttpStatusFor(status.code()), extra);
}

http::Response PostMove(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  web::FormFields form = web::ParseForm(r);
  std::int64_t stage = std::atoll(form["stage_id"].c_str());
  auto moved = deps.ideas.MoveIdea(ctx.actor, web::PathId(r), stage, form["reason"]);
  if (!moved.ok()) return ShowWithErrors(deps, r, ctx, moved.status(), {{"reason", form["reason"]}});
  return http::Response::Redirect("/ideas/" + r.Param("id") + "?done=moved", 303);
}

http::Response PostFeedback(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  web::FormFields form = web::ParseForm(r);
  auto done = deps.ideas.RecordFeedback(ctx.actor, web::PathId(r), form["text"]);
  if (!done.ok()) return ShowWithErrors(deps, r, ctx, done.status(), {{"text", form["text"]}});
  return http::Response::Redirect("/ideas/" + r.Param("id") + "?done=feedback", 303);
}

http::Response PostPublication(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  web::FormFields form = web::ParseForm(r);
  bool publish = form["published"] == "yes";
  auto done = deps.ideas.SetPublished(ctx.actor, web::PathId(r), publish, form["publication_reason"]);
  if (!done.ok()) return ShowWithErrors(deps, r, ctx, done.status(), {{"publication_reason", form["publication_reason"]}});
  return http::Response::Redirect("/ideas/" + r.Param("id") + "?done=" + (publish ? "published" : "unpublished"), 303);
}

}  // namespace

// Defined in idea_form_pages.cpp.
void RegisterIdeaFormPages(web::Router& router, const IdeaRouteDeps& deps);

void RegisterIdeaPages(web::Router& router, const IdeaRouteDeps& deps) {
  router.Get("/ideas", [deps](const http::Request& r, web::RequestContext& ctx) {
    return ListPage(deps, r, ctx, false);
  });
  router.Get("/me/ideas", [deps](const http::Request& r, web::RequestContext& ctx) {
    return ListPage(deps, r, ctx, true);
  });
  router.Get("/ideas/{id:int}", [deps](const http::Request& r, web::RequestContext& ctx) {
    return ShowPage(deps, r, ctx);
  });
  router.Post("/ideas/{id:int}/move", [deps](const http::Request& r, web::RequestContext& ctx) {
    return PostMove(deps, r, ctx);
  });
  router.Post("/ideas/{id:int}/feedback", [deps](const http::Request& r, web::RequestContext& ctx) {
    return PostFeedback(deps, r, ctx);
  });
  router.Post("/ideas/{id:int}/publication", [deps](const http::Request& r, web::RequestContext& ctx) {
    return PostPublication(deps, r, ctx);
  });
  router.Get("/ideas/{id:int}/attachments/{attachment_id:int}",
             [deps](const http::Request& r, web::RequestContext& ctx) {
               auto file = deps.ideas.GetAttachment(ctx.actor, web::PathId(r), web::PathId(r, "attachment_id"));
               if (!file.ok()) return web::ErrorPage(deps.renderer, file.status(), r, ctx);
               http::Response out = http::Response::Text(200, std::move(file->second), file->first.content_type);
               out.headers.Set("Content-Disposition",
                               "attachment; filename=\"attachment-" + std::to_string(file->first.id) + "\"");
               return out;
             });
  RegisterIdeaFormPages(router, deps);
}

}  // namespace nyttig::ideas
