#include "ideas/idea_page_support.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/time_format.h"
#include "ideas/idea_permissions.h"
#include "ideas/idea_service.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;

struct FieldSpec {
  const char* name;
  const char* type;  // text, textarea, checkboxes, radios, select, sdgs, checkbox
  FieldGroup group;
  std::vector<std::string_view> options;
};

template <std::size_t N>
std::vector<std::string_view> Options(const std::string_view (&codes)[N]) {
  return {std::begin(codes), std::end(codes)};
}

const std::vector<FieldSpec>& Specs() {
  static const std::vector<FieldSpec> specs = {
      {"title", "text", FieldGroup::kNeed, {}},
      {"need", "textarea", FieldGroup::kNeed, {}},
      {"need_who", "text", FieldGroup::kNeed, {}},
      {"need_how_often", "text", FieldGroup::kNeed, {}},
      {"need_cost", "text", FieldGroup::kNeed, {}},
      {"solution", "textarea", FieldGroup::kSolution, {}},
      {"description", "textarea", FieldGroup::kSolution, {}},
      {"beneficiaries", "checkboxes", FieldGroup::kSolution, Options(kBeneficiaries)},
      {"value_types", "checkboxes", FieldGroup::kDetails, Options(kValueTypes)},
      {"value_estimate", "text", FieldGroup::kDetails, {}},
      {"novelty", "radios", FieldGroup::kDetails, Options(kNovelties)},
      {"origin", "radios", FieldGroup::kDetails, Options(kOrigins)},
      {"source_url", "text", FieldGroup::kDetails, {}},
      {"step", "radios", FieldGroup::kDetails, Options(kSteps)},
      {"idea_type", "radios", FieldGroup::kDetails, Options(kIdeaTypes)},
      {"triggers", "checkboxes", FieldGroup::kDetails, Options(kTriggers)},
      {"area", "select", FieldGroup::kDetails, Options(kAreas)},
      {"sdgs", "checkboxes", FieldGroup::kDetails, {}},
      {"visibility", "radios", FieldGroup::kAbout, {"organisation", "public"}},
  };
  return specs;
}

bool InGroup(const FieldSpec& spec, FieldGroup group) {
  return group == FieldGroup::kAll || spec.group == group;
}

std::vector<std::string> Selected(const IdeaInput& in, const std::string& name) {
  if (name == "beneficiaries") return in.beneficiaries;
  if (name == "value_types") return in.value_types;
  if (name == "triggers") return in.triggers;
  if (name == "sdgs") {
    std::vector<std::string> out;
    for (int goal : in.sdgs) out.push_back(std::to_string(goal));
    return out;
  }
  return {};
}

// The text members of IdeaInput by form field name.
const std::map<std::string, std::string IdeaInput::*>& TextMembers() {
  static const std::map<std::string, std::string IdeaInput::*> members = {
      {"title", &IdeaInput::title},           {"need", &IdeaInput::need},
      {"need_who", &IdeaInput::need_who},     {"need_how_often", &IdeaInput::need_how_often},
      {"need_cost", &IdeaInput::need_cost},   {"solution", &IdeaInput::solution},
      {"description", &IdeaInput::description}, {"value_estimate", &IdeaInput::value_estimate},
      {"novelty", &IdeaInput::novelty},       {"origin", &IdeaInput::origin},
      {"source_url", &IdeaInput::source_url}, {"step", &IdeaInput::step},
      {"idea_type", &IdeaInput::idea_type},   {"area", &IdeaInput::area},
      {"visibility", &IdeaInput::visibility}};
  return members;
}

std::string Value(const IdeaInput& in, const std::string& name) {
  auto it = TextMembers().find(name);
  return it == TextMembers().end() ? "" : in.*(it->second);
}

json OptionsJson(const FieldSpec& spec, const IdeaInput& in, const web::RequestContext& ctx) {
  json options = json::array();
  std::vector<std::string> chosen = Selected(in, spec.name);
  std::string value = Value(in, spec.name);
  auto add = [&](const std::string& code, const std::string& label) {
    bool on = std::find(chosen.begin(), chosen.end(), code) != chosen.end() || value == code;
    options.push_back({{"value", code}, {"label", label}, {"checked", on},
                       {"id", "field-" + std::string(spec.name) + "-" + code}});
  };
  if (std::string(spec.name) == "sdgs") {
    for (int goal = 1; goal <= kSdgCount; ++goal) {
      add(std::to_string(goal), ctx.T("ideas.sdg." + std::to_string(goal)));
    }
  }
  for (std::string_view code : spec.options) {
    add(std::string(code), ctx.T("ideas." + std::string(spec.name) + "." + std::string(code)));
  }
  return options;
}

json FieldJson(const FieldSpec& spec, const IdeaInput& in, const json& errors,
               const web::RequestContext& ctx) {
  const std::string name = spec.name;
  const std::string hint_key = "ideas.field." + name + ".hint";
  json field = {{"name", name},
                {"label", ctx.T("ideas.field." + name)},
                {"hint", ctx.messages && ctx.messages->Has(hint_key) ? json(ctx.T(hint_key)) : json()},
                {"value", Value(in, name)},
                {"error", errors.contains(name) ? errors[name] : json()},
                {std::string("is_") + spec.type, true}};
  if (!spec.options.empty() || name == "sdgs") field["options"] = OptionsJson(spec, in, ctx);
  return field;
}

