#include "knowledge/permissions.h"

namespace nyttig::knowledge {
namespace {

using accounts::Role;

bool HasAnyRole(const Actor& actor, OrganisationId org, std::initializer_list<Role> roles) {
  for (Role role : roles) {
    if (actor.HasRole(org, role)) return true;
  }
  return false;
}

bool Leads(const Actor& actor, OrganisationId org) {
  return actor.platform_admin || HasAnyRole(actor, org, {Role::kCoordinator, Role::kAdmin});
}

bool IsAuthor(const Actor& actor, const Case& c) {
  return actor.person_id && c.created_by && *actor.person_id == *c.created_by &&
         actor.IsMemberOf(c.organisation_id);
}

}  // namespace

bool CanViewDocument(const Actor& actor, std::optional<OrganisationId> org, bool is_public) {
  return is_public || actor.platform_admin || (org && actor.IsMemberOf(*org));
}

bool CanAddDocument(const Actor& actor, std::optional<OrganisationId> org) {
  if (!actor.CanWrite()) return false;
  if (!org) return actor.platform_admin;
  return Leads(actor, *org);
}

bool CanCreateCase(const Actor& actor, OrganisationId org) {
  return actor.CanWrite() && (actor.IsMemberOf(org) || actor.platform_admin);
}

bool CanViewCase(const Actor& actor, const Case& c) {
  if (c.state == CaseState::kPublished) return true;
  return IsAuthor(actor, c) || Leads(actor, c.organisation_id);
}

bool CanEditCase(const Actor& actor, const Case& c) {
  if (!actor.CanWrite()) return false;
  if (Leads(actor, c.organisation_id)) return true;
  return c.state == CaseState::kDraft && IsAuthor(actor, c);
}

bool CanReviewCase(const Actor& actor, const Case& c) {
  return actor.CanWrite() && Leads(actor, c.organisation_id);
}

bool CanRecordAdoption(const Actor& actor, OrganisationId adopter, const Case& c) {
  if (!actor.CanWrite() || c.state != CaseState::kPublished) return false;
  if (adopter == c.organisation_id) return false;  // spread means someone else
  return actor.platform_admin ||
         HasAnyRole(actor, adopter, {Role::kCoordinator, Role::kDecisionMaker, Role::kAdmin});
}

}  // namespace nyttig::knowledge
