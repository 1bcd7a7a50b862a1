#include "pilots/pilot_service.h"

#include "pilots/pilot_search.h"

#include <cmath>
#include <set>

#include "accounts/organisation_store.h"
#include "accounts/permissions.h"
#include "accounts/person_store.h"
#include "core/text.h"
#include "core/time_format.h"
#include "pilots/permissions.h"

namespace nyttig::pilots {
namespace {

using accounts::Actor;

// Collects the problems of a plan, all at once, as invalid parameters.
class PlanProblems {
 public:
  void Add(std::string name, std::string reason, std::string value = {},
           std::vector<std::pair<std::string, std::string>> args = {}) {
    status_.AddInvalid(std::move(name), std::move(reason), std::move(value), std::move(args));
  }
  // Trimmed text, required or not, at most `max` characters.
  std::string Text(const std::string& name, const std::string& raw, size_t max, bool required) {
    std::string text(Trim(raw));
    if (required && text.empty()) Add(name, "validation.required");
    if (Utf8Length(text) > max) Add(name, "validation.too_long", "", {{"max", std::to_string(max)}});
    return text;
  }
  bool ok() const { return status_.invalid_parameters().empty(); }
  Status status() const { return status_; }

 private:
  Status status_ = InvalidArgumentError("validation.failed");
};

bool IsIsoDate(const std::string& text) {
  return text.size() == 10 && text[4] == '-' && ParseRfc3339(text).has_value();
}

void CheckDates(PlanProblems& problems, const Pilot& p) {
  if (!IsIsoDate(p.starts_on)) problems.Add("starts_on", "pilots.plan.date_invalid", p.starts_on);
  if (!IsIsoDate(p.ends_on)) problems.Add("ends_on", "pilots.plan.date_invalid", p.ends_on);
  if (IsIsoDate(p.starts_on) && IsIsoDate(p.ends_on) && p.ends_on < p.starts_on) {
    problems.Add("ends_on", "pilots.plan.ends_before_start", p.ends_on);
  }
  if (!p.baseline_from.empty() &&
      (!IsIsoDate(p.baseline_from) || p.baseline_from > p.starts_on)) {
    problems.Add("baseline_from", "pilots.plan.baseline_invalid", p.baseline_from);
  }
}

void ReadUnits(PlanProblems& problems, const PilotInput& in,
               const std::vector<accounts::Unit>& org_units, Pilot& p) {
  if (in.units.size() > kMaxUnits) problems.Add("units", "pilots.plan.too_many_units");
  std::set<std::string> names;
  for (size_t idx = 0; idx < in.units.size() && idx < kMaxUnits; ++idx) {
    const std::string field = "units[" + std::to_string(idx) + "]";
    ScopeUnit unit{.name = problems.Text(field + ".name", in.units[idx].name, kMaxNameChars, true)};
    std::optional<Group> group = ParseGroup(in.units[idx].group);
    if (!group) problems.Add(field + ".group", "pilots.plan.group_invalid", in.units[idx].group);
    unit.group = group.value_or(Group::kPilot);
    if (!unit.name.empty() && !names.insert(unit.name).second) {
      problems.Add(field + ".name", "pilots.plan.unit_twice", unit.name);
    }
    // A unit named like one of the organisation's own is that unit.
    for (const accounts::Unit& own : org_units) {
      if (Utf8ToLower(own.name) == Utf8ToLower(unit.name)) unit.organisation_unit_id = own.id;
    }
    p.units.push_back(std::move(unit));
  }
}

void ReadMetrics(PlanProblems& problems, const PilotInput& in, Pilot& p) {
  if (in.metrics.size() > kMaxMetrics) problems.Add("metrics", "pilots.plan.too_many_metrics");
  std::set<std::string> names;
  for (size_t idx = 0; idx < in.metrics.size() && idx < kMaxMetrics; ++idx) {
    const MetricInput& m = in.metrics[idx];
    const std::string field = "metrics[" + std::to_string(idx) + "]";
    Metric metric{.id = m.id.value_or(0),
                  .name = problems.Text(field + ".name", m.name, kMaxNameChars, true),
                  .unit_of_measure = problems.Text(field + ".unit_of_measure", m.unit_of_measure,
                                                   kMaxNameChars, false)};
    if (!metric.name.empty() && !names.insert(Utf8ToLower(metric.name)).second) {
      problems.Add(field + ".name", "pilots.plan.metric_twice", metric.name);
    }
    std::optional<Direction> direction = ParseDirection(m.direction);
    if (!direction) problems.Add(field + ".direction", "pilots.plan.direction_invalid", m.direction);
    metric.direction = direction.value_or(Direction::kHigherIsBetter);
    StatusOr<Measure> measure = ParseMeasure(m.measure);
    if (!measure.ok()) problems.Add(field + ".measure", "pilots.plan.measure_invalid", m.measure);
    metric.measure = measure.ok() ? *measure : Measure::kMean;
    if (measure.ok() && !IsDefinedCombination(p.design, *measure)) {
      problems.Add(field + ".measure", "pilots.plan.measure_needs_two_groups", m.measure);
    }
    for (const auto& [name, value] : {std::pair{"baseline", m.baseline}, {"target", m.target}}) {
      if (value && !std::isfinite(*value)) problems.Add(field + "." + name, "pilots.plan.number_invalid");
    }
    metric.baseline = m.baseline;
    metric.target = m.target;
    p.metrics.push_back(std::move(metric));
  }
}

void ReadParticipants(PlanProblems& problems, const PilotInput& in, Pilot& p) {
  if (in.participants.size() > kMaxParticipants) {
    problems.Add("participants", "pilots.plan.too_many_participants");
  }
  for (size_t idx = 0; idx < in.participants.size() && idx < kMaxParticipants; ++idx) {
    const std::string field = "participants[" + std::to_string(idx) + "].name";
    p.participants.push_back(
        {problems.Text(field, in.participants[idx].name, kMaxNameChars, true),
         in.participants[idx].role});
  }
}

// The plan's fields, validated; units and owner are checked against the
// organisation by the caller.
Pilot ReadPlan(PlanProblems& problems, const PilotInput& in) {
  Pilot p;
  p.idea_id = in.idea_id;
  p.title = problems.Text("title", in.title, kMaxTitleChars, true);
  p.hypothesis = problems.Text("hypothesis", in.hypothesis, kMaxLongTextChars, true);
  p.geography = problems.Text("geography", in.geography, kMaxShortTextChars, false);
  p.target_group = problems.Text("target_group", in.target_group, kMaxShortTextChars, false);
  p.baseline_from = std::string(Trim(in.baseline_from));
  p.starts_on = std::string(Trim(in.starts_on));
  p.ends_on = std::string(Trim(in.ends_on));
  CheckDates(problems, p);
  if (in.budget_sek && *in.budget_sek < 0) problems.Add("budget_sek", "pilots.plan.budget_invalid");
  p.budget_sek = in.budget_sek;
  p.risks = problems.Text("risks", in.risks, kMaxLongTextChars, false);
  p.legal_basis = problems.Text("legal_basis", in.legal_basis, kMaxLongTextChars, false);
  p.needs_exemption = in.needs_exemption;
  StatusOr<Design> design = ParseDesign(in.design);
  if (!design.ok()) problems.Add("design", "pilots.plan.design_invalid", in.design);
  p.design = design.ok() ? *design : Design::kBeforeAfter;
  p.randomised = in.randomised;
  ReadMetrics(problems, in, p);
  ReadParticipants(problems, in, p);
  return p;
}

nlohmann::json PlanDetails(const Pilot& p) {
  return {{"title", p.title},
          {"design", DesignName(p.design)},
          {"metrics", static_cast<std::int64_t>(p.metrics.size())},
          {"units", static_cast<std::int64_t>(p.units.size())},
          {"needs_exemption", p.needs_exemption}};
}

}  // namespace

PilotService::PilotService(db::Database& db, const Clock& clock, const audit::AuditLog& audit)
    : db_(db), clock_(clock), audit_(audit) {}

StatusOr<Pilot> PilotService::BuildPilot(db::Tx& tx, const Actor& actor,
                                         std::int64_t organisation_id, const PilotInput& input) {
  PlanProblems problems;
  Pilot pilot = ReadPlan(problems, input);
  ASSIGN_OR_RETURN(std::vector<accounts::Unit> org_units,
                   accounts::OrganisationStore::ListUnits(tx, organisation_id));
  ReadUnits(problems, input, org_units, pilot);
  pilot.organisation_id = organisation_id;
  pilot.owner_id = input.owner_id.value_or(actor.person_id.value_or(0));
  ASSIGN_OR_RETURN(std::vector<accounts::Membership> owner_memberships,
                   accounts::OrganisationStore::MembershipsOfPerson(tx, pilot.owner_id));
  const bool owner_is_staff =
      std::any_of(owner_memberships.begin(), owner_memberships.end(),
                  [&](const accounts::Membership& m) { return m.organisation_id == organisation_id; });
  if (!owner_is_staff) {
    problems.Add("owner_id", "pilots.plan.owner_not_staff", std::to_string(pilot.owner_id));
  }
  if (pilot.idea_id && *pilot.idea_id <= 0) {
    // A typo in the form ("4x2" reads as -1) names the field instead of
    // quietly saving the pilot without its idea.
    problems.Add("idea_id", "validation.positive_integer", std::to_string(*pilot.idea_id));
  } else if (pilot.idea_id && idea_link_) {
    StatusOr<std::string> idea =
        idea_link_->LinkableIdeaTitle(tx, actor, *pilot.idea_id, organisation_id);
    if (idea.status().code() == StatusCode::kNotFound) {
      problems.Add("idea_id", "pilots.plan.idea_not_found", std::to_string(*pilot.idea_id));
    } else if (!idea.ok()) {
      return idea.status();
    }
  }
  if (!problems.ok()) return problems.status();
  return pilot;
}

StatusOr<Pilot> PilotService::LoadVisible(db::Tx& tx, const Actor& actor, PilotId id) {
  StatusOr<Pilot> pilot = PilotStore::Find(tx, id);
  if (!pilot.ok() || !CanViewPilot(actor, *pilot)) return NotFoundError("pilots.not_found");
  if (auto owner = accounts::PersonStore::Find(tx, pilot->owner_id); owner.ok()) {
    pilot->owner_name = owner->display_name;
  }
  if (pilot->decision) {
    if (auto by = accounts::PersonStore::Find(tx, pilot->decision->decided_by); by.ok()) {
      pilot->decision->decided_by_name = by->display_name;
    }
  }
  return pilot;
}

StatusOr<Pilot> PilotService::CreatePilot(const Actor& actor, std::int64_t organisation_id,
                                          const PilotInput& input) {
  if (!CanPlanPilot(actor, organisation_id)) {
    return accounts::DenyAccess(actor, "pilots.plan.forbidden");
  }
  ASSIGN_OR_RETURN(PilotId id, db_.WriteValue<PilotId>([&](db::Tx& tx) -> StatusOr<PilotId> {
    ASSIGN_OR_RETURN(Pilot pilot, BuildPilot(tx, actor, organisation_id, input));
    pilot.created_at = pilot.updated_at = clock_.Now();
    ASSIGN_OR_RETURN(pilot.id, PilotStore::Insert(tx, pilot));
    RETURN_IF_ERROR(audit_.Append(tx, accounts::MakeAuditEvent(actor, organisation_id,
                                                               "pilot.create", "pilot",
                                                               std::to_string(pilot.id),
                                                               PlanDetails(pilot)))
                        .status());
    RETURN_IF_ERROR(Index(tx, pilot.id));
    return pilot.id;
  }));
  return GetPilot(actor, id);
}

StatusOr<Pilot> PilotService::UpdatePlan(const Actor& actor, PilotId id, const PilotInput& input) {
  RETURN_IF_ERROR(db_.Write([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Pilot current, LoadVisible(tx, actor, id));
    if (current.state == PilotState::kDecided) return FailedPreconditionError("pilots.decided");
    if (!CanEditPilot(actor, current)) return accounts::DenyAccess(actor, "pilots.plan.forbidden");
    ASSIGN_OR_RETURN(Pilot pilot, BuildPilot(tx, actor, current.organisation_id, input));
    if (!input.owner_id) pilot.owner_id = current.owner_id;
    for (const Metric& old : current.metrics) {
      const bool kept = std::any_of(pilot.metrics.begin(), pilot.metrics.end(),
                                    [&](const Metric& m) { return m.id == old.id; });
      ASSIGN_OR_RETURN(std::int64_t rows, PilotStore::CountMeasurements(tx, id, old.id));
      if (!kept && rows > 0) return FailedPreconditionError("pilots.plan.metric_has_data");
    }
    for (const Metric& m : pilot.metrics) {
      const bool known = m.id == 0 || std::any_of(current.metrics.begin(), current.metrics.end(),
                                                  [&](const Metric& old) { return old.id == m.id; });
      if (!known) return InvalidArgumentError("validation.failed").AddInvalid("metrics", "pilots.plan.metric_unknown");
    }
    pilot.id = id;
    pilot.updated_at = clock_.Now();
    RETURN_IF_ERROR(PilotStore::UpdatePlan(tx, pilot));
    RETURN_IF_ERROR(Index(tx, id));
    return audit_.Append(tx, accounts::MakeAuditEvent(actor, pilot.organisation_id,
                                                      "pilot.update_plan", "pilot",
                                                      std::to_string(id), PlanDetails(pilot)))
        .status();
  }));
  return GetPilot(actor, id);
}

