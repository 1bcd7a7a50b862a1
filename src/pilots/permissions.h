// Who may do what with pilots: pure predicates over an Actor, one per action.
// PilotService calls them before any change; tests/pilots/permissions_test.cpp
// checks them as a role × action matrix.
//
// Rules in words:
//  - staff of the organisation (any role) read its pilots; anyone, also
//    anonymous, reads a published pilot;
//  - coordinators (and the organisation's admins) plan pilots, change their
//    state, publish them and enter measurements, until a pilot is decided;
//  - decision-makers of the organisation record the decision;
//  - a platform admin reads everything, changes nothing here;
//  - a service token acts for its own organisation with its scopes.
#pragma once

#include "accounts/actor.h"
#include "pilots/pilot.h"

namespace nyttig::pilots {

bool CanViewPilot(const accounts::Actor& actor, const Pilot& pilot);
bool CanPlanPilot(const accounts::Actor& actor, std::int64_t organisation_id);
bool CanEditPilot(const accounts::Actor& actor, const Pilot& pilot);
bool CanEnterMeasurements(const accounts::Actor& actor, const Pilot& pilot);
bool CanDecidePilot(const accounts::Actor& actor, const Pilot& pilot);

}  // namespace nyttig::pilots