std::vector<int> Ints(const std::vector<std::string>& texts) {
  std::vector<int> out;
  for (const std::string& text : texts) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    // Not a number: kept as 0 so that validation names it.
    out.push_back(error == std::errc() && end == text.data() + text.size() ? value : 0);
  }
  return out;
}

}  // namespace

json MembershipChoices(const accounts::Actor& actor, OrganisationId selected,
                       const std::function<bool(OrganisationId)>& allowed) {
  json out = json::array();
  std::set<OrganisationId> seen;
  for (const accounts::Membership& m : actor.memberships) {
    if ((allowed && !allowed(m.organisation_id)) || !seen.insert(m.organisation_id).second) continue;
    out.push_back({{"id", m.organisation_id}, {"name", m.organisation_name},
                   {"selected", m.organisation_id == selected}});
  }
  return out;
}

std::string HumanDate(UnixSeconds t, const web::RequestContext& ctx) {
  std::string iso = FormatIsoDate(t);  // YYYY-MM-DD
  int day = std::stoi(iso.substr(8, 2));
  return std::to_string(day) + " " + ctx.T("ideas.month." + std::to_string(std::stoi(iso.substr(5, 2)))) +
         " " + iso.substr(0, 4);
}

int DaysBetween(UnixSeconds from, UnixSeconds to) {
  return to > from ? int((to - from) / 86400) : 0;
}

std::string StageLabel(const std::string& key, const std::string& name,
                       const web::RequestContext& ctx) {
  const std::string catalog_key = "ideas.stage." + key;
  if (ctx.messages && ctx.messages->Has(catalog_key)) return ctx.T(catalog_key);
  return name;
}

std::string StageLabel(const Stage& stage, const web::RequestContext& ctx) {
  return StageLabel(stage.key, stage.name, ctx);
}

json StageTag(const Stage& stage, const web::RequestContext& ctx) {
  return {{"label", StageLabel(stage, ctx)}, {"kind", StageKindName(stage.kind)}};
}

json IdeaFormFields(const IdeaInput& in, const json& errors, FieldGroup group,
                    const web::RequestContext& ctx) {
  json fields = json::array();
  for (const FieldSpec& spec : Specs()) {
    if (InGroup(spec, group)) fields.push_back(FieldJson(spec, in, errors, ctx));
  }
  return fields;
}

std::vector<std::string> FieldNames(FieldGroup group) {
  std::vector<std::string> names;
  for (const FieldSpec& spec : Specs()) {
    if (InGroup(spec, group)) names.push_back(spec.name);
  }
  if (group == FieldGroup::kAbout || group == FieldGroup::kAll) names.push_back("anonymous");
  return names;
}

IdeaInput IdeaInputFromForm(const http::Request& request) {
  IdeaInput in;
  std::vector<std::string> sdgs;
  for (const auto& [key, value] : http::ParseUrlEncoded(request.body)) {
    if (key == "beneficiaries") in.beneficiaries.push_back(value);
    else if (key == "value_types") in.value_types.push_back(value);
    else if (key == "triggers") in.triggers.push_back(value);
    else if (key == "sdgs") sdgs.push_back(value);
    else if (key == "anonymous") in.anonymous = value == "yes";
    else if (key == "owner_id" && !value.empty()) in.owner_id = std::atoll(value.c_str());
    else if (auto it = TextMembers().find(key); it != TextMembers().end()) in.*(it->second) = value;
  }
  in.sdgs = Ints(sdgs);
  return in;
}

json HiddenFields(const IdeaInput& in, FieldGroup except) {
  json hidden = json::array();
  for (const FieldSpec& spec : Specs()) {
    if (spec.group == except) continue;
    for (const std::string& v : Selected(in, spec.name)) hidden.push_back({{"name", spec.name}, {"value", v}});
    std::string value = Value(in, spec.name);
    if (!value.empty()) hidden.push_back({{"name", spec.name}, {"value", value}});
  }
  if (except != FieldGroup::kAbout && in.anonymous) hidden.push_back({{"name", "anonymous"}, {"value", "yes"}});
  return hidden;
}

Status ProblemsOf(const Status& status, FieldGroup group) {
  std::vector<std::string> names = FieldNames(group);
  Status out = InvalidArgumentError("validation.failed");
  for (const InvalidParameter& p : status.invalid_parameters()) {
    if (std::find(names.begin(), names.end(), p.name) != names.end()) {
      out.AddInvalid(p.name, p.reason, p.value, p.args);
    }
  }
  return out.invalid_parameters().empty() ? Status::Ok() : out;
}

nlohmann::json MoveOptions(const Idea& idea, const std::vector<Stage>& pipeline,
                           const web::RequestContext& ctx) {
  nlohmann::json options = nlohmann::json::array();
  for (const Stage& s : pipeline) {
    if (s.id != idea.stage_id && CanMoveIdea(ctx.actor, idea, s) &&
        CheckTransition(pipeline, idea.stage, s, "x").ok()) {
      options.push_back({{"id", s.id}, {"label", StageLabel(s, ctx)}, {"side", IsSideStage(s.kind)}});
    }
  }
  return options;
}

}  // namespace nyttig::ideas
