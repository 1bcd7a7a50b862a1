#include "core/text.h"

#include <gtest/gtest.h>

namespace nyttig {
namespace {

TEST(Windows1252ToUtf8Test, DecodesSwedishLettersAndTheAdditions) {
  EXPECT_EQ(Windows1252ToUtf8("\xE5\xE4\xF6 \xC5\xC4\xD6 \xE9"), "åäö ÅÄÖ é");
  EXPECT_EQ(Windows1252ToUtf8("\x80 \x96 \x93x\x94 \x85"), "€ – “x” …");
  EXPECT_EQ(Windows1252ToUtf8("plain"), "plain");
}

TEST(Windows1252ToUtf8Test, EveryByteGivesValidUtf8) {
  std::string all;
  for (int byte = 1; byte < 256; ++byte) all += static_cast<char>(byte);
  std::string decoded = Windows1252ToUtf8(all);
  EXPECT_TRUE(IsValidUtf8(decoded));
  EXPECT_EQ(Utf8Length(decoded), 255u);
}

TEST(ParseLocalNumberTest, AcceptsADecimalCommaOrPoint) {
  EXPECT_EQ(ParseLocalNumber("12,5"), 12.5);
  EXPECT_EQ(ParseLocalNumber(" 12.5 "), 12.5);
  EXPECT_EQ(ParseLocalNumber("+3"), 3.0);
  EXPECT_EQ(ParseLocalNumber("-0,25"), -0.25);
}

TEST(ParseLocalNumberTest, RefusesWhatIsNotOneFiniteNumber) {
  for (const char* text : {"", " ", "12 kr", "1,2,3", "inf", "nan", "1e999", "+", "12abc"}) {
    EXPECT_FALSE(ParseLocalNumber(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace nyttig
