// Who may do what with surveys: pure predicates over an Actor and a Survey,
// tested as a role × action matrix in tests/surveys/permissions_test.cpp.
//
// Rules in words:
//  - coordinators and admins of the owning organisation (and platform
//    admins) build surveys: create, edit, publish, close;
//  - they, and the organisation's decision makers, read results and export;
//  - members of the organisation see its surveys list (open staff surveys;
//    builders and result readers see every survey);
//  - anyone with the link answers an open link survey; a logged-in survey
//    needs a logged-in person, and a logged-in staff survey a member.
// Bearer tokens add scopes: reading needs `read`, changing and answering
// `write`; a service token acts only for its own organisation.
#pragma once

#include "accounts/actor.h"
#include "core/clock.h"
#include "core/status.h"
#include "surveys/survey.h"

namespace nyttig::surveys {

bool CanBuildSurveys(const accounts::Actor& actor, accounts::OrganisationId org);
bool CanReadResults(const accounts::Actor& actor, accounts::OrganisationId org);
bool CanListSurveys(const accounts::Actor& actor, accounts::OrganisationId org);

// True while the survey takes answers: open, and `now` inside its period.
bool IsAcceptingAnswers(const Survey& survey, UnixSeconds now);

// Whether the actor may answer the survey at all (ignoring whether they
// already have): the survey is accepting answers and the access rule holds.
bool CanAnswer(const accounts::Actor& actor, const Survey& survey, UnixSeconds now);

// Whether the actor may see the survey's questions: anyone who may build or
// read results; others only an open or closed survey they may answer.
bool CanViewSurvey(const accounts::Actor& actor, const Survey& survey, UnixSeconds now);

// The error for a survey the actor may not see: kUnauthenticated for an
// anonymous caller (pages send them to log in), else kNotFound, so that ids
// of other organisations' surveys leak nothing.
Status HiddenSurvey(const accounts::Actor& actor);

}  // namespace nyttig::surveys
