// The surveys module's HTTP surface: the JSON API under /api/v1/ (builder,
// publish/close, respond, results, CSV export) and the pages (/surveys for
// staff, the builder, the answer flow at /surveys/{id}, results). Handlers
// parse, call SurveyService, render.
#pragma once

#include "accounts/organisation_service.h"
#include "core/clock.h"
#include "surveys/survey_service.h"
#include "web/context.h"
#include "web/renderer.h"

namespace nyttig::surveys {

struct SurveyRouteDeps {
  SurveyService& surveys;
  accounts::OrganisationService& organisations;
  const web::Renderer& renderer;
  const Clock& clock;
  bool secure_cookies = false;
};

void RegisterSurveyRoutes(web::Router& router, const SurveyRouteDeps& deps);

// Split by audience; each registers its own routes.
void RegisterSurveysApi(web::Router& router, const SurveyRouteDeps& deps);
void RegisterSurveyBuilderPages(web::Router& router, const SurveyRouteDeps& deps);
void RegisterSurveyAnswerPages(web::Router& router, const SurveyRouteDeps& deps);
void RegisterSurveyResultsPages(web::Router& router, const SurveyRouteDeps& deps);

}  // namespace nyttig::surveys
