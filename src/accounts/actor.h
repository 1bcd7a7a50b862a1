// Actor: who is asking, as every service sees it. Built once per request from
// a session cookie or a bearer token (or anonymous), then passed by const
// reference to the services, whose permission predicates read it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "accounts/accounts.h"
#include "audit/audit_entry.h"

namespace nyttig::accounts {

enum class AuthMethod { kAnonymous, kSession, kToken };

// What a bearer token may do, ordered: write includes read, admin includes
// both. A session can do everything its person can.
enum class TokenScope { kRead, kWrite, kAdmin };

struct Actor {
  std::optional<PersonId> person_id;
  std::string display_name;
  bool platform_admin = false;
  std::vector<Membership> memberships;
  AuthMethod method = AuthMethod::kAnonymous;
  // For tokens: the scopes granted; a service token acts only for its
  // organisation (service_organisation) with its scopes.
  std::vector<TokenScope> scopes;
  std::optional<OrganisationId> service_organisation;
  // The session acted through (AuthMethod::kSession via ResolveSession), so
  // that ending "every other session" can keep this one.
  std::optional<std::int64_t> session_id;
  // From where (personal data: kept out of audit chains, erased by retention).
  std::string client_address;
  std::string user_agent;

  static Actor Anonymous() { return {}; }

  bool authenticated() const { return person_id.has_value() || service_organisation.has_value(); }
  bool HasRole(OrganisationId org, Role role) const;
  bool IsMemberOf(OrganisationId org) const;
  // True when the actor may write (sessions always; tokens with write/admin).
  bool CanWrite() const;
  bool HasScope(TokenScope scope) const;
  // "citizen" when authenticated without memberships; for audit records.
  std::string PrimaryRoleName(std::optional<OrganisationId> org) const;
};

// An audit event for something `actor` did in organisation `org` (nullopt:
// the platform chain), with the actor's role there and origin filled in.
audit::AuditEvent MakeAuditEvent(const Actor& actor, std::optional<OrganisationId> org,
                                 std::string action, std::string entity_type,
                                 std::string entity_id,
                                 nlohmann::json details = nlohmann::json::object());

std::string_view TokenScopeName(TokenScope scope);
std::optional<TokenScope> ParseTokenScope(std::string_view name);

}  // namespace nyttig::accounts
