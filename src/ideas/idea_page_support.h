// Helpers shared by the ideas pages: dates and stage names for people, the
// idea form's fields (one generic description the template renders), and
// reading an IdeaInput from a form post.
#pragma once

#include <functional>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "http/message.h"
#include "ideas/idea_service.h"
#include "web/context.h"

namespace nyttig::ideas {

// "18 december 2026" / "18 December 2026".
std::string HumanDate(UnixSeconds t, const web::RequestContext& ctx);
// Whole days between `from` and `to` (never negative).
int DaysBetween(UnixSeconds from, UnixSeconds to);
// The stage's name in the reader's language (template stages are
// translated; an organisation's own stages keep their name).
std::string StageLabel(const Stage& stage, const web::RequestContext& ctx);
// The stages the reader may move `idea` to, for the idea page and the board:
// [{"id", "label", "side"}] (side = parked or closed, which need a reason).
nlohmann::json MoveOptions(const Idea& idea, const std::vector<Stage>& pipeline,
                           const web::RequestContext& ctx);
std::string StageLabel(const std::string& key, const std::string& name,
                       const web::RequestContext& ctx);
// {"label", "kind"} for the status tag partial.
nlohmann::json StageTag(const Stage& stage, const web::RequestContext& ctx);

// The actor's organisations for a form's choice, each once:
// [{"id", "name", "selected"}], only those `allowed` admits (all when empty).
nlohmann::json MembershipChoices(const accounts::Actor& actor, OrganisationId selected,
                                 const std::function<bool(OrganisationId)>& allowed = {});

// Which group of fields a form shows (the citizen steps show one at a time).
enum class FieldGroup { kNeed, kSolution, kDetails, kAbout, kAll };

// The fields of the idea form for the template loop in
// partials/form_fields.mustache, with values from `in` and messages from
// `errors` (FormErrors' "errors" object).
nlohmann::json IdeaFormFields(const IdeaInput& in, const nlohmann::json& errors, FieldGroup group,
                              const web::RequestContext& ctx);
// The field names of a group, to keep a step's problems to that step.
std::vector<std::string> FieldNames(FieldGroup group);
// Reads an IdeaInput from an urlencoded body (repeated names for the lists).
IdeaInput IdeaInputFromForm(const http::Request& request);
// Hidden inputs that carry `in` to the next step without a server session.
nlohmann::json HiddenFields(const IdeaInput& in, FieldGroup except);
// Only the problems of `status` that belong to `group`; OK when none.
Status ProblemsOf(const Status& status, FieldGroup group);

}  // namespace nyttig::ideas
