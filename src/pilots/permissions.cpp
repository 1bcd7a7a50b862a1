#include "pilots/permissions.h"

namespace nyttig::pilots {
namespace {

using accounts::Actor;
using accounts::Role;
using accounts::TokenScope;

// A member of `org` in one of `roles`, acting with `scope`; a service token
// of `org` stands in for the organisation's staff.
bool HasOrgRole(const Actor& actor, std::int64_t org, std::initializer_list<Role> roles,
                TokenScope scope) {
  if (!actor.HasScope(scope)) return false;
  if (actor.service_organisation) return *actor.service_organisation == org;
  for (Role role : roles) {
    if (actor.HasRole(org, role)) return true;
  }
  return false;
}

}  // namespace

bool CanViewPilot(const Actor& actor, const Pilot& pilot) {
  if (pilot.published) return true;
  if (!actor.HasScope(TokenScope::kRead)) return false;
  if (actor.service_organisation) return *actor.service_organisation == pilot.organisation_id;
  return actor.platform_admin || actor.IsMemberOf(pilot.organisation_id);
}

bool CanPlanPilot(const Actor& actor, std::int64_t organisation_id) {
  return HasOrgRole(actor, organisation_id, {Role::kCoordinator, Role::kAdmin},
                    TokenScope::kWrite);
}

bool CanEditPilot(const Actor& actor, const Pilot& pilot) {
  return pilot.state != PilotState::kDecided && CanPlanPilot(actor, pilot.organisation_id);
}

bool CanEnterMeasurements(const Actor& actor, const Pilot& pilot) {
  return CanEditPilot(actor, pilot);
}

bool CanDecidePilot(const Actor& actor, const Pilot& pilot) {
  return pilot.state != PilotState::kDecided && actor.person_id.has_value() &&
         HasOrgRole(actor, pilot.organisation_id, {Role::kDecisionMaker}, TokenScope::kWrite);
}

}  // namespace nyttig::pilots
