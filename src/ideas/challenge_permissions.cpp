#include "ideas/challenge_permissions.h"

#include "ideas/idea_permissions.h"

namespace nyttig::ideas {
namespace {

using accounts::Actor;
using accounts::TokenScope;

bool IsHostCoordinator(const Actor& actor, const Challenge& challenge, TokenScope scope) {
  for (OrganisationId org : challenge.HostIds()) {
    if (IsIdeaCoordinator(actor, org, scope)) return true;
  }
  return false;
}

bool IsHostMember(const Actor& actor, const Challenge& challenge) {
  for (OrganisationId org : challenge.HostIds()) {
    if (actor.IsMemberOf(org)) return true;
  }
  return false;
}

// Invited and not yet answered: its coordinators read the challenge to decide.
bool IsInvitedCoordinator(const Actor& actor, const Challenge& challenge) {
  for (const ChallengeHost& host : challenge.hosts) {
    if (!host.accepted() && IsIdeaCoordinator(actor, host.organisation_id, TokenScope::kRead)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool CanCreateChallenge(const Actor& actor, OrganisationId lead) {
  return IsIdeaCoordinator(actor, lead);
}

bool CanManageChallenge(const Actor& actor, const Challenge& challenge) {
  return IsHostCoordinator(actor, challenge, TokenScope::kWrite);
}

bool CanViewChallenge(const Actor& actor, const Challenge& challenge) {
  if (IsHostCoordinator(actor, challenge, TokenScope::kRead)) return true;
  if (IsInvitedCoordinator(actor, challenge)) return true;
  if (!challenge.published_at) return false;
  if (actor.authenticated() && !actor.HasScope(TokenScope::kRead)) return false;
  return challenge.audience == ChallengeAudience::kPublic || IsHostMember(actor, challenge);
}

bool CanAnswerCoHostInvitation(const Actor& actor, const Challenge& challenge,
                               OrganisationId org) {
  for (const ChallengeHost& host : challenge.hosts) {
    if (host.organisation_id == org) return !host.lead && IsIdeaCoordinator(actor, org);
  }
  return false;
}

const ChallengeHost* InvitationFor(const Actor& actor, const Challenge& challenge) {
  for (const ChallengeHost& host : challenge.hosts) {
    if (!host.accepted() && CanAnswerCoHostInvitation(actor, challenge, host.organisation_id)) {
      return &host;
    }
  }
  return nullptr;
}

bool CanSubmitToChallenge(const Actor& actor, const Challenge& challenge, UnixSeconds now) {
  if (challenge.PhaseAt(now) != ChallengePhase::kOpen) return false;
  if (!actor.person_id || !actor.CanWrite()) return false;
  return challenge.audience == ChallengeAudience::kPublic || IsHostMember(actor, challenge);
}

bool CanEditChallenge(const Actor& actor, const Challenge& challenge, UnixSeconds now) {
  ChallengePhase phase = challenge.PhaseAt(now);
  return CanManageChallenge(actor, challenge) &&
         (phase == ChallengePhase::kDraft || phase == ChallengePhase::kUpcoming ||
          phase == ChallengePhase::kOpen);
}

bool CanPublishChallengeResults(const Actor& actor, const Challenge& challenge, UnixSeconds now) {
  ChallengePhase phase = challenge.PhaseAt(now);
  return CanManageChallenge(actor, challenge) &&
         (phase == ChallengePhase::kClosed || phase == ChallengePhase::kDecided);
}

}  // namespace nyttig::ideas
