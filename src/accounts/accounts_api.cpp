// The accounts module's JSON API (/api/v1/…): persons, sessions, password
// resets, organisations, units, members, membership requests, API tokens
// and the audit log. Shapes follow CONTRACTS.md: snake_case members,
// integer ids, RFC 3339 UTC times, {"items","page","limit","total"} lists,
// problem+json errors.
#include <nlohmann/json.hpp>
#include <sstream>

#include "accounts/permissions.h"
#include "accounts/routes.h"
#include "core/time_format.h"
#include "http/json_body.h"
#include "http/paging.h"
#include "web/page.h"

namespace nyttig::accounts {
namespace {

using nlohmann::json;

json PersonJson(const Person& p) {
  return {{"id", p.id},
          {"display_name", p.display_name},
          {"email", p.email},
          {"locale", p.locale},
          {"platform_admin", p.platform_admin},
          {"created_at", FormatRfc3339(p.created_at)}};
}

json OrganisationJson(const Organisation& o) {
  return {{"id", o.id},
          {"name", o.name},
          {"slug", o.slug},
          {"kind", OrganisationKindName(o.kind)},
          {"official_code", o.official_code.empty() ? json() : json(o.official_code)},
          {"county_code", o.county_code.empty() ? json() : json(o.county_code)},
          {"description", o.description},
          {"website", o.website},
          {"url", "/o/" + o.slug + "/"},
          {"created_at", FormatRfc3339(o.created_at)}};
}

json UnitJson(const Unit& u) {
  return {{"id", u.id},
          {"organisation_id", u.organisation_id},
          {"parent_id", u.parent_id ? json(*u.parent_id) : json()},
          {"name", u.name}};
}

json MembershipJson(const Membership& m) {
  return {{"id", m.id},
          {"person_id", m.person_id},
          {"display_name", m.person_name},
          {"organisation_id", m.organisation_id},
          {"role", RoleName(m.role)},
          {"unit_id", m.unit_id ? json(*m.unit_id) : json()},
          {"created_at", FormatRfc3339(m.created_at)}};
}

json RequestJson(const MembershipRequest& q) {
  const char* state = q.state == RequestState::kPending    ? "pending"
                      : q.state == RequestState::kApproved ? "approved"
                                                           : "rejected";
  return {{"id", q.id},
          {"person_id", q.person_id},
          {"display_name", q.person_name},
          {"organisation_id", q.organisation_id},
          {"message", q.message},
          {"state", state},
          {"created_at", FormatRfc3339(q.created_at)}};
}

json TokenJson(const ApiTokenRow& t) {
  std::vector<std::string> scopes;
  std::istringstream in(t.scopes);
  for (std::string s; in >> s;) scopes.push_back(s);
  return {{"id", t.id},
          {"name", t.name},
          {"prefix", t.token_prefix},
          {"scopes", scopes},
          {"person_id", t.person_id ? json(*t.person_id) : json()},
          {"organisation_id", t.organisation_id ? json(*t.organisation_id) : json()},
          {"created_at", FormatRfc3339(t.created_at)},
          {"expires_at", FormatRfc3339(t.expires_at)},
          {"last_used_at", t.last_used_at ? json(FormatRfc3339(*t.last_used_at)) : json()},
          {"revoked_at", t.revoked_at ? json(FormatRfc3339(*t.revoked_at)) : json()}};
}

template <typename T>
json Items(const std::vector<T>& rows, json (*to_json)(const T&)) {
  json items = json::array();
  for (const T& row : rows) items.push_back(to_json(row));
  return items;
}

StatusOr<std::vector<std::string>> StringList(const json& body, const char* name) {
  std::vector<std::string> out;
  if (!body.contains(name)) return out;
  if (!body[name].is_array()) {
    Status bad = InvalidArgumentError("validation.failed");
    bad.AddInvalid(name, "validation.not_list");
    return bad;
  }
  for (const json& item : body[name]) {
    if (!item.is_string()) {
      Status bad = InvalidArgumentError("validation.failed");
      bad.AddInvalid(name, "validation.not_string", item.dump());
      return bad;
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

void RegisterPersonAndSessionApi(web::Router& router, const AccountRouteDeps& deps) {
  router.Post("/api/v1/persons", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      http::JsonFields f(body, {"email", "display_name", "password", "locale"});
      RegisterInput input{f.RequiredString("email", kMaxEmailChars),
                          f.RequiredString("display_name", kMaxDisplayNameChars),
                          f.OptionalString("password", kMaxPasswordChars * 4).value_or(""),
                          f.OptionalString("locale", 5).value_or("sv")};
      RETURN_IF_ERROR(f.status());
      ASSIGN_OR_RETURN(Person p, deps.accounts.Register(input, ctx.actor));
      http::Response created = web::Json(201, PersonJson(p));
      created.headers.Set("Location", "/api/v1/me");
      return created;
    });
  });
  router.Post("/api/v1/sessions", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      http::JsonFields f(body, {"email", "password"});
      std::string email = f.RequiredString("email", kMaxEmailChars);
      std::string password = f.OptionalString("password", kMaxPasswordChars * 4).value_or("");
      RETURN_IF_ERROR(f.status());
      ASSIGN_OR_RETURN(LoginResult login, deps.accounts.Login(email, password, ctx.actor));
      ctx.set_cookies.push_back(
          SessionCookie(deps, login.session_token));
      return web::Json(201, {{"person", PersonJson(login.person)},
                             {"csrf_token", KeyedHash(login.session_token, "csrf")}});
    });
  });
  router.Delete("/api/v1/sessions/current", [deps](const http::Request&, web::RequestContext& ctx) {
    if (ctx.session_token) deps.accounts.Logout(*ctx.session_token, ctx.actor).IgnoreError();
    ctx.set_cookies.push_back(ExpiredSessionCookie(deps));
    return http::Response::Text(204, "");
  });
  router.Get("/api/v1/me", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      if (!ctx.actor.person_id) return UnauthenticatedError("accounts.login.required");
      ASSIGN_OR_RETURN(Person p, deps.accounts.GetPerson(*ctx.actor.person_id));
      json me = PersonJson(p);
      me["memberships"] = Items(ctx.actor.memberships, MembershipJson);
      return web::Json(200, me);
    });
  });
  router.Post("/api/v1/password-resets", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      http::JsonFields f(body, {"email"});
      std::string email = f.RequiredString("email", kMaxEmailChars);
      RETURN_IF_ERROR(f.status());
      RETURN_IF_ERROR(deps.accounts.RequestPasswordReset(email, ctx.actor));
      return web::Json(202, {{"detail", ctx.T("accounts.forgot.sent")}});
    });
  });
  router.Post(
      "/api/v1/password-resets/confirm", [deps](const http::Request& r, web::RequestContext& ctx) {
        return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
          ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
          http::JsonFields f(body, {"token", "password"});
          std::string token = f.RequiredString("token", 200);
          std::string password = f.OptionalString("password", kMaxPasswordChars * 4).value_or("");
          RETURN_IF_ERROR(f.status());
          RETURN_IF_ERROR(deps.accounts.ResetPassword(token, password, ctx.actor));
          return http::Response::Text(204, "");
        });
      });
}

