#include "pilots/measurement_import.h"

#include <algorithm>
#include <array>
#include <functional>
#include <charconv>
#include <cmath>
#include <map>
#include <optional>
#include <tuple>

#include "core/text.h"
#include "core/time_format.h"
#include "pilots/stats/csv_records.h"

namespace nyttig::pilots {
namespace {

using Args = std::vector<std::pair<std::string, std::string>>;

enum Column : size_t { kUnit, kGroup, kPeriod, kMetric, kValue, kColumnCount };
constexpr std::array<std::string_view, kColumnCount> kColumns = {"unit", "group", "period",
                                                                 "metric", "value"};

// Where a problem is reported: a form field, or a CSV line and column.
using Report = std::function<void(Column column, std::string reason, std::string value, Args args)>;

bool IsIsoDate(std::string_view text) {
  return text.size() == 10 && text[4] == '-' && ParseRfc3339(text).has_value();
}

// A finite number within the measurement range (Swedish spreadsheets
// write a decimal comma).
std::optional<double> ParseValue(std::string_view text) {
  std::optional<double> value = ParseLocalNumber(text);
  if (!value || std::fabs(*value) > kMaxMeasurementMagnitude) return std::nullopt;
  return value;
}

// Checks rows in order against the plan, what is stored and the rows
// accepted before them.
class Checker {
 public:
  Checker(const Pilot& pilot, const std::vector<StoredMeasurement>& stored) : pilot_(pilot) {
    for (const ScopeUnit& unit : pilot.units) groups_.emplace(unit.name, unit.group);
    for (const Metric& metric : pilot.metrics) metrics_.emplace(Utf8ToLower(metric.name), metric.id);
    for (const StoredMeasurement& row : stored) {
      groups_.emplace(row.unit, row.group);
      seen_.emplace(Key{row.metric_id, row.unit, row.period}, 0);
    }
  }

  std::optional<StoredMeasurement> Check(const MeasurementInput& in, int line,
                                         const Report& report) {
    StoredMeasurement row;
    bool ok = CheckUnitAndGroup(in, row, report);
    ok = CheckPeriod(in.period, row, report) && ok;
    ok = CheckMetric(in.metric, row, report) && ok;
    std::optional<double> value = ParseValue(std::string(Trim(in.value)));
    if (!value) {
      report(kValue, "pilots.measurement.value_invalid", in.value, {});
      ok = false;
    }
    if (!ok) return std::nullopt;
    row.value = *value;
    auto [it, inserted] = seen_.emplace(Key{row.metric_id, row.unit, row.period}, line);
    if (!inserted) {
      if (it->second == 0) {
        report(kPeriod, "pilots.measurement.already_stored", row.period, {});
      } else {
        report(kPeriod, "pilots.measurement.duplicate", row.period,
               {{"first_line", std::to_string(it->second)}});
      }
      return std::nullopt;
    }
    groups_.emplace(row.unit, row.group);
    return row;
  }

 private:
  using Key = std::tuple<MetricId, std::string, std::string>;

  bool CheckUnitAndGroup(const MeasurementInput& in, StoredMeasurement& row, const Report& report) {
    row.unit = std::string(Trim(in.unit));
    bool ok = true;
    if (row.unit.empty() || Utf8Length(row.unit) > 200) {
      report(kUnit, "pilots.measurement.unit_invalid", in.unit, {});
      ok = false;
    }
    std::optional<Group> group = ParseGroup(AsciiLower(Trim(in.group)));
    if (!group) {
      report(kGroup, "pilots.measurement.group_invalid", in.group, {});
      return false;
    }
    row.group = *group;
    auto known = groups_.find(row.unit);
    if (ok && known != groups_.end() && known->second != *group) {
      report(kGroup, "pilots.measurement.unit_in_other_group", in.group,
             {{"unit", row.unit}, {"group", std::string(GroupName(known->second))}});
      return false;
    }
    return ok;
  }

  bool CheckPeriod(const std::string& text, StoredMeasurement& row, const Report& report) {
    row.period = AsciiLower(Trim(text));
    if (row.period == "before" || row.period == "after") {
      row.phase = row.period == "before" ? Phase::kBefore : Phase::kAfter;
      return true;
    }
    if (!IsIsoDate(row.period)) {
      report(kPeriod, "pilots.measurement.period_invalid", text, {});
      return false;
    }
    const std::string& from = pilot_.baseline_from.empty() ? pilot_.starts_on : pilot_.baseline_from;
    if (row.period < from || row.period > pilot_.ends_on) {
      report(kPeriod, "pilots.measurement.period_outside", text,
             {{"from", from}, {"to", pilot_.ends_on}});
      return false;
    }
    row.phase = row.period < pilot_.starts_on ? Phase::kBefore : Phase::kAfter;
    return true;
  }

