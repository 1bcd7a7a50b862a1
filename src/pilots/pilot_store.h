// SQL for pilots and everything they own (tables pilots_*). Every function
// runs inside the caller's transaction; no rules live here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "db/database.h"
#include "pilots/pilot.h"

namespace nyttig::pilots {

struct PilotFilter {
  std::vector<std::int64_t> organisations;  // pilots of these organisations …
  bool include_published = false;           // … and/or every published pilot
  std::optional<std::int64_t> published_of;  // … and/or the published ones of this organisation
  std::optional<PilotState> state;
  std::string title_contains;  // lower-cased; empty = any
  std::optional<std::int64_t> idea_id;  // only pilots linked to this idea
  std::int64_t offset = 0;
  int limit = 20;
};

class PilotStore {
 public:
  // Inserts the pilot with its units, participants and metrics; returns the id.
  static StatusOr<PilotId> Insert(db::Tx& tx, const Pilot& pilot);
  // Rewrites the plan (main row, units, participants); metrics with an id
  // are updated, without one inserted, missing ones deleted (the caller
  // checks that those have no measurements).
  static Status UpdatePlan(db::Tx& tx, const Pilot& pilot);
  static Status SetState(db::Tx& tx, PilotId id, PilotState state, UnixSeconds now);
  static Status SetPublished(db::Tx& tx, PilotId id, bool published, UnixSeconds now);
  // The pilot with units, participants, metrics and decision (owner and
  // decider names are the caller's to fill). kNotFound when absent.
  static StatusOr<Pilot> Find(db::Tx& tx, PilotId id);
  // The ids of every pilot in id order, for a search reindex.
  static StatusOr<std::vector<PilotId>> AllIds(db::Tx& tx);
  // Summaries (no units, metrics, …) matching `filter`, newest first, and the total.
  static StatusOr<std::pair<std::vector<Pilot>, std::int64_t>> List(db::Tx& tx,
                                                                    const PilotFilter& filter);

  static Status InsertDecision(db::Tx& tx, PilotId id, const Decision& decision);

  // kAlreadyExists when (metric, unit, period) is stored already.
  static Status InsertMeasurements(db::Tx& tx, PilotId id,
                                   const std::vector<StoredMeasurement>& rows, UnixSeconds now);
  static StatusOr<std::vector<StoredMeasurement>> Measurements(db::Tx& tx, PilotId id);
  static StatusOr<std::int64_t> CountMeasurements(db::Tx& tx, PilotId id,
                                                  std::optional<MetricId> metric = {});
};

}  // namespace nyttig::pilots
