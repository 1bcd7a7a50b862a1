#include "accounts/accounts.h"

#include <algorithm>

#include "accounts/actor.h"

namespace nyttig::accounts {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kEmployee: return "employee";
    case Role::kCoordinator: return "coordinator";
    case Role::kDecisionMaker: return "decision_maker";
    case Role::kAdmin: return "admin";
  }
  return "employee";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role role : kAllRoles) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

std::string_view OrganisationKindName(OrganisationKind kind) {
  switch (kind) {
    case OrganisationKind::kMunicipality: return "municipality";
    case OrganisationKind::kRegion: return "region";
    case OrganisationKind::kAgency: return "agency";
    case OrganisationKind::kCompany: return "company";
    case OrganisationKind::kUniversity: return "university";
    case OrganisationKind::kCivilSociety: return "civil_society";
  }
  return "municipality";
}

std::optional<OrganisationKind> ParseOrganisationKind(std::string_view name) {
  for (OrganisationKind kind : kAllOrganisationKinds) {
    if (OrganisationKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

bool Actor::HasRole(OrganisationId org, Role role) const {
  return std::any_of(memberships.begin(), memberships.end(), [&](const Membership& m) {
    return m.organisation_id == org && m.role == role;
  });
}

bool Actor::IsMemberOf(OrganisationId org) const {
  return std::any_of(memberships.begin(), memberships.end(),
                     [&](const Membership& m) { return m.organisation_id == org; });
}

bool Actor::HasScope(TokenScope scope) const {
  if (method != AuthMethod::kToken) return method == AuthMethod::kSession;
  // Scopes are ordered (read < write < admin): a wider one includes the narrower.
  return std::any_of(scopes.begin(), scopes.end(), [&](TokenScope granted) {
    return static_cast<int>(granted) >= static_cast<int>(scope);
  });
}

bool Actor::CanWrite() const {
  if (method == AuthMethod::kSession) return true;
  return method == AuthMethod::kToken && HasScope(TokenScope::kWrite);
}

std::string Actor::PrimaryRoleName(std::optional<OrganisationId> org) const {
  if (!authenticated()) return "anonymous";
  if (service_organisation) return "service";
  if (platform_admin) return "platform_admin";
  for (Role role : {Role::kAdmin, Role::kDecisionMaker, Role::kCoordinator, Role::kEmployee}) {
    for (const Membership& m : memberships) {
      if (m.role == role && (!org || m.organisation_id == *org)) return std::string(RoleName(role));
    }
  }
  return "citizen";
}

audit::AuditEvent MakeAuditEvent(const Actor& actor, std::optional<OrganisationId> org,
                                 std::string action, std::string entity_type,
                                 std::string entity_id, nlohmann::json details) {
  audit::AuditEvent event;
  event.chain_id = org.value_or(audit::kPlatformChain);
  event.person_id = actor.person_id;
  event.actor_role = actor.PrimaryRoleName(org);
  event.action = std::move(action);
  event.entity_type = std::move(entity_type);
  event.entity_id = std::move(entity_id);
  event.details = std::move(details);
  event.client_address = actor.client_address;
  event.user_agent = actor.user_agent;
  return event;
}

std::string_view TokenScopeName(TokenScope scope) {
  switch (scope) {
    case TokenScope::kRead: return "read";
    case TokenScope::kWrite: return "write";
    case TokenScope::kAdmin: return "admin";
  }
  return "read";
}

std::optional<TokenScope> ParseTokenScope(std::string_view name) {
  for (TokenScope s : {TokenScope::kRead, TokenScope::kWrite, TokenScope::kAdmin}) {
    if (TokenScopeName(s) == name) return s;
  }
  return std::nullopt;
}

}  // namespace nyttig::accounts
