// Value types of the ideas module: an idea with the fields of the innovation
// definition (need, solution, who benefits, value, novelty, step, type,
// trigger, area, Agenda 2030 goals), the organisation's pipeline of stages
// (each with a kind, so that organisations compare whatever they call their
// stages), the idea's timeline, attachments and per-organisation settings.
// Plain structs; IdeaService owns the rules.
//
// Codes (beneficiaries, value types, novelty …) are the English snake_case
// names below; the pages translate them through the catalogue
// ("ideas.value_type.social" → "Socialt").
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "core/clock.h"

namespace nyttig::ideas {

using IdeaId = std::int64_t;
using StageId = std::int64_t;
using ChallengeId = std::int64_t;  // challenge.h
using accounts::OrganisationId;
using accounts::PersonId;

// What a stage is for, whatever the organisation calls it.
enum class StageKind { kIdea, kAssessment, kTest, kImplementation, kSpread, kParked, kClosed };

inline constexpr StageKind kAllStageKinds[] = {
    StageKind::kIdea,   StageKind::kAssessment, StageKind::kTest,  StageKind::kImplementation,
    StageKind::kSpread, StageKind::kParked,     StageKind::kClosed};

std::string_view StageKindName(StageKind kind);  // "idea", "assessment", …
std::optional<StageKind> ParseStageKind(std::string_view name);
// Parked and closed stand outside the forward flow and need a reason.
inline bool IsSideStage(StageKind kind) {
  return kind == StageKind::kParked || kind == StageKind::kClosed;
}
// Test and implementation are the gates where decision makers decide.
inline bool IsGate(StageKind kind) {
  return kind == StageKind::kTest || kind == StageKind::kImplementation;
}

struct Stage {
  StageId id = 0;
  OrganisationId organisation_id = 0;
  int position = 0;     // order in the pipeline; side stages come last
  std::string key;      // "idea", "assessment" … or an organisation's own key
  std::string name;     // the organisation's name for it (Swedish)
  StageKind kind = StageKind::kIdea;
};

// The regular stage that follows `from` in `pipeline` (any order), or
// nullptr at the end; parked and closed are never next.
const Stage* NextRegularStage(const std::vector<Stage>& pipeline, const Stage& from);

// The two pipelines that ship.
enum class PipelineTemplate {
  kIdeaSluice,     // idéslussen: idé → bedömning → test → införande → spridning
  kServiceDesign,  // the municipal innovation guide: ringa in → … → spridd
};
std::string_view PipelineTemplateName(PipelineTemplate t);  // "idea_sluice", "service_design"
std::optional<PipelineTemplate> ParsePipelineTemplate(std::string_view name);
// The stages of a template, in order, with parked and closed last (ids 0).
std::vector<Stage> TemplateStages(PipelineTemplate t);

// Allowed code lists (validation and the forms' options).
inline constexpr std::string_view kBeneficiaries[] = {"citizens", "employees", "companies",
                                                      "environment"};
inline constexpr std::string_view kValueTypes[] = {"economic", "social", "environmental"};
inline constexpr std::string_view kNovelties[] = {"organisation", "market", "world"};
inline constexpr std::string_view kOrigins[] = {"first", "adapted", "copy"};
inline constexpr std::string_view kSteps[] = {"incremental", "radical"};
inline constexpr std::string_view kIdeaTypes[] = {"product", "service", "process",
                                                  "communication"};
inline constexpr std::string_view kTriggers[] = {"citizens",    "employees", "politicians",
                                                 "economy",     "law",       "technology",
                                                 "environment", "other"};
inline constexpr std::string_view kAreas[] = {
    "elderly_care", "school",        "health_care",   "social_services", "urban_development",
    "culture_leisure", "administration", "digitalisation", "environment",   "other"};
inline constexpr int kSdgCount = 17;  // Agenda 2030 goals 1..17

enum class Visibility { kOrganisation, kPublic };
std::string_view VisibilityName(Visibility v);  // "organisation", "public"
std::optional<Visibility> ParseVisibility(std::string_view name);

// How an idea came in: from staff of the organisation, or through its
// public idea box (a public record with a registration number).
enum class Channel { kStaff, kPublicBox };
std::string_view ChannelName(Channel c);  // "staff", "public_box"

struct Author {
  PersonId person_id = 0;
  std::string display_name;
};

struct Idea {
  IdeaId id = 0;
  OrganisationId organisation_id = 0;
  std::string organisation_name;  // filled by reads
  std::string organisation_slug;
  StageId stage_id = 0;
  Stage stage;                    // filled by reads
  UnixSeconds stage_since = 0;
  std::string title;
  std::string need;            // the need or problem
  std::string need_who;        // who has it
  std::string need_how_often;  // how often
  std::string need_cost;       // what it costs today
  std::string solution;
  std::string description;     // markdown
  std::vector<std::string> beneficiaries;
  std::vector<std::string> value_types;
  std::string value_estimate;
  std::string novelty;
  std::string origin;
  std::string source_url;  // when not the first of its kind
  std::string step;
  std::string idea_type;
  std::vector<std::string> triggers;
  std::string area;
  std::vector<int> sdgs;
  Visibility visibility = Visibility::kOrganisation;
  Channel channel = Channel::kStaff;
  bool anonymous = false;
  std::optional<PersonId> submitter_id;  // nullopt: sent without logging in
  std::vector<Author> authors;           // filled by reads; empty when anonymous
  std::optional<PersonId> owner_id;
  std::string owner_name;                // filled by reads
  std::string registration_number;       // "" unless from outside the organisation
  std::optional<UnixSeconds> received_at;
  std::optional<UnixSeconds> feedback_due_at;
  std::optional<UnixSeconds> feedback_given_at;
  std::optional<UnixSeconds> unpublished_at;
  std::optional<UnixSeconds> culled_at;
  std::optional<ChallengeId> challenge_id;  // submitted to a challenge
  std::string challenge_title;              // filled by reads
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;

