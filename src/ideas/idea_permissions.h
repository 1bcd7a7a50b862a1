// Who may do what with ideas: pure predicates over an Actor and the idea,
// one per action, so that tests/ideas/idea_permissions_test.cpp checks them
// as a role × action matrix and every service use case asks one of them
// before it changes anything.
//
// Rules in words:
//  - staff (any role) submit to their own organisation; anyone logged in
//    submits to an open public idea box, and without logging in where the
//    organisation allows anonymous submissions;
//  - coordinators (and the organisation's admins, and a service token of
//    the organisation) screen and assess: they move ideas into stages of kind
//    idea, assessment and spread, park and close them, edit, unpublish,
//    answer submitters and see overdue feedback;
//  - decision makers decide at the gates: only they move ideas into stages
//    of kind test and implementation; they may also park and close;
//  - authors edit their idea while it is in a stage of kind idea;
//  - the idea's owner gives feedback;
//  - who sees an idea: public ones everybody, internal ones the members of
//    its organisation, anonymous or unpublished ones only coordinators (and
//    the submitter), culled ones nobody.
// Tokens: reading needs `read`, anything else `write`.
#pragma once

#include "accounts/actor.h"
#include "ideas/idea.h"

namespace nyttig::ideas {

// Coordinator or admin of `org` (or its service token) with `scope`.
bool IsIdeaCoordinator(const accounts::Actor& actor, OrganisationId org,
                       accounts::TokenScope scope = accounts::TokenScope::kWrite);
bool IsDecisionMaker(const accounts::Actor& actor, OrganisationId org);

bool CanViewIdea(const accounts::Actor& actor, const Idea& idea);
// Staff submission to the actor's own organisation.
bool CanSubmitStaffIdea(const accounts::Actor& actor, OrganisationId org);
// Submission through the organisation's public idea box.
bool CanSubmitToIdeaBox(const accounts::Actor& actor, const IdeaSettings& settings);
bool CanEditIdea(const accounts::Actor& actor, const Idea& idea);
bool CanMoveIdea(const accounts::Actor& actor, const Idea& idea, const Stage& target);
bool CanGiveFeedback(const accounts::Actor& actor, const Idea& idea);
bool CanUnpublishIdea(const accounts::Actor& actor, const Idea& idea);
bool CanManageIdeaSettings(const accounts::Actor& actor, OrganisationId org);
bool CanSeeOverdueIdeas(const accounts::Actor& actor, OrganisationId org);
// Gallring of public records under the retention rule: the organisation's admin.
bool CanCullIdeas(const accounts::Actor& actor, OrganisationId org);

}  // namespace nyttig::ideas
