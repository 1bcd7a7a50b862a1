// Passwords and tokens (accounts/secrets.h) and e-mail normalisation: pure
// functions, no database.
#include "accounts/secrets.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "accounts/account_service.h"

namespace nyttig::accounts {
namespace {

class AccountSecretsTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_TRUE(InitSodium().ok()); }
};

TEST_F(AccountSecretsTest, NewTokensAreUrlSafeAndDistinct) {
  std::set<std::string> seen;
  for (int idx = 0; idx < 100; ++idx) {
    std::string token = NewToken();
    ASSERT_EQ(token.size(), 43u);
    EXPECT_EQ(token.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                  "0123456789-_"),
              std::string::npos)
        << token;
    seen.insert(token);
  }
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_TRUE(NewToken("nyt_").starts_with("nyt_"));
}

TEST_F(AccountSecretsTest, HashTokenIsHexSha256) {
  // FIPS 180-2, appendix B.1.
  EXPECT_EQ(HashToken("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(AccountSecretsTest, KeyedHashDependsOnKeyAndMessage) {
  std::string base = KeyedHash("session-a", "csrf");
  EXPECT_EQ(base.size(), 64u);
  EXPECT_EQ(KeyedHash("session-a", "csrf"), base);
  EXPECT_NE(KeyedHash("session-b", "csrf"), base);
  EXPECT_NE(KeyedHash("session-a", "csrf2"), base);
}

TEST_F(AccountSecretsTest, VerifyPasswordAcceptsOnlyTheRightPassword) {
  StatusOr<std::string> hash =
      HashPassword("Kanelbulle-med-kaffe", kFastPasswordHashForTests);
  ASSERT_TRUE(hash.ok()) << hash.status().ToString();
  EXPECT_TRUE(VerifyPassword("Kanelbulle-med-kaffe", *hash));
  EXPECT_FALSE(VerifyPassword("kanelbulle-med-kaffe", *hash));
  EXPECT_FALSE(VerifyPassword("", *hash));
  EXPECT_FALSE(VerifyPassword("Kanelbulle-med-kaffe", "not a hash"));
}

TEST_F(AccountSecretsTest, ConstantTimeEqualsComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

TEST_F(AccountSecretsTest,
       NormaliseEmailLowerCasesTrimsAndRejectsNonAddresses) {
  EXPECT_EQ(NormaliseEmail("  Anna.Andersson@Exempel.SE\t"),
            "anna.andersson@exempel.se");
  EXPECT_EQ(NormaliseEmail("anna@exempel"), "");
  EXPECT_EQ(NormaliseEmail("anna@exempel..se"), "");
  EXPECT_EQ(NormaliseEmail("anna\xff@exempel.se"), "");
  EXPECT_EQ(NormaliseEmail(""), "");
}

} // namespace
} // namespace nyttig::accounts