StatusOr<OrganisationInput> ReadOrganisationCreate(const json& body) {
  http::JsonFields f(body,
                     {"name", "kind", "official_code", "county_code", "description", "website"});
  OrganisationInput in;
  in.name = f.RequiredString("name", kMaxOrganisationNameChars);
  in.kind = f.RequiredString("kind", 40);
  in.official_code = f.OptionalString("official_code", 10).value_or("");
  in.county_code = f.OptionalString("county_code", 10).value_or("");
  in.description = f.OptionalString("description", kMaxDescriptionChars).value_or("");
  in.website = f.OptionalString("website", kMaxWebsiteChars).value_or("");
  RETURN_IF_ERROR(f.status());
  return in;
}

// PATCH changes only what UpdateOrganisation changes; kind and the official
// codes are fixed at creation, so sending them is an error rather than a
// change that is silently dropped. Members left out keep their value.
StatusOr<OrganisationInput> ReadOrganisationUpdate(const json& body, const Organisation& current) {
  http::JsonFields f(body, {"name", "description", "website"});
  OrganisationInput in;
  in.name = f.OptionalString("name", kMaxOrganisationNameChars).value_or(current.name);
  in.description =
      f.OptionalString("description", kMaxDescriptionChars).value_or(current.description);
  in.website = f.OptionalString("website", kMaxWebsiteChars).value_or(current.website);
  RETURN_IF_ERROR(f.status());
  return in;
}

