// The answer flow's form handling, shared by its pages: reading one
// question's answer from a posted form (keeping what the person typed, so a
// page with an error shows it again) and turning questions and answers into
// template data in the reader's language.
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "surveys/survey.h"

namespace nyttig::surveys {

using FormValues = std::multimap<std::string, std::string>;

// One question's answer as posted: the parsed Answer (empty when nothing was
// given), the raw text typed (number and free text), and a problem when the
// text is not a number (accepts "3,5" and "3.5").
struct PostedAnswer {
  Answer answer;
  std::string typed;
  std::optional<InvalidParameter> problem;
};

PostedAnswer ReadPostedAnswer(const Question& question, const FormValues& form);

// Template data for asking `question`: its texts, kind flags, choices with
// the current answer checked, the typed value, and `error` when given.
nlohmann::json QuestionView(const Question& question, const Answer* answer,
                            const std::string& typed, const std::string& language,
                            const std::string& error, const std::string& optional_label);

// The answer as a person reads it on the check page ("4 av 5", "Pris, Tid").
std::string AnswerText(const Question& question, const Answer& answer,
                       const std::string& language, const std::string& scale_of);

// A number in the reader's language: decimal comma in Swedish.
std::string LocalNumber(double value, const std::string& language);

}  // namespace nyttig::surveys
