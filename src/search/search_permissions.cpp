#include "search/search_permissions.h"

#include <algorithm>

#include "accounts/actor.h"

namespace nyttig::search {
namespace {

bool Contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

Visibility VisibilityFor(const accounts::Actor& actor) {
  Visibility visibility;
  for (const accounts::Membership& membership : actor.memberships) {
    visibility.member_of.push_back(membership.organisation_id);
    if (membership.role == accounts::Role::kCoordinator ||
        membership.role == accounts::Role::kAdmin) {
      visibility.coordinator_of.push_back(membership.organisation_id);
    }
  }
  // A service token acts for its organisation as a member would.
  if (actor.service_organisation && !Contains(visibility.member_of, *actor.service_organisation)) {
    visibility.member_of.push_back(*actor.service_organisation);
  }
  return visibility;
}

bool CanFind(const Visibility& visibility, Audience audience,
             std::optional<std::int64_t> organisation_id) {
  switch (audience) {
    case Audience::kPublic:
      return true;
    case Audience::kOrganisation:
      return organisation_id && Contains(visibility.member_of, *organisation_id);
    case Audience::kCoordinators:
      return organisation_id && Contains(visibility.coordinator_of, *organisation_id);
    case Audience::kNobody:
      return false;
  }
  return false;
}

}  // namespace nyttig::search
