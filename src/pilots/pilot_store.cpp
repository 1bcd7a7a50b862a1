#include "pilots/pilot_store.h"

#include <soci/soci.h>

#include "core/text.h"
#include "db/row.h"

namespace nyttig::pilots {
namespace {

constexpr const char* kPilotColumns =
    "id, organisation_id, idea_id, title, hypothesis, geography, target_group, baseline_from, "
    "starts_on, ends_on, owner_id, budget_sek, risks, legal_basis, needs_exemption, design, "
    "randomised, state, published, created_at, updated_at";

Design DesignFrom(const std::string& text) {
  StatusOr<Design> design = ParseDesign(text);
  return design.ok() ? *design : Design::kBeforeAfter;
}

Pilot PilotFromRow(const soci::row& r) {
  Pilot p;
  p.id = db::Int(r, 0);
  p.organisation_id = db::Int(r, 1);
  p.idea_id = db::OptInt(r, 2);
  p.title = db::Text(r, 3);
  p.hypothesis = db::Text(r, 4);
  p.geography = db::Text(r, 5);
  p.target_group = db::Text(r, 6);
  p.baseline_from = db::Text(r, 7);
  p.starts_on = db::Text(r, 8);
  p.ends_on = db::Text(r, 9);
  p.owner_id = db::Int(r, 10);
  p.budget_sek = db::OptInt(r, 11);
  p.risks = db::Text(r, 12);
  p.legal_basis = db::Text(r, 13);
  p.needs_exemption = db::Int(r, 14) != 0;
  p.design = DesignFrom(db::Text(r, 15));
  p.randomised = db::Int(r, 16) != 0;
  p.state = ParsePilotState(db::Text(r, 17)).value_or(PilotState::kPlanned);
  p.published = db::Int(r, 18) != 0;
  p.created_at = db::Int(r, 19);
  p.updated_at = db::Int(r, 20);
  return p;
}

Status InsertUnits(db::Tx& tx, PilotId id, const std::vector<ScopeUnit>& units) {
  long long pilot = id;
  for (size_t unit_idx = 0; unit_idx < units.size(); ++unit_idx) {
    const ScopeUnit& u = units[unit_idx];
    std::string group(GroupName(u.group));
    db::NullableInt org_unit(u.organisation_unit_id);
    int position = static_cast<int>(unit_idx);
    tx.sql() << "INSERT INTO pilots_units(pilot_id, name, grp, organisation_unit_id, position) "
                "VALUES (:p, :n, :g, :u, :pos)",
        soci::use(pilot), soci::use(u.name), soci::use(group),
        soci::use(org_unit.value, org_unit.indicator), soci::use(position);
  }
  return Status::Ok();
}

Status InsertParticipants(db::Tx& tx, PilotId id, const std::vector<Participant>& participants) {
  long long pilot = id;
  for (size_t idx = 0; idx < participants.size(); ++idx) {
    std::string role(ParticipantRoleName(participants[idx].role));
    int position = static_cast<int>(idx);
    tx.sql() << "INSERT INTO pilots_participants(pilot_id, name, role, position) "
                "VALUES (:p, :n, :r, :pos)",
        soci::use(pilot), soci::use(participants[idx].name), soci::use(role), soci::use(position);
  }
  return Status::Ok();
}

Status WriteMetric(db::Tx& tx, PilotId id, const Metric& m, int position) {
  long long pilot = id, metric_id = m.id;
  std::string direction(DirectionName(m.direction)), measure(MeasureName(m.measure));
  db::NullableReal baseline(m.baseline), target(m.target);
  if (m.id == 0) {
    tx.sql() << "INSERT INTO pilots_metrics(pilot_id, name, unit_of_measure, direction, measure, "
                "baseline, target, position) VALUES (:p, :n, :u, :d, :m, :b, :t, :pos)",
        soci::use(pilot), soci::use(m.name), soci::use(m.unit_of_measure), soci::use(direction),
        soci::use(measure), soci::use(baseline.value, baseline.indicator),
        soci::use(target.value, target.indicator), soci::use(position);
  } else {
    tx.sql() << "UPDATE pilots_metrics SET name = :n, unit_of_measure = :u, direction = :d, "
                "measure = :m, baseline = :b, target = :t, position = :pos "
                "WHERE id = :id AND pilot_id = :p",
        soci::use(m.name), soci::use(m.unit_of_measure), soci::use(direction), soci::use(measure),
        soci::use(baseline.value, baseline.indicator), soci::use(target.value, target.indicator),
        soci::use(position), soci::use(metric_id), soci::use(pilot);
  }
  return Status::Ok();
}

// Metrics that are no longer in the plan go; names are freed first so that a
// renamed metric may take a deleted one's name.
Status ReplaceMetrics(db::Tx& tx, PilotId id, const std::vector<Metric>& metrics) {
  long long pilot = id;
  std::vector<std::int64_t> keep = {0};
  for (const Metric& m : metrics) {
    if (m.id != 0) keep.push_back(m.id);
  }
  tx.sql() << "DELETE FROM pilots_metrics WHERE pilot_id = :p AND id NOT IN (" +
                  db::IntList(keep) + ")",
      soci::use(pilot);
  tx.sql() << "UPDATE pilots_metrics SET name = '#' || CAST(id AS TEXT) WHERE pilot_id = :p",
      soci::use(pilot);
  for (size_t idx = 0; idx < metrics.size(); ++idx) {
    RETURN_IF_ERROR(WriteMetric(tx, id, metrics[idx], static_cast<int>(idx)));
  }
  return Status::Ok();
}

Status LoadParts(db::Tx& tx, Pilot& p) {
  long long id = p.id;
  soci::rowset<soci::row> units = (tx.sql().prepare << "SELECT name, grp, organisation_unit_id "
                                                       "FROM pilots_units WHERE pilot_id = :p "
                                                       "ORDER BY position", soci::use(id));
  for (const soci::row& r : units) {
    p.units.push_back({db::Text(r, 0), ParseGroup(db::Text(r, 1)).value_or(Group::kPilot),
                       db::OptInt(r, 2)});
  }
  soci::rowset<soci::row> people = (tx.sql().prepare << "SELECT name, role FROM "
                                                        "pilots_participants WHERE pilot_id = :p "
                                                        "ORDER BY position", soci::use(id));
  for (const soci::row& r : people) {
    p.participants.push_back(
        {db::Text(r, 0), ParseParticipantRole(db::Text(r, 1)).value_or(ParticipantRole::kOther)});
  }
  soci::rowset<soci::row> metrics =
      (tx.sql().prepare << "SELECT id, name, unit_of_measure, direction, measure, baseline, "
                           "target FROM pilots_metrics WHERE pilot_id = :p ORDER BY position",
       soci::use(id));
  for (const soci::row& r : metrics) {
    Metric m{.id = db::Int(r, 0), .name = db::Text(r, 1), .unit_of_measure = db::Text(r, 2)};
    m.direction = ParseDirection(db::Text(r, 3)).value_or(Direction::kHigherIsBetter);
    StatusOr<Measure> measure = ParseMeasure(db::Text(r, 4));
    m.measure = measure.ok() ? *measure : Measure::kMean;
    m.baseline = db::OptReal(r, 5);
    m.target = db::OptReal(r, 6);
    p.metrics.push_back(std::move(m));
  }
  return Status::Ok();
}

Status LoadDecision(db::Tx& tx, Pilot& p) {
  long long id = p.id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT outcome, reasoning, lessons, decided_by, decided_at FROM "
                           "pilots_decisions WHERE pilot_id = :p",
       soci::use(id));
  for (const soci::row& r : rows) {
    p.decision = Decision{.outcome = ParseOutcome(db::Text(r, 0)).value_or(Outcome::kStop),
                          .reasoning = db::Text(r, 1),
                          .lessons = db::Text(r, 2),
                          .decided_by = db::Int(r, 3),
                          .decided_at = db::Int(r, 4)};
  }
  return Status::Ok();
}

}  // namespace

