#include "audit/entry_hash.h"

#include <gtest/gtest.h>

namespace nyttig::audit {
namespace {

const std::string kDetails = R"({"n":3,"tags":["a","b"],"title":"Å"})";

ChainedFields Example() {
  return {.chain_id = 7,
          .seq = 1,
          .occurred_at = 1'795'000'000,
          .actor = "ab12",
          .actor_role = "admin",
          .action = "idea.create",
          .entity_type = "idea",
          .entity_id = "42",
          .details = kDetails,
          .prev_hash = kGenesisHash};
}

TEST(EntryHashTest, PreimageIsTaggedNetstringsInDocumentedOrder) {
  EXPECT_EQ(HashPreimage(Example()),
            "15:nyttig-audit-v1,1:7,1:1,10:1795000000,4:ab12,5:admin,11:idea.create,4:idea,"
            "2:42,37:" +
                kDetails + ",64:" + std::string(kGenesisHash) + ",");
}

// The expected value comes from Python's hashlib over the same netstrings, as
// an external auditor would compute it.
TEST(EntryHashTest, MatchesAnIndependentImplementation) {
  EXPECT_EQ(ComputeEntryHash(Example()),
            "41f72de7b2d77afff3b13c95b43a98f89a12e5d754ac0869cccd2a02c959f524");
}

TEST(EntryHashTest, EveryChainedFieldChangesTheHash) {
  const std::string base = ComputeEntryHash(Example());
  ChainedFields fields = Example();
  fields.seq = 2;
  EXPECT_NE(ComputeEntryHash(fields), base);
  fields = Example();
  fields.occurred_at += 1;
  EXPECT_NE(ComputeEntryHash(fields), base);
  fields = Example();
  fields.actor_role = "employee";
  EXPECT_NE(ComputeEntryHash(fields), base);
}

// Length prefixes keep field boundaries: moving a character from one field
// to the next must not produce the same preimage.
TEST(EntryHashTest, ShiftingTextBetweenFieldsChangesTheHash) {
  ChainedFields shifted = Example();
  shifted.action = "idea.creat";
  shifted.entity_type = "eidea";
  EXPECT_NE(ComputeEntryHash(shifted), ComputeEntryHash(Example()));
}

TEST(CanonicalDetailsTest, SortsKeysAndDropsWhitespace) {
  nlohmann::json details = nlohmann::json::parse(R"({ "title": "Å", "n": 3, "tags": ["a", "b"] })");
  StatusOr<std::string> text = CanonicalDetails(details);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, kDetails);
}

TEST(CanonicalDetailsTest, NullBecomesEmptyObject) {
  EXPECT_EQ(CanonicalDetails(nullptr).value(), "{}");
}

TEST(CanonicalDetailsTest, RejectsFloatingPointNumbers) {
  StatusOr<std::string> text = CanonicalDetails({{"share", 0.5}});
  EXPECT_EQ(text.status().code(), StatusCode::kInvalidArgument);
}

TEST(CanonicalDetailsTest, RejectsNonObjects) {
  EXPECT_EQ(CanonicalDetails(nlohmann::json::array({1, 2})).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(CanonicalDetailsTest, RejectsCredentialKeysAtAnyDepth) {
  for (const char* key : {"password", "new_Password", "token", "api_token", "clientSecret",
                          "Authorization", "cookie"}) {
    EXPECT_EQ(CanonicalDetails({{key, "x"}}).status().code(), StatusCode::kInvalidArgument) << key;
    nlohmann::json nested;
    nested["outer"]["list"] = nlohmann::json::array({nlohmann::json{{key, "x"}}});
    EXPECT_EQ(CanonicalDetails(nested).status().code(), StatusCode::kInvalidArgument) << key;
  }
}

TEST(CanonicalDetailsTest, RejectsInvalidUtf8) {
  EXPECT_EQ(CanonicalDetails({{"title", std::string("\xff\xfe")}}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(CanonicalDetailsTest, RejectsOversizedDetails) {
  EXPECT_EQ(CanonicalDetails({{"text", std::string(kMaxDetailsBytes, 'a')}}).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace nyttig::audit
