#include "core/time_format.h"

#include <gtest/gtest.h>

namespace nyttig {
namespace {

// "Sista dag 2026-12-01" keeps a dialogue or survey open all of that day.
TEST(LastDayTest, ALastDayClosesAtTheFollowingMidnight) {
  EXPECT_EQ(ParseLastDay("2026-12-01"), At(2026, 12, 2));
  EXPECT_EQ(FormatLastDay(At(2026, 12, 2)), "2026-12-01");
  EXPECT_EQ(FormatLastDay(*ParseLastDay("2026-02-28")), "2026-02-28");
}

TEST(LastDayTest, OnlyAPlainDateIsALastDay) {
  for (const char* text : {"", "2026-13-01", "2026-02-30", "2026-12-01T10:00:00Z", "1 dec"}) {
    EXPECT_FALSE(ParseLastDay(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace nyttig
