// Results of a survey from its stored responses: per question the counts and
// shares per option (Likert: per value 1–5), the mean with a 95 % confidence
// interval for Likert and number questions, and the free-text answers.
//
// The interval is the classical t interval, mean ± t(0.975, n − 1) · s / √n
// (R: t.test(x)$conf.int), computed with src/pilots/stats so that surveys and
// pilot evaluations agree. Shares are of the respondents who answered the
// question (a multiple-choice question's shares may sum past 100 %).
//
// Thread-safety: pure functions.
#pragma once

#include <vector>

#include "surveys/survey.h"
#include "surveys/survey_store.h"

namespace nyttig::surveys {

// `survey` must have its questions; `responses` are all of its responses.
SurveyResults ComputeResults(const Survey& survey, const std::vector<StoredResponse>& responses);

// The mean with its interval for `values` (the answers to one question).
MeanEstimate EstimateMean(const std::vector<double>& values);

}  // namespace nyttig::surveys
