// The JSON shapes of the surveys API (docs/api/paths/surveys.json) and the
// reading of request bodies into service inputs. Texts are flat members with
// a language suffix (title_sv, title_en), the same names that validation
// errors use, so a client can match each problem to the member it sent.
//
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "surveys/survey.h"
#include "surveys/survey_service.h"

namespace nyttig::surveys {

nlohmann::json SurveyJson(const Survey& survey);  // with "questions" when loaded
nlohmann::json QuestionJson(const Question& question);
nlohmann::json ResultsJson(const SurveyResults& results);
nlohmann::json ReceiptJson(const Receipt& receipt);

// Body of POST /organisations/{id}/surveys and PUT /surveys/{id}: every
// problem listed at once (kInvalidArgument). `allow_context` is false for
// updates, where a context member is refused.
StatusOr<SurveyInput> SurveyInputFromJson(const nlohmann::json& body, bool allow_context);

// Body of POST /surveys/{id}/questions and PUT …/questions/{qid}.
StatusOr<QuestionInput> QuestionInputFromJson(const nlohmann::json& body);

}  // namespace nyttig::surveys
