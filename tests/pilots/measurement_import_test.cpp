// Reading and checking measurements against a pilot's plan: the CSV import
// of CONTRACTS.md (all rows or none, a problem per row with line and column)
// and the single measurement of the form and the API.
#include "pilots/measurement_import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pilots/testing/test_pilots.h"

namespace nyttig::pilots {
namespace {

using ::testing::ElementsAre;
using testing::NightPilot;
using testing::Problems;

constexpr char kHeader[] = "unit,group,period,metric,value\n";

TEST(MeasurementImportTest, ReadsDatedAndLabelledRowsAndDerivesThePhase) {
  auto rows = ReadMeasurementImport(NightPilot(), {},
                                    std::string(kHeader) +
                                        "Norr,pilot,2026-08-10,Restid,95.5\n"
                                        "Norr,pilot,2026-09-07,Restid,70\n"
                                        "Söder,comparison,before,restid,88\n"
                                        "Söder,comparison,after,Nöjdhet,4\n");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 4u);
  EXPECT_EQ((*rows)[0].phase, Phase::kBefore);  // before the start, after baseline_from
  EXPECT_EQ((*rows)[1].phase, Phase::kAfter);   // the start day belongs to the pilot
  EXPECT_EQ((*rows)[2].metric_id, 11);          // metric names match case-insensitively
  EXPECT_EQ((*rows)[2].phase, Phase::kBefore);
  EXPECT_EQ((*rows)[3].metric_id, 12);
  EXPECT_DOUBLE_EQ((*rows)[0].value, 95.5);
}

TEST(MeasurementImportTest, ImportsNothingWhenOneRowIsBadAndNamesLineAndColumn) {
  auto rows = ReadMeasurementImport(NightPilot(), {},
                                    std::string(kHeader) +
                                        "Norr,pilot,2026-09-14,Restid,70\n"
                                        "Öster,pilot,2026-09-14,Restid,sjuttio\n"
                                        "Väster,comparison,2026-09-14,Restid,81\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(Problems(rows.status()),
              ElementsAre("line 3, column value:pilots.measurement.value_invalid"));
  EXPECT_EQ(rows.status().invalid_parameters()[0].value, "sjuttio");
}

TEST(MeasurementImportTest, ListsEveryKindOfBadRow) {
  auto rows = ReadMeasurementImport(NightPilot(), {},
                                    std::string(kHeader) +
                                        "Norr,pilot,2026-09-14,Restid,70\n"       // 2 fine
                                        "Norr,pilot,2026-09-14,Restid,71\n"       // 3 duplicate of 2
                                        "Norr,pilot,2027-03-01,Restid,70\n"       // 4 after the end
                                        "Norr,pilot,2026-07-01,Restid,70\n"       // 5 before baseline
                                        "Norr,pilot,14/9/2026,Restid,70\n"        // 6 not ISO
                                        "Norr,pilot,2026-09-21,Väntetid,70\n"     // 7 unknown metric
                                        "Norr,comparison,2026-09-21,Restid,70\n"  // 8 other group
                                        "Norr,kontroll,2026-09-21,Restid,70\n"    // 9 unknown group
                                        ",pilot,2026-09-21,Restid,70\n"           // 10 no unit
                                        "Norr,pilot,2026-09-28,Restid,inf\n"      // 11 not finite
                                        "Norr,pilot,2026-09-28\n");               // 12 short row
  ASSERT_FALSE(rows.ok());
  EXPECT_THAT(Problems(rows.status()),
              ElementsAre("line 3, column period:pilots.measurement.duplicate",
                          "line 4, column period:pilots.measurement.period_outside",
                          "line 5, column period:pilots.measurement.period_outside",
                          "line 6, column period:pilots.measurement.period_invalid",
                          "line 7, column metric:pilots.measurement.metric_unknown",
                          "line 8, column group:pilots.measurement.unit_in_other_group",
                          "line 9, column group:pilots.measurement.group_invalid",
                          "line 10, column unit:pilots.measurement.unit_invalid",
                          "line 11, column value:pilots.measurement.value_invalid",
                          "line 12, column *:pilots.import.field_count"));
}

TEST(MeasurementImportTest, ADuplicateNamesTheLineItRepeats) {
  auto rows = ReadMeasurementImport(
      NightPilot(), {}, std::string(kHeader) + "Norr,pilot,after,Restid,1\nNorr,pilot,after,Restid,2\n");
  ASSERT_FALSE(rows.ok());
  const InvalidParameter problem = rows.status().invalid_parameters().at(0);
  EXPECT_THAT(problem.args, ::testing::Contains(std::pair<std::string, std::string>("first_line", "2")));
  EXPECT_THAT(problem.args, ::testing::Contains(std::pair<std::string, std::string>("line", "3")));
}

TEST(MeasurementImportTest, AValueStoredBeforeIsAnError) {
  StoredMeasurement stored{.metric_id = 11, .unit = "Norr", .group = Group::kPilot,
                           .period = "2026-09-14"};
  auto rows = ReadMeasurementImport(NightPilot(), {stored},
                                    std::string(kHeader) + "Norr,pilot,2026-09-14,Restid,70\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_THAT(Problems(rows.status()),
              ElementsAre("line 2, column period:pilots.measurement.already_stored"));
}

TEST(MeasurementImportTest, AUnitKeepsTheGroupOfItsStoredRows) {
  StoredMeasurement stored{.metric_id = 11, .unit = "Ny enhet", .group = Group::kComparison,
                           .period = "before"};
  auto rows = ReadMeasurementImport(NightPilot(), {stored},
                                    std::string(kHeader) + "Ny enhet,pilot,after,Restid,70\n");
  ASSERT_FALSE(rows.ok());
  EXPECT_THAT(Problems(rows.status()),
              ElementsAre("line 2, column group:pilots.measurement.unit_in_other_group"));
}

TEST(MeasurementImportTest, AcceptsBomCrlfQuotedFieldsColumnOrderAndDecimalComma) {
  auto rows = ReadMeasurementImport(NightPilot(), {},
                                    "\xEF\xBB\xBFvalue,metric,period,group,unit\r\n"
                                    "\"12,5\",Restid,after,pilot,\"Norr, gamla\"\r\n");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].unit, "Norr, gamla");
  EXPECT_DOUBLE_EQ((*rows)[0].value, 12.5);
}

