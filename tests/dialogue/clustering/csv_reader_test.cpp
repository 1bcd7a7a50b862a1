#include "dialogue/clustering/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "dialogue/clustering/polis_clustering.h"
#include "dialogue/clustering/polis_csv.h"

namespace nyttig::dialogue {
namespace {

using ::testing::HasSubstr;

CsvTable Parse(std::string_view text) {
  StatusOr<CsvTable> table = ParseCsv(text, "test.csv");
  EXPECT_TRUE(table.ok()) << table.status().message();
  return table.ok() ? *table : CsvTable{};
}

std::string ErrorOf(std::string_view text) {
  StatusOr<CsvTable> table = ParseCsv(text, "test.csv");
  EXPECT_FALSE(table.ok());
  return table.ok() ? "" : table.status().message();
}

TEST(ClusteringCsvReaderTest, QuotedFieldKeepsCommasLineBreaksAndDoubledQuotes) {
  const CsvTable table = Parse("id,body\n1,\"a, \"\"b\"\"\nc\"\n2,plain\n");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].fields[1], "a, \"b\"\nc");
  EXPECT_EQ(table.rows[1].line, 4);  // the quoted line break counts
}

TEST(ClusteringCsvReaderTest, AcceptsCrlfByteOrderMarkAndMissingFinalLineBreak) {
  const CsvTable table = Parse("\xEF\xBB\xBFid,name\r\n1,\"x\"\r\n2,y");
  EXPECT_EQ(table.header[0], "id");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].fields[1], "x");
  EXPECT_EQ(table.rows[1].fields[1], "y");
}

TEST(ClusteringCsvReaderTest, SkipsBlankLinesAndKeepsEmptyFields) {
  const CsvTable table = Parse("a,b\n\n,\n");
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].fields, (std::vector<std::string>{"", ""}));
}

TEST(ClusteringCsvReaderTest, UnclosedQuoteNamesTheLineWhereTheFieldStarts) {
  EXPECT_THAT(ErrorOf("a,b\n1,2\n3,\"never\nclosed\n"), HasSubstr("test.csv line 3"));
}

TEST(ClusteringCsvReaderTest, WrongFieldCountNamesTheLine) {
  EXPECT_THAT(ErrorOf("a,b\n1,2\n3\n"), HasSubstr("line 3: expected 2 fields, found 1"));
}

TEST(ClusteringCsvReaderTest, RejectsTextAfterClosingQuote) {
  EXPECT_THAT(ErrorOf("a\n\"x\"y\n"), HasSubstr("line 2"));
}

TEST(ClusteringCsvReaderTest, RejectsQuoteInsideUnquotedField) {
  EXPECT_THAT(ErrorOf("a\nx\"y\n"), HasSubstr("line 2"));
}

TEST(ClusteringCsvReaderTest, RejectsEmptyFile) { EXPECT_THAT(ErrorOf(""), HasSubstr("empty")); }

TEST(ClusteringCsvReaderTest, MissingFileIsNotFound) {
  StatusOr<CsvTable> table = ReadCsvFile("/nonexistent/votes.csv");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), StatusCode::kNotFound);
}

TEST(ClusteringPolisCsvTest, VotesWithNonIntegerValueNameLineAndColumn) {
  StatusOr<std::vector<VoteEvent>> events = VoteEvents(
      Parse("timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,1\n2,\"y, z\",0,1,yes\n"));
  ASSERT_FALSE(events.ok());
  EXPECT_THAT(events.status().message(), HasSubstr("line 3, column vote"));
}

TEST(ClusteringPolisCsvTest, VoteOutsideMinusOneToOneIsRejected) {
  StatusOr<std::vector<VoteEvent>> events =
      VoteEvents(Parse("timestamp,comment-id,voter-id,vote\n1,0,0,2\n"));
  ASSERT_FALSE(events.ok());
  EXPECT_THAT(events.status().message(), HasSubstr("line 2"));
}

TEST(ClusteringPolisCsvTest, MissingColumnIsNamed) {
  StatusOr<std::vector<VoteEvent>> events = VoteEvents(Parse("timestamp,comment-id,vote\n1,0,1\n"));
  ASSERT_FALSE(events.ok());
  EXPECT_THAT(events.status().message(), HasSubstr("voter-id"));
}

TEST(ClusteringPolisCsvTest, VotesKeepTimestampAsSequence) {
  StatusOr<std::vector<VoteEvent>> events =
      VoteEvents(Parse("timestamp,comment-id,voter-id,vote\n1403054214196,3,7,-1\n"));
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].sequence, 1403054214196);
  EXPECT_EQ((*events)[0].comment_id, 3);
  EXPECT_EQ((*events)[0].participant_id, 7);
  EXPECT_EQ((*events)[0].vote, kDisagree);
}

TEST(ClusteringPolisCsvTest, ModeratedMinusOneAndMetaCommentsAreOut) {
  StatusOr<std::vector<int64_t>> out = ModeratedOutComments(
      Parse("comment-id,moderated,is-meta,comment-body\n1,-1,false,\"x, y\"\n2,0,false,z\n"
            "3,1,true,meta\n4,1,,ok\n"));
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ(*out, (std::vector<int64_t>{1, 3}));
}

// A poor man's fuzzer (run under ASan/UBSan): random mutations of a valid
// export never crash the reader or the clustering; they either parse or fail
// with a status.
TEST(ClusteringPolisCsvTest, RandomMutationsNeverCrash) {
  const std::string valid =
      "timestamp,datetime,comment-id,voter-id,vote\n1,\"a,b\",0,0,1\n2,x,1,0,-1\n3,y,0,1,0\n";
  const std::string alphabet = "\",\r\n-0123456789ab\xEF";
  std::mt19937 rng(42);
  for (int round = 0; round < 2000; ++round) {
    std::string text = valid;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int edit = 0; edit < edits; ++edit) {
      const size_t pos = rng() % (text.size() + 1);
      const char c = alphabet[rng() % alphabet.size()];
      if (rng() % 2 == 0 && pos < text.size()) {
        text[pos] = c;
      } else {
        text.insert(pos, 1, c);
      }
    }
    StatusOr<CsvTable> table = ParseCsv(text, "fuzz.csv");
    if (!table.ok()) continue;
    StatusOr<std::vector<VoteEvent>> events = VoteEvents(*table);
    if (!events.ok()) continue;
    ConversationVotes votes;
    votes.events = *events;
    EXPECT_TRUE(ClusterConversation(votes).ok());
  }
}

}  // namespace
}  // namespace nyttig::dialogue
