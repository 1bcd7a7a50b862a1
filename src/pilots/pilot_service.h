// PilotService: the use cases of the pilots module — plan a pilot, move it
// through its states, enter or import measurements, evaluate it and record
// the decision. Each use case validates its input, checks a permission
// predicate (pilots/permissions.h), runs one transaction and appends an audit
// record there.
//
//   PilotService pilots(db, clock, audit);
//   ASSIGN_OR_RETURN(Pilot pilot, pilots.CreatePilot(actor, org_id, input));
//   ASSIGN_OR_RETURN(int imported, pilots.ImportMeasurements(actor, pilot.id, csv));
//   ASSIGN_OR_RETURN(PilotEvaluation evaluation, pilots.Evaluate(actor, pilot.id));
//
// A pilot the actor may not see answers kNotFound, never kPermissionDenied,
// so that other organisations' ids reveal nothing.
//
// Thread-safety: safe to share; the IdeaLink and PerceptionSource set at
// start-up must outlive the service.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"
#include "pilots/pilot.h"
#include "pilots/pilot_evaluation.h"
#include "pilots/measurement_import.h"
#include "pilots/pilot_store.h"
#include "search/search_document.h"

namespace nyttig::pilots {

inline constexpr size_t kMaxTitleChars = 200;
inline constexpr size_t kMaxLongTextChars = 10000;
inline constexpr size_t kMaxShortTextChars = 500;
inline constexpr size_t kMaxNameChars = 200;
inline constexpr size_t kMaxUnits = 5000;
inline constexpr size_t kMaxMetrics = 50;
inline constexpr size_t kMaxParticipants = 100;

struct MetricInput {
  std::optional<MetricId> id;  // an existing metric of the pilot; nullopt = new
  std::string name;
  std::string unit_of_measure;
  std::string direction;  // higher | lower
  std::string measure;    // mean | proportion | rank
  std::optional<double> baseline;
  std::optional<double> target;
};

struct UnitInput {
  std::string name;
  std::string group;  // pilot | comparison
};

// The plan as a person fills it in; validated by CreatePilot/UpdatePlan.
struct PilotInput {
  std::optional<std::int64_t> idea_id;
  std::string title;
  std::string hypothesis;
  std::vector<UnitInput> units;
  std::string geography;
  std::string target_group;
  std::string baseline_from;  // ISO date or ""
  std::string starts_on;      // ISO date
  std::string ends_on;        // ISO date, not before starts_on
  std::optional<std::int64_t> owner_id;  // a member of the organisation; default the actor
  std::vector<Participant> participants;
  std::optional<std::int64_t> budget_sek;
  std::string risks;
  std::string legal_basis;
  bool needs_exemption = false;
  std::string design;  // before-after | two-groups | did
  bool randomised = false;
  std::vector<MetricInput> metrics;
};

struct DecisionInput {
  std::string outcome;  // scale_up | adjust | stop
  std::string reasoning;
  std::string lessons;
};

struct PilotListQuery {
  std::optional<std::int64_t> organisation_id;  // only this organisation's
  std::optional<PilotState> state;
  std::string text;  // words in the title
  std::optional<std::int64_t> idea_id;  // only the pilots linked to this idea
  int page = 1;
  int limit = 20;
};

struct PilotPage {
  std::vector<Pilot> items;
  std::int64_t total = 0;
};

// What pilots need from the ideas module, which the pilots library does not
// link: the App fills the seam with the ideas side's implementation
// (ideas/pilot_idea_link.h). Both calls run inside the caller's transaction.
class IdeaLink {
 public:
  virtual ~IdeaLink() = default;
  // The title of idea `idea_id` when `actor` may see it and it belongs to
  // `organisation_id`; kNotFound otherwise, exactly as for an id that does
  // not exist, so that other organisations' ideas reveal nothing.
  virtual StatusOr<std::string> LinkableIdeaTitle(db::Tx& tx, const accounts::Actor& actor,
                                                  std::int64_t idea_id,
                                                  std::int64_t organisation_id) const = 0;
  // Scaling up moves the linked idea to its pipeline's implementation stage
  // (with its history entry, audit record and notices), inside the
  // decision's transaction, so both land or neither does. An idea already
  // in implementation or spread is left as it is. kFailedPrecondition
  // "pilots.decision.idea_not_in_test" for an idea in an earlier stage or
  // parked, "pilots.decision.idea_closed" for a closed one,
  // "pilots.decision.idea_unavailable" when it can no longer be read,
  // "pilots.decision.no_implementation_stage" when its pipeline has none
  // after test, and
  // whatever the ideas module's own move refuses (gates, permissions).
  virtual Status PilotScaledUp(db::Tx& tx, const accounts::Actor& actor, std::int64_t idea_id,
                               PilotId pilot) = 0;
};

class PilotService {
 public:
  PilotService(db::Database& db, const Clock& clock, const audit::AuditLog& audit);
  PilotService(const PilotService&) = delete;
  PilotService& operator=(const PilotService&) = delete;

