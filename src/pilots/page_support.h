// Helpers the pilots pages share: form fields for partials/pilot_field, the
// pilot header every pilot page shows, and number formatting for people.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pilots/pilot.h"
#include "web/context.h"
#include "web/page.h"

namespace nyttig::pilots {

enum class FieldKind { kText, kDate, kNumber, kTextarea, kSelect, kCheckbox };

struct FieldOption {
  std::string value;
  std::string label;
};

// One field of a form: `label_key`/`hint_key` are message keys ("" = no hint).
struct FieldSpec {
  std::string name;
  std::string label_key;
  FieldKind kind = FieldKind::kText;
  std::string hint_key;
  std::vector<FieldOption> options;  // kSelect
};

// The data partials/pilot_field renders: label, hint, error (from
// FormErrors' "errors"), the typed value (or "1" for a checked box).
nlohmann::json Field(const web::RequestContext& ctx, const FieldSpec& spec,
                     const web::FormFields& values, const nlohmann::json& errors);

// Non-empty trimmed lines of a textarea.
std::vector<std::string> Lines(const std::string& text);

// Data every page of one pilot carries: title, state tag, links by permission.
nlohmann::json PilotHeader(const web::RequestContext& ctx, const Pilot& pilot);

// "12,5" in Swedish, "12.5" in English; "–" when absent.
std::string FormatNumber(const web::RequestContext& ctx, std::optional<double> value,
                         int decimals = 2);

}  // namespace nyttig::pilots
