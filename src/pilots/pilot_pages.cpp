// Pages for the list of pilots (/pilots), one pilot (/pilots/{id}) and its
// plan (/pilots/new, /pilots/{id}/edit), with state and publication changes.
#include <limits>

#include <nlohmann/json.hpp>

#include "accounts/permissions.h"
#include "core/text.h"
#include "http/paging.h"
#include "http/problem.h"
#include "pilots/page_support.h"
#include "pilots/permissions.h"
#include "pilots/routes.h"

namespace nyttig::pilots {
namespace {

using nlohmann::json;

constexpr int kListPageSize = 20;
constexpr int kBlankMetricRows = 2;  // empty rows under the plan's metrics, for new ones

// Rows of the plan form's metric table: field name suffixes and message keys.
const std::vector<std::pair<std::string, std::string>> kMetricFields = {
    {"name", "pilots.metric.name"},         {"unit", "pilots.metric.unit_of_measure"},
    {"direction", "pilots.metric.direction"}, {"measure", "pilots.metric.measure"},
    {"baseline", "pilots.metric.baseline"}, {"target", "pilots.metric.target"}};

std::vector<FieldOption> Options(const web::RequestContext& ctx, const std::string& prefix,
                                 std::initializer_list<std::string_view> values) {
  std::vector<FieldOption> options;
  for (std::string_view value : values) {
    options.push_back({std::string(value), ctx.T(prefix + std::string(value))});
  }
  return options;
}

json StateOptions(const web::RequestContext& ctx, const std::string& current) {
  json options = json::array({{{"option_value", ""}, {"option_label", ctx.T("pilots.list.any_state")},
                               {"selected", current.empty()}}});
  for (std::string_view state : {"planned", "running", "evaluating", "decided"}) {
    options.push_back({{"option_value", state},
                       {"option_label", ctx.T("pilots.state." + std::string(state))},
                       {"selected", current == state}});
  }
  return options;
}

http::Response ListPage(const PilotRouteDeps& deps, const http::Request& r,
                        web::RequestContext& ctx) {
  auto paging = http::ParsePageRequest(r);
  PilotListQuery query{.text = r.Query("q").value_or(""),
                       .page = paging.ok() ? paging->page : 1,
                       .limit = kListPageSize};
  const std::string state = r.Query("state").value_or("");
  query.state = ParsePilotState(state);
  auto found = deps.pilots.ListPilots(ctx.actor, query);
  if (!found.ok()) return web::ErrorPage(deps.renderer, found.status(), r, ctx);
  json items = json::array();
  for (const Pilot& p : found->items) {
    items.push_back({{"id", p.id}, {"title", p.title}, {"starts_on", p.starts_on},
                     {"ends_on", p.ends_on}, {"state", PilotStateName(p.state)},
                     {"state_label", ctx.T("pilots.state." + std::string(PilotStateName(p.state)))},
                     {"design", ctx.T("pilots.design." + std::string(DesignName(p.design)))}});
  }
  bool can_plan = false;
  for (const accounts::Membership& m : ctx.actor.memberships) {
    can_plan = can_plan || CanPlanPilot(ctx.actor, m.organisation_id);
  }
  json data = {{"title", ctx.T("pilots.list.title")},
               {"q", query.text},
               {"state_options", StateOptions(ctx, query.state ? state : "")},
               {"items", items},
               {"has_items", !items.empty()},
               {"filtered", !query.text.empty() || query.state.has_value()},
               {"total", std::to_string(found->total)},
               {"can_plan", can_plan},
               {"pagination", web::PageLinks(web::PageBase(r), query.page, found->total, kListPageSize)}};
  return web::HtmlPage(deps.renderer, "pilots/list", 200, data, r, ctx);
}

std::string OptionalNumber(const std::optional<double>& value) {
  if (!value) return "";
  json number = *value;
  return number.dump();
}

// The form's values from a stored pilot (for editing).
web::FormFields FormFromPilot(const Pilot& p) {
  web::FormFields form = {{"title", p.title}, {"hypothesis", p.hypothesis},
                          {"geography", p.geography}, {"target_group", p.target_group},
                          {"baseline_from", p.baseline_from}, {"starts_on", p.starts_on},
                          {"ends_on", p.ends_on}, {"risks", p.risks}, {"legal_basis", p.legal_basis},
                          {"design", std::string(DesignName(p.design))},
                          {"needs_exemption", p.needs_exemption ? "1" : ""},
                          {"randomised", p.randomised ? "1" : ""},
                          {"budget_sek", p.budget_sek ? std::to_string(*p.budget_sek) : ""},
                          {"idea_id", p.idea_id ? std::to_string(*p.idea_id) : ""}};
  for (const ScopeUnit& u : p.units) {
    std::string& lines = form[u.group == Group::kPilot ? "pilot_units" : "comparison_units"];
    lines += u.name + "\n";
  }
  for (const Participant& x : p.participants) {
    std::string& lines =
        form[x.role == ParticipantRole::kSupplier ? "suppliers" : "research_partners"];
    lines += x.name + "\n";
  }
  for (size_t idx = 0; idx < p.metrics.size(); ++idx) {
    const Metric& m = p.metrics[idx];
    const std::string prefix = "metric_" + std::to_string(idx) + "_";
    form[prefix + "id"] = std::to_string(m.id);
    form[prefix + "name"] = m.name;
    form[prefix + "unit"] = m.unit_of_measure;
    form[prefix + "direction"] = DirectionName(m.direction);
    form[prefix + "measure"] = MeasureName(m.measure);
    form[prefix + "baseline"] = OptionalNumber(m.baseline);
    form[prefix + "target"] = OptionalNumber(m.target);
  }
  return form;
}

int MetricRowCount(const web::FormFields& form) {
  int rows = 0;
  while (form.count("metric_" + std::to_string(rows) + "_name")) ++rows;
  return rows;
}

// Empty → nullopt; not a number → NaN, which the service reports per field.
std::optional<double> ParseOptionalNumber(const std::string& text) {
  if (Trim(text).empty()) return std::nullopt;
  return ParseLocalNumber(text).value_or(std::numeric_limits<double>::quiet_NaN());
}

std::optional<std::int64_t> ParseOptionalInt(const std::string& raw, std::int64_t if_bad) {
  std::string text;
  for (char c : raw) {
    if (c != ' ') text += c;  // "450 000" as people write it
  }
  if (text.empty()) return std::nullopt;
  try {
    size_t used = 0;
    long long value = std::stoll(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  return if_bad;
}

PilotInput InputFromForm(const web::FormFields& form) {
  auto get = [&](const std::string& name) {
    auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
  };
  PilotInput in{.idea_id = ParseOptionalInt(get("idea_id"), -1),
                .title = get("title"), .hypothesis = get("hypothesis"),
                .geography = get("geography"), .target_group = get("target_group"),
                .baseline_from = get("baseline_from"), .starts_on = get("starts_on"),
                .ends_on = get("ends_on"), .budget_sek = ParseOptionalInt(get("budget_sek"), -1),
                .risks = get("risks"), .legal_basis = get("legal_basis"),
                .needs_exemption = get("needs_exemption") == "1", .design = get("design"),
                .randomised = get("randomised") == "1"};
  for (const std::string& name : Lines(get("pilot_units"))) in.units.push_back({name, "pilot"});
  for (const std::string& name : Lines(get("comparison_units"))) {
    in.units.push_back({name, "comparison"});
  }
  for (const std::string& name : Lines(get("research_partners"))) {
    in.participants.push_back({name, ParticipantRole::kResearchPartner});
  }
  for (const std::string& name : Lines(get("suppliers"))) {
    in.participants.push_back({name, ParticipantRole::kSupplier});
  }
  for (int row = 0; row < MetricRowCount(form); ++row) {
    const std::string prefix = "metric_" + std::to_string(row) + "_";
    MetricInput m{.name = get(prefix + "name"), .unit_of_measure = get(prefix + "unit"),
                  .direction = get(prefix + "direction"), .measure = get(prefix + "measure"),
                  .baseline = ParseOptionalNumber(get(prefix + "baseline")),
                  .target = ParseOptionalNumber(get(prefix + "target"))};
    if (Trim(m.name).empty() && Trim(m.unit_of_measure).empty() && !m.baseline && !m.target) {
      continue;  // an unused blank row
    }
    if (auto id = ParseOptionalInt(get(prefix + "id"), 0); id && *id > 0) m.id = *id;
    in.metrics.push_back(std::move(m));
  }
  return in;
}

// The service names fields as the API does ("metrics[1].name"); the form
// has its own names ("metric_1_name", "pilot_units").
Status ToFormNames(const Status& status, const PilotInput& in) {
  Status out(status.code(), status.message());
  size_t pilot_units = 0, partners = 0;
  for (const UnitInput& u : in.units) pilot_units += u.group == "pilot" ? 1 : 0;
  for (const Participant& x : in.participants) {
    partners += x.role == ParticipantRole::kResearchPartner ? 1 : 0;
  }
  for (const InvalidParameter& p : status.invalid_parameters()) {
    std::string name = p.name;
    size_t idx = 0;
    if (std::sscanf(p.name.c_str(), "metrics[%zu]", &idx) == 1) {
      std::string field = p.name.substr(p.name.find("].") + 2);
      if (field == "unit_of_measure") field = "unit";
      name = "metric_" + std::to_string(idx) + "_" + field;
    } else if (std::sscanf(p.name.c_str(), "units[%zu]", &idx) == 1) {
      name = idx < pilot_units ? "pilot_units" : "comparison_units";
    } else if (std::sscanf(p.name.c_str(), "participants[%zu]", &idx) == 1) {
      name = idx < partners ? "research_partners" : "suppliers";
    }
    out.AddInvalid(name, p.reason, p.value, p.args);
  }
  return out;
}

json PlanFormData(const web::RequestContext& ctx, const web::FormFields& form,
                  const json& errors) {
  const std::vector<FieldSpec> main = {
      {"title", "pilots.field.title", FieldKind::kText, "pilots.hint.title"},
      {"hypothesis", "pilots.field.hypothesis", FieldKind::kTextarea, "pilots.hint.hypothesis"},
      {"design", "pilots.field.design", FieldKind::kSelect, "pilots.hint.design",
       Options(ctx, "pilots.design.", {"before-after", "two-groups", "did"})},
      {"randomised", "pilots.field.randomised", FieldKind::kCheckbox, "pilots.hint.randomised"},
      {"baseline_from", "pilots.field.baseline_from", FieldKind::kDate, "pilots.hint.baseline_from"},
      {"starts_on", "pilots.field.starts_on", FieldKind::kDate, ""},
      {"ends_on", "pilots.field.ends_on", FieldKind::kDate, ""},
      {"pilot_units", "pilots.field.pilot_units", FieldKind::kTextarea, "pilots.hint.units"},
      {"comparison_units", "pilots.field.comparison_units", FieldKind::kTextarea,
       "pilots.hint.comparison_units"},
      {"geography", "pilots.field.geography", FieldKind::kText, ""},
      {"target_group", "pilots.field.target_group", FieldKind::kText, ""},
      {"research_partners", "pilots.field.research_partners", FieldKind::kTextarea,
       "pilots.hint.one_per_line"},
      {"suppliers", "pilots.field.suppliers", FieldKind::kTextarea, "pilots.hint.one_per_line"},
      {"budget_sek", "pilots.field.budget_sek", FieldKind::kNumber, ""},
      {"risks", "pilots.field.risks", FieldKind::kTextarea, ""},
      {"legal_basis", "pilots.field.legal_basis", FieldKind::kTextarea, ""},
      {"needs_exemption", "pilots.field.needs_exemption", FieldKind::kCheckbox,
       "pilots.hint.needs_exemption"},
      {"idea_id", "pilots.field.idea_id", FieldKind::kNumber, "pilots.hint.idea_id"}};
  json fields = json::array();
  for (const FieldSpec& spec : main) fields.push_back(Field(ctx, spec, form, errors));
  json rows = json::array();
  const int count = MetricRowCount(form) + kBlankMetricRows;
  for (int row = 0; row < count; ++row) {
    const std::string prefix = "metric_" + std::to_string(row) + "_";
    json row_fields = json::array();
    for (const auto& [suffix, label] : kMetricFields) {
      FieldSpec spec{prefix + suffix, label, FieldKind::kText, ""};
      if (suffix == "direction") {
        spec.kind = FieldKind::kSelect;
        spec.options = Options(ctx, "pilots.direction.", {"higher", "lower"});
      } else if (suffix == "measure") {
        spec.kind = FieldKind::kSelect;
        spec.options = Options(ctx, "pilots.measure.", {"mean", "proportion", "rank"});
      } else if (suffix == "baseline" || suffix == "target") {
        spec.kind = FieldKind::kNumber;
      }
      row_fields.push_back(Field(ctx, spec, form, errors));
    }
    auto id = form.find(prefix + "id");
    rows.push_back({{"legend", ctx.T("pilots.metric.legend", {{"number", std::to_string(row + 1)}})},
                    {"id_field", prefix + "id"},
                    {"id_value", id == form.end() ? "" : id->second},
                    {"fields", row_fields}});
  }
  return {{"fields", fields}, {"metric_rows", rows}};
}

std::vector<FieldOption> PlannableOrganisations(const web::RequestContext& ctx) {
  std::vector<FieldOption> options;
  for (const accounts::Membership& m : ctx.actor.memberships) {
    const std::string id = std::to_string(m.organisation_id);
    const bool listed = std::any_of(options.begin(), options.end(),
                                    [&](const FieldOption& o) { return o.value == id; });
    if (!listed && CanPlanPilot(ctx.actor, m.organisation_id)) {
      options.push_back({id, m.organisation_name});
    }
  }
  return options;
}

http::Response PlanForm(const PilotRouteDeps& deps, const http::Request& r,
                        web::RequestContext& ctx, const std::optional<Pilot>& pilot,
                        const web::FormFields& form, const Status& problems) {
  json errors = web::FormErrors(problems, ctx);
  json data = PlanFormData(ctx, form, errors["errors"]);
  data.update(errors);
  if (pilot) {
    data.update(PilotHeader(ctx, *pilot));
    data["title"] = ctx.T("pilots.edit.title", {{"title", pilot->title}});
    data["action"] = "/pilots/" + std::to_string(pilot->id) + "/edit";
  } else {
    data["title"] = ctx.T("pilots.new.title");
    data["action"] = "/pilots/new";
    data["organisation_field"] = Field(ctx, {"organisation_id", "pilots.field.organisation",
                                             FieldKind::kSelect, "", PlannableOrganisations(ctx)},
                                       form, errors["errors"]);
  }
  const int status = problems.ok() ? 200 : http::HttpStatusFor(problems.code());
  return web::HtmlPage(deps.renderer, "pilots/plan_form", status, data, r, ctx);
}

StatusOr<std::int64_t> OrganisationOfForm(const web::FormFields& form) {
  auto it = form.find("organisation_id");
  std::optional<std::int64_t> org =
      ParseOptionalInt(it == form.end() ? "" : it->second, 0);
  if (!org || *org <= 0) {
    Status status = InvalidArgumentError("validation.failed");
    status.AddInvalid("organisation_id", "validation.required");
    return status;
  }
  return *org;
}

void RegisterPlanPages(web::Router& router, const PilotRouteDeps& deps) {
  router.Get("/pilots", [deps](const http::Request& r, web::RequestContext& ctx) {
    return ListPage(deps, r, ctx);
  });
  router.Get("/pilots/new", [deps](const http::Request& r, web::RequestContext& ctx) {
    if (PlannableOrganisations(ctx).empty()) {
      return web::ErrorPage(deps.renderer, accounts::DenyAccess(ctx.actor, "pilots.plan.forbidden"),
                            r, ctx);
    }
    return PlanForm(deps, r, ctx, std::nullopt, {{"design", "did"}}, Status::Ok());
  });
  router.Post("/pilots/new", [deps](const http::Request& r, web::RequestContext& ctx) {
    web::FormFields form = web::ParseForm(r);
    PilotInput input = InputFromForm(form);
    StatusOr<std::int64_t> org = OrganisationOfForm(form);
    StatusOr<Pilot> pilot = org.ok() ? deps.pilots.CreatePilot(ctx.actor, *org, input)
                                     : StatusOr<Pilot>(org.status());
    if (pilot.ok()) return http::Response::Redirect("/pilots/" + std::to_string(pilot->id) + "?done=created");
    if (pilot.status().code() != StatusCode::kInvalidArgument) {
      return web::ErrorPage(deps.renderer, pilot.status(), r, ctx);
    }
    return PlanForm(deps, r, ctx, std::nullopt, form, ToFormNames(pilot.status(), input));
  });
  router.Get("/pilots/{id:int}/edit", [deps](const http::Request& r, web::RequestContext& ctx) {
    const PilotId id = web::PathId(r);
    StatusOr<Pilot> pilot = deps.pilots.GetPilot(ctx.actor, id);
    if (!pilot.ok()) return web::ErrorPage(deps.renderer, pilot.status(), r, ctx);
    if (!CanEditPilot(ctx.actor, *pilot)) {
      return web::ErrorPage(deps.renderer, accounts::DenyAccess(ctx.actor, "pilots.plan.forbidden"), r, ctx);
    }
    return PlanForm(deps, r, ctx, *pilot, FormFromPilot(*pilot), Status::Ok());
  });
  router.Post("/pilots/{id:int}/edit", [deps](const http::Request& r, web::RequestContext& ctx) {
    const PilotId id = web::PathId(r);
    StatusOr<Pilot> current = deps.pilots.GetPilot(ctx.actor, id);
    if (!current.ok()) return web::ErrorPage(deps.renderer, current.status(), r, ctx);
    web::FormFields form = web::ParseForm(r);
    PilotInput input = InputFromForm(form);
    StatusOr<Pilot> pilot = deps.pilots.UpdatePlan(ctx.actor, id, input);
    if (pilot.ok()) return http::Response::Redirect("/pilots/" + std::to_string(id) + "?done=saved");
    if (pilot.status().code() != StatusCode::kInvalidArgument) {
      return web::ErrorPage(deps.renderer, pilot.status(), r, ctx);
    }
    return PlanForm(deps, r, ctx, *current, form, ToFormNames(pilot.status(), input));
  });
}

}  // namespace

void RegisterPilotPages(web::Router& router, const PilotRouteDeps& deps) {
  RegisterPlanPages(router, deps);
}

}  // namespace nyttig::pilots
