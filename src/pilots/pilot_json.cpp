// JSON shapes of the pilots API (docs/api/paths/pilots.json) and reading a
// plan from a request body.
#include <charconv>

#include "core/time_format.h"
#include "http/json_body.h"
#include "pilots/routes.h"

namespace nyttig::pilots {
namespace {

using nlohmann::json;

json OptionalInt(const std::optional<std::int64_t>& value) { return value ? json(*value) : json(); }
json OptionalReal(const std::optional<double>& value) { return value ? json(*value) : json(); }

json MetricJson(const Metric& m) {
  return {{"id", m.id},
          {"name", m.name},
          {"unit_of_measure", m.unit_of_measure},
          {"direction", DirectionName(m.direction)},
          {"measure", MeasureName(m.measure)},
          {"baseline", OptionalReal(m.baseline)},
          {"target", OptionalReal(m.target)}};
}

json DecisionJson(const std::optional<Decision>& d) {
  if (!d) return json();
  return {{"outcome", OutcomeName(d->outcome)},
          {"reasoning", d->reasoning},
          {"lessons", d->lessons},
          {"decided_by", {{"id", d->decided_by}, {"display_name", d->decided_by_name}}},
          {"decided_at", FormatRfc3339(d->decided_at)}};
}

void Problem(Status& problems, std::string name, std::string reason, std::string value = {}) {
  problems.AddInvalid(std::move(name), std::move(reason), std::move(value));
}

// A string member of an array item ("" when absent; a problem when not text).
std::string ItemString(const json& item, const std::string& field, const char* key,
                       Status& problems) {
  if (!item.contains(key) || item[key].is_null()) return "";
  if (!item[key].is_string()) {
    Problem(problems, field + "." + key, "validation.not_string", item[key].dump());
    return "";
  }
  return item[key].get<std::string>();
}

std::optional<double> ItemNumber(const json& item, const std::string& field, const char* key,
                                 Status& problems) {
  if (!item.contains(key) || item[key].is_null()) return std::nullopt;
  if (!item[key].is_number()) {
    Problem(problems, field + "." + key, "pilots.json.not_number", item[key].dump());
    return std::nullopt;
  }
  return item[key].get<double>();
}

// The items of an array member, each an object; problems otherwise.
std::vector<json> Objects(const json& body, const char* name, Status& problems) {
  std::vector<json> out;
  if (!body.contains(name) || body[name].is_null()) return out;
  if (!body[name].is_array()) {
    Problem(problems, name, "validation.not_list");
    return out;
  }
  for (size_t idx = 0; idx < body[name].size(); ++idx) {
    const json& item = body[name][idx];
    if (item.is_object()) {
      out.push_back(item);
    } else {
      Problem(problems, std::string(name) + "[" + std::to_string(idx) + "]",
              "pilots.json.not_object", item.dump());
      out.push_back(json::object());
    }
  }
  return out;
}

void ReadArrays(const json& body, PilotInput& in, Status& problems) {
  std::vector<json> units = Objects(body, "units", problems);
  for (size_t idx = 0; idx < units.size(); ++idx) {
    const std::string field = "units[" + std::to_string(idx) + "]";
    in.units.push_back({ItemString(units[idx], field, "name", problems),
                        ItemString(units[idx], field, "group", problems)});
  }
  std::vector<json> people = Objects(body, "participants", problems);
  for (size_t idx = 0; idx < people.size(); ++idx) {
    const std::string field = "participants[" + std::to_string(idx) + "]";
    const std::string role = ItemString(people[idx], field, "role", problems);
    std::optional<ParticipantRole> parsed = ParseParticipantRole(role.empty() ? "other" : role);
    if (!parsed) Problem(problems, field + ".role", "pilots.plan.role_invalid", role);
    in.participants.push_back({ItemString(people[idx], field, "name", problems),
                               parsed.value_or(ParticipantRole::kOther)});
  }
  std::vector<json> metrics = Objects(body, "metrics", problems);
  for (size_t idx = 0; idx < metrics.size(); ++idx) {
    const std::string field = "metrics[" + std::to_string(idx) + "]";
    const json& m = metrics[idx];
    MetricInput metric{.name = ItemString(m, field, "name", problems),
                       .unit_of_measure = ItemString(m, field, "unit_of_measure", problems),
                       .direction = ItemString(m, field, "direction", problems),
                       .measure = ItemString(m, field, "measure", problems),
                       .baseline = ItemNumber(m, field, "baseline", problems),
                       .target = ItemNumber(m, field, "target", problems)};
    if (m.contains("id") && m["id"].is_number_integer()) metric.id = m["id"].get<std::int64_t>();
    in.metrics.push_back(std::move(metric));
  }
}

}  // namespace

json PilotSummaryJson(const Pilot& p) {
  return {{"id", p.id},
          {"organisation_id", p.organisation_id},
          {"title", p.title},
          {"state", PilotStateName(p.state)},
          {"design", DesignName(p.design)},
          {"starts_on", p.starts_on},
          {"ends_on", p.ends_on},
          {"published", p.published},
          {"url", "/pilots/" + std::to_string(p.id)}};
}

json PilotJson(const Pilot& p) {
  json units = json::array(), participants = json::array(), metrics = json::array();
  for (const ScopeUnit& u : p.units) {
    units.push_back({{"name", u.name},
                     {"group", GroupName(u.group)},
                     {"organisation_unit_id", OptionalInt(u.organisation_unit_id)}});
  }
  for (const Participant& x : p.participants) {
    participants.push_back({{"name", x.name}, {"role", ParticipantRoleName(x.role)}});
  }
  for (const Metric& m : p.metrics) metrics.push_back(MetricJson(m));
  json out = PilotSummaryJson(p);
  out.update({{"idea_id", OptionalInt(p.idea_id)},
              {"hypothesis", p.hypothesis},
              {"units", units},
              {"geography", p.geography},
              {"target_group", p.target_group},
              {"baseline_from", p.baseline_from.empty() ? json() : json(p.baseline_from)},
              {"owner", {{"id", p.owner_id}, {"display_name", p.owner_name}}},
              {"participants", participants},
              {"budget_sek", OptionalInt(p.budget_sek)},
              {"risks", p.risks},
              {"legal_basis", p.legal_basis},
              {"needs_exemption", p.needs_exemption},
              {"randomised", p.randomised},
              {"metrics", metrics},
              {"decision", DecisionJson(p.decision)},
              {"created_at", FormatRfc3339(p.created_at)},
              {"updated_at", FormatRfc3339(p.updated_at)}});
  return out;
}

json MeasurementJson(const StoredMeasurement& row, const Pilot& pilot) {
  std::string metric;
  for (const Metric& m : pilot.metrics) {
    if (m.id == row.metric_id) metric = m.name;
  }
  return {{"id", row.id},         {"metric_id", row.metric_id}, {"metric", metric},
          {"unit", row.unit},     {"group", GroupName(row.group)}, {"period", row.period},
          {"phase", PhaseName(row.phase)}, {"value", row.value}};
}

StatusOr<PilotInput> PilotInputFromJson(const json& body) {
  http::JsonFields fields(body, {"organisation_id", "idea_id", "title", "hypothesis", "units",
                                 "geography", "target_group", "baseline_from", "starts_on",
                                 "ends_on", "owner_id", "participants", "budget_sek", "risks",
                                 "legal_basis", "needs_exemption", "design", "randomised",
                                 "metrics"});
  PilotInput in;
  fields.OptionalInt("organisation_id", 1, INT64_MAX);  // read by the route
  in.idea_id = fields.OptionalInt("idea_id", 1, INT64_MAX);
  in.title = fields.RequiredString("title", kMaxTitleChars);
  in.hypothesis = fields.RequiredString("hypothesis", kMaxLongTextChars);
  in.geography = fields.OptionalString("geography", kMaxShortTextChars).value_or("");
  in.target_group = fields.OptionalString("target_group", kMaxShortTextChars).value_or("");
  in.baseline_from = fields.OptionalString("baseline_from", 10).value_or("");
  in.starts_on = fields.RequiredString("starts_on", 10);
  in.ends_on = fields.RequiredString("ends_on", 10);
  in.owner_id = fields.OptionalInt("owner_id", 1, INT64_MAX);
  in.budget_sek = fields.OptionalInt("budget_sek", 0, INT64_MAX / 2);
  in.risks = fields.OptionalString("risks", kMaxLongTextChars).value_or("");
  in.legal_basis = fields.OptionalString("legal_basis", kMaxLongTextChars).value_or("");
  in.needs_exemption = fields.OptionalBool("needs_exemption").value_or(false);
  in.design = fields.RequiredString("design", 20);
  in.randomised = fields.OptionalBool("randomised").value_or(false);
  Status problems = fields.status();
  if (problems.ok()) problems = InvalidArgumentError("validation.failed");
  ReadArrays(body, in, problems);
  if (!problems.invalid_parameters().empty()) return problems;
  return in;
}

}  // namespace nyttig::pilots
