// Actors by role and the example questions (one per kind), for the unit
// and the database tests of the surveys module.
#pragma once

#include <string>
#include <vector>

#include "accounts/actor.h"
#include "surveys/survey_service.h"
#include "surveys/survey_validation.h"

namespace nyttig::surveys {

inline accounts::Actor PersonActor(accounts::PersonId person) {
  accounts::Actor actor;
  actor.person_id = person;
  actor.display_name = "Person " + std::to_string(person);
  actor.method = accounts::AuthMethod::kSession;
  return actor;
}

inline accounts::Actor MemberActor(accounts::PersonId person, accounts::OrganisationId org,
                                   accounts::Role role) {
  accounts::Actor actor = PersonActor(person);
  accounts::Membership membership;
  membership.id = person * 100 + org;
  membership.person_id = person;
  membership.organisation_id = org;
  membership.role = role;
  actor.memberships.push_back(membership);
  return actor;
}

// The questions of the example survey, one per kind.
inline std::vector<QuestionInput> ExampleQuestions() {
  return {
      {.kind = QuestionKind::kLikert,
       .text = {"Bussen kommer i tid.", "The bus is on time."}},
      {.kind = QuestionKind::kSingleChoice,
       .text = {"Hur ofta åker du?", "How often do you travel?"},
       .options = {{"Varje dag", "Every day"}, {"Varje vecka", "Every week"}, {"Sällan", "Rarely"}}},
      {.kind = QuestionKind::kMultipleChoice,
       .required = false,
       .text = {"Vad är viktigast?", "What matters most?"},
       .options = {{"Pris", "Price"}, {"Tid", "Time"}, {"Trygghet", "Safety"}}},
      {.kind = QuestionKind::kNumber,
       .text = {"Hur många minuter väntar du?", "How many minutes do you wait?"},
       .min_value = 0,
       .max_value = 120},
      {.kind = QuestionKind::kFreeText,
       .required = false,
       .text = {"Något mer?", "Anything else?"},
       .max_chars = 20},
  };
}

// The example survey as the service would hold it, with ids 1..5 and options
// 11.. per question.
inline Survey ExampleSurvey() {
  Survey survey{.id = 1, .organisation_id = 1, .state = SurveyState::kOpen};
  QuestionId next_question = 1;
  OptionId next_option = 11;
  for (const QuestionInput& input : ExampleQuestions()) {
    Question question = QuestionFromInput(input);
    question.id = next_question++;
    for (Option& option : question.options) option.id = next_option++;
    survey.questions.push_back(question);
  }
  return survey;
}

}  // namespace nyttig::surveys
