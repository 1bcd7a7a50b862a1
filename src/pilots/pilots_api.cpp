// The pilots JSON API (/api/v1/pilots…), documented in
// docs/api/paths/pilots.json. Handlers parse, call PilotService, answer.
#include <nlohmann/json.hpp>

#include "http/json_body.h"
#include "http/paging.h"
#include "pilots/routes.h"
#include "web/page.h"

namespace nyttig::pilots {
namespace {

using nlohmann::json;

StatusOr<PilotListQuery> ListQuery(const http::Request& r) {
  ASSIGN_OR_RETURN(http::PageRequest page, http::ParsePageRequest(r));
  PilotListQuery query{.text = r.Query("q").value_or(""), .page = page.page, .limit = page.limit};
  if (auto state = r.Query("state"); state && !state->empty()) {
    query.state = ParsePilotState(*state);
    if (!query.state) return InvalidParameterError("state", "pilots.state.invalid", *state);
  }
  ASSIGN_OR_RETURN(query.organisation_id, http::OptionalIdQuery(r, "organisation_id"));
  return query;
}

StatusOr<MeasurementInput> MeasurementFromJson(const json& body) {
  http::JsonFields fields(body, {"unit", "group", "period", "metric", "value"});
  MeasurementInput in{.unit = fields.RequiredString("unit", kMaxNameChars),
                      .group = fields.RequiredString("group", 20),
                      .period = fields.RequiredString("period", 10),
                      .metric = fields.RequiredString("metric", kMaxNameChars)};
  RETURN_IF_ERROR(fields.status());
  if (!body.contains("value") || !body["value"].is_number()) {
    return InvalidParameterError("value", "pilots.measurement.value_invalid",
                   body.contains("value") ? body["value"].dump() : "");
  }
  in.value = body["value"].dump();
  return in;
}

void RegisterPlanApi(web::Router& router, const PilotRouteDeps& deps) {
  router.Get("/api/v1/pilots", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(PilotListQuery query, ListQuery(r));
      ASSIGN_OR_RETURN(PilotPage found, deps.pilots.ListPilots(ctx.actor, query));
      json items = json::array();
      for (const Pilot& p : found.items) items.push_back(PilotSummaryJson(p));
      return web::Json(200, http::PagedJson(items, {query.page, query.limit}, found.total));
    });
  });
  router.Post("/api/v1/pilots", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      if (!body.contains("organisation_id") || !body["organisation_id"].is_number_integer()) {
        return InvalidParameterError("organisation_id", "validation.required", "");
      }
      ASSIGN_OR_RETURN(PilotInput input, PilotInputFromJson(body));
      ASSIGN_OR_RETURN(Pilot pilot, deps.pilots.CreatePilot(
                                        ctx.actor, body["organisation_id"].get<std::int64_t>(), input));
      http::Response response = web::Json(201, PilotJson(pilot));
      response.headers.Set("Location", "/api/v1/pilots/" + std::to_string(pilot.id));
      return response;
    });
  });
  router.Get("/api/v1/pilots/{id:int}", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      const PilotId id = web::PathId(r);
      ASSIGN_OR_RETURN(Pilot pilot, deps.pilots.GetPilot(ctx.actor, id));
      return web::Json(200, PilotJson(pilot));
    });
  });
  router.Put("/api/v1/pilots/{id:int}", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      const PilotId id = web::PathId(r);
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      ASSIGN_OR_RETURN(PilotInput input, PilotInputFromJson(body));
      ASSIGN_OR_RETURN(Pilot pilot, deps.pilots.UpdatePlan(ctx.actor, id, input));
      return web::Json(200, PilotJson(pilot));
    });
  });
}