void RegisterOrganisationApi(web::Router& router, const AccountRouteDeps& deps) {
  router.Get("/api/v1/organisations", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(http::PageRequest page, http::ParsePageRequest(r));
      std::optional<OrganisationKind> kind;
      if (auto k = r.Query("kind")) {
        kind = ParseOrganisationKind(*k);
        if (!kind) {
          Status bad = InvalidArgumentError("validation.failed");
          bad.AddInvalid("kind", "accounts.organisation.kind.invalid", *k);
          return bad;
        }
      }
      ASSIGN_OR_RETURN(auto found, deps.organisations.SearchOrganisations(
                                       r.Query("q").value_or(""), kind, {page.page, page.limit}));
      return web::Json(200,
                       http::PagedJson(Items(found.items, OrganisationJson), page, found.total));
    });
  });
  router.Post("/api/v1/organisations", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      ASSIGN_OR_RETURN(OrganisationInput in, ReadOrganisationCreate(body));
      ASSIGN_OR_RETURN(Organisation org, deps.organisations.CreateOrganisation(ctx.actor, in));
      http::Response created = web::Json(201, OrganisationJson(org));
      created.headers.Set("Location", "/api/v1/organisations/" + std::to_string(org.id));
      return created;
    });
  });
  router.Get("/api/v1/organisations/{id:int}",
             [deps](const http::Request& r, web::RequestContext& ctx) {
               return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
                 ASSIGN_OR_RETURN(Organisation org, deps.organisations.GetOrganisation(web::PathId(r)));
                 return web::Json(200, OrganisationJson(org));
               });
             });
  router.Patch(
      "/api/v1/organisations/{id:int}", [deps](const http::Request& r, web::RequestContext& ctx) {
        return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
          ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
          ASSIGN_OR_RETURN(Organisation current, deps.organisations.GetOrganisation(web::PathId(r)));
          ASSIGN_OR_RETURN(OrganisationInput in, ReadOrganisationUpdate(body, current));
          ASSIGN_OR_RETURN(Organisation org,
                           deps.organisations.UpdateOrganisation(ctx.actor, current.id, in));
          return web::Json(200, OrganisationJson(org));
        });
      });
  router.Get("/api/v1/organisations/{id:int}/units",
             [deps](const http::Request& r, web::RequestContext& ctx) {
               return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
                 ASSIGN_OR_RETURN(Organisation org, deps.organisations.GetOrganisation(web::PathId(r)));
                 ASSIGN_OR_RETURN(std::vector<Unit> units, deps.organisations.ListUnits(org.id));
                 return web::Json(200, http::WholeListJson(Items(units, UnitJson)));
               });
             });
  router.Post("/api/v1/organisations/{id:int}/units",
              [deps](const http::Request& r, web::RequestContext& ctx) {
                return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
                  ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
                  http::JsonFields f(body, {"name", "parent_id"});
                  std::string name = f.RequiredString("name", kMaxUnitNameChars);
                  std::optional<std::int64_t> parent = f.OptionalInt("parent_id", 1, INT64_MAX);
                  RETURN_IF_ERROR(f.status());
                  ASSIGN_OR_RETURN(Unit unit, deps.organisations.CreateUnit(ctx.actor, web::PathId(r),
                                                                            name, parent));
                  return web::Json(201, UnitJson(unit));
                });
              });
}

