// JSON shapes of the ideas API and the list filter read from a query string.
#include <charconv>

#include "core/time_format.h"
#include "http/paging.h"
#include "ideas/routes.h"
#include "web/markdown.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;

json OrNull(const std::string& text) { return text.empty() ? json() : json(text); }
json TimeOrNull(const std::optional<UnixSeconds>& t) {
  return t ? json(FormatRfc3339(*t)) : json();
}

json AuthorsJson(const Idea& idea) {
  json authors = json::array();
  if (idea.anonymous) return authors;  // never named, not even to coordinators
  for (const Author& a : idea.authors) {
    authors.push_back({{"person_id", a.person_id}, {"display_name", a.display_name}});
  }
  return authors;
}

std::optional<std::int64_t> ParseInt(const std::string& text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

template <std::size_t N>
bool Known(const std::string& code, const std::string_view (&codes)[N]) {
  for (std::string_view c : codes) {
    if (c == code) return true;
  }
  return false;
}

// An optional positive id parameter; records a problem when malformed.
std::optional<std::int64_t> IdParam(const http::Request& r, const std::string& name,
                                    std::int64_t max, Status& problems) {
  auto text = r.Query(name);
  if (!text || text->empty()) return std::nullopt;
  auto value = ParseInt(*text);
  if (!value || *value < 1 || *value > max) {
    problems.AddInvalid(name, "validation.positive_integer", *text);
    return std::nullopt;
  }
  return value;
}

void CodeParam(const http::Request& r, const std::string& name, bool known, std::string& out,
               Status& problems) {
  out = r.Query(name).value_or("");
  if (!out.empty() && !known) problems.AddInvalid(name, "ideas.code.invalid", out);
}

}  // namespace

json StageJson(const Stage& s) {
  return {{"id", s.id}, {"key", s.key}, {"name", s.name},
          {"kind", StageKindName(s.kind)}, {"position", s.position}};
}

json IdeaJson(const Idea& i) {
  return {{"id", i.id},
          {"organisation_id", i.organisation_id},
          {"organisation_name", i.organisation_name},
          {"title", i.title},
          {"need", i.need},
          {"need_who", i.need_who},
          {"need_how_often", i.need_how_often},
          {"need_cost", i.need_cost},
          {"solution", i.solution},
          {"description", i.description},
          {"description_html", web::RenderMarkdown(i.description)},
          {"beneficiaries", i.beneficiaries},
          {"value_types", i.value_types},
          {"value_estimate", i.value_estimate},
          {"novelty", OrNull(i.novelty)},
          {"origin", OrNull(i.origin)},
          {"source_url", OrNull(i.source_url)},
          {"step", OrNull(i.step)},
          {"idea_type", OrNull(i.idea_type)},
          {"triggers", i.triggers},
          {"area", OrNull(i.area)},
          {"sdgs", i.sdgs},
          {"visibility", VisibilityName(i.visibility)},
          {"channel", ChannelName(i.channel)},
          {"anonymous", i.anonymous},
          {"authors", AuthorsJson(i)},
          {"owner", i.owner_id ? json{{"person_id", *i.owner_id}, {"display_name", i.owner_name}}
                               : json()},
          {"stage", StageJson(i.stage)},
          {"stage_since", FormatRfc3339(i.stage_since)},
          {"registration_number", OrNull(i.registration_number)},
          {"challenge_id", i.challenge_id ? json(*i.challenge_id) : json()},
          {"received_at", TimeOrNull(i.received_at)},
          {"feedback_due_at", TimeOrNull(i.feedback_due_at)},
          {"feedback_given_at", TimeOrNull(i.feedback_given_at)},
          {"unpublished_at", TimeOrNull(i.unpublished_at)},
          {"created_at", FormatRfc3339(i.created_at)},
          {"updated_at", FormatRfc3339(i.updated_at)},
          {"url", "/ideas/" + std::to_string(i.id)}};
}

json EventJson(const IdeaEvent& e) {
  auto stage = [](const std::optional<StageId>& id, const std::string& key,
                  const std::string& name) {
    return id ? json{{"id", *id}, {"key", key}, {"name", name}} : json();
  };
  return {{"id", e.id},
          {"kind", EventKindName(e.kind)},
          {"from_stage", stage(e.from_stage_id, e.from_stage_key, e.from_stage_name)},
          {"to_stage", stage(e.to_stage_id, e.to_stage_key, e.to_stage_name)},
          {"actor_name", OrNull(e.actor_name)},
          {"text", e.text},
          {"occurred_at", FormatRfc3339(e.occurred_at)}};
}

json AttachmentJson(const Attachment& a) {
  return {{"id", a.id},
          {"file_name", a.file_name},
          {"content_type", a.content_type},
          {"size", a.size},
          {"created_at", FormatRfc3339(a.created_at)},
          {"url", "/api/v1/ideas/" + std::to_string(a.idea_id) + "/attachments/" +
                      std::to_string(a.id)}};
}

json SettingsJson(const IdeaSettings& s) {
  return {{"organisation_id", s.organisation_id},
          {"pipeline_template", PipelineTemplateName(s.pipeline_template)},
          {"feedback_days", s.feedback_days},
          {"anonymous_allowed", s.anonymous_allowed},
          {"public_box_open", s.public_box_open},
          {"retention_years", s.retention_years}};
}

StatusOr<IdeaFilter> ParseIdeaFilter(const http::Request& r, const accounts::Actor& actor,
                                     UnixSeconds now) {
  Status problems = InvalidArgumentError("validation.failed");
  IdeaFilter f;
  auto paging = http::ParsePageRequest(r);
  if (!paging.ok()) {
    Status bad_paging = paging.status();
    for (const auto& p : bad_paging.invalid_parameters()) {
      problems.AddInvalid(p.name, p.reason, p.value, p.args);
    }
  } else {
    f.offset = paging->offset();
    f.limit = paging->limit;
  }
  constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();
  f.organisation_id = IdParam(r, "organisation_id", kMaxId, problems);
  f.stage_id = IdParam(r, "stage_id", kMaxId, problems);
  f.challenge_id = IdParam(r, "challenge_id", kMaxId, problems);
  if (auto sdg = IdParam(r, "sdg", kSdgCount, problems)) f.sdg = int(*sdg);
  if (auto kind = r.Query("stage_kind"); kind && !kind->empty()) {
    f.stage_kind = ParseStageKind(*kind);
    if (!f.stage_kind) problems.AddInvalid("stage_kind", "ideas.code.invalid", *kind);
  }
  CodeParam(r, "area", Known(r.Query("area").value_or(""), kAreas), f.area, problems);
  CodeParam(r, "value_type", Known(r.Query("value_type").value_or(""), kValueTypes), f.value_type,
            problems);
  if (auto sort = r.Query("sort"); sort && !sort->empty()) {
    auto parsed = ParseIdeaSort(*sort);
    if (!parsed) problems.AddInvalid("sort", "ideas.code.invalid", *sort);
    f.sort = parsed.value_or(IdeaSort::kNewest);
  }
  if (auto mine = r.Query("mine"); mine && *mine == "true") {
    if (!actor.person_id) return UnauthenticatedError("accounts.login.required");
    f.mine = actor.person_id;
  }
  if (r.Query("overdue") == "true") f.feedback_overdue_at = now;
  if (!problems.invalid_parameters().empty()) return problems;
  return f;
}

}  // namespace nyttig::ideas
