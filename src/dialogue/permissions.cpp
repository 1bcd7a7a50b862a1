#include "dialogue/permissions.h"

namespace nyttig::dialogue {
namespace {

using accounts::Actor;
using accounts::Role;
using accounts::TokenScope;

bool IsOrganiser(const Actor& actor, std::int64_t org) {
  if (!actor.HasScope(TokenScope::kWrite)) return false;
  if (actor.service_organisation) return *actor.service_organisation == org;
  return actor.platform_admin || actor.HasRole(org, Role::kCoordinator) ||
         actor.HasRole(org, Role::kAdmin);
}

// A participant is a person or a browser; a service token is neither.
bool MayTakePart(const Actor& actor, const Dialogue& dialogue) {
  if (actor.service_organisation) return false;
  if (actor.person_id) return actor.CanWrite();
  return dialogue.allow_anonymous;
}

}  // namespace

bool CanCreateDialogue(const Actor& actor, std::int64_t organisation_id) {
  return IsOrganiser(actor, organisation_id);
}

bool CanEditDialogue(const Actor& actor, const Dialogue& dialogue) {
  return IsOrganiser(actor, dialogue.organisation_id);
}

bool CanModerateDialogue(const Actor& actor, const Dialogue& dialogue) {
  return IsOrganiser(actor, dialogue.organisation_id);
}

bool CanExportDialogue(const Actor& actor, const Dialogue& dialogue) {
  return IsOrganiser(actor, dialogue.organisation_id);
}

bool CanViewDialogue(const Actor& actor, const Dialogue& dialogue, UnixSeconds now) {
  return dialogue.opens_at <= now || IsOrganiser(actor, dialogue.organisation_id);
}

bool CanVote(const Actor& actor, const Dialogue& dialogue, UnixSeconds now) {
  return dialogue.IsOpen(now) && MayTakePart(actor, dialogue);
}

bool CanSubmitStatement(const Actor& actor, const Dialogue& dialogue, UnixSeconds now) {
  return dialogue.allow_statements && CanVote(actor, dialogue, now);
}

}  // namespace nyttig::dialogue
