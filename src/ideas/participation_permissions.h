// Who may do what in the assessment and participation slices of the ideas
// module (criteria, reviewers, reviews, the legal checklist, comments,
// supports, follows, merging duplicates, the coordinator board). Pure
// predicates over an Actor and the records, so that
// tests/ideas/participation_permissions_test.cpp checks them as a
// role × action matrix and every use case asks one before it changes anything.
//
// Rules in words:
//  - coordinators (and admins, and the organisation's service token) define
//    the criteria, name the reviewers, moderate comments, merge duplicates
//    and use the board;
//  - named reviewers (members of the idea's organisation) score the idea;
//  - the assessment is read by coordinators, decision makers and the named
//    reviewers — not by the authors or other staff, so that a review is
//    written freely;
//  - coordinators and decision makers answer the legal checklist;
//  - anyone logged in who can see an idea comments on it, supports it once,
//    follows it and reports a comment; the author of a comment edits it for
//    kCommentEditWindow seconds after writing it.
// Tokens: reading needs `read`, anything else `write`.
#pragma once

#include "accounts/actor.h"
#include "core/clock.h"
#include "ideas/idea.h"

namespace nyttig::ideas {

// How long the author of a comment may still change it.
inline constexpr UnixSeconds kCommentEditWindow = 15 * 60;  // seconds

bool CanManageCriteria(const accounts::Actor& actor, OrganisationId org);
bool CanViewAssessment(const accounts::Actor& actor, const Idea& idea, bool is_reviewer);
bool CanAssignReviewers(const accounts::Actor& actor, const Idea& idea);
bool CanReviewIdea(const accounts::Actor& actor, const Idea& idea, bool is_reviewer);
bool CanAnswerLegalChecklist(const accounts::Actor& actor, const Idea& idea);

// Writing a comment, supporting, following and reporting: a person who can
// see the idea, with write access.
bool CanParticipate(const accounts::Actor& actor, const Idea& idea);
// The comment's author within the edit window, as long as it is not hidden.
bool CanEditComment(const accounts::Actor& actor, PersonId comment_author,
                    UnixSeconds written_at, bool hidden, UnixSeconds now);
bool CanModerateComments(const accounts::Actor& actor, const Idea& idea);
// Both ideas in one organisation the actor coordinates.
bool CanMergeIdeas(const accounts::Actor& actor, const Idea& duplicate, const Idea& original);
bool CanUseBoard(const accounts::Actor& actor, OrganisationId org);

}  // namespace nyttig::ideas
