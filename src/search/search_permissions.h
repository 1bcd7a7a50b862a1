// Who may find what: the documents an actor may see in search results,
// related items and facet counts (see Audience in search_document.h).
//
//   public        anyone, also anonymous
//   organisation  members of the document's organisation (any role)
//   coordinators  coordinators and admins of the document's organisation
//   nobody        no one (unpublished or culled); platform admins included,
//                 since they read records through each module's own pages
//
// Thread-safety: pure functions over values.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "search/search_document.h"

namespace nyttig::accounts {
struct Actor;
}

namespace nyttig::search {

struct Visibility {
  std::vector<std::int64_t> member_of;       // organisation ids (any role)
  std::vector<std::int64_t> coordinator_of;  // coordinator or admin there
};

// What `actor` may see; anonymous actors see public documents only.
Visibility VisibilityFor(const accounts::Actor& actor);

// True when `visibility` admits a document with this audience and organisation.
bool CanFind(const Visibility& visibility, Audience audience,
             std::optional<std::int64_t> organisation_id);

}  // namespace nyttig::search