StatusOr<PilotId> PilotStore::Insert(db::Tx& tx, const Pilot& p) {
  long long id = 0, org = p.organisation_id, owner = p.owner_id, created = p.created_at;
  db::NullableInt idea(p.idea_id), budget(p.budget_sek);
  int exemption = p.needs_exemption ? 1 : 0, randomised = p.randomised ? 1 : 0;
  int published = p.published ? 1 : 0;
  std::string design(DesignName(p.design)), state(PilotStateName(p.state));
  std::string folded = Utf8ToLower(p.title);
  tx.sql() << "INSERT INTO pilots_pilots(organisation_id, idea_id, title, hypothesis, geography, "
              "target_group, baseline_from, starts_on, ends_on, owner_id, budget_sek, risks, "
              "legal_basis, needs_exemption, design, randomised, state, published, title_folded, "
              "created_at, updated_at) VALUES (:o, :i, :t, :h, :g, :tg, :bf, :s, :e, :ow, :b, "
              ":r, :l, :x, :d, :rd, :st, :pu, :f, :c, :u) RETURNING id",
      soci::use(org), soci::use(idea.value, idea.indicator), soci::use(p.title),
      soci::use(p.hypothesis), soci::use(p.geography), soci::use(p.target_group),
      soci::use(p.baseline_from), soci::use(p.starts_on), soci::use(p.ends_on), soci::use(owner),
      soci::use(budget.value, budget.indicator), soci::use(p.risks), soci::use(p.legal_basis),
      soci::use(exemption), soci::use(design), soci::use(randomised), soci::use(state),
      soci::use(published), soci::use(folded), soci::use(created), soci::use(created),
      soci::into(id);
  RETURN_IF_ERROR(InsertUnits(tx, id, p.units));
  RETURN_IF_ERROR(InsertParticipants(tx, id, p.participants));
  RETURN_IF_ERROR(ReplaceMetrics(tx, id, p.metrics));
  return PilotId{id};
}