  bool IsPublicRecord() const { return !registration_number.empty(); }
  bool IsAuthor(PersonId person) const;
};

// One entry of an idea's timeline.
enum class EventKind { kSubmitted, kMoved, kFeedback, kUpdated, kUnpublished, kRepublished, kCulled };
std::string_view EventKindName(EventKind kind);
std::optional<EventKind> ParseEventKind(std::string_view name);

struct IdeaEvent {
  std::int64_t id = 0;
  IdeaId idea_id = 0;
  EventKind kind = EventKind::kSubmitted;
  std::optional<StageId> from_stage_id;
  std::optional<StageId> to_stage_id;
  std::string from_stage_name;  // filled by reads
  std::string to_stage_name;
  std::string from_stage_key;
  std::string to_stage_key;
  std::optional<PersonId> actor_id;
  std::string actor_name;       // as shown at the time ("" for anonymous)
  std::string text;             // reason or feedback
  UnixSeconds occurred_at = 0;
};

struct Attachment {
  std::int64_t id = 0;
  IdeaId idea_id = 0;
  std::string file_name;
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;
  std::optional<PersonId> uploaded_by;
  UnixSeconds created_at = 0;
};

struct IdeaSettings {
  OrganisationId organisation_id = 0;
  PipelineTemplate pipeline_template = PipelineTemplate::kIdeaSluice;
  int feedback_days = 30;          // days
  bool anonymous_allowed = false;
  bool public_box_open = false;
  int retention_years = 0;         // years; 0 = public records are kept for ever
  UnixSeconds updated_at = 0;
};

// Space-padded storage form of code lists (" a b ") and back.
std::string JoinCodes(std::span<const std::string> codes);
std::vector<std::string> SplitCodes(std::string_view stored);

}  // namespace nyttig::ideas
