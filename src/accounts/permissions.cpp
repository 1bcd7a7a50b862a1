#include "accounts/permissions.h"

namespace nyttig::accounts {
namespace {

// A person acting through a session or a token with `scope`, for `org`.
bool IsOrgAdmin(const Actor& actor, OrganisationId org, TokenScope scope) {
  if (!actor.HasScope(scope)) return false;
  if (actor.service_organisation) return *actor.service_organisation == org;
  return actor.platform_admin || actor.HasRole(org, Role::kAdmin);
}

bool IsPerson(const Actor& actor) { return actor.person_id.has_value(); }

}  // namespace

bool CanViewOrganisation(const Actor&, OrganisationId) { return true; }

bool CanCreateOrganisation(const Actor& actor) {
  return IsPerson(actor) && actor.platform_admin && actor.HasScope(TokenScope::kAdmin);
}

bool CanEditOrganisation(const Actor& actor, OrganisationId org) {
  return IsOrgAdmin(actor, org, TokenScope::kWrite);
}

bool CanListMembers(const Actor& actor, OrganisationId org) {
  if (!actor.HasScope(TokenScope::kRead)) return false;
  if (actor.service_organisation) return *actor.service_organisation == org;
  return actor.platform_admin || actor.IsMemberOf(org);
}

bool CanManageMemberships(const Actor& actor, OrganisationId org) {
  return IsOrgAdmin(actor, org, TokenScope::kAdmin);
}

bool CanManageUnits(const Actor& actor, OrganisationId org) {
  return IsOrgAdmin(actor, org, TokenScope::kWrite);
}

bool CanRequestMembership(const Actor& actor, OrganisationId org) {
  return IsPerson(actor) && actor.CanWrite() && !actor.IsMemberOf(org);
}

bool CanReadAuditLog(const Actor& actor, OrganisationId org) {
  if (org == 0) return IsPerson(actor) && actor.platform_admin && actor.HasScope(TokenScope::kAdmin);
  return IsOrgAdmin(actor, org, TokenScope::kAdmin);
}

bool CanManageServiceTokens(const Actor& actor, OrganisationId org) {
  // Tokens never mint tokens: only a person in a browser session.
  return actor.method == AuthMethod::kSession && IsOrgAdmin(actor, org, TokenScope::kAdmin);
}

bool CanManagePersonalTokens(const Actor& actor) {
  return IsPerson(actor) && actor.method == AuthMethod::kSession;
}

Status DenyAccess(const Actor& actor, std::string message_key) {
  if (!actor.authenticated()) return UnauthenticatedError("accounts.login.required");
  return PermissionDeniedError(std::move(message_key));
}

}  // namespace nyttig::accounts
