#include "dialogue/clustering/vote_matrix.h"

#include <gtest/gtest.h>

#include <cmath>

#include "dialogue/clustering/test_votes.h"

namespace nyttig::dialogue {
namespace {

using test_votes::kNone;
using test_votes::VotesFromTable;

TEST(ClusteringVoteMatrixTest, LatestVoteBySequenceWinsWhateverTheEventOrder) {
  ConversationVotes votes;
  votes.events = {{1, 10, kDisagree, 30}, {1, 10, kAgree, 10}, {1, 10, kPass, 20}};
  StatusOr<VoteMatrix> matrix = BuildVoteMatrix(votes);
  ASSERT_TRUE(matrix.ok());
  EXPECT_EQ(matrix->raw(0, 0), kDisagree);
}

TEST(ClusteringVoteMatrixTest, EqualSequenceLaterEventWins) {
  ConversationVotes votes;
  votes.events = {{1, 10, kAgree, 5}, {1, 10, kDisagree, 5}};
  StatusOr<VoteMatrix> matrix = BuildVoteMatrix(votes);
  ASSERT_TRUE(matrix.ok());
  EXPECT_EQ(matrix->raw(0, 0), kDisagree);
}

TEST(ClusteringVoteMatrixTest, RowsFollowPolisFirstAppearanceInCommentThenParticipantOrder) {
  ConversationVotes votes;
  // Participant 2 votes first in time, but only on comment 20.
  votes.events = {{2, 20, kAgree, 1}, {9, 10, kAgree, 2}, {5, 10, kAgree, 3}, {5, 20, kAgree, 4}};
  StatusOr<VoteMatrix> matrix = BuildVoteMatrix(votes);
  ASSERT_TRUE(matrix.ok());
  EXPECT_EQ(matrix->participant_ids, (std::vector<int64_t>{5, 9, 2}));
}

TEST(ClusteringVoteMatrixTest, ColumnsAreVotedCommentsInAscendingOrder) {
  ConversationVotes votes;
  votes.events = {{1, 30, kAgree, 1}, {1, 4, kAgree, 2}, {2, 17, kPass, 3}};
  votes.moderated_out_comment_ids = {17, 99};
  StatusOr<VoteMatrix> matrix = BuildVoteMatrix(votes);
  ASSERT_TRUE(matrix.ok());
  EXPECT_EQ(matrix->comment_ids, (std::vector<int64_t>{4, 17, 30}));
  EXPECT_EQ(matrix->moderated_out, (std::vector<bool>{false, true, false}));
  EXPECT_TRUE(std::isnan(matrix->raw(1, 0)));
}

TEST(ClusteringVoteMatrixTest, RejectsVoteOutsideMinusOneToOne) {
  ConversationVotes votes;
  votes.events = {{1, 1, 2, 1}};
  StatusOr<VoteMatrix> matrix = BuildVoteMatrix(votes);
  ASSERT_FALSE(matrix.ok());
  EXPECT_EQ(matrix.status().code(), StatusCode::kInvalidArgument);
}

TEST(ClusteringVoteMatrixTest, NoEventsGiveEmptyMatrix) {
  StatusOr<VoteMatrix> matrix = BuildVoteMatrix(ConversationVotes{});
  ASSERT_TRUE(matrix.ok());
  EXPECT_EQ(matrix->raw.rows(), 0);
  EXPECT_EQ(matrix->raw.cols(), 0);
  EXPECT_TRUE(SelectInConversation(*matrix).empty());
}

TEST(ClusteringVoteMatrixTest, ModeratedOutColumnBecomesZeroForEveryoneIncludingNonVoters) {
  StatusOr<VoteMatrix> matrix = BuildVoteMatrix(VotesFromTable({{1, 1}, {-1, kNone}}, {1}));
  ASSERT_TRUE(matrix.ok());
  const Eigen::MatrixXd zeroed = ZeroModeratedOut(*matrix);
  EXPECT_EQ(zeroed(0, 1), 0.0);
  EXPECT_EQ(zeroed(1, 1), 0.0);
  EXPECT_EQ(zeroed(1, 0), -1.0);
  EXPECT_TRUE(std::isnan(matrix->raw(1, 1)));
}

TEST(ClusteringVoteMatrixTest, CountColumnVotesCountsPassesAsSeen) {
  StatusOr<VoteMatrix> matrix = BuildVoteMatrix(VotesFromTable({{1}, {-1}, {0}, {1}}));
  ASSERT_TRUE(matrix.ok());
  EXPECT_EQ(CountColumnVotes(matrix->raw, {0, 1, 2, 3})[0], (VoteCounts{2, 1, 4}));
  EXPECT_EQ(CountColumnVotes(matrix->raw, {1, 2})[0], (VoteCounts{0, 1, 2}));
}

TEST(ClusteringVoteMatrixTest, InConversationNeedsSevenVotesOrAllColumnsWhenFewer) {
  // 20 participants; 3 comments, so min(7, 3) = 3 votes are needed.
  std::vector<std::vector<int>> table(20, {1, 0, kNone});
  table[4] = {1, 0, -1};
  table[17] = {1, 1, 1};
  StatusOr<VoteMatrix> matrix = BuildVoteMatrix(VotesFromTable(table));
  ASSERT_TRUE(matrix.ok());
  const std::vector<int> in_conv = SelectInConversation(*matrix);
  // 2 qualify; 13 more are topped up in row order among equal counts.
  ASSERT_EQ(in_conv.size(), 15u);
  EXPECT_EQ(in_conv.front(), 0);
  EXPECT_NE(std::find(in_conv.begin(), in_conv.end(), 17), in_conv.end());
  EXPECT_EQ(std::find(in_conv.begin(), in_conv.end(), 16), in_conv.end());
}

TEST(ClusteringVoteMatrixTest, InConversationTopUpPrefersHigherCounts) {
  std::vector<std::vector<int>> table(16, std::vector<int>(8, kNone));
  for (int row = 0; row < 16; ++row) table[row][0] = 1;      // one vote each
  table[1] = {1, 1, 1, 1, 1, 1, 1, 1};                       // qualifies: 8 >= min(7, 8)
  table[15] = {1, 1, 1, kNone, kNone, kNone, kNone, kNone};  // three votes, last row
  StatusOr<VoteMatrix> matrix = BuildVoteMatrix(VotesFromTable(table));
  ASSERT_TRUE(matrix.ok());
  const std::vector<int> in_conv = SelectInConversation(*matrix);
  ASSERT_EQ(in_conv.size(), 15u);
  EXPECT_EQ(in_conv.back(), 15);  // topped up before the one-vote rows
  EXPECT_EQ(in_conv[13], 13);     // then one-vote rows in row order; row 14 is left out
}

TEST(ClusteringVoteMatrixTest, CommentsBeyondPolisCapAreDropped) {
  ConversationVotes votes;
  for (int64_t comment = kMaxComments; comment >= 0; --comment) {
    votes.events.push_back({1, comment, kAgree, comment});
  }
  StatusOr<VoteMatrix> matrix = BuildVoteMatrix(votes);
  ASSERT_TRUE(matrix.ok());
  EXPECT_EQ(matrix->comment_ids.size(), static_cast<size_t>(kMaxComments));
  EXPECT_EQ(matrix->comment_ids.back(), kMaxComments - 1);
}

TEST(ClusteringVoteMatrixTest, TooLargeMatrixIsResourceExhaustedNotACrash) {
  ConversationVotes votes;
  for (int64_t idx = 0; idx < 8000; ++idx)  // 8000 × 8000 cells
    votes.events.push_back({idx, idx, kAgree, idx});
  StatusOr<VoteMatrix> matrix = BuildVoteMatrix(votes);
  ASSERT_FALSE(matrix.ok());
  EXPECT_EQ(matrix.status().code(), StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace nyttig::dialogue
