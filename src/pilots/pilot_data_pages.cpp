// Pages of one pilot: the overview (/pilots/{id}) with state and publication
// changes, data entry and CSV import (/pilots/{id}/measurements), the
// evaluation (/pilots/{id}/evaluation) and the decision (/pilots/{id}/decision).
#include <nlohmann/json.hpp>

#include "accounts/permissions.h"
#include "core/time_format.h"
#include "http/paging.h"
#include "http/problem.h"
#include "pilots/page_support.h"
#include "pilots/permissions.h"
#include "pilots/routes.h"

namespace nyttig::pilots {
namespace {

using nlohmann::json;

constexpr int kMeasurementPageSize = 25;

json Optional(const std::string& text) { return text.empty() ? json() : json(text); }

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

// A pilot page's common part, or the error page when the pilot is not there.
StatusOr<Pilot> LoadPilot(const PilotRouteDeps& deps, const http::Request& r,
                          web::RequestContext& ctx) {
  const PilotId id = web::PathId(r);
  return deps.pilots.GetPilot(ctx.actor, id);
}

json PlanSummary(const web::RequestContext& ctx, const Pilot& p) {
  std::vector<std::string> pilot_units, comparison_units, partners;
  for (const ScopeUnit& u : p.units) {
    (u.group == Group::kPilot ? pilot_units : comparison_units).push_back(u.name);
  }
  for (const Participant& x : p.participants) {
    partners.push_back(x.name + " (" + ctx.T("pilots.role." + std::string(ParticipantRoleName(x.role))) + ")");
  }
  json rows = json::array();
  auto add = [&](const char* key, const std::string& value) {
    if (!value.empty()) rows.push_back({{"key", ctx.T(key)}, {"value", value}});
  };
  add("pilots.field.hypothesis", p.hypothesis);
  add("pilots.field.design", ctx.T("pilots.design." + std::string(DesignName(p.design))) +
                                 (p.randomised ? " · " + ctx.T("pilots.field.randomised") : ""));
  add("pilots.field.period", p.starts_on + " – " + p.ends_on);
  add("pilots.field.baseline_from", p.baseline_from);
  add("pilots.field.pilot_units", Join(pilot_units));
  add("pilots.field.comparison_units", Join(comparison_units));
  add("pilots.field.geography", p.geography);
  add("pilots.field.target_group", p.target_group);
  add("pilots.field.owner", p.owner_name);
  add("pilots.field.participants", Join(partners));
  add("pilots.field.budget_sek",
      p.budget_sek ? ctx.T("pilots.budget_value", {{"amount", std::to_string(*p.budget_sek)}}) : "");
  add("pilots.field.risks", p.risks);
  add("pilots.field.legal_basis", p.legal_basis);
  add("pilots.field.needs_exemption",
      ctx.T(p.needs_exemption ? "pilots.exemption.yes" : "pilots.exemption.no"));
  return rows;
}

json MetricRows(const web::RequestContext& ctx, const Pilot& p) {
  json rows = json::array();
  for (const Metric& m : p.metrics) {
    rows.push_back({{"name", m.name}, {"unit", m.unit_of_measure},
                    {"direction", ctx.T("pilots.direction." + std::string(DirectionName(m.direction)))},
                    {"measure", ctx.T("pilots.measure." + std::string(MeasureName(m.measure)))},
                    {"baseline", FormatNumber(ctx, m.baseline, 1)},
                    {"target", FormatNumber(ctx, m.target, 1)}});
  }
  return rows;
}

std::optional<PilotState> NextState(PilotState state) {
  if (state == PilotState::kPlanned) return PilotState::kRunning;
  if (state == PilotState::kRunning) return PilotState::kEvaluating;
  return std::nullopt;
}

json DecisionData(const web::RequestContext& ctx, const Pilot& p) {
  if (!p.decision) return json();
  const Decision& d = *p.decision;
  return {{"outcome", ctx.T("pilots.outcome." + std::string(OutcomeName(d.outcome)))},
          {"reasoning", d.reasoning},
          {"lessons", d.lessons},
          {"by", d.decided_by_name},
          {"on", FormatRfc3339(d.decided_at).substr(0, 10)}};
}

// The linked idea, when the reader may see it (GetPilotWithIdea filled its title).
json IdeaData(const Pilot& p) {
  if (!p.idea_id || !p.idea_title) return json();
  return {{"url", "/ideas/" + std::to_string(*p.idea_id)}, {"title", *p.idea_title}};
}

// The surveys module's builder, with the survey attached to this pilot.
std::string PerceptionSurveyUrl(const Pilot& p) {
  return "/surveys/new?org=" + std::to_string(p.organisation_id) +
         "&context_kind=pilot&context_id=" + std::to_string(p.id);
}

http::Response OverviewPage(const PilotRouteDeps& deps, const http::Request& r,
                            web::RequestContext& ctx) {
  StatusOr<Pilot> pilot = deps.pilots.GetPilotWithIdea(ctx.actor, web::PathId(r));
  if (!pilot.ok()) return web::ErrorPage(deps.renderer, pilot.status(), r, ctx);
  json data = PilotHeader(ctx, *pilot);
  std::optional<PilotState> next = NextState(pilot->state);
  data.update({{"title", pilot->title},
               {"summary", PlanSummary(ctx, *pilot)},
               {"metrics", MetricRows(ctx, *pilot)},
               {"has_metrics", !pilot->metrics.empty()},
               {"decision", DecisionData(ctx, *pilot)},
               {"idea", IdeaData(*pilot)},
               {"perception_survey_url", PerceptionSurveyUrl(*pilot)},
               {"published", pilot->published},
               {"can_publish", CanPlanPilot(ctx.actor, pilot->organisation_id)},
               {"next_state", next ? json(PilotStateName(*next)) : json()},
               {"next_state_label",
                next ? json(ctx.T("pilots.state_action." + std::string(PilotStateName(*next)))) : json()}});
  if (auto done = r.Query("done")) data["notice"] = Optional(ctx.T("pilots.done." + *done));
  return web::HtmlPage(deps.renderer, "pilots/show", 200, data, r, ctx);
}

http::Response StatePost(const PilotRouteDeps& deps, const http::Request& r,
                         web::RequestContext& ctx) {
  const PilotId id = web::PathId(r);
  web::FormFields form = web::ParseForm(r);
  std::optional<PilotState> state = ParsePilotState(form["state"]);
  Status status = state ? Status::Ok() : InvalidArgumentError("pilots.state.invalid");
  if (status.ok()) status = deps.pilots.ChangeState(ctx.actor, id, *state).status();
  if (!status.ok()) return web::ErrorPage(deps.renderer, status, r, ctx);
  return http::Response::Redirect("/pilots/" + std::to_string(id) + "?done=state");
}

http::Response PublicationPost(const PilotRouteDeps& deps, const http::Request& r,
                               web::RequestContext& ctx) {
  const PilotId id = web::PathId(r);
  web::FormFields form = web::ParseForm(r);
  const bool publish = form["published"] == "1";
  Status status = deps.pilots.SetPublished(ctx.actor, id, publish).status();
  if (!status.ok()) return web::ErrorPage(deps.renderer, status, r, ctx);
  return http::Response::Redirect("/pilots/" + std::to_string(id) +
                                  (publish ? "?done=published" : "?done=unpublished"));
}

// Each import problem as a table row: line, column, what is wrong, the value.
json ImportReport(const web::RequestContext& ctx, const Status& status) {
  json rows = json::array();
  for (const InvalidParameter& p : status.invalid_parameters()) {
    std::string line, column;
    for (const auto& [key, value] : p.args) {
      if (key == "line") line = value;
      if (key == "column") column = value;
    }
    rows.push_back({{"line", line}, {"column", column}, {"reason", ctx.T(p.reason, p.args)},
                    {"value", p.value}});
  }
  return rows;
}

json EntryFields(const web::RequestContext& ctx, const Pilot& p, const web::FormFields& form,
                 const json& errors) {
  std::vector<FieldOption> metrics, units{{"", ctx.T("pilots.entry.choose_unit")}};
  for (const Metric& m : p.metrics) metrics.push_back({m.name, m.name});
  for (const ScopeUnit& u : p.units) units.push_back({u.name, u.name});
  const std::vector<FieldSpec> specs = {
      {"metric", "pilots.entry.metric", FieldKind::kSelect, "", metrics},
      {"unit", "pilots.entry.unit", FieldKind::kSelect, "", units},
      {"group", "pilots.entry.group", FieldKind::kSelect, "",
       {{"pilot", ctx.T("pilots.group.pilot")}, {"comparison", ctx.T("pilots.group.comparison")}}},
      {"period", "pilots.entry.period", FieldKind::kText, "pilots.hint.period"},
      {"value", "pilots.entry.value", FieldKind::kNumber, ""}};
  json fields = json::array();
  for (const FieldSpec& spec : specs) fields.push_back(Field(ctx, spec, form, errors));
  return fields;
}

http::Response MeasurementsPage(const PilotRouteDeps& deps, const http::Request& r,
                                web::RequestContext& ctx, const web::FormFields& form,
                                const Status& entry_problems, const Status& import_problems) {
  StatusOr<Pilot> pilot = LoadPilot(deps, r, ctx);
  if (!pilot.ok()) return web::ErrorPage(deps.renderer, pilot.status(), r, ctx);
  auto rows = deps.pilots.ListMeasurements(ctx.actor, pilot->id);
  if (!rows.ok()) return web::ErrorPage(deps.renderer, rows.status(), r, ctx);
  auto paging = http::ParsePageRequest(r);
  const int page = paging.ok() ? paging->page : 1;
  json table = json::array();
  for (size_t idx = size_t(page - 1) * kMeasurementPageSize;
       idx < rows->size() && idx < size_t(page) * kMeasurementPageSize; ++idx) {
    json row = MeasurementJson((*rows)[idx], *pilot);
    row["group"] = ctx.T("pilots.group." + row["group"].get<std::string>());
    row["value"] = FormatNumber(ctx, (*rows)[idx].value, 2);
    table.push_back(row);
  }
  json errors = web::FormErrors(entry_problems, ctx);
  json data = PilotHeader(ctx, *pilot);
  data.update(errors);
  data.update({{"title", ctx.T("pilots.entry.title", {{"title", pilot->title}})},
               {"fields", EntryFields(ctx, *pilot, form, errors["errors"])},
               {"csv", form.count("csv") ? form.at("csv") : ""},
               {"import_report", ImportReport(ctx, import_problems)},
               {"import_failed", !import_problems.ok()},
               {"rows", table},
               {"has_rows", !table.empty()},
               {"total", std::to_string(rows->size())},
               {"pagination", web::PageLinks("/pilots/" + std::to_string(pilot->id) +
                                                 "/measurements?", page,
                                             static_cast<std::int64_t>(rows->size()),
                                             kMeasurementPageSize)}});
  if (auto done = r.Query("imported")) data["notice"] = ctx.T("pilots.import.done", {{"count", *done}});
  if (r.Query("recorded")) data["notice"] = ctx.T("pilots.entry.done");
  const int status = entry_problems.ok() && import_problems.ok() ? 200 : 400;
  return web::HtmlPage(deps.renderer, "pilots/measurements", status, data, r, ctx);
}

void RegisterDataEntry(web::Router& router, const PilotRouteDeps& deps) {
  router.Get("/pilots/{id:int}/measurements", [deps](const http::Request& r, web::RequestContext& ctx) {
    return MeasurementsPage(deps, r, ctx, {{"group", "pilot"}}, Status::Ok(), Status::Ok());
  });
  router.Post("/pilots/{id:int}/measurements", [deps](const http::Request& r, web::RequestContext& ctx) {
    const PilotId id = web::PathId(r);
    web::FormFields form = web::ParseForm(r);
    Status status = deps.pilots.RecordMeasurement(
        ctx.actor, id, {form["unit"], form["group"], form["period"], form["metric"], form["value"]});
    if (status.ok()) {
      return http::Response::Redirect("/pilots/" + std::to_string(id) + "/measurements?recorded=1");
    }
    if (status.code() != StatusCode::kInvalidArgument) return web::ErrorPage(deps.renderer, status, r, ctx);
    return MeasurementsPage(deps, r, ctx, form, status, Status::Ok());
  });
  router.Post("/pilots/{id:int}/measurements/import",
              [deps](const http::Request& r, web::RequestContext& ctx) {
    const PilotId id = web::PathId(r);
    web::FormFields form = web::ParseForm(r);
    StatusOr<int> imported = deps.pilots.ImportMeasurements(ctx.actor, id, form["csv"]);
    if (imported.ok()) {
      return http::Response::Redirect("/pilots/" + std::to_string(id) +
                                      "/measurements?imported=" + std::to_string(*imported));
    }
    if (imported.status().code() != StatusCode::kInvalidArgument) {
      return web::ErrorPage(deps.renderer, imported.status(), r, ctx);
    }
    return MeasurementsPage(deps, r, ctx, {{"group", "pilot"}, {"csv", form["csv"]}}, Status::Ok(),
                            imported.status());
  });
}

}  // namespace

void RegisterPilotDataPages(web::Router& router, const PilotRouteDeps& deps) {
  router.Get("/pilots/{id:int}", [deps](const http::Request& r, web::RequestContext& ctx) {
    return OverviewPage(deps, r, ctx);
  });
  router.Post("/pilots/{id:int}/state", [deps](const http::Request& r, web::RequestContext& ctx) {
    return StatePost(deps, r, ctx);
  });
  router.Post("/pilots/{id:int}/publication", [deps](const http::Request& r, web::RequestContext& ctx) {
    return PublicationPost(deps, r, ctx);
  });
  RegisterDataEntry(router, deps);
  RegisterEvaluationPages(router, deps);
}

}  // namespace nyttig::pilots
