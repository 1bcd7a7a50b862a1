#include "dialogue/clustering/consensus.h"

#include <gtest/gtest.h>

#include "dialogue/clustering/repness.h"

namespace nyttig::dialogue {
namespace {

TEST(ClusteringConsensusTest, AgreeListNeedsMajorityAndSignificance) {
  // Column 0: 9 of 10 agree; column 1: 2 of 2 agree (pat = 2·√3·(3/3−1/2) = √3
  // > 1.2816 and pa = 3/4): both in; column 2: 5 of 10, not significant.
  const std::vector<VoteCounts> counts = {{9, 1, 10}, {2, 0, 2}, {5, 5, 10}};
  const Consensus consensus = SelectConsensus({10, 11, 12}, {false, false, false}, counts);
  ASSERT_EQ(consensus.agree.size(), 2u);
  EXPECT_EQ(consensus.agree[0].comment_id, 10);  // larger pa·pat
  EXPECT_NEAR(consensus.agree[0].p_success, 10.0 / 12, 1e-12);
  EXPECT_NEAR(consensus.agree[0].p_test, PropTest(9, 10), 1e-12);
  EXPECT_EQ(consensus.agree[1].comment_id, 11);
  EXPECT_TRUE(consensus.disagree.empty());
}

TEST(ClusteringConsensusTest, KeepsTopFiveAndLeavesModeratedOutCommentsOut) {
  std::vector<VoteCounts> counts;
  std::vector<int64_t> ids;
  for (int col = 0; col < 7; ++col) {
    counts.push_back({0, 10 + col, 10 + col});
    ids.push_back(col);
  }
  std::vector<bool> moderated_out(7, false);
  moderated_out[6] = true;
  const Consensus consensus = SelectConsensus(ids, moderated_out, counts);
  ASSERT_EQ(consensus.disagree.size(), 5u);
  EXPECT_EQ(consensus.disagree[0].comment_id, 5);  // strongest not moderated out
  EXPECT_EQ(consensus.disagree[4].comment_id, 1);
}

TEST(ClusteringConsensusTest, GroupInformedConsensusIsProductOverGroups) {
  // Comment 0: (3+1)/(4+2) · (1+1)/(2+2) = 2/3 · 1/2.
  const std::vector<std::vector<VoteCounts>> groups = {{{3, 1, 4}}, {{1, 0, 2}}};
  const std::vector<double> consensus = GroupInformedConsensus(groups, 1);
  EXPECT_NEAR(consensus[0], 1.0 / 3, 1e-12);
}

}  // namespace
}  // namespace nyttig::dialogue