Status PilotService::Index(db::Tx& tx, PilotId id) {
  if (!search_sink_) return Status::Ok();
  ASSIGN_OR_RETURN(Pilot pilot, PilotStore::Find(tx, id));
  return search_sink_->Upsert(tx, ToSearchDocument(pilot));
}

StatusOr<Pilot> PilotService::GetPilot(const Actor& actor, PilotId id) {
  return db_.ReadValue<Pilot>([&](db::Tx& tx) { return LoadVisible(tx, actor, id); });
}

StatusOr<Pilot> PilotService::GetPilotWithIdea(const Actor& actor, PilotId id) {
  return db_.ReadValue<Pilot>([&](db::Tx& tx) -> StatusOr<Pilot> {
    ASSIGN_OR_RETURN(Pilot pilot, LoadVisible(tx, actor, id));
    if (pilot.idea_id && idea_link_) {
      // A reader who may not see the idea (a published pilot's visitor)
      // gets no title and so no link.
      StatusOr<std::string> title =
          idea_link_->LinkableIdeaTitle(tx, actor, *pilot.idea_id, pilot.organisation_id);
      if (title.ok()) {
        pilot.idea_title = std::move(title).value();
      } else if (title.status().code() != StatusCode::kNotFound) {
        return title.status();
      }
    }
    return pilot;
  });
}

