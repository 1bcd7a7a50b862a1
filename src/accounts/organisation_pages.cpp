// Pages for the organisation directory, an organisation's public front page
// (/o/{slug}/), asking to join, and membership administration.
#include <nlohmann/json.hpp>

#include "accounts/permissions.h"
#include "accounts/routes.h"
#include "http/paging.h"
#include "http/problem.h"
#include "web/page.h"

namespace nyttig::accounts {
namespace {

constexpr int kDirectoryPageSize = 20;

// Mustache sections treat "" as true, so optional texts are null when empty.
nlohmann::json Optional(const std::string& text) {
  return text.empty() ? nlohmann::json() : nlohmann::json(text);
}

nlohmann::json OrgSummary(const Organisation& o, const web::RequestContext& ctx) {
  return {{"name", o.name},
          {"slug", o.slug},
          {"kind", ctx.T("organisation.kind." + std::string(OrganisationKindName(o.kind)))},
          {"code", Optional(o.official_code)}};
}


http::Response Directory(const AccountRouteDeps& deps, const http::Request& r,
                         web::RequestContext& ctx) {
  std::string query = r.Query("q").value_or("");
  auto paging = http::ParsePageRequest(r);
  int page = paging.ok() ? paging->page : 1;
  auto found =
      deps.organisations.SearchOrganisations(query, std::nullopt, {page, kDirectoryPageSize});
  if (!found.ok()) return web::ErrorPage(deps.renderer, found.status(), r, ctx);
  nlohmann::json items = nlohmann::json::array();
  for (const Organisation& o : found->items) items.push_back(OrgSummary(o, ctx));
  nlohmann::json data = {
      {"title", ctx.T("organisation.directory.title")},
      {"q", query},
      {"items", items},
      {"has_items", !items.empty()},
      {"total", std::to_string(found->total)},
      {"pagination", web::PageLinks("/organisations?q=" + http::PercentEncode(query) + "&", page,
                                found->total, kDirectoryPageSize)}};
  // htmx live search swaps only the result list; without script the whole page loads.
  // History restores want the whole page, not the fragment.
  if (r.Header("HX-Request") && !r.Header("HX-History-Restore-Request")) {
    return http::Response::Html(200,
                                deps.renderer.Fragment("partials/organisation_results", data, ctx));
  }
  return web::HtmlPage(deps.renderer, "accounts/organisations", 200, data, r, ctx);
}

http::Response OrganisationPage(const AccountRouteDeps& deps, const http::Request& r,
                                web::RequestContext& ctx,
                                nlohmann::json extra = nlohmann::json::object()) {
  auto org = deps.organisations.GetOrganisationBySlug(r.Param("slug"));
  if (!org.ok()) return web::ErrorPage(deps.renderer, org.status(), r, ctx);
  auto units = deps.organisations.ListUnits(org->id);
  nlohmann::json unit_list = nlohmann::json::array();
  if (units.ok()) {
    for (const Unit& u : *units) unit_list.push_back({{"name", u.name}});
  }
  nlohmann::json data = OrgSummary(*org, ctx);
  data.update({{"title", org->name},
               {"description", Optional(org->description)},
               {"website", Optional(org->website)},
               {"units", unit_list},
               {"has_units", !unit_list.empty()},
               {"is_member", ctx.actor.IsMemberOf(org->id)},
               {"can_request", CanRequestMembership(ctx.actor, org->id)},
               {"can_manage", CanManageMemberships(ctx.actor, org->id)},
               {"logged_in", ctx.actor.person_id.has_value()}});
  if (r.Query("done") == "requested" && ctx.actor.person_id) {
    data["notice"] = ctx.T("organisation.join.sent", {{"organisation", org->name}});
    data["can_request"] = false;
  }
  data.update(extra);
  return web::HtmlPage(deps.renderer, "accounts/organisation", 200, data, r, ctx);
}

http::Response JoinPost(const AccountRouteDeps& deps, const http::Request& r,
                        web::RequestContext& ctx) {
  auto org = deps.organisations.GetOrganisationBySlug(r.Param("slug"));
  if (!org.ok()) return web::ErrorPage(deps.renderer, org.status(), r, ctx);
  web::FormFields form = web::ParseForm(r);
  auto request = deps.organisations.RequestMembership(ctx.actor, org->id, form["message"]);
  if (!request.ok()) {
    if (request.status().code() == StatusCode::kUnauthenticated)
      return web::ErrorPage(deps.renderer, request.status(), r, ctx);
    nlohmann::json errors = web::FormErrors(request.status(), ctx);
    return OrganisationPage(deps, r, ctx, errors);
  }
  return http::Response::Redirect("/o/" + org->slug + "/?done=requested", 303);
}

nlohmann::json MemberRows(const std::vector<Membership>& members, const web::RequestContext& ctx) {
  nlohmann::json rows = nlohmann::json::array();
  for (const Membership& m : members) {
    rows.push_back({{"id", std::to_string(m.id)},
                    {"name", m.person_name},
                    {"email", m.person_email},
                    {"role", ctx.T("role." + std::string(RoleName(m.role)))},
                    {"unit", m.unit_name}});
  }
  return rows;
}

nlohmann::json RoleOptions(const web::RequestContext& ctx) {
  nlohmann::json roles = nlohmann::json::array();
  for (Role role : kAllRoles) {
    roles.push_back(
        {{"value", RoleName(role)}, {"label", ctx.T("role." + std::string(RoleName(role)))}});
  }
  return roles;
}

http::Response MembersPage(const AccountRouteDeps& deps, const http::Request& r,
                           web::RequestContext& ctx, int status = 200,
                           nlohmann::json extra = nlohmann::json::object()) {
  auto org = deps.organisations.GetOrganisationBySlug(r.Param("slug"));
  if (!org.ok()) return web::ErrorPage(deps.renderer, org.status(), r, ctx);
  auto paging = http::ParsePageRequest(r);
  int page = paging.ok() ? paging->page : 1;
  auto members = deps.organisations.ListMembers(ctx.actor, org->id, {page, 50});
  if (!members.ok()) return web::ErrorPage(deps.renderer, members.status(), r, ctx);
  auto pending = deps.organisations.PendingRequests(ctx.actor, org->id);
  nlohmann::json requests = nlohmann::json::array();
  if (pending.ok()) {
    for (const MembershipRequest& q : *pending) {
      requests.push_back({{"id", std::to_string(q.id)},
                          {"name", q.person_name},
                          {"email", q.person_email},
                          {"message", q.message}});
    }
  }
  nlohmann::json data = {
      {"title", ctx.T("organisation.members.title", {{"organisation", org->name}})},
      {"organisation", org->name},
      {"slug", org->slug},
      {"members", MemberRows(members->items, ctx)},
      {"total", std::to_string(members->total)},
      {"can_manage", CanManageMemberships(ctx.actor, org->id)},
      {"requests", requests},
      {"has_requests", !requests.empty()},
      {"roles", RoleOptions(ctx)},
      {"pagination", web::PageLinks("/o/" + org->slug + "/members?", page, members->total, 50)}};
  std::string done = r.Query("done").value_or("");
  if (done == "approved" || done == "rejected") data["notice"] = ctx.T("organisation.requests." + done);
  if (done == "removed") data["notice"] = ctx.T("organisation.members.removed");
  data.update(extra);
  return web::HtmlPage(deps.renderer, "accounts/members", status, data, r, ctx);
}

http::Response GrantPost(const AccountRouteDeps& deps, const http::Request& r,
                         web::RequestContext& ctx) {
  auto org = deps.organisations.GetOrganisationBySlug(r.Param("slug"));
  if (!org.ok()) return web::ErrorPage(deps.renderer, org.status(), r, ctx);
  web::FormFields form = web::ParseForm(r);
  auto role = ParseRole(form["role"]);
  if (!role) {
    Status bad = InvalidArgumentError("validation.failed");
    bad.AddInvalid("role", "accounts.members.role.invalid", form["role"]);
    return MembersPage(deps, r, ctx, 400, web::FormErrors(bad, ctx));
  }
  auto granted =
      deps.organisations.GrantRole(ctx.actor, org->id, form["email"], *role, std::nullopt);
  if (!granted.ok()) {
    if (granted.status().code() == StatusCode::kPermissionDenied)
      return web::ErrorPage(deps.renderer, granted.status(), r, ctx);
    nlohmann::json extra = web::FormErrors(granted.status(), ctx);
    extra["form"] = {{"email", form["email"]}};
    return MembersPage(deps, r, ctx, 400, extra);
  }
  return MembersPage(
      deps, r, ctx, 200,
      {{"notice", ctx.T("organisation.members.granted",
                        {{"name", granted->person_name},
                         {"role", ctx.T("role." + std::string(RoleName(*role)))}})}});
}

http::Response RemovePost(const AccountRouteDeps& deps, const http::Request& r,
                          web::RequestContext& ctx) {
  Status removed = deps.organisations.RevokeMembership(ctx.actor, web::PathId(r));
  if (!removed.ok()) {
    if (removed.code() == StatusCode::kFailedPrecondition) {
      return MembersPage(deps, r, ctx, 409, web::FormErrors(removed, ctx));
    }
    return web::ErrorPage(deps.renderer, removed, r, ctx);
  }
  return http::Response::Redirect("/o/" + r.Param("slug") + "/members?done=removed", 303);
}

http::Response DecidePost(const AccountRouteDeps& deps, const http::Request& r,
                          web::RequestContext& ctx) {
  web::FormFields form = web::ParseForm(r);
  bool approve = form["decision"] == "approve";
  Status decided = deps.organisations.DecideRequest(ctx.actor, web::PathId(r), approve);
  if (!decided.ok()) return web::ErrorPage(deps.renderer, decided, r, ctx);
  // Post/Redirect/Get: reloading or switching language must not post again.
  return http::Response::Redirect(
      "/o/" + r.Param("slug") + "/members?done=" + (approve ? "approved" : "rejected"), 303);
}

}  // namespace

void RegisterOrganisationPages(web::Router& router, const AccountRouteDeps& deps) {
  router.Get("/organisations", [deps](const http::Request& r, web::RequestContext& ctx) {
    return Directory(deps, r, ctx);
  });
  router.Get("/o/{slug}/", [deps](const http::Request& r, web::RequestContext& ctx) {
    return OrganisationPage(deps, r, ctx);
  });
  router.Get("/o/{slug}", [](const http::Request& r, web::RequestContext&) {
    return http::Response::Redirect("/o/" + http::PercentEncode(r.Param("slug")) + "/", 301);
  });
  router.Post("/o/{slug}/join", [deps](const http::Request& r, web::RequestContext& ctx) {
    return JoinPost(deps, r, ctx);
  });
  router.Get("/o/{slug}/members", [deps](const http::Request& r, web::RequestContext& ctx) {
    return MembersPage(deps, r, ctx);
  });
  router.Post("/o/{slug}/members", [deps](const http::Request& r, web::RequestContext& ctx) {
    return GrantPost(deps, r, ctx);
  });
  router.Post("/o/{slug}/members/{id:int}/remove",
              [deps](const http::Request& r, web::RequestContext& ctx) {
                return RemovePost(deps, r, ctx);
              });
  router.Post("/o/{slug}/requests/{id:int}",
              [deps](const http::Request& r, web::RequestContext& ctx) {
                return DecidePost(deps, r, ctx);
              });
}

}  // namespace nyttig::accounts