void RegisterStateApi(web::Router& router, const PilotRouteDeps& deps) {
  router.Post("/api/v1/pilots/{id:int}/state",
              [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      const PilotId id = web::PathId(r);
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      http::JsonFields fields(body, {"state"});
      std::string name = fields.RequiredString("state", 20);
      RETURN_IF_ERROR(fields.status());
      std::optional<PilotState> state = ParsePilotState(name);
      if (!state) return InvalidParameterError("state", "pilots.state.invalid", name);
      ASSIGN_OR_RETURN(Pilot pilot, deps.pilots.ChangeState(ctx.actor, id, *state));
      return web::Json(200, PilotJson(pilot));
    });
  });
  router.Post("/api/v1/pilots/{id:int}/publication",
              [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      const PilotId id = web::PathId(r);
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      http::JsonFields fields(body, {"published"});
      std::optional<bool> published = fields.OptionalBool("published");
      RETURN_IF_ERROR(fields.status());
      if (!published) return InvalidParameterError("published", "validation.required", "");
      ASSIGN_OR_RETURN(Pilot pilot, deps.pilots.SetPublished(ctx.actor, id, *published));
      return web::Json(200, PilotJson(pilot));
    });
  });
  router.Post("/api/v1/pilots/{id:int}/decision",
              [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      const PilotId id = web::PathId(r);
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      http::JsonFields fields(body, {"outcome", "reasoning", "lessons"});
      DecisionInput input{.outcome = fields.RequiredString("outcome", 20),
                          .reasoning = fields.RequiredString("reasoning", kMaxLongTextChars),
                          .lessons = fields.RequiredString("lessons", kMaxLongTextChars)};
      RETURN_IF_ERROR(fields.status());
      ASSIGN_OR_RETURN(Pilot pilot, deps.pilots.Decide(ctx.actor, id, input));
      return web::Json(201, PilotJson(pilot));
    });
  });
}

void RegisterDataApi(web::Router& router, const PilotRouteDeps& deps) {
  router.Get("/api/v1/pilots/{id:int}/measurements",
             [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      const PilotId id = web::PathId(r);
      ASSIGN_OR_RETURN(http::PageRequest page, http::ParsePageRequest(r));
      ASSIGN_OR_RETURN(Pilot pilot, deps.pilots.GetPilot(ctx.actor, id));
      ASSIGN_OR_RETURN(auto rows, deps.pilots.ListMeasurements(ctx.actor, id));
      json items = json::array();
      for (std::int64_t idx = page.offset();
           idx < static_cast<std::int64_t>(rows.size()) && idx < page.offset() + page.limit; ++idx) {
        items.push_back(MeasurementJson(rows[idx], pilot));
      }
      return web::Json(200, http::PagedJson(items, page, static_cast<std::int64_t>(rows.size())));
    });
  });
  router.Post("/api/v1/pilots/{id:int}/measurements",
              [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      const PilotId id = web::PathId(r);
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      ASSIGN_OR_RETURN(MeasurementInput input, MeasurementFromJson(body));
      RETURN_IF_ERROR(deps.pilots.RecordMeasurement(ctx.actor, id, input));
      return web::Json(201, json{{"pilot_id", id}, {"imported", 1}});
    });
  });
  router.Post("/api/v1/pilots/{id:int}/measurements/import",
              [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      const PilotId id = web::PathId(r);
      std::string_view type = r.Header("Content-Type").value_or("");
      if (!type.starts_with("text/csv")) {
        return InvalidParameterError("Content-Type", "pilots.import.content_type", std::string(type));
      }
      ASSIGN_OR_RETURN(int imported, deps.pilots.ImportMeasurements(ctx.actor, id, r.body));
      return web::Json(201, json{{"pilot_id", id}, {"imported", imported}});
    });
  });
  router.Get("/api/v1/pilots/{id:int}/evaluation",
             [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      const PilotId id = web::PathId(r);
      ASSIGN_OR_RETURN(PilotEvaluation evaluation, deps.pilots.Evaluate(ctx.actor, id));
      return web::Json(200, json(EvaluationJson(evaluation)));
    });
  });
}

}  // namespace

void RegisterPilotsApi(web::Router& router, const PilotRouteDeps& deps) {
  RegisterPlanApi(router, deps);
  RegisterStateApi(router, deps);
  RegisterDataApi(router, deps);
}

void RegisterPilotRoutes(web::Router& router, const PilotRouteDeps& deps) {
  RegisterPilotsApi(router, deps);
  RegisterPilotPages(router, deps);
  RegisterPilotDataPages(router, deps);
}

}  // namespace nyttig::pilots
