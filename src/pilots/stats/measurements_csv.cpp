#include "pilots/stats/measurements_csv.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include "pilots/stats/csv_records.h"

namespace nyttig::pilots {
namespace {

enum Column : size_t { kUnit, kGroup, kPhase, kValue, kColumnCount };
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {"unit", "group", "phase",
                                                                     "value"};

std::string Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return "";
  const size_t last = text.find_last_not_of(" \t\r");
  return std::string(text.substr(first, last - first + 1));
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Collects per-row errors and turns them into one Status.
class RowErrors {
 public:
  void Add(int line, std::string_view column, std::string reason, std::string value = {}) {
    ++count_;
    if (count_ > kMaxReportedRowErrors) return;
    status_.AddInvalid("line " + std::to_string(line) + ", column " + std::string(column),
                       std::move(reason), std::move(value));
  }
  bool empty() const { return count_ == 0; }
  Status ToStatus() const {
    Status status = InvalidArgumentError(
        std::to_string(count_) + " row error(s) in the measurements file; nothing was read" +
        (count_ > kMaxReportedRowErrors
             ? " (first " + std::to_string(kMaxReportedRowErrors) + " listed)"
             : ""));
    for (const InvalidParameter& error : status_.invalid_parameters()) {
      status.AddInvalid(error.name, error.reason, error.value);
    }
    return status;
  }

 private:
  int count_ = 0;
  Status status_ = InvalidArgumentError("row errors");
};

// Maps each contract column to its position in the file's header.
using ColumnPositions = std::array<size_t, kColumnCount>;

StatusOr<ColumnPositions> ReadHeader(const CsvRecord& header) {
  constexpr size_t kMissing = static_cast<size_t>(-1);
  ColumnPositions positions;
  positions.fill(kMissing);
  RowErrors errors;
  for (size_t field_idx = 0; field_idx < header.fields.size(); ++field_idx) {
    const std::string name = Lower(Trim(header.fields[field_idx]));
    const auto* it = std::find(kColumnNames.begin(), kColumnNames.end(), name);
    const std::string column_label = std::to_string(field_idx + 1);
    if (it == kColumnNames.end()) {
      errors.Add(header.line, column_label, "unknown header column", name);
    } else if (positions[it - kColumnNames.begin()] != kMissing) {
      errors.Add(header.line, column_label, "duplicated header column", name);
    } else {
      positions[it - kColumnNames.begin()] = field_idx;
    }
  }
  for (size_t column = 0; column < kColumnCount; ++column) {
    if (positions[column] == kMissing) {
      errors.Add(header.line, kColumnNames[column], "header misses this column");
    }
  }
  if (!errors.empty()) return errors.ToStatus();
  return positions;
}

std::optional<double> ParseValue(const std::string& text, std::string& reason) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty()) {
    reason = "value is empty";
  } else if (ec == std::errc::result_out_of_range) {
    reason = "value is out of range";
  } else if (ec != std::errc() || ptr != end) {
    reason = text.find(',') != std::string::npos ? "not a number (use '.' as decimal point)"
                                                 : "not a number";
  } else if (!std::isfinite(value) || std::fabs(value) > kMaxAbsoluteValue) {
    reason = "value must be a finite number of magnitude at most 1e15";
  } else {
    return value;
  }
  return std::nullopt;
}

// Validates one data record; adds its errors to `errors`.
std::optional<Measurement> ReadRow(const CsvRecord& record, const ColumnPositions& positions,
                                   RowErrors& errors) {
  if (record.fields.size() != kColumnCount) {
    errors.Add(record.line, "*",
               "expected 4 fields, found " + std::to_string(record.fields.size()));
    return std::nullopt;
  }
  const auto field = [&](Column column) { return Trim(record.fields[positions[column]]); };
  Measurement row{.unit = field(kUnit), .line = record.line};
  bool ok = true;
  const auto fail = [&](std::string_view column, std::string reason, std::string value) {
    ok = false;
    errors.Add(record.line, column, std::move(reason), std::move(value));
  };
  if (row.unit.empty()) fail("unit", "unit is empty", "");
  const std::string group = Lower(field(kGroup));
  if (group == "pilot" || group == "comparison") {
    row.group = group == "pilot" ? Group::kPilot : Group::kComparison;
  } else {
    fail("group", "group must be pilot or comparison", group);
  }
  const std::string phase = Lower(field(kPhase));
  if (phase == "before" || phase == "after") {
    row.phase = phase == "before" ? Phase::kBefore : Phase::kAfter;
  } else {
    fail("phase", "phase must be before or after", phase);
  }
  std::string reason;
  const std::string value_text = field(kValue);
  const std::optional<double> value = ParseValue(value_text, reason);
  if (value)
    row.value = *value;
  else
    fail("value", reason, value_text);
  if (!ok) return std::nullopt;
  return row;
}

}  // namespace

StatusOr<std::vector<Measurement>> ParseMeasurementsCsv(std::string_view text) {
  ASSIGN_OR_RETURN(std::vector<CsvRecord> records, SplitCsvRecords(text));
  if (records.empty()) {
    return InvalidArgumentError(
        "the measurements file is empty: header unit,group,phase,value "
        "expected");
  }
  ASSIGN_OR_RETURN(ColumnPositions positions, ReadHeader(records.front()));
  RowErrors errors;
  std::vector<Measurement> rows;
  std::map<std::string, std::pair<Group, int>> unit_groups;  // group and first line
  for (size_t record_idx = 1; record_idx < records.size(); ++record_idx) {
    std::optional<Measurement> row = ReadRow(records[record_idx], positions, errors);
    if (!row) continue;
    const auto [it, inserted] = unit_groups.try_emplace(row->unit, row->group, row->line);
    if (!inserted && it->second.first != row->group) {
      errors.Add(row->line, "group",
                 "unit is in group " + std::string(GroupName(it->second.first)) + " on line " +
                     std::to_string(it->second.second),
                 std::string(GroupName(row->group)));
      continue;
    }
    rows.push_back(std::move(*row));
  }
  if (!errors.empty()) return errors.ToStatus();
  return rows;
}

StatusOr<std::vector<Measurement>> ReadMeasurementsCsvFile(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return NotFoundError("measurements file is a directory: " + path);
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) return NotFoundError("cannot open measurements file " + path);
  std::string text;
  std::array<char, 1 << 16> chunk{};
  while (file.read(chunk.data(), chunk.size()) || file.gcount() > 0) {
    text.append(chunk.data(), static_cast<size_t>(file.gcount()));
    if (text.size() > kMaxMeasurementsFileBytes) {
      return ResourceExhaustedError("measurements file is larger than 512 MiB: " + path);
    }
  }
  if (file.bad()) return NotFoundError("cannot read measurements file " + path);
  return ParseMeasurementsCsv(text);
}

}  // namespace nyttig::pilots
