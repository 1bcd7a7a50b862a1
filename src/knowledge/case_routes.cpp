// Pages of the case bank: /cases (the bank's start page: recently
// published, most adopted, and the filtered list), /cases/new, /cases/{id}
// (the case, its results, its spread and the adoption form), review
// actions, the version history, and recording or withdrawing an adoption.
#include <limits>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "core/time_format.h"
#include "http/paging.h"
#include "knowledge/permissions.h"
#include "knowledge/routes.h"
#include "web/page.h"

namespace nyttig::knowledge {
namespace {

using nlohmann::json;
constexpr int kBankPageSize = 20;
constexpr int kHighlights = 5;

json Optional(const std::string& text) { return text.empty() ? json() : json(text); }

json CaseSummary(const Case& c, const web::RequestContext& ctx) {
  return {{"id", c.id},
          {"title", c.content.title},
          {"summary", Optional(c.content.summary)},
          {"organisation", c.organisation_name},
          {"state", ctx.T("knowledge.case.state." + std::string(CaseStateName(c.state)))},
          {"published", c.state == CaseState::kPublished},
          {"adoptions", c.adoption_count}};
}

json Summaries(const std::vector<Case>& cases, const web::RequestContext& ctx) {
  json items = json::array();
  for (const Case& c : cases) items.push_back(CaseSummary(c, ctx));
  return items;
}

std::optional<int> IntQuery(const http::Request& r, const std::string& name, int lo, int hi) {
  std::string v = r.Query(name).value_or("");
  if (v.empty() || v.size() > 4 || !std::all_of(v.begin(), v.end(), ::isdigit)) return std::nullopt;
  int n = std::stoi(v);
  return n >= lo && n <= hi ? std::optional(n) : std::nullopt;
}

http::Response Bank(const KnowledgeRouteDeps& deps, const http::Request& r,
                    web::RequestContext& ctx) {
  CaseFilter filter;
  filter.query = r.Query("q").value_or("");
  filter.area = r.Query("area").value_or("");
  filter.sdg = IntQuery(r, "sdg", 1, 17);
  filter.year = IntQuery(r, "year", 1900, 2100);
  auto paging = http::ParsePageRequest(r);
  int page = paging.ok() ? paging->page : 1;
  auto found = deps.cases.List(ctx.actor, filter, {page, kBankPageSize});
  if (!found.ok()) return web::ErrorPage(deps.renderer, found.status(), r, ctx);
  bool filtered = !filter.query.empty() || !filter.area.empty() || filter.sdg || filter.year;
  json data = {{"title", ctx.T("knowledge.bank.title")},
               {"q", filter.query},
               {"area", filter.area},
               {"sdg", filter.sdg ? std::to_string(*filter.sdg) : ""},
               {"year", filter.year ? std::to_string(*filter.year) : ""},
               {"items", Summaries(found->items, ctx)},
               {"has_items", !found->items.empty()},
               {"total", std::to_string(found->total)},
               {"can_create", ctx.actor.authenticated() && !ctx.actor.memberships.empty()},
               {"pagination",
                web::PageLinks(web::PageBase(r), page, found->total, kBankPageSize)}};
  if (!filtered && page == 1) {
    CaseFilter popular;
    popular.order = CaseFilter::Order::kMostAdopted;
    auto most = deps.cases.List(accounts::Actor::Anonymous(), popular, {1, kHighlights});
    if (most.ok()) data["most_adopted"] = Summaries(most->items, ctx);
    data["has_most_adopted"] = most.ok() && !most->items.empty();
  }
  return web::HtmlPage(deps.renderer, "knowledge/bank", 200, data, r, ctx);
}

CaseContent ContentFromForm(web::FormFields& f) {
  CaseContent c{.title = std::string(Trim(f["title"])),
                .summary = f["summary"], .problem = f["problem"], .solution = f["solution"],
                .costs = f["costs"], .effort = f["effort"], .hard_parts = f["hard_parts"],
                .advice = f["advice"], .legal_notes = f["legal_notes"],
                .contact_name = f["contact_name"], .contact_email = f["contact_email"],
                .area = f["area"]};
  if (!f["period_start"].empty()) c.period_start = f["period_start"];
  if (!f["period_end"].empty()) c.period_end = f["period_end"];
  if (!Trim(f["result_metric"]).empty()) {
    CaseResult result{.metric = f["result_metric"], .unit = f["result_unit"], .source = f["result_source"]};
    // Not a number → NaN, which the service refuses naming the field.
    auto number = [](const std::string& text) -> std::optional<double> {
      if (Trim(text).empty()) return std::nullopt;
      return ParseLocalNumber(text).value_or(std::numeric_limits<double>::quiet_NaN());
    };
    result.before = number(f["result_before"]);
    result.after = number(f["result_after"]);
    c.results.push_back(result);
  }
  return c;
}

// The form has one result row with fields result_metric, result_source, …;
// the service names them results[0].metric, … .
Status FormFieldNames(const Status& status) {
  Status renamed(status.code(), status.message());
  for (const InvalidParameter& p : status.invalid_parameters()) {
    std::string name = p.name;
    if (name.starts_with("results[0].")) name = "result_" + name.substr(std::string_view("results[0].").size());
    renamed.AddInvalid(name, p.reason, p.value, p.args);
  }
  return renamed;
}

json OrganisationOptions(const web::RequestContext& ctx) {
  json orgs = json::array();
  for (const accounts::Membership& m : ctx.actor.memberships) {
    orgs.push_back({{"id", m.organisation_id}, {"name", m.organisation_name}});
  }
  return orgs;
}

http::Response NewCaseForm(const KnowledgeRouteDeps& deps, const http::Request& r,
                           web::RequestContext& ctx, int status = 200, json extra = json::object()) {
  if (!ctx.actor.authenticated()) {
    return web::ErrorPage(deps.renderer, UnauthenticatedError("log in"), r, ctx);
  }
  json data = {{"title", ctx.T("knowledge.case.new.title")},
               {"organisations", OrganisationOptions(ctx)},
               {"form", json::object()}};
  data.update(extra);
  return web::HtmlPage(deps.renderer, "knowledge/case_form", status, data, r, ctx);
}

http::Response CreateCasePost(const KnowledgeRouteDeps& deps, const http::Request& r,
                              web::RequestContext& ctx) {
  web::FormFields form = web::ParseForm(r);
  std::int64_t org = 0;
  try {
    org = std::stoll(form["organisation_id"]);
  } catch (const std::exception&) {
    org = ctx.actor.memberships.empty() ? 0 : ctx.actor.memberships.front().organisation_id;
  }
  auto created = deps.cases.CreateCase(ctx.actor, org, ContentFromForm(form), std::nullopt);
  if (!created.ok()) {
    if (created.status().code() != StatusCode::kInvalidArgument) {
      return web::ErrorPage(deps.renderer, created.status(), r, ctx);
    }
    json extra = web::FormErrors(FormFieldNames(created.status()), ctx);
    extra["form"] = form;
    return NewCaseForm(deps, r, ctx, 400, extra);
  }
  return http::Response::Redirect("/cases/" + std::to_string(created->id) + "?done=created");
}

json ResultRows(const Case& c) {
  json rows = json::array();
  auto number = [](const std::optional<double>& v) {
    if (!v) return std::string("–");
    std::string s = std::to_string(*v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  };
  for (const CaseResult& res : c.content.results) {
    rows.push_back({{"metric", res.metric}, {"before", number(res.before)},
                    {"after", number(res.after)}, {"unit", res.unit}, {"source", res.source}});
  }
  return rows;
}

json SpreadJson(const std::vector<Adoption>& adoptions, const web::RequestContext& ctx,
                const accounts::Actor& actor, const Case& c) {
  Spread s = ComputeSpread(adoptions);
  json rows = json::array();
  for (const Adoption& a : adoptions) {
    rows.push_back({{"id", a.id},
                    {"organisation", a.organisation_name},
                    {"status", ctx.T("knowledge.adoption.status." +
                                     std::string(AdoptionStatusName(a.input.status)))},
                    {"adopted_on", a.input.adopted_on},
                    {"adapted", ctx.T(a.input.adapted ? "knowledge.adoption.adapted"
                                                       : "knowledge.adoption.copied")},
                    {"scope", Optional(a.input.scope)},
                    {"can_withdraw", CanRecordAdoption(actor, a.organisation_id, c)}});
  }
  json regions = json::array();
  for (const auto& [county, n] : s.by_county) {
    regions.push_back({{"county", ctx.T("knowledge.county." + county)}, {"count", n}});
  }
  return {{"adoptions", rows}, {"has_adoptions", !rows.empty()}, {"organisations", s.organisations},
          {"adopted", s.adopted}, {"trying", s.trying}, {"regions", regions},
          {"region_count", s.regions}};
}

// Organisations the actor may record an adoption for, that have not yet.
json AdopterOptions(const accounts::Actor& actor, const Case& c,
                    const std::vector<Adoption>& adoptions) {
  json orgs = json::array();
  for (const accounts::Membership& m : actor.memberships) {
    bool done = std::any_of(adoptions.begin(), adoptions.end(),
                            [&](const Adoption& a) { return a.organisation_id == m.organisation_id; });
    bool listed = std::any_of(orgs.begin(), orgs.end(),
                              [&](const json& o) { return o["id"] == m.organisation_id; });
    if (!done && !listed && CanRecordAdoption(actor, m.organisation_id, c)) {
      orgs.push_back({{"id", m.organisation_id}, {"name", m.organisation_name}});
    }
  }
  return orgs;
}

http::Response CasePage(const KnowledgeRouteDeps& deps, const http::Request& r,
                        web::RequestContext& ctx, int status = 200, json extra = json::object()) {
  CaseId id = web::PathId(r);
  auto c = deps.cases.Get(ctx.actor, id);
  if (!c.ok()) return web::ErrorPage(deps.renderer, c.status(), r, ctx);
  auto adoptions = deps.cases.Adoptions(ctx.actor, id);
  std::vector<Adoption> list = adoptions.ok() ? *adoptions : std::vector<Adoption>();
  json data = CaseSummary(*c, ctx);
  const CaseContent& t = c->content;
  data.update({{"title", t.title}, {"problem", Optional(t.problem)}, {"solution", Optional(t.solution)},
               {"costs", Optional(t.costs)}, {"effort", Optional(t.effort)},
               {"hard_parts", Optional(t.hard_parts)}, {"advice", Optional(t.advice)},
               {"legal_notes", Optional(t.legal_notes)}, {"contact_name", Optional(t.contact_name)},
               {"contact_email", Optional(t.contact_email)}, {"area", Optional(t.area)},
               {"period_start", Optional(t.period_start.value_or(""))},
               {"period_end", Optional(t.period_end.value_or(""))},
               {"results", ResultRows(*c)}, {"has_results", !t.results.empty()},
               {"version", c->version},
               {"spread", SpreadJson(list, ctx, ctx.actor, *c)},
               {"can_submit", c->state == CaseState::kDraft && CanEditCase(ctx.actor, *c)},
               {"can_publish", c->state != CaseState::kPublished && CanReviewCase(ctx.actor, *c)},
               {"can_return", c->state == CaseState::kReview && CanReviewCase(ctx.actor, *c)},
               {"adopters", AdopterOptions(ctx.actor, *c, list)},
               {"today", FormatIsoDate(deps.clock.Now())}});
  data["can_adopt"] = !data["adopters"].empty();
  if (auto done = r.Query("done")) data["notice"] = ctx.T("knowledge.notice." + *done);
  data.update(extra);
  return web::HtmlPage(deps.renderer, "knowledge/case", status, data, r, ctx);
}

using CaseAction = StatusOr<Case> (CaseService::*)(const accounts::Actor&, CaseId);

http::Response StatePost(const KnowledgeRouteDeps& deps, const http::Request& r,
                         web::RequestContext& ctx, CaseAction action, const char* done) {
  CaseId id = web::PathId(r);
  auto changed = (deps.cases.*action)(ctx.actor, id);
  if (!changed.ok()) return web::ErrorPage(deps.renderer, changed.status(), r, ctx);
  return http::Response::Redirect("/cases/" + std::to_string(id) + "?done=" + done);
}

http::Response AdoptPost(const KnowledgeRouteDeps& deps, const http::Request& r,
                         web::RequestContext& ctx) {
  CaseId id = web::PathId(r);
  web::FormFields f = web::ParseForm(r);
  AdoptionInput input{.status = ParseAdoptionStatus(f["status"]).value_or(AdoptionStatus::kAdopted),
                      .adopted_on = f["adopted_on"], .scope = f["scope"],
                      .adapted = f["adaptation"] != "copied", .results = f["results"]};
  std::int64_t org = 0;
  try {
    org = std::stoll(f["organisation_id"]);
  } catch (const std::exception&) {
    return CasePage(deps, r, ctx, 400, web::FormErrors(InvalidArgumentError("organisation")
        .AddInvalid("organisation_id", "knowledge.adoption.organisation.required"), ctx));
  }
  auto recorded = deps.cases.RecordAdoption(ctx.actor, id, org, input);
  if (!recorded.ok()) {
    if (recorded.status().code() == StatusCode::kInvalidArgument) {
      return CasePage(deps, r, ctx, 400, web::FormErrors(recorded.status(), ctx));
    }
    return web::ErrorPage(deps.renderer, recorded.status(), r, ctx);
  }
  return http::Response::Redirect("/cases/" + std::to_string(id) + "?done=adopted#spread");
}

http::Response WithdrawPost(const KnowledgeRouteDeps& deps, const http::Request& r,
                            web::RequestContext& ctx) {
  auto withdrawn = deps.cases.WithdrawAdoption(ctx.actor, web::PathId(r));
  if (!withdrawn.ok()) return web::ErrorPage(deps.renderer, withdrawn.status(), r, ctx);
  return http::Response::Redirect("/cases/" + std::to_string(withdrawn->case_id) +
                                  "?done=withdrawn#spread");
}

http::Response HistoryPage(const KnowledgeRouteDeps& deps, const http::Request& r,
                           web::RequestContext& ctx) {
  CaseId id = web::PathId(r);
  auto c = deps.cases.Get(ctx.actor, id);
  auto versions = deps.cases.History(ctx.actor, id);
  if (!versions.ok() || !c.ok()) {
    return web::ErrorPage(deps.renderer, versions.ok() ? c.status() : versions.status(), r, ctx);
  }
  json rows = json::array();
  for (const CaseVersion& v : *versions) {
    rows.push_back({{"version", v.version}, {"editor", v.editor_name},
                    {"edited_at", FormatIsoDate(v.edited_at)}, {"title", v.content.title}});
  }
  json data = {{"title", ctx.T("knowledge.case.history.title", {{"case", c->content.title}})},
               {"id", id}, {"versions", rows}};
  return web::HtmlPage(deps.renderer, "knowledge/case_history", 200, data, r, ctx);
}

}  // namespace

void RegisterCaseRoutes(web::Router& router, const KnowledgeRouteDeps& deps) {
  router.Get("/cases", [deps](const http::Request& r, web::RequestContext& ctx) {
    return Bank(deps, r, ctx);
  });
  router.Get("/cases/new", [deps](const http::Request& r, web::RequestContext& ctx) {
    return NewCaseForm(deps, r, ctx);
  });
  router.Post("/cases", [deps](const http::Request& r, web::RequestContext& ctx) {
    return CreateCasePost(deps, r, ctx);
  });
  router.Get("/cases/{id:int}", [deps](const http::Request& r, web::RequestContext& ctx) {
    return CasePage(deps, r, ctx);
  });
  router.Get("/cases/{id:int}/history", [deps](const http::Request& r, web::RequestContext& ctx) {
    return HistoryPage(deps, r, ctx);
  });
  router.Post("/cases/{id:int}/submit", [deps](const http::Request& r, web::RequestContext& ctx) {
    return StatePost(deps, r, ctx, &CaseService::SubmitForReview, "submitted");
  });
  router.Post("/cases/{id:int}/publish", [deps](const http::Request& r, web::RequestContext& ctx) {
    return StatePost(deps, r, ctx, &CaseService::Publish, "published");
  });
  router.Post("/cases/{id:int}/adoptions", [deps](const http::Request& r, web::RequestContext& ctx) {
    return AdoptPost(deps, r, ctx);
  });
  router.Post("/adoptions/{id:int}/withdraw",
              [deps](const http::Request& r, web::RequestContext& ctx) {
                return WithdrawPost(deps, r, ctx);
              });
}

}  // namespace nyttig::knowledge
