// Representative comments of an opinion group (polis-method.md 1.11,
// Polis's repness.clj and stats.clj).
//
//   CommentStats stats = ComputeCommentStats(group_counts[col], rest_counts[col]);
//   std::vector<RepresentativeComment> reps =
//       SelectRepresentative(comment_ids, moderated_out, stats_per_column);
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <vector>

#include "dialogue/clustering/vote_matrix.h"

namespace nyttig::dialogue {

// One-sided 90% z (Polis's `z-sig-90?`).
inline constexpr double kZ90 = 1.2816;
// Polis keeps at most this many representative comments per group.
inline constexpr int kMaxRepresentative = 5;

// Polis's `prop-test`: 2·sqrt(n+1)·((s+1)/(n+1) − 1/2).
double PropTest(double successes, double trials);

// Polis's `two-prop-test` with +1 smoothing of every count; 0 when the pooled
// proportion is 1.
double TwoPropTest(double successes1, double successes2, double trials1, double trials2);

// A group's statistics on one comment against the other groups together.
struct CommentStats {
  int na = 0, nd = 0, ns = 0;  // agree, disagree, seen in the group
  double pa = 0, pd = 0;       // (na+1)/(ns+2), (nd+1)/(ns+2)
  double pat = 0, pdt = 0;     // PropTest(na, ns), PropTest(nd, ns)
  double ra = 0, rd = 0;       // pa, pd relative to the other groups
  double rat = 0, rdt = 0;     // TwoPropTest of the group against the others
};

// Statistics of a group (`group`) against the sum of all other groups
// (`rest`), on the zeroed matrix (1.11).
CommentStats ComputeCommentStats(const VoteCounts& group, const VoteCounts& rest);

enum class Direction { kAgree, kDisagree };

// A representative comment, finalised as Polis's `finalize-cmt-stats`.
struct RepresentativeComment {
  int64_t comment_id = 0;
  Direction direction = Direction::kAgree;  // agree when rat > rdt
  int n_success = 0;                        // na or nd
  int n_trials = 0;                         // ns
  double p_success = 0;                     // pa or pd
  double p_test = 0;                        // pat or pdt
  double repness = 0;                       // ra or rd
  float repness_test = 0;                   // rat or rdt, a 32-bit float as Polis stores it
  bool best_agree = false;                  // Polis's best-agree comment, put first
};

// Polis's `finalize-cmt-stats`.
RepresentativeComment FinalizeStats(int64_t comment_id, const CommentStats& stats);

// Polis's `select-rep-comments` for one group (1.11): `stats[col]` belongs to
// `comment_ids[col]`; moderated-out columns are skipped. Returns 0–5 comments,
// agrees before disagrees.
std::vector<RepresentativeComment> SelectRepresentative(const std::vector<int64_t>& comment_ids,
                                                        const std::vector<bool>& moderated_out,
                                                        const std::vector<CommentStats>& stats);

}  // namespace nyttig::dialogue