  bool CheckMetric(const std::string& text, StoredMeasurement& row, const Report& report) {
    auto it = metrics_.find(Utf8ToLower(Trim(text)));
    if (it == metrics_.end()) {
      report(kMetric, "pilots.measurement.metric_unknown", text, {});
      return false;
    }
    row.metric_id = it->second;
    return true;
  }

  const Pilot& pilot_;
  std::map<std::string, Group> groups_;
  std::map<std::string, MetricId> metrics_;
  std::map<Key, int> seen_;  // → the line that gave it; 0 = stored before
};

// Collects the problems of an import, capped, into one Status.
class ImportErrors {
 public:
  void Add(int line, std::string_view column, std::string reason, std::string value, Args args) {
    if (++count_ > kMaxReportedImportErrors) return;
    args.emplace_back("line", std::to_string(line));
    args.emplace_back("column", std::string(column));
    status_.AddInvalid("line " + std::to_string(line) + ", column " + std::string(column),
                       std::move(reason), std::move(value), std::move(args));
  }
  bool empty() const { return count_ == 0; }
  Status ToStatus() const {
    Status status = InvalidArgumentError("pilots.import.failed");
    for (const InvalidParameter& p : status_.invalid_parameters()) {
      status.AddInvalid(p.name, p.reason, p.value, p.args);
    }
    return status;
  }
  int count() const { return count_; }

 private:
  int count_ = 0;
  Status status_ = InvalidArgumentError("");
};

using Positions = std::array<size_t, kColumnCount>;
constexpr size_t kMissing = static_cast<size_t>(-1);

Positions ReadHeader(const CsvRecord& header, ImportErrors& errors) {
  Positions positions;
  positions.fill(kMissing);
  for (size_t field_idx = 0; field_idx < header.fields.size(); ++field_idx) {
    const std::string name = AsciiLower(Trim(header.fields[field_idx]));
    const auto* it = std::find(kColumns.begin(), kColumns.end(), name);
    if (it == kColumns.end() || positions[it - kColumns.begin()] != kMissing) {
      errors.Add(header.line, std::to_string(field_idx + 1), "pilots.import.header_column", name,
                 {});
    } else {
      positions[it - kColumns.begin()] = field_idx;
    }
  }
  for (size_t column = 0; column < kColumnCount; ++column) {
    if (positions[column] == kMissing) {
      errors.Add(header.line, kColumns[column], "pilots.import.header_missing", "", {});
    }
  }
  return positions;
}

}  // namespace

StatusOr<StoredMeasurement> CheckMeasurement(const Pilot& pilot,
                                             const std::vector<StoredMeasurement>& stored,
                                             const MeasurementInput& input) {
  Status status = InvalidArgumentError("validation.failed");
  Checker checker(pilot, stored);
  std::optional<StoredMeasurement> row =
      checker.Check(input, 1, [&](Column column, std::string reason, std::string value, Args args) {
        status.AddInvalid(std::string(kColumns[column]), std::move(reason), std::move(value),
                          std::move(args));
      });
  if (!row) return status;
  return *row;
}

StatusOr<std::vector<StoredMeasurement>> ReadMeasurementImport(
    const Pilot& pilot, const std::vector<StoredMeasurement>& stored, std::string_view csv) {
  ASSIGN_OR_RETURN(std::vector<CsvRecord> records, SplitCsvRecords(csv));
  ImportErrors errors;
  if (records.empty()) {
    errors.Add(1, "unit", "pilots.import.empty", "", {});
    return errors.ToStatus();
  }
  const Positions positions = ReadHeader(records.front(), errors);
  if (!errors.empty()) return errors.ToStatus();
  Checker checker(pilot, stored);
  std::vector<StoredMeasurement> rows;
  rows.reserve(records.size() - 1);
  for (size_t record_idx = 1; record_idx < records.size(); ++record_idx) {
    const CsvRecord& record = records[record_idx];
    if (record.fields.size() != kColumnCount) {
      errors.Add(record.line, "*", "pilots.import.field_count", "",
                 {{"expected", std::to_string(kColumnCount)},
                  {"found", std::to_string(record.fields.size())}});
      continue;
    }
    const auto field = [&](Column column) { return record.fields[positions[column]]; };
    MeasurementInput input{field(kUnit), field(kGroup), field(kPeriod), field(kMetric),
                           field(kValue)};
    auto report = [&](Column column, std::string reason, std::string value, Args args) {
      errors.Add(record.line, kColumns[column], std::move(reason), std::move(value),
                 std::move(args));
    };
    if (std::optional<StoredMeasurement> row = checker.Check(input, record.line, report)) {
      rows.push_back(std::move(*row));
    }
  }
  if (!errors.empty()) return errors.ToStatus();
  if (rows.empty()) {
    errors.Add(1, "unit", "pilots.import.empty", "", {});
    return errors.ToStatus();
  }
  return rows;
}

}  // namespace nyttig::pilots