void RegisterMembershipApi(web::Router& router, const AccountRouteDeps& deps) {
  router.Get("/api/v1/organisations/{id:int}/members", [deps](const http::Request& r,
                                                              web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(http::PageRequest page, http::ParsePageRequest(r));
      ASSIGN_OR_RETURN(auto found, deps.organisations.ListMembers(ctx.actor, web::PathId(r),
                                                                  {page.page, page.limit}));
      return web::Json(200, http::PagedJson(Items(found.items, MembershipJson), page, found.total));
    });
  });
  router.Post("/api/v1/organisations/{id:int}/members",
              [deps](const http::Request& r, web::RequestContext& ctx) {
                return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
                  ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
                  http::JsonFields f(body, {"email", "role", "unit_id"});
                  std::string email = f.RequiredString("email", kMaxEmailChars);
                  std::string role_name = f.RequiredString("role", 40);
                  std::optional<std::int64_t> unit = f.OptionalInt("unit_id", 1, INT64_MAX);
                  RETURN_IF_ERROR(f.status());
                  auto role = ParseRole(role_name);
                  if (!role) {
                    Status bad = InvalidArgumentError("validation.failed");
                    bad.AddInvalid("role", "accounts.members.role.invalid", role_name);
                    return bad;
                  }
                  ASSIGN_OR_RETURN(Membership m, deps.organisations.GrantRole(ctx.actor, web::PathId(r),
                                                                              email, *role, unit));
                  return web::Json(201, MembershipJson(m));
                });
              });
  router.Delete("/api/v1/memberships/{id:int}",
                [deps](const http::Request& r, web::RequestContext& ctx) {
                  return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
                    RETURN_IF_ERROR(deps.organisations.RevokeMembership(ctx.actor, web::PathId(r)));
                    return http::Response::Text(204, "");
                  });
                });
  router.Get(
      "/api/v1/organisations/{id:int}/membership-requests",
      [deps](const http::Request& r, web::RequestContext& ctx) {
        return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
          ASSIGN_OR_RETURN(auto pending, deps.organisations.PendingRequests(ctx.actor, web::PathId(r)));
          return web::Json(200, http::WholeListJson(Items(pending, RequestJson)));
        });
      });
  router.Post(
      "/api/v1/organisations/{id:int}/membership-requests",
      [deps](const http::Request& r, web::RequestContext& ctx) {
        return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
          ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
          http::JsonFields f(body, {"message"});
          std::string message = f.OptionalString("message", kMaxRequestMessageChars).value_or("");
          RETURN_IF_ERROR(f.status());
          ASSIGN_OR_RETURN(MembershipRequest q,
                           deps.organisations.RequestMembership(ctx.actor, web::PathId(r), message));
          return web::Json(201, RequestJson(q));
        });
      });
  router.Post("/api/v1/membership-requests/{id:int}/decision", [deps](const http::Request& r,
                                                                      web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      http::JsonFields f(body, {"approve"});
      std::optional<bool> approve = f.OptionalBool("approve");
      if (!approve && f.status().ok()) {
        Status bad = InvalidArgumentError("validation.failed");
        bad.AddInvalid("approve", "validation.required");
        return bad;
      }
      RETURN_IF_ERROR(f.status());
      RETURN_IF_ERROR(deps.organisations.DecideRequest(ctx.actor, web::PathId(r), *approve));
      return http::Response::Text(204, "");
    });
  });
}

StatusOr<TokenInput> ReadTokenInput(const http::Request& r) {
  ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
  http::JsonFields f(body, {"name", "scopes", "expires_in_days"});
  TokenInput in;
  in.name = f.RequiredString("name", 100);
  in.expires_in_days =
      static_cast<int>(f.OptionalInt("expires_in_days", 1, kMaxTokenDays).value_or(90));
  RETURN_IF_ERROR(f.status());
  ASSIGN_OR_RETURN(in.scopes, StringList(body, "scopes"));
  return in;
}

json CreatedTokenJson(const CreatedToken& t) {
  json out = TokenJson(t.token);
  out["token"] = t.secret;  // the only time it is shown
  return out;
}

