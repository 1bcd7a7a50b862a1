// Pages for a person's own API tokens (/profile/tokens) and an
// organisation's audit log (/o/{slug}/audit). A new token's secret is shown
// once, on the page that answers the form, and never again.
#include <nlohmann/json.hpp>
#include <sstream>

#include "accounts/permissions.h"
#include "accounts/routes.h"
#include "core/time_format.h"
#include "http/paging.h"
#include "http/problem.h"
#include "web/page.h"

namespace nyttig::accounts {
namespace {

constexpr int kAuditPageSize = 50;

nlohmann::json TokenRows(const std::vector<ApiTokenRow>& tokens) {
  nlohmann::json rows = nlohmann::json::array();
  for (const ApiTokenRow& t : tokens) {
    rows.push_back({{"id", std::to_string(t.id)},
                    {"name", t.name},
                    {"prefix", t.token_prefix},
                    {"scopes", t.scopes},
                    {"expires", FormatIsoDate(t.expires_at)},
                    {"last_used", t.last_used_at ? FormatIsoDate(*t.last_used_at) : "–"},
                    {"revoked", t.revoked_at.has_value()}});
  }
  return rows;
}

http::Response TokensPage(const AccountRouteDeps& deps, const http::Request& r,
                          web::RequestContext& ctx, int status = 200,
                          nlohmann::json extra = nlohmann::json::object()) {
  if (!ctx.actor.person_id) return http::Response::Redirect("/login?next=/profile/tokens");
  auto tokens = deps.tokens.ListPersonalTokens(ctx.actor);
  if (!tokens.ok()) return web::ErrorPage(deps.renderer, tokens.status(), r, ctx);
  nlohmann::json data = {{"title", ctx.T("accounts.tokens.title")},
                         {"tokens", TokenRows(*tokens)},
                         {"has_tokens", !tokens->empty()},
                         {"form", {{"days", "90"}}}};
  data.update(extra);
  return web::HtmlPage(deps.renderer, "accounts/tokens", status, data, r, ctx);
}

http::Response CreateTokenPost(const AccountRouteDeps& deps, const http::Request& r,
                               web::RequestContext& ctx) {
  if (!ctx.actor.person_id) return http::Response::Redirect("/login?next=/profile/tokens");
  TokenInput input;
  int days = 0;
  for (auto& [key, value] : http::ParseUrlEncoded(r.body)) {
    if (key == "name") input.name = value;
    if (key == "scope") input.scopes.push_back(value);
    if (key == "days") days = std::atoi(value.c_str());
  }
  input.expires_in_days = days;
  auto created = deps.tokens.CreatePersonalToken(ctx.actor, input);
  if (!created.ok()) {
    nlohmann::json extra = web::FormErrors(created.status(), ctx);
    extra["form"] = {{"name", input.name}, {"days", std::to_string(days)}};
    return TokensPage(deps, r, ctx, 400, extra);
  }
  return TokensPage(deps, r, ctx, 201,
                    {{"new_token", created->secret}, {"new_token_name", created->token.name}});
}

http::Response RevokeTokenPost(const AccountRouteDeps& deps, const http::Request& r,
                               web::RequestContext& ctx) {
  Status revoked = deps.tokens.RevokeToken(ctx.actor, web::PathId(r));
  if (!revoked.ok()) return web::ErrorPage(deps.renderer, revoked, r, ctx);
  return TokensPage(deps, r, ctx, 200, {{"notice", ctx.T("accounts.tokens.revoked")}});
}

http::Response AuditPage(const AccountRouteDeps& deps, const http::Request& r,
                         web::RequestContext& ctx) {
  auto org = deps.organisations.GetOrganisationBySlug(r.Param("slug"));
  if (!org.ok()) return web::ErrorPage(deps.renderer, org.status(), r, ctx);
  if (!ctx.actor.person_id)
    return http::Response::Redirect("/login?next=" + http::PercentEncode(r.target));
  if (!CanReadAuditLog(ctx.actor, org->id))
    return web::ErrorPage(deps.renderer, PermissionDeniedError("accounts.audit.denied"), r, ctx);
  auto paging = http::ParsePageRequest(r);
  int page = paging.ok() ? paging->page : 1;
  auto entries = deps.audit.ListEntries(deps.db, org->id, page, kAuditPageSize);
  if (!entries.ok()) return web::ErrorPage(deps.renderer, entries.status(), r, ctx);
  nlohmann::json rows = nlohmann::json::array();
  for (const audit::AuditEntry& e : entries->entries) {
    rows.push_back({{"seq", std::to_string(e.seq)},
                    {"time", FormatRfc3339(e.occurred_at)},
                    {"actor", e.actor.substr(0, 12)},
                    {"role", e.actor_role},
                    {"action", e.action},
                    {"entity", e.entity_type + " " + e.entity_id}});
  }
  nlohmann::json pagination =
      web::PageLinks("/o/" + org->slug + "/audit?", page, entries->total, kAuditPageSize);
  return web::HtmlPage(deps.renderer, "accounts/audit", 200,
                       {{"title", ctx.T("accounts.audit.title", {{"organisation", org->name}})},
                        {"organisation", org->name},
                        {"slug", org->slug},
                        {"org_id", std::to_string(org->id)},
                        {"entries", rows},
                        {"has_entries", !rows.empty()},
                        {"pagination", pagination}},
                       r, ctx);
}

}  // namespace

void RegisterTokenAndAuditPages(web::Router& router, const AccountRouteDeps& deps) {
  router.Get("/profile/tokens", [deps](const http::Request& r, web::RequestContext& ctx) {
    return TokensPage(deps, r, ctx);
  });
  router.Post("/profile/tokens", [deps](const http::Request& r, web::RequestContext& ctx) {
    return CreateTokenPost(deps, r, ctx);
  });
  router.Post("/profile/tokens/{id:int}/revoke",
              [deps](const http::Request& r, web::RequestContext& ctx) {
                return RevokeTokenPost(deps, r, ctx);
              });
  router.Get("/o/{slug}/audit", [deps](const http::Request& r, web::RequestContext& ctx) {
    return AuditPage(deps, r, ctx);
  });
}

}  // namespace nyttig::accounts
