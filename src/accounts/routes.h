// The accounts module's HTTP surface: pages (register, log in, password,
// profile, organisation directory and page, membership administration) and
// the JSON API under /api/v1/. Handlers parse, call a service, render.
#pragma once

#include "accounts/account_service.h"
#include "accounts/organisation_service.h"
#include "accounts/token_service.h"
#include "audit/audit_log.h"
#include "db/database.h"
#include "web/context.h"
#include "web/renderer.h"

namespace nyttig::accounts {

struct AccountRouteDeps {
  AccountService& accounts;
  OrganisationService& organisations;
  TokenService& tokens;
  const audit::AuditLog& audit;
  db::Database& db;
  const web::Renderer& renderer;
  bool secure_cookies = false;
};

void RegisterAccountRoutes(web::Router& router, const AccountRouteDeps& deps);

// Split by audience; each registers its own routes.
void RegisterAuthPages(web::Router& router, const AccountRouteDeps& deps);
void RegisterOrganisationPages(web::Router& router, const AccountRouteDeps& deps);
void RegisterAccountsApi(web::Router& router, const AccountRouteDeps& deps);
void RegisterTokenAndAuditPages(web::Router& router, const AccountRouteDeps& deps);

// The Set-Cookie value for a new session: lives as long as the session may
// (AccountOptions::session_max_days).
std::string SessionCookie(const AccountRouteDeps& deps, const std::string& token);
// The Set-Cookie value that deletes the session cookie.
std::string ExpiredSessionCookie(const AccountRouteDeps& deps);

}  // namespace nyttig::accounts