StatusOr<PilotPage> PilotService::ListPilots(const Actor& actor, const PilotListQuery& query) {
  PilotFilter filter{.include_published = true,
                     .state = query.state,
                     .title_contains = Utf8ToLower(Trim(query.text)),
                     .idea_id = query.idea_id,
                     .offset = std::int64_t(query.page - 1) * query.limit,
                     .limit = query.limit};
  if (actor.HasScope(accounts::TokenScope::kRead)) {
    if (actor.service_organisation) filter.organisations.push_back(*actor.service_organisation);
    for (const accounts::Membership& m : actor.memberships) {
      filter.organisations.push_back(m.organisation_id);
    }
  }
  if (query.organisation_id) {
    const bool member = std::find(filter.organisations.begin(), filter.organisations.end(),
                                  *query.organisation_id) != filter.organisations.end();
    filter.organisations.clear();
    if (member || actor.platform_admin) filter.organisations.push_back(*query.organisation_id);
    // Published pilots of other organisations stay visible, but only this one's.
    filter.include_published = false;
    if (!member && !actor.platform_admin) filter.published_of = *query.organisation_id;
  }
  return db_.ReadValue<PilotPage>([&](db::Tx& tx) -> StatusOr<PilotPage> {
    ASSIGN_OR_RETURN(auto found, PilotStore::List(tx, filter));
    return PilotPage{std::move(found.first), found.second};
  });
}