Status PilotStore::UpdatePlan(db::Tx& tx, const Pilot& p) {
  long long id = p.id, owner = p.owner_id, updated = p.updated_at;
  db::NullableInt idea(p.idea_id), budget(p.budget_sek);
  int exemption = p.needs_exemption ? 1 : 0, randomised = p.randomised ? 1 : 0;
  std::string design(DesignName(p.design)), folded = Utf8ToLower(p.title);
  tx.sql() << "UPDATE pilots_pilots SET idea_id = :i, title = :t, hypothesis = :h, geography = :g, "
              "target_group = :tg, baseline_from = :bf, starts_on = :s, ends_on = :e, "
              "owner_id = :ow, budget_sek = :b, risks = :r, legal_basis = :l, "
              "needs_exemption = :x, design = :d, randomised = :rd, title_folded = :f, "
              "updated_at = :u WHERE id = :id",
      soci::use(idea.value, idea.indicator), soci::use(p.title), soci::use(p.hypothesis),
      soci::use(p.geography), soci::use(p.target_group), soci::use(p.baseline_from),
      soci::use(p.starts_on), soci::use(p.ends_on), soci::use(owner),
      soci::use(budget.value, budget.indicator), soci::use(p.risks), soci::use(p.legal_basis),
      soci::use(exemption), soci::use(design), soci::use(randomised), soci::use(folded),
      soci::use(updated), soci::use(id);
  tx.sql() << "DELETE FROM pilots_units WHERE pilot_id = :p", soci::use(id);
  tx.sql() << "DELETE FROM pilots_participants WHERE pilot_id = :p", soci::use(id);
  RETURN_IF_ERROR(InsertUnits(tx, p.id, p.units));
  RETURN_IF_ERROR(InsertParticipants(tx, p.id, p.participants));
  return ReplaceMetrics(tx, p.id, p.metrics);
}

Status PilotStore::SetState(db::Tx& tx, PilotId id, PilotState state, UnixSeconds now) {
  long long pilot = id, at = now;
  std::string name(PilotStateName(state));
  tx.sql() << "UPDATE pilots_pilots SET state = :s, updated_at = :u WHERE id = :id",
      soci::use(name), soci::use(at), soci::use(pilot);
  return Status::Ok();
}

Status PilotStore::SetPublished(db::Tx& tx, PilotId id, bool published, UnixSeconds now) {
  long long pilot = id, at = now;
  int flag = published ? 1 : 0;
  tx.sql() << "UPDATE pilots_pilots SET published = :p, updated_at = :u WHERE id = :id",
      soci::use(flag), soci::use(at), soci::use(pilot);
  return Status::Ok();
}

StatusOr<std::vector<PilotId>> PilotStore::AllIds(db::Tx& tx) {
  std::vector<PilotId> ids;
  soci::rowset<long long> rows = (tx.sql().prepare << "SELECT id FROM pilots_pilots ORDER BY id");
  for (long long id : rows) ids.push_back(id);
  return ids;
}

StatusOr<Pilot> PilotStore::Find(db::Tx& tx, PilotId id) {
  long long pilot = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string("SELECT ") + kPilotColumns +
                               " FROM pilots_pilots WHERE id = :id",
       soci::use(pilot));
  for (const soci::row& r : rows) {
    Pilot p = PilotFromRow(r);
    RETURN_IF_ERROR(LoadParts(tx, p));
    RETURN_IF_ERROR(LoadDecision(tx, p));
    return p;
  }
  return NotFoundError("pilots.not_found");
}

