#include "ideas/idea_permissions.h"

namespace nyttig::ideas {
namespace {

using accounts::Actor;
using accounts::Role;
using accounts::TokenScope;

bool IsPerson(const Actor& actor) { return actor.person_id.has_value(); }

bool IsAuthorOf(const Actor& actor, const Idea& idea) {
  return IsPerson(actor) && idea.IsAuthor(*actor.person_id);
}

bool Live(const Idea& idea) { return !idea.culled_at.has_value(); }

}  // namespace

bool IsIdeaCoordinator(const Actor& actor, OrganisationId org, TokenScope scope) {
  if (!actor.HasScope(scope)) return false;
  if (actor.service_organisation) return *actor.service_organisation == org;
  return actor.HasRole(org, Role::kCoordinator) || actor.HasRole(org, Role::kAdmin);
}

bool IsDecisionMaker(const Actor& actor, OrganisationId org) {
  return IsPerson(actor) && actor.HasScope(TokenScope::kWrite) &&
         actor.HasRole(org, Role::kDecisionMaker);
}

bool CanViewIdea(const Actor& actor, const Idea& idea) {
  if (!Live(idea)) return false;
  if (IsIdeaCoordinator(actor, idea.organisation_id, TokenScope::kRead)) return true;
  if (actor.authenticated() && !actor.HasScope(TokenScope::kRead)) return false;
  if (IsAuthorOf(actor, idea)) return true;
  if (idea.anonymous || idea.unpublished_at) return false;
  return idea.visibility == Visibility::kPublic || actor.IsMemberOf(idea.organisation_id);
}

bool CanSubmitStaffIdea(const Actor& actor, OrganisationId org) {
  return IsPerson(actor) && actor.CanWrite() && actor.IsMemberOf(org);
}

bool CanSubmitToIdeaBox(const Actor& actor, const IdeaSettings& settings) {
  if (!settings.public_box_open) return false;
  if (!actor.authenticated()) return settings.anonymous_allowed;
  return IsPerson(actor) && actor.CanWrite();
}

bool CanEditIdea(const Actor& actor, const Idea& idea) {
  if (!Live(idea)) return false;
  if (IsIdeaCoordinator(actor, idea.organisation_id)) return true;
  return IsAuthorOf(actor, idea) && actor.CanWrite() && idea.stage.kind == StageKind::kIdea;
}

bool CanMoveIdea(const Actor& actor, const Idea& idea, const Stage& target) {
  if (!Live(idea) || target.organisation_id != idea.organisation_id) return false;
  const OrganisationId org = idea.organisation_id;
  switch (target.kind) {
    case StageKind::kTest:
    case StageKind::kImplementation:
      return IsDecisionMaker(actor, org);
    case StageKind::kParked:
    case StageKind::kClosed:
      return IsIdeaCoordinator(actor, org) || IsDecisionMaker(actor, org);
    case StageKind::kIdea:
    case StageKind::kAssessment:
    case StageKind::kSpread:
      return IsIdeaCoordinator(actor, org);
  }
  return false;
}

bool CanGiveFeedback(const Actor& actor, const Idea& idea) {
  if (!Live(idea)) return false;
  if (IsIdeaCoordinator(actor, idea.organisation_id)) return true;
  return IsPerson(actor) && actor.CanWrite() && idea.owner_id == actor.person_id &&
         actor.IsMemberOf(idea.organisation_id);
}

bool CanUnpublishIdea(const Actor& actor, const Idea& idea) {
  return Live(idea) && IsIdeaCoordinator(actor, idea.organisation_id);
}

bool CanManageIdeaSettings(const Actor& actor, OrganisationId org) {
  if (IsPerson(actor) && actor.platform_admin && actor.HasScope(TokenScope::kWrite)) return true;
  return IsIdeaCoordinator(actor, org);
}

bool CanSeeOverdueIdeas(const Actor& actor, OrganisationId org) {
  return IsIdeaCoordinator(actor, org, TokenScope::kRead);
}

bool CanCullIdeas(const Actor& actor, OrganisationId org) {
  if (!actor.HasScope(TokenScope::kAdmin)) return false;
  if (actor.service_organisation) return *actor.service_organisation == org;
  return actor.HasRole(org, Role::kAdmin);
}

}  // namespace nyttig::ideas
