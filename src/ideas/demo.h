// Demo content of the ideas module for `nyttig demo`: Exempelby kommun and
// three real organisations from the register get ideas in every kind of
// stage, with history, feedback and submissions through the public idea box.
// Written for this project. Idempotent: an organisation that already has
// ideas is left alone.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "accounts/actor.h"
#include "accounts/organisation_service.h"
#include "ideas/idea_service.h"

namespace nyttig::ideas {

// The people who act in one organisation's demo.
struct DemoCast {
  accounts::Actor coordinator;
  accounts::Actor employee;
  accounts::Actor decision_maker;
  accounts::Actor citizen;  // a logged-in person outside the organisation
};

// Supplies the cast of an organisation (the app creates the people).
using DemoCastFor = std::function<StatusOr<DemoCast>(const accounts::Organisation&)>;

// The slugs of the organisations that get demo ideas, Exempelby first.
const std::vector<std::string>& DemoOrganisationSlugs();

// Loads the ideas; returns how many were created (0 on a second run).
StatusOr<int> LoadDemo(IdeaService& ideas, accounts::OrganisationService& organisations,
                       const accounts::Actor& platform_admin, const DemoCastFor& cast_for);

}  // namespace nyttig::ideas
