// Reader of the pilot measurements CSV of `nyttig pilots analyze`
// (CONTRACTS.md): header `unit,group,phase,value` (columns in any order),
// `group` ∈ {pilot, comparison}, `phase` ∈ {before, after}, `value` a finite
// decimal number with a '.' decimal point.
//
// All or nothing: either every row is valid and all are returned, or the
// result is a kInvalidArgument Status whose invalid_parameters() list each
// bad row (name "line L, column C", reason, offending value), at most
// kMaxReportedRowErrors of them.
//
//   ASSIGN_OR_RETURN(std::vector<Measurement> rows, ReadMeasurementsCsvFile(path));
//
// Thread-safety: pure functions (the file reader only reads the file).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "pilots/stats/measurement.h"

namespace nyttig::pilots {

inline constexpr int kMaxReportedRowErrors = 100;
inline constexpr double kMaxAbsoluteValue = 1e15;  // larger magnitudes are rejected
inline constexpr size_t kMaxMeasurementsFileBytes = size_t{512} << 20;  // bytes

// Parses CSV text. Rejects: a missing or incomplete header, unknown or
// duplicated header columns, a row with the wrong number of fields, an empty
// unit, an unknown group or phase, a value that is not a finite number or
// exceeds kMaxAbsoluteValue, and a unit that appears in both groups.
StatusOr<std::vector<Measurement>> ParseMeasurementsCsv(std::string_view text);

// Reads and parses a file. kNotFound when it cannot be opened,
// kResourceExhausted above kMaxMeasurementsFileBytes, else as
// ParseMeasurementsCsv.
StatusOr<std::vector<Measurement>> ReadMeasurementsCsvFile(const std::string& path);

}  // namespace nyttig::pilots
