#include "core/csv.h"

#include <gtest/gtest.h>

#include <sstream>

namespace nyttig {
namespace {

TEST(CsvQuoteTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvQuote("vanlig text"), "vanlig text");
  EXPECT_EQ(CsvQuote("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvQuote("säger \"hej\""), "\"säger \"\"hej\"\"\"");
  EXPECT_EQ(CsvQuote("två\nrader"), "\"två\nrader\"");
  EXPECT_EQ(CsvQuote("-3"), "-3");  // machine formats keep their numbers
}

TEST(CsvCellTest, GuardsWhatASpreadsheetWouldRunAsAFormula) {
  EXPECT_EQ(CsvCell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(CsvCell("+46 70"), "'+46 70");
  EXPECT_EQ(CsvCell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvCell(""), "");
}

TEST(WriteCsvRowTest, JoinsCellsAndEndsWithCrLf) {
  std::ostringstream out;
  WriteCsvRow(out, {"id", "a,b", "=1+1"});
  EXPECT_EQ(out.str(), "id,\"a,b\",'=1+1\r\n");
}

}  // namespace
}  // namespace nyttig
