// Checking what a builder sends (survey and question inputs) and turning it
// into the stored shape. Used by SurveyService before any transaction.
//
// Thread-safety: pure functions.
#pragma once

#include "core/status.h"
#include "surveys/survey.h"
#include "surveys/survey_service.h"

namespace nyttig::surveys {

// OK, or kInvalidArgument listing every problem by field name: title_sv,
// title_en, introduction_sv, introduction_en, closes_at, context_kind.
Status ValidateSurveyInput(const SurveyInput& input);

// OK, or kInvalidArgument listing every problem: text_sv, text_en, help_sv,
// help_en, low_label_sv …, min_value, max_value, max_chars, options,
// options[i].label_sv, options[i].label_en.
Status ValidateQuestionInput(const QuestionInput& input);

// The survey's fields from the input, texts trimmed (no id, organisation or
// times).
Survey SurveyFromInput(const SurveyInput& input);

// The question from the input: texts trimmed, members the kind does not use
// cleared, Likert ends labelled by default ("Instämmer inte alls" …) when
// left empty, free text limited to kDefaultFreeTextChars unless set.
Question QuestionFromInput(const QuestionInput& input);

}  // namespace nyttig::surveys
