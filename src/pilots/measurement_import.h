// Checking measurements against a pilot's plan, one at a time (the form, the
// API) or a whole CSV import (CONTRACTS.md: header unit,group,period,metric,
// value; `period` an ISO date or before/after; all rows or none).
//
// Rules: the unit is named; the group is pilot or comparison and the same for
// every row of a unit (and as the plan has it); the period is "before",
// "after" or an ISO date inside the pilot's period (from baseline_from, or
// starts_on, to ends_on; dates before starts_on are the "before" phase); the
// metric is one of the plan's (by name, case-insensitive); the value is a
// finite number with '.' or ',' as decimal mark; (metric, unit, period) is not
// given twice nor stored already.
//
//   ASSIGN_OR_RETURN(auto rows, ReadMeasurementImport(pilot, stored, csv_text));
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "pilots/pilot.h"

namespace nyttig::pilots {

inline constexpr int kMaxReportedImportErrors = 200;
inline constexpr double kMaxMeasurementMagnitude = 1e15;

// One measurement as typed into the form or sent as JSON (text as given).
struct MeasurementInput {
  std::string unit;
  std::string group;
  std::string period;  // ISO date, before or after
  std::string metric;  // the metric's name
  std::string value;   // a decimal number
};

// One measurement: kInvalidArgument naming the fields ("unit", "group",
// "period", "metric", "value") with message keys.
StatusOr<StoredMeasurement> CheckMeasurement(const Pilot& pilot,
                                             const std::vector<StoredMeasurement>& stored,
                                             const MeasurementInput& input);

// A CSV import: every row or kInvalidArgument with one invalid parameter per
// problem, named "line L, column C" with args {line, column} (at most
// kMaxReportedImportErrors; the message says how many there were).
StatusOr<std::vector<StoredMeasurement>> ReadMeasurementImport(
    const Pilot& pilot, const std::vector<StoredMeasurement>& stored, std::string_view csv);

}  // namespace nyttig::pilots
