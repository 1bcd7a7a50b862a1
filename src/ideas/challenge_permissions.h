// Who may do what with challenges: pure predicates, checked as a role ×
// action matrix by tests/ideas/challenge_permissions_test.cpp.
//
// Rules in words:
//  - an organisation's coordinators (and admins, and its service token)
//    create challenges led by it and invite other organisations as co-hosts;
//    a co-host counts once one of its own coordinators accepts;
//  - the coordinators of every accepted host edit the challenge, publish it,
//    and after it closes publish (and correct) its results;
//  - a draft is seen only by the hosts' coordinators (and those of an
//    organisation invited to co-host, to decide); once published a
//    public challenge is seen by everybody, a staff challenge by the members
//    of its hosts;
//  - while it is open, anyone logged in submits to a public challenge, the
//    hosts' members to a staff challenge.
// Tokens: reading needs `read`, anything else `write`.
#pragma once

#include "accounts/actor.h"
#include "core/clock.h"
#include "ideas/challenge.h"

namespace nyttig::ideas {

bool CanCreateChallenge(const accounts::Actor& actor, OrganisationId lead);
bool CanManageChallenge(const accounts::Actor& actor, const Challenge& challenge);
bool CanViewChallenge(const accounts::Actor& actor, const Challenge& challenge);
// Accepting (or declining) the invitation of `org` to co-host.
bool CanAnswerCoHostInvitation(const accounts::Actor& actor, const Challenge& challenge,
                               OrganisationId org);
// The invitation the actor may answer on behalf of one of its organisations
// (the first, when it coordinates several invited ones); nullptr when none.
const ChallengeHost* InvitationFor(const accounts::Actor& actor, const Challenge& challenge);
bool CanSubmitToChallenge(const accounts::Actor& actor, const Challenge& challenge,
                          UnixSeconds now);
// Edit the question, period, criteria and hosts: before the challenge closes.
bool CanEditChallenge(const accounts::Actor& actor, const Challenge& challenge, UnixSeconds now);
// Publish or correct the results: once it has closed.
bool CanPublishChallengeResults(const accounts::Actor& actor, const Challenge& challenge,
                                UnixSeconds now);

}  // namespace nyttig::ideas
