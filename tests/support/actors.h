// Actors for the permission matrix tests: people in roles and service
// tokens, built without a database (the predicates are pure).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "accounts/actor.h"

namespace nyttig::testing {

// A person logged in with a session, with the given roles.
inline accounts::Actor PersonActor(
    accounts::PersonId id,
    std::vector<std::pair<accounts::OrganisationId, accounts::Role>> roles = {}) {
  accounts::Actor a;
  a.person_id = id;
  a.display_name = "Person " + std::to_string(id);
  a.method = accounts::AuthMethod::kSession;
  for (auto [org, role] : roles) {
    a.memberships.push_back({.person_id = id, .organisation_id = org, .role = role});
  }
  return a;
}

// An organisation's service token with one scope.
inline accounts::Actor ServiceTokenActor(accounts::OrganisationId org,
                                         accounts::TokenScope scope) {
  accounts::Actor a;
  a.method = accounts::AuthMethod::kToken;
  a.service_organisation = org;
  a.scopes = {scope};
  return a;
}

}  // namespace nyttig::testing