TEST(MeasurementImportTest, RefusesAMissingHeaderColumnAndAnEmptyFile) {
  auto missing = ReadMeasurementImport(NightPilot(), {}, "unit,group,period,value\nNorr,pilot,after,1\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(Problems(missing.status()),
              ElementsAre("line 1, column metric:pilots.import.header_missing"));
  auto empty = ReadMeasurementImport(NightPilot(), {}, kHeader);
  ASSERT_FALSE(empty.ok());
  EXPECT_THAT(Problems(empty.status()), ElementsAre("line 1, column unit:pilots.import.empty"));
  EXPECT_FALSE(ReadMeasurementImport(NightPilot(), {}, "").ok());
}

TEST(MeasurementImportTest, CapsTheListOfProblems) {
  std::string csv = kHeader;
  for (int row = 0; row < kMaxReportedImportErrors + 50; ++row) csv += "Norr,pilot,after,Restid,x\n";
  auto rows = ReadMeasurementImport(NightPilot(), {}, csv);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().invalid_parameters().size(), size_t(kMaxReportedImportErrors));
}

TEST(MeasurementImportTest, OneMeasurementNamesTheFormFields) {
  auto row = CheckMeasurement(NightPilot(), {}, {"Norr", "pilot", "2030-01-01", "Okänt", "12"});
  ASSERT_FALSE(row.ok());
  EXPECT_THAT(Problems(row.status()), ElementsAre("period:pilots.measurement.period_outside",
                                                  "metric:pilots.measurement.metric_unknown"));
  auto good = CheckMeasurement(NightPilot(), {}, {" Norr ", "pilot", "2026-10-05", "Restid", "64,5"});
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_EQ(good->unit, "Norr");
  EXPECT_DOUBLE_EQ(good->value, 64.5);
}

}  // namespace
}  // namespace nyttig::pilots