void RegisterTokenApi(web::Router& router, const AccountRouteDeps& deps) {
  router.Get("/api/v1/tokens", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(auto tokens, deps.tokens.ListPersonalTokens(ctx.actor));
      return web::Json(200, http::WholeListJson(Items(tokens, TokenJson)));
    });
  });
  router.Post("/api/v1/tokens", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(TokenInput in, ReadTokenInput(r));
      ASSIGN_OR_RETURN(CreatedToken t, deps.tokens.CreatePersonalToken(ctx.actor, in));
      return web::Json(201, CreatedTokenJson(t));
    });
  });
  router.Delete("/api/v1/tokens/{id:int}",
                [deps](const http::Request& r, web::RequestContext& ctx) {
                  return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
                    RETURN_IF_ERROR(deps.tokens.RevokeToken(ctx.actor, web::PathId(r)));
                    return http::Response::Text(204, "");
                  });
                });
  router.Get("/api/v1/organisations/{id:int}/tokens", [deps](const http::Request& r,
                                                             web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(auto tokens, deps.tokens.ListServiceTokens(ctx.actor, web::PathId(r)));
      return web::Json(200, http::WholeListJson(Items(tokens, TokenJson)));
    });
  });
  router.Post("/api/v1/organisations/{id:int}/tokens", [deps](const http::Request& r,
                                                              web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(TokenInput in, ReadTokenInput(r));
      ASSIGN_OR_RETURN(CreatedToken t, deps.tokens.CreateServiceToken(ctx.actor, web::PathId(r), in));
      return web::Json(201, CreatedTokenJson(t));
    });
  });
}

json AuditEntryJson(const audit::AuditEntry& e) {
  return {{"id", e.id},
          {"seq", e.seq},
          {"occurred_at", FormatRfc3339(e.occurred_at)},
          {"actor", e.actor},
          {"actor_role", e.actor_role},
          {"action", e.action},
          {"entity_type", e.entity_type},
          {"entity_id", e.entity_id},
          {"details", json::parse(e.details, nullptr, false)},
          {"entry_hash", e.entry_hash}};
}

void RegisterAuditApi(web::Router& router, const AccountRouteDeps& deps) {
  router.Get("/api/v1/organisations/{id:int}/audit-entries",
             [deps](const http::Request& r, web::RequestContext& ctx) {
               return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
                 std::int64_t org = web::PathId(r);
                 if (!CanReadAuditLog(ctx.actor, org))
                   return DenyAccess(ctx.actor, "accounts.audit.denied");
                 ASSIGN_OR_RETURN(http::PageRequest page, http::ParsePageRequest(r));
                 ASSIGN_OR_RETURN(audit::EntryPage entries,
                                  deps.audit.ListEntries(deps.db, org, page.page, page.limit));
                 return web::Json(200, http::PagedJson(Items(entries.entries, AuditEntryJson), page,
                                                       entries.total));
               });
             });
  router.Get("/api/v1/organisations/{id:int}/audit-entries/export",
             [deps](const http::Request& r, web::RequestContext& ctx) {
               return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
                 std::int64_t org = web::PathId(r);
                 if (!CanReadAuditLog(ctx.actor, org))
                   return DenyAccess(ctx.actor, "accounts.audit.denied");
                 std::ostringstream out;
                 RETURN_IF_ERROR(deps.audit.ExportJsonLines(deps.db, org, out));
                 RETURN_IF_ERROR(deps.db.Write([&](db::Tx& tx) {
                   return deps.audit
                       .Append(tx, MakeAuditEvent(ctx.actor, org, "audit.export", "audit_chain",
                                                  std::to_string(org)))
                       .status();
                 }));
                 http::Response response =
                     http::Response::Text(200, out.str(), "application/x-ndjson");
                 response.headers.Set("Content-Disposition", "attachment; filename=\"audit-" +
                                                                 std::to_string(org) + ".jsonl\"");
                 return response;
               });
             });
  router.Get("/api/v1/audit-heads", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      if (!CanReadAuditLog(ctx.actor, 0)) return DenyAccess(ctx.actor, "accounts.audit.denied");
      ASSIGN_OR_RETURN(std::vector<audit::ChainHead> heads, deps.audit.Heads(deps.db));
      json items = json::array();
      for (const auto& h : heads) {
        items.push_back({{"chain_id", h.chain_id}, {"seq", h.seq}, {"entry_hash", h.entry_hash}});
      }
      return web::Json(200, http::WholeListJson(items));
    });
  });
}

}  // namespace

void RegisterAccountsApi(web::Router& router, const AccountRouteDeps& deps) {
  RegisterPersonAndSessionApi(router, deps);
  RegisterOrganisationApi(router, deps);
  RegisterMembershipApi(router, deps);
  RegisterTokenApi(router, deps);
  RegisterAuditApi(router, deps);
}

}  // namespace nyttig::accounts
