// The pilots module's HTTP surface: the JSON API under /api/v1/pilots… and
// the pages under /pilots. Handlers parse, call PilotService, render.
#pragma once

#include <nlohmann/json.hpp>

#include "accounts/organisation_service.h"
#include "core/status.h"
#include "http/message.h"
#include "pilots/pilot_service.h"
#include "web/context.h"
#include "web/renderer.h"

namespace nyttig::pilots {

struct PilotRouteDeps {
  PilotService& pilots;
  accounts::OrganisationService& organisations;
  const web::Renderer& renderer;
};

void RegisterPilotRoutes(web::Router& router, const PilotRouteDeps& deps);

// Split by audience; each registers its own routes.
void RegisterPilotsApi(web::Router& router, const PilotRouteDeps& deps);
void RegisterPilotPages(web::Router& router, const PilotRouteDeps& deps);
void RegisterPilotDataPages(web::Router& router, const PilotRouteDeps& deps);
void RegisterEvaluationPages(web::Router& router, const PilotRouteDeps& deps);

// JSON shapes shared by the API and the pages (pilot_json.cpp).
nlohmann::json PilotJson(const Pilot& pilot);
nlohmann::json PilotSummaryJson(const Pilot& pilot);
nlohmann::json MeasurementJson(const StoredMeasurement& row, const Pilot& pilot);
// A plan from a JSON body (the API); kInvalidArgument listing every problem.
StatusOr<PilotInput> PilotInputFromJson(const nlohmann::json& body);

}  // namespace nyttig::pilots
