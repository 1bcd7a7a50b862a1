// Who may do what in the accounts module: pure predicates over an Actor,
// one per action, in one place. Services call them before any change;
// tests/accounts/permissions_test.cpp checks them as a role × action matrix.
//
// Rules in words:
//  - anyone (also anonymous) may see organisations and their public page;
//  - members of an organisation may see its members and units;
//  - the organisation's admin manages memberships, units, requests, the
//    organisation's details, its service tokens, and reads its audit log;
//  - a platform admin may do all of that everywhere, and create
//    organisations;
//  - any logged-in person may ask to join an organisation they are not in,
//    and manage their own personal tokens.
// Bearer tokens add a scope check: reading needs `read`, changing `write`,
// administration `admin`; a service token acts only for its organisation.
#pragma once

#include "accounts/accounts.h"
#include "accounts/actor.h"
#include "core/status.h"

namespace nyttig::accounts {

bool CanViewOrganisation(const Actor& actor, OrganisationId org);
bool CanCreateOrganisation(const Actor& actor);
bool CanEditOrganisation(const Actor& actor, OrganisationId org);
bool CanListMembers(const Actor& actor, OrganisationId org);
bool CanManageMemberships(const Actor& actor, OrganisationId org);
bool CanManageUnits(const Actor& actor, OrganisationId org);
bool CanRequestMembership(const Actor& actor, OrganisationId org);
bool CanReadAuditLog(const Actor& actor, OrganisationId org);  // org 0: the platform chain
bool CanManageServiceTokens(const Actor& actor, OrganisationId org);
bool CanManagePersonalTokens(const Actor& actor);

// The error for a refused action: kUnauthenticated ("log in first") when the
// actor is anonymous, so clients get 401 and pages send people to log in;
// kPermissionDenied with the message key otherwise.
Status DenyAccess(const Actor& actor, std::string message_key);

}  // namespace nyttig::accounts
