#include "pilots/page_support.h"

#include <sstream>

#include "charts/chart.h"
#include "core/text.h"
#include "pilots/permissions.h"

namespace nyttig::pilots {

nlohmann::json Field(const web::RequestContext& ctx, const FieldSpec& spec,
                     const web::FormFields& values, const nlohmann::json& errors) {
  auto found = values.find(spec.name);
  const std::string value = found == values.end() ? "" : found->second;
  const std::string error = errors.value(spec.name, "");
  std::string described_by = spec.hint_key.empty() ? "" : "hint-" + spec.name;
  if (!error.empty()) {
    described_by += std::string(described_by.empty() ? "" : " ") + "error-" + spec.name;
  }
  // Every key is set, so that a missing one never resolves in the parent context.
  nlohmann::json field = {
      {"name", spec.name},
      {"label", ctx.T(spec.label_key)},
      {"hint", spec.hint_key.empty() ? nlohmann::json(nullptr) : nlohmann::json(ctx.T(spec.hint_key))},
      {"error", error.empty() ? nlohmann::json(nullptr) : nlohmann::json(error)},
      {"described_by", described_by.empty() ? nlohmann::json(nullptr) : nlohmann::json(described_by)},
      {"value", value},
      {"checkbox", spec.kind == FieldKind::kCheckbox},
      {"checked", spec.kind == FieldKind::kCheckbox && value == "1"},
      {"textarea", spec.kind == FieldKind::kTextarea},
      {"rows", 4},
      {"select", spec.kind == FieldKind::kSelect},
      {"options", nlohmann::json::array()},
      {"input", nullptr},
      {"inputmode", nullptr}};
  if (spec.kind == FieldKind::kText) field["input"] = "text";
  if (spec.kind == FieldKind::kDate) field["input"] = "date";
  if (spec.kind == FieldKind::kNumber) {
    // type=text with inputmode: a decimal comma is welcome, and browsers do not reject it.
    field["input"] = "text";
    field["inputmode"] = "decimal";
  }
  for (const FieldOption& option : spec.options) {
    field["options"].push_back({{"option_value", option.value},
                                {"option_label", option.label},
                                {"selected", option.value == value}});
  }
  return field;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::string trimmed(Trim(line));
    if (!trimmed.empty()) lines.push_back(std::move(trimmed));
  }
  return lines;
}

nlohmann::json PilotHeader(const web::RequestContext& ctx, const Pilot& pilot) {
  const std::string base = "/pilots/" + std::to_string(pilot.id);
  const std::string state(PilotStateName(pilot.state));
  return {{"pilot_id", pilot.id},
          {"pilot_title", pilot.title},
          {"pilot_url", base},
          {"state", state},
          {"state_label", ctx.T("pilots.state." + state)},
          {"can_edit", CanEditPilot(ctx.actor, pilot)},
          {"can_enter", CanEnterMeasurements(ctx.actor, pilot)},
          {"can_decide", CanDecidePilot(ctx.actor, pilot)}};
}

std::string FormatNumber(const web::RequestContext& ctx, std::optional<double> value,
                         int decimals) {
  if (!value) return "–";
  return charts::FormatNumber(*value, ctx.language == "sv", decimals);
}

}  // namespace nyttig::pilots
