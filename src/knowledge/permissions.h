// Who may do what in the knowledge module: pure predicates over an Actor,
// tested as a role × action matrix in tests/knowledge/permissions_test.cpp.
//
// Rules in words:
//  - public documents and published cases are for everyone, also anonymous;
//    an organisation's internal documents for its members;
//  - coordinators and admins add documents to their organisation's library;
//    only platform admins add to the shared library;
//  - any member drafts a case for their organisation; the author and the
//    organisation's coordinators and admins see and edit it before it is
//    published; only coordinators and admins review and publish (and edit
//    what is published, which keeps a version);
//  - an organisation's coordinators, decision makers and admins record,
//    change and withdraw its adoptions of other organisations' cases.
// Writes also need a session or a write-scoped token (Actor::CanWrite).
#pragma once

#include <optional>

#include "accounts/actor.h"
#include "knowledge/case.h"

namespace nyttig::knowledge {

using accounts::Actor;
using accounts::OrganisationId;

bool CanViewDocument(const Actor& actor, std::optional<OrganisationId> org, bool is_public);
bool CanAddDocument(const Actor& actor, std::optional<OrganisationId> org);

bool CanCreateCase(const Actor& actor, OrganisationId org);
bool CanViewCase(const Actor& actor, const Case& c);
bool CanEditCase(const Actor& actor, const Case& c);
bool CanReviewCase(const Actor& actor, const Case& c);

bool CanRecordAdoption(const Actor& actor, OrganisationId adopter, const Case& c);

}  // namespace nyttig::knowledge