  // Seams for modules that land later (nullptr = none).
  void SetIdeaLink(IdeaLink* link) { idea_link_ = link; }
  void SetPerceptionSource(const PerceptionSource* source) { perception_ = source; }
  // The search index (not owned; nullptr = none): every write that changes
  // what search shows upserts the pilot's document in its own transaction.
  void SetSearchSink(search::DocumentSink* sink) { search_sink_ = sink; }

  // kInvalidArgument listing every bad field ("title", "metrics[0].measure",
  // …; "idea_id" when an IdeaLink is set and the idea is not one the actor
  // sees in the pilot's organisation); kPermissionDenied (or kUnauthenticated) unless the actor plans
  // pilots in `organisation_id`.
  StatusOr<Pilot> CreatePilot(const accounts::Actor& actor, std::int64_t organisation_id,
                              const PilotInput& input);
  // As CreatePilot; kFailedPrecondition once decided or when a metric with
  // measurements would be removed.
  StatusOr<Pilot> UpdatePlan(const accounts::Actor& actor, PilotId id, const PilotInput& input);
  // kNotFound for a pilot the actor may not see.
  StatusOr<Pilot> GetPilot(const accounts::Actor& actor, PilotId id);
  // GetPilot with idea_title filled when the actor may see the linked idea:
  // for the pages that link it (the idea lookup is not for every read).
  StatusOr<Pilot> GetPilotWithIdea(const accounts::Actor& actor, PilotId id);
  StatusOr<PilotPage> ListPilots(const accounts::Actor& actor, const PilotListQuery& query);
  // Forward only (planned → running → evaluating); "decided" only by Decide.
  StatusOr<Pilot> ChangeState(const accounts::Actor& actor, PilotId id, PilotState state);
  StatusOr<Pilot> SetPublished(const accounts::Actor& actor, PilotId id, bool published);

  // One measurement from the form or the API; errors name the fields.
  Status RecordMeasurement(const accounts::Actor& actor, PilotId id, const MeasurementInput& input);
  // A CSV with header unit,group,period,metric,value (CONTRACTS.md). All rows
  // or none: kInvalidArgument lists each bad row as "line L, column C" with a
  // reason key and the args {line, column}. Returns the number imported.
  StatusOr<int> ImportMeasurements(const accounts::Actor& actor, PilotId id,
                                   std::string_view csv);
  StatusOr<std::vector<StoredMeasurement>> ListMeasurements(const accounts::Actor& actor,
                                                            PilotId id);

  // Per metric the design's method on unit-level aggregates (pilots/stats),
  // and the perception surveys' summaries from the PerceptionSource.
  StatusOr<PilotEvaluation> Evaluate(const accounts::Actor& actor, PilotId id);

  // Records the decision and moves the pilot to decided. kFailedPrecondition
  // when already decided; kInvalidArgument for a missing outcome, reasoning
  // or lessons.
  StatusOr<Pilot> Decide(const accounts::Actor& actor, PilotId id, const DecisionInput& input);

 private:
  // Hands the pilot as written to the search sink, if any.
  Status Index(db::Tx& tx, PilotId id);
  StatusOr<Pilot> LoadVisible(db::Tx& tx, const accounts::Actor& actor, PilotId id);
  StatusOr<Pilot> BuildPilot(db::Tx& tx, const accounts::Actor& actor,
                             std::int64_t organisation_id, const PilotInput& input);
  Status StoreMeasurements(const accounts::Actor& actor, PilotId id, const std::string& action,
                           const std::function<StatusOr<std::vector<StoredMeasurement>>(
                               const Pilot&, const std::vector<StoredMeasurement>&)>& read,
                           int& imported);

  db::Database& db_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  IdeaLink* idea_link_ = nullptr;
  const PerceptionSource* perception_ = nullptr;
  search::DocumentSink* search_sink_ = nullptr;
};

}  // namespace nyttig::pilots
