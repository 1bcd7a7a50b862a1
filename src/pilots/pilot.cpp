#include "pilots/pilot.h"

#include <array>
#include <utility>

namespace nyttig::pilots {
namespace {

// One table per enum keeps names and parsing in step.
template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "";
}

template <typename E, size_t N>
std::optional<E> Parse(const std::array<std::pair<E, std::string_view>, N>& table,
                       std::string_view name) {
  for (const auto& [e, text] : table) {
    if (text == name) return e;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<PilotState, std::string_view>, 4> kStates{{
    {PilotState::kPlanned, "planned"},
    {PilotState::kRunning, "running"},
    {PilotState::kEvaluating, "evaluating"},
    {PilotState::kDecided, "decided"},
}};
constexpr std::array<std::pair<Direction, std::string_view>, 2> kDirections{{
    {Direction::kHigherIsBetter, "higher"},
    {Direction::kLowerIsBetter, "lower"},
}};
constexpr std::array<std::pair<Outcome, std::string_view>, 3> kOutcomes{{
    {Outcome::kScaleUp, "scale_up"},
    {Outcome::kAdjust, "adjust"},
    {Outcome::kStop, "stop"},
}};
constexpr std::array<std::pair<Design, std::string_view>, 3> kDesigns{{
    {Design::kTwoGroups, "two-groups"},
    {Design::kBeforeAfter, "before-after"},
    {Design::kDid, "did"},
}};
constexpr std::array<std::pair<Measure, std::string_view>, 3> kMeasures{{
    {Measure::kMean, "mean"},
    {Measure::kProportion, "proportion"},
    {Measure::kRank, "rank"},
}};
constexpr std::array<std::pair<ParticipantRole, std::string_view>, 3> kRoles{{
    {ParticipantRole::kResearchPartner, "research_partner"},
    {ParticipantRole::kSupplier, "supplier"},
    {ParticipantRole::kOther, "other"},
}};

}  // namespace

std::string_view PilotStateName(PilotState state) { return NameOf(kStates, state); }
std::optional<PilotState> ParsePilotState(std::string_view name) { return Parse(kStates, name); }
std::string_view DirectionName(Direction direction) { return NameOf(kDirections, direction); }
std::optional<Direction> ParseDirection(std::string_view name) {
  return Parse(kDirections, name);
}
std::string_view OutcomeName(Outcome outcome) { return NameOf(kOutcomes, outcome); }
std::optional<Outcome> ParseOutcome(std::string_view name) { return Parse(kOutcomes, name); }
std::string_view DesignName(Design design) { return NameOf(kDesigns, design); }
std::string_view MeasureName(Measure measure) { return NameOf(kMeasures, measure); }
std::string_view ParticipantRoleName(ParticipantRole role) { return NameOf(kRoles, role); }
std::optional<ParticipantRole> ParseParticipantRole(std::string_view name) {
  return Parse(kRoles, name);
}

std::optional<Group> ParseGroup(std::string_view name) {
  if (name == "pilot") return Group::kPilot;
  if (name == "comparison") return Group::kComparison;
  return std::nullopt;
}

}  // namespace nyttig::pilots
