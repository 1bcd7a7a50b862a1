// Reading the builder's forms (survey settings and a question) into service
// inputs, and the inputs back into form values, for the builder pages.
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "surveys/survey_service.h"

namespace nyttig::surveys {

using FormMap = std::multimap<std::string, std::string>;

// Settings: title_sv, title_en, introduction_sv, introduction_en, audience,
// access, opens_at and closes_at as dates (YYYY-MM-DD; the survey closes at
// the end of closes_at). Problems are added to `problems` by field name.
SurveyInput SurveyInputFromForm(const FormMap& form, Status& problems);
nlohmann::json SurveyFormValues(const Survey& survey);

// A question of `kind`: text_sv … , required ("yes"), options_sv and
// options_en as one option per line (line n of each is the same option).
QuestionInput QuestionInputFromForm(QuestionKind kind, const FormMap& form, Status& problems);
nlohmann::json QuestionFormValues(const Question& question);

// The service's field names for options ("options[2].label_en", "options")
// as the form's ("options_en", "options_sv"), so each error shows by its field.
Status AsFormProblems(const Status& status);

}  // namespace nyttig::surveys