StatusOr<std::pair<std::vector<Pilot>, std::int64_t>> PilotStore::List(db::Tx& tx,
                                                                      const PilotFilter& f) {
  // Organisation ids are integers from the server, so they are inlined.
  std::string visible = "1 = 0";
  if (!f.organisations.empty()) {
    visible = "organisation_id IN (" + db::IntList(f.organisations) + ")";
  }
  if (f.include_published) visible += " OR published = 1";
  if (f.published_of) {
    visible += " OR (published = 1 AND organisation_id = " + std::to_string(*f.published_of) + ")";
  }
  std::string state = f.state ? std::string(PilotStateName(*f.state)) : "";
  std::string like = "%" + f.title_contains + "%";
  // State names and the idea id (an integer) are ours, so those filters are
  // inlined rather than bound.
  const std::string where = " FROM pilots_pilots WHERE (" + visible + ")" +
                            (f.state ? " AND state = '" + state + "'" : "") +
                            (f.idea_id ? " AND idea_id = " + std::to_string(*f.idea_id) : "") +
                            " AND title_folded LIKE :q";
  long long total = 0, offset = f.offset;
  int limit = f.limit;
  tx.sql() << "SELECT COUNT(*)" + where, soci::use(like), soci::into(total);
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string("SELECT ") + kPilotColumns + where +
                               " ORDER BY created_at DESC, id DESC LIMIT :l OFFSET :o",
       soci::use(like), soci::use(limit), soci::use(offset));
  std::vector<Pilot> pilots;
  for (const soci::row& r : rows) pilots.push_back(PilotFromRow(r));
  return std::make_pair(std::move(pilots), std::int64_t{total});
}

Status PilotStore::InsertDecision(db::Tx& tx, PilotId id, const Decision& d) {
  long long pilot = id, by = d.decided_by, at = d.decided_at;
  std::string outcome(OutcomeName(d.outcome));
  tx.sql() << "INSERT INTO pilots_decisions(pilot_id, outcome, reasoning, lessons, decided_by, "
              "decided_at) VALUES (:p, :o, :r, :l, :b, :a)",
      soci::use(pilot), soci::use(outcome), soci::use(d.reasoning), soci::use(d.lessons),
      soci::use(by), soci::use(at);
  return Status::Ok();
}

Status PilotStore::InsertMeasurements(db::Tx& tx, PilotId id,
                                      const std::vector<StoredMeasurement>& rows,
                                      UnixSeconds now) {
  long long pilot = id, metric = 0, created = now;
  std::string unit, group, period, phase;
  double value = 0;
  // One prepared statement for all rows: an import may hold a million.
  soci::statement insert =
      (tx.sql().prepare << "INSERT INTO pilots_measurements(pilot_id, metric_id, unit, grp, "
                           "period, phase, value, created_at) VALUES (:p, :m, :u, :g, :pe, :ph, "
                           ":v, :c)",
       soci::use(pilot), soci::use(metric), soci::use(unit), soci::use(group), soci::use(period),
       soci::use(phase), soci::use(value), soci::use(created));
  for (const StoredMeasurement& row : rows) {
    metric = row.metric_id;
    unit = row.unit;
    group = GroupName(row.group);
    period = row.period;
    phase = PhaseName(row.phase);
    value = row.value;
    insert.execute(true);
  }
  return Status::Ok();
}

StatusOr<std::vector<StoredMeasurement>> PilotStore::Measurements(db::Tx& tx, PilotId id) {
  long long pilot = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, metric_id, unit, grp, period, phase, value FROM "
                           "pilots_measurements WHERE pilot_id = :p ORDER BY metric_id, period, "
                           "unit",
       soci::use(pilot));
  std::vector<StoredMeasurement> out;
  for (const soci::row& r : rows) {
    out.push_back({.id = db::Int(r, 0),
                   .metric_id = db::Int(r, 1),
                   .unit = db::Text(r, 2),
                   .group = ParseGroup(db::Text(r, 3)).value_or(Group::kPilot),
                   .period = db::Text(r, 4),
                   .phase = db::Text(r, 5) == "before" ? Phase::kBefore : Phase::kAfter,
                   .value = db::Real(r, 6)});
  }
  return out;
}

StatusOr<std::int64_t> PilotStore::CountMeasurements(db::Tx& tx, PilotId id,
                                                     std::optional<MetricId> metric) {
  long long pilot = id, only = metric.value_or(0), total = 0;
  if (metric) {
    tx.sql() << "SELECT COUNT(*) FROM pilots_measurements WHERE pilot_id = :p AND metric_id = :m",
        soci::use(pilot), soci::use(only), soci::into(total);
  } else {
    tx.sql() << "SELECT COUNT(*) FROM pilots_measurements WHERE pilot_id = :p", soci::use(pilot),
        soci::into(total);
  }
  return std::int64_t{total};
}

}  // namespace nyttig::pilots
