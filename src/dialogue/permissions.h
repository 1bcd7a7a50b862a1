// Who may do what in the dialogue module: pure predicates over an Actor and
// a Dialogue, one per action. The service calls them before any change;
// tests/dialogue/permissions_test.cpp checks them as a role × action matrix.
//
// Rules in words:
//  - organisers are the organisation's coordinators and admins (and platform
//    admins, and the organisation's service tokens with the write scope):
//    they open, change and close dialogues, moderate statements and export;
//  - anyone may see a dialogue once it has opened, and its results; an
//    organiser also before;
//  - taking part (voting, submitting statements) needs the dialogue to be
//    open and a logged-in person, or any browser where the organisation
//    allows anonymous participation; statements also need the dialogue to
//    take them. Employees and decision makers take part like anyone else.
// Bearer tokens add the usual scope floor: changing needs `write`.
#pragma once

#include "accounts/actor.h"
#include "dialogue/dialogue.h"

namespace nyttig::dialogue {

bool CanCreateDialogue(const accounts::Actor& actor, std::int64_t organisation_id);
bool CanEditDialogue(const accounts::Actor& actor, const Dialogue& dialogue);
bool CanModerateDialogue(const accounts::Actor& actor, const Dialogue& dialogue);
bool CanExportDialogue(const accounts::Actor& actor, const Dialogue& dialogue);
bool CanViewDialogue(const accounts::Actor& actor, const Dialogue& dialogue, UnixSeconds now);
bool CanVote(const accounts::Actor& actor, const Dialogue& dialogue, UnixSeconds now);
bool CanSubmitStatement(const accounts::Actor& actor, const Dialogue& dialogue, UnixSeconds now);

}  // namespace nyttig::dialogue
