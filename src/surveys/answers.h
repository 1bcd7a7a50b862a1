// Checking and normalising a respondent's answers against a survey's
// questions, and the JSON form of an AnswerSet (the API's request body and
// the stored draft of the page flow).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "surveys/survey.h"

namespace nyttig::surveys {

// "q12": the field name that validation errors and form fields use for a
// question's answer.
std::string AnswerField(QuestionId question);

// Trims free texts, drops answers with nothing in them and puts chosen
// options in the question's order without repeats. Does not validate.
AnswerSet NormalizeAnswers(const Survey& survey, const AnswerSet& answers);

// OK, or kInvalidArgument with one InvalidParameter per problem, named
// AnswerField(question) with a key from i18n/sv/surveys.json:
// required, unknown_question, wrong_kind, likert_range, one_option,
// unknown_option, number_invalid, number_min {min}, number_max {max},
// text_invalid, text_too_long {max}. `only` (when not empty) limits the
// check to those questions; answers to others are still refused when they
// name no question of the survey.
Status ValidateAnswerSet(const Survey& survey, const AnswerSet& answers,
                         const std::vector<QuestionId>& only = {});

// {"answers": [{"question_id", "number"|null, "option_ids": [...], "text"|null}]}
nlohmann::json AnswerSetToJson(const AnswerSet& answers);

// The inverse, for request bodies: every problem as an InvalidParameter
// named "answers" or "answers[i].<member>" (kInvalidArgument).
StatusOr<AnswerSet> AnswerSetFromJson(const nlohmann::json& body);

// A number as people read it: "4", "3.5", "-0.25" (shortest exact form,
// decimal point).
std::string FormatNumber(double value);

}  // namespace nyttig::surveys