StatusOr<Pilot> PilotService::ChangeState(const Actor& actor, PilotId id, PilotState state) {
  RETURN_IF_ERROR(db_.Write([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Pilot pilot, LoadVisible(tx, actor, id));
    if (!CanEditPilot(actor, pilot)) {
      if (pilot.state == PilotState::kDecided) return FailedPreconditionError("pilots.decided");
      return accounts::DenyAccess(actor, "pilots.plan.forbidden");
    }
    if (state == PilotState::kDecided || static_cast<int>(state) <= static_cast<int>(pilot.state)) {
      return FailedPreconditionError("pilots.state.not_forward");
    }
    RETURN_IF_ERROR(PilotStore::SetState(tx, id, state, clock_.Now()));
    RETURN_IF_ERROR(Index(tx, id));
    return audit_.Append(tx, accounts::MakeAuditEvent(
                                 actor, pilot.organisation_id, "pilot.change_state", "pilot",
                                 std::to_string(id),
                                 {{"from", PilotStateName(pilot.state)},
                                  {"to", PilotStateName(state)}}))
        .status();
  }));
  return GetPilot(actor, id);
}

StatusOr<Pilot> PilotService::SetPublished(const Actor& actor, PilotId id, bool published) {
  RETURN_IF_ERROR(db_.Write([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Pilot pilot, LoadVisible(tx, actor, id));
    // Publishing stays possible after the decision: results are worth sharing.
    if (!CanPlanPilot(actor, pilot.organisation_id)) {
      return accounts::DenyAccess(actor, "pilots.plan.forbidden");
    }
    RETURN_IF_ERROR(PilotStore::SetPublished(tx, id, published, clock_.Now()));
    RETURN_IF_ERROR(Index(tx, id));
    return audit_.Append(tx, accounts::MakeAuditEvent(actor, pilot.organisation_id,
                                                      published ? "pilot.publish" : "pilot.unpublish",
                                                      "pilot", std::to_string(id)))
        .status();
  }));
  return GetPilot(actor, id);
}

}  // namespace nyttig::pilots
