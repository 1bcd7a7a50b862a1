// Demo content of the dialogue module for `nyttig demo`: one open dialogue
// in the demo municipality with seed statements, votes from a few hundred
// pseudonymous participants in three opinion groups spread over the last
// two weeks, and one statement written by a participant (post-moderated, so
// a moderator may take it out); results computed.
// Idempotent: a second run finds the dialogue and changes nothing.
#pragma once

#include "accounts/actor.h"
#include "core/status.h"
#include "dialogue/dialogue_service.h"

namespace nyttig::dialogue {

// Returns the demo dialogue's id. `coordinator` must be an organiser of
// `organisation_id`.
StatusOr<DialogueId> LoadDemo(DialogueService& dialogues, db::Database& db,
                              const accounts::Actor& coordinator, std::int64_t organisation_id);

}  // namespace nyttig::dialogue
