#include "dialogue/clustering/repness.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace nyttig::dialogue {
namespace {

bool PassesByTest(const CommentStats& stats) {
  return (stats.rat > kZ90 && stats.pat > kZ90) || (stats.rdt > kZ90 && stats.pdt > kZ90);
}

// Polis's `beats-best-by-test?`: the larger max(rat, rdt), strictly.
bool BeatsBestByTest(const CommentStats& stats, const std::optional<CommentStats>& best) {
  if (!best) return true;
  return std::max(stats.rat, stats.rdt) > std::max(best->rat, best->rdt);
}

// Polis's `beats-best-agr?`.
bool BeatsBestAgree(const CommentStats& stats, const std::optional<CommentStats>& best) {
  if (stats.na == 0 && stats.nd == 0) return false;
  if (best && best->ra > 1.0) {
    return stats.ra * stats.rat * stats.pa * stats.pat >
           best->ra * best->rat * best->pa * best->pat;
  }
  if (best) return stats.pa * stats.pat > best->pa * best->pat;
  return stats.pat > kZ90 || (stats.ra > 1.0 && stats.pa > 0.5);
}

double SortKey(const RepresentativeComment& comment) {
  return comment.repness * static_cast<double>(comment.repness_test) * comment.p_success *
         comment.p_test;
}

struct SelectionState {
  std::vector<RepresentativeComment> sufficient;
  std::optional<CommentStats> best;
  int64_t best_id = 0;
  std::optional<CommentStats> best_agree;
  int64_t best_agree_id = 0;
};

void Visit(SelectionState& state, int64_t comment_id, const CommentStats& stats) {
  const bool none_sufficient_yet = state.sufficient.empty();
  if (PassesByTest(stats)) state.sufficient.push_back(FinalizeStats(comment_id, stats));
  if (none_sufficient_yet && BeatsBestByTest(stats, state.best)) {
    state.best = stats;
    state.best_id = comment_id;
  }
  if (BeatsBestAgree(stats, state.best_agree)) {
    state.best_agree = stats;
    state.best_agree_id = comment_id;
  }
}

std::vector<RepresentativeComment> FinalList(const SelectionState& state) {
  std::optional<RepresentativeComment> best_agree;
  if (state.best_agree) {
    best_agree = FinalizeStats(state.best_agree_id, *state.best_agree);
    best_agree->best_agree = true;
  }
  if (state.sufficient.empty()) {
    if (best_agree) return {*best_agree};
    if (state.best) return {FinalizeStats(state.best_id, *state.best)};
    return {};
  }
  std::vector<RepresentativeComment> ranked;
  for (const RepresentativeComment& comment : state.sufficient) {
    if (!best_agree || comment.comment_id != best_agree->comment_id) ranked.push_back(comment);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& lhs, const auto& rhs) { return SortKey(lhs) > SortKey(rhs); });
  if (best_agree) ranked.insert(ranked.begin(), *best_agree);
  if (ranked.size() > static_cast<size_t>(kMaxRepresentative)) ranked.resize(kMaxRepresentative);
  std::stable_partition(ranked.begin(), ranked.end(), [](const RepresentativeComment& comment) {
    return comment.direction == Direction::kAgree;
  });
  return ranked;
}

}  // namespace

double PropTest(double successes, double trials) {
  return 2.0 * std::sqrt(trials + 1.0) * ((successes + 1.0) / (trials + 1.0) - 0.5);
}

double TwoPropTest(double successes1, double successes2, double trials1, double trials2) {
  const double s1 = successes1 + 1.0;
  const double s2 = successes2 + 1.0;
  const double n1 = trials1 + 1.0;
  const double n2 = trials2 + 1.0;
  const double pooled = (s1 + s2) / (n1 + n2);
  if (pooled == 1.0) return 0.0;
  return (s1 / n1 - s2 / n2) / std::sqrt(pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2));
}

CommentStats ComputeCommentStats(const VoteCounts& group, const VoteCounts& rest) {
  CommentStats stats;
  stats.na = group.agree;
  stats.nd = group.disagree;
  stats.ns = group.seen;
  stats.pa = (stats.na + 1.0) / (stats.ns + 2.0);
  stats.pd = (stats.nd + 1.0) / (stats.ns + 2.0);
  stats.pat = PropTest(stats.na, stats.ns);
  stats.pdt = PropTest(stats.nd, stats.ns);
  stats.ra = stats.pa / ((1.0 + rest.agree) / (2.0 + rest.seen));
  stats.rd = stats.pd / ((1.0 + rest.disagree) / (2.0 + rest.seen));
  stats.rat = TwoPropTest(stats.na, rest.agree, stats.ns, rest.seen);
  stats.rdt = TwoPropTest(stats.nd, rest.disagree, stats.ns, rest.seen);
  return stats;
}

RepresentativeComment FinalizeStats(int64_t comment_id, const CommentStats& stats) {
  const bool agree = stats.rat > stats.rdt;
  RepresentativeComment comment;
  comment.comment_id = comment_id;
  comment.direction = agree ? Direction::kAgree : Direction::kDisagree;
  comment.n_success = agree ? stats.na : stats.nd;
  comment.n_trials = stats.ns;
  comment.p_success = agree ? stats.pa : stats.pd;
  comment.p_test = agree ? stats.pat : stats.pdt;
  comment.repness = agree ? stats.ra : stats.rd;
  comment.repness_test = static_cast<float>(agree ? stats.rat : stats.rdt);
  return comment;
}

std::vector<RepresentativeComment> SelectRepresentative(const std::vector<int64_t>& comment_ids,
                                                        const std::vector<bool>& moderated_out,
                                                        const std::vector<CommentStats>& stats) {
  SelectionState state;
  for (size_t col = 0; col < comment_ids.size(); ++col) {
    if (moderated_out[col]) continue;
    Visit(state, comment_ids[col], stats[col]);
  }
  return FinalList(state);
}

}  // namespace nyttig::dialogue
