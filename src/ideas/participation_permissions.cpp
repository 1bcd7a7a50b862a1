#include "ideas/participation_permissions.h"

#include "ideas/idea_permissions.h"

namespace nyttig::ideas {
namespace {

using accounts::Actor;
using accounts::Role;
using accounts::TokenScope;

bool Live(const Idea& idea) { return !idea.culled_at.has_value(); }

bool IsWritingPerson(const Actor& actor) {
  return actor.person_id.has_value() && actor.CanWrite();
}

}  // namespace

bool CanManageCriteria(const Actor& actor, OrganisationId org) {
  return IsIdeaCoordinator(actor, org);
}

bool CanViewAssessment(const Actor& actor, const Idea& idea, bool is_reviewer) {
  if (!CanViewIdea(actor, idea)) return false;
  const OrganisationId org = idea.organisation_id;
  if (IsIdeaCoordinator(actor, org, TokenScope::kRead)) return true;
  if (!actor.person_id || !actor.HasScope(TokenScope::kRead)) return false;
  return actor.HasRole(org, Role::kDecisionMaker) || (is_reviewer && actor.IsMemberOf(org));
}

bool CanAssignReviewers(const Actor& actor, const Idea& idea) {
  return Live(idea) && IsIdeaCoordinator(actor, idea.organisation_id);
}

bool CanReviewIdea(const Actor& actor, const Idea& idea, bool is_reviewer) {
  return Live(idea) && is_reviewer && IsWritingPerson(actor) &&
         actor.IsMemberOf(idea.organisation_id);
}

bool CanAnswerLegalChecklist(const Actor& actor, const Idea& idea) {
  if (!Live(idea)) return false;
  return IsIdeaCoordinator(actor, idea.organisation_id) ||
         IsDecisionMaker(actor, idea.organisation_id);
}

bool CanParticipate(const Actor& actor, const Idea& idea) {
  return IsWritingPerson(actor) && CanViewIdea(actor, idea);
}

bool CanEditComment(const Actor& actor, PersonId comment_author, UnixSeconds written_at,
                    bool hidden, UnixSeconds now) {
  return IsWritingPerson(actor) && *actor.person_id == comment_author && !hidden &&
         now - written_at <= kCommentEditWindow;
}

bool CanModerateComments(const Actor& actor, const Idea& idea) {
  return Live(idea) && IsIdeaCoordinator(actor, idea.organisation_id);
}

bool CanMergeIdeas(const Actor& actor, const Idea& duplicate, const Idea& original) {
  return Live(duplicate) && Live(original) && duplicate.id != original.id &&
         duplicate.organisation_id == original.organisation_id &&
         IsIdeaCoordinator(actor, duplicate.organisation_id);
}

bool CanUseBoard(const Actor& actor, OrganisationId org) {
  if (IsIdeaCoordinator(actor, org, TokenScope::kRead)) return true;
  return actor.person_id.has_value() && actor.HasScope(TokenScope::kRead) &&
         actor.HasRole(org, Role::kDecisionMaker);
}

}  // namespace nyttig::ideas
