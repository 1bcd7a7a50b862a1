// Demo content for `nyttig demo`: in Exempelby, a staff survey about the new
// scheduling tool and a citizen survey about the library's evening hours,
// both open and with generated responses (a fixed seed, so every run makes
// the same ones). Idempotent: a survey whose Swedish title already exists in
// the organisation is left alone.
#pragma once

#include "accounts/actor.h"
#include "core/status.h"
#include "surveys/survey_service.h"

namespace nyttig::surveys {

// `coordinator` builds the surveys in `org`. Returns how many surveys were
// created (0 on a second run).
StatusOr<int> LoadDemo(SurveyService& surveys, const accounts::Actor& coordinator,
                       accounts::OrganisationId org);

}  // namespace nyttig::surveys
