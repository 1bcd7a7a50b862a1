// Consensus comments (polis-method.md 1.12) and group-informed consensus
// (1.13) of the Polis method.
//
//   Consensus consensus = SelectConsensus(comment_ids, moderated_out, all_counts);
//   std::vector<double> gic = GroupInformedConsensus(raw_counts_per_group, n_comments);
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <vector>

#include "dialogue/clustering/vote_matrix.h"

namespace nyttig::dialogue {

// Polis keeps at most this many comments in each consensus list.
inline constexpr int kMaxConsensus = 5;

struct ConsensusComment {
  int64_t comment_id = 0;
  double p_success = 0;  // pa (agree list) or pd (disagree list)
  double p_test = 0;     // pat or pdt
};

struct Consensus {
  std::vector<ConsensusComment> agree;
  std::vector<ConsensusComment> disagree;
};

// Polis's `select-consensus-comments` (1.12): `counts[col]` are the votes of
// all participants on the zeroed matrix. Comments with p > 0.5 and a
// significant prop-test, best 5 by p·p_test (ties keep column order);
// moderated-out comments are left out.
Consensus SelectConsensus(const std::vector<int64_t>& comment_ids,
                          const std::vector<bool>& moderated_out,
                          const std::vector<VoteCounts>& counts);

// Polis's group-aware consensus (1.13): per column, the product over groups
// of (A_g + 1) / (S_g + 2), with `group_counts[g][col]` counted on the raw
// matrix over the group's members. All columns, moderated-out ones included;
// 1 per column when there are no groups.
std::vector<double> GroupInformedConsensus(const std::vector<std::vector<VoteCounts>>& group_counts,
                                           size_t n_comments);

}  // namespace nyttig::dialogue
