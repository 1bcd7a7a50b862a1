// Value types of the pilots module (försök): a pilot with its scope, plan of
// metrics and design, its measurements and the decision that ends it. Plain
// structs; PilotService owns the rules, pilots/stats the numbers.
//
// Thread-safety: plain values; copy freely.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "pilots/stats/evaluation.h"
#include "pilots/stats/measurement.h"

namespace nyttig::pilots {

using PilotId = std::int64_t;
using MetricId = std::int64_t;

// planned → running → evaluating → decided; never backwards.
enum class PilotState { kPlanned, kRunning, kEvaluating, kDecided };
std::string_view PilotStateName(PilotState state);  // "planned", …
std::optional<PilotState> ParsePilotState(std::string_view name);

enum class Direction { kHigherIsBetter, kLowerIsBetter };
std::string_view DirectionName(Direction direction);  // "higher" | "lower"
std::optional<Direction> ParseDirection(std::string_view name);

// The decision that ends a pilot: skala upp / justera och testa igen / avsluta.
enum class Outcome { kScaleUp, kAdjust, kStop };
std::string_view OutcomeName(Outcome outcome);  // "scale_up" | "adjust" | "stop"
std::optional<Outcome> ParseOutcome(std::string_view name);

std::string_view DesignName(Design design);    // "two-groups" | "before-after" | "did"
std::string_view MeasureName(Measure measure);  // "mean" | "proportion" | "rank"
// Group spelling of the contract ("pilot" | "comparison").
std::optional<Group> ParseGroup(std::string_view name);

// A unit in the pilot's scope: one of the organisation's units (unit_id set)
// or a free-text unit (a school, a home-care group, a district).
struct ScopeUnit {
  std::string name;  // the name measurements use in their `unit` column
  Group group = Group::kPilot;
  std::optional<std::int64_t> organisation_unit_id;
  bool operator==(const ScopeUnit&) const = default;
};

enum class ParticipantRole { kResearchPartner, kSupplier, kOther };
std::string_view ParticipantRoleName(ParticipantRole role);
std::optional<ParticipantRole> ParseParticipantRole(std::string_view name);

// Someone from another organisation taking part (research partner, supplier).
struct Participant {
  std::string name;  // organisation or person, as written
  ParticipantRole role = ParticipantRole::kOther;
  bool operator==(const Participant&) const = default;
};

struct Metric {
  MetricId id = 0;
  std::string name;             // e.g. "Väntetid till första besök"
  std::string unit_of_measure;  // e.g. "dagar", "%"
  Direction direction = Direction::kHigherIsBetter;
  Measure measure = Measure::kMean;
  std::optional<double> baseline;
  std::optional<double> target;
};

struct Decision {
  Outcome outcome = Outcome::kStop;
  std::string reasoning;  // why this decision
  std::string lessons;    // what was learnt, kept whatever the outcome
  std::int64_t decided_by = 0;
  std::string decided_by_name;
  UnixSeconds decided_at = 0;
};

struct Pilot {
  PilotId id = 0;
  std::int64_t organisation_id = 0;
  std::optional<std::int64_t> idea_id;  // the ideas module's id; linked by the lead
  // The linked idea's title, filled by PilotService::GetPilot when the reader
  // may see that idea (nullopt otherwise, or without an IdeaLink).
  std::optional<std::string> idea_title;
  std::string title;
  std::string hypothesis;
  std::vector<ScopeUnit> units;
  std::string geography;
  std::string target_group;
  std::string baseline_from;  // ISO date or "": dated rows before `starts_on` count as before
  std::string starts_on;      // ISO date, the pilot period
  std::string ends_on;
  std::int64_t owner_id = 0;  // a person
  std::string owner_name;     // filled by reads
  std::vector<Participant> participants;
  std::optional<std::int64_t> budget_sek;  // whole kronor
  std::string risks;
  std::string legal_basis;
  bool needs_exemption = false;  // needs an exemption or experimental legislation
  Design design = Design::kBeforeAfter;
  bool randomised = false;
  std::vector<Metric> metrics;
  PilotState state = PilotState::kPlanned;
  bool published = false;  // visible to anyone, also without logging in
  std::optional<Decision> decision;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

// One stored measurement: a value of a metric for a unit in a period.
struct StoredMeasurement {
  std::int64_t id = 0;
  MetricId metric_id = 0;
  std::string unit;
  Group group = Group::kPilot;
  std::string period;  // ISO date, or "before" / "after"
  Phase phase = Phase::kAfter;
  double value = 0;
};

}  // namespace nyttig::pilots
