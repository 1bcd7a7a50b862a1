#include "dialogue/clustering/consensus.h"

#include <algorithm>

#include "dialogue/clustering/repness.h"

namespace nyttig::dialogue {
namespace {

struct Candidate {
  ConsensusComment comment;
  double key = 0;
};

std::vector<ConsensusComment> TopByKey(std::vector<Candidate> candidates) {
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& lhs, const Candidate& rhs) { return lhs.key > rhs.key; });
  std::vector<ConsensusComment> top;
  for (const Candidate& candidate : candidates) {
    if (top.size() >= static_cast<size_t>(kMaxConsensus)) break;
    top.push_back(candidate.comment);
  }
  return top;
}

}  // namespace

Consensus SelectConsensus(const std::vector<int64_t>& comment_ids,
                          const std::vector<bool>& moderated_out,
                          const std::vector<VoteCounts>& counts) {
  std::vector<Candidate> agree;
  std::vector<Candidate> disagree;
  for (size_t col = 0; col < comment_ids.size(); ++col) {
    if (moderated_out[col]) continue;
    const VoteCounts& votes = counts[col];
    const double pa = (votes.agree + 1.0) / (votes.seen + 2.0);
    const double pd = (votes.disagree + 1.0) / (votes.seen + 2.0);
    const double pat = PropTest(votes.agree, votes.seen);
    const double pdt = PropTest(votes.disagree, votes.seen);
    if (pa > 0.5 && pat > kZ90) agree.push_back({{comment_ids[col], pa, pat}, pa * pat});
    if (pd > 0.5 && pdt > kZ90) disagree.push_back({{comment_ids[col], pd, pdt}, pd * pdt});
  }
  return Consensus{TopByKey(std::move(agree)), TopByKey(std::move(disagree))};
}

std::vector<double> GroupInformedConsensus(const std::vector<std::vector<VoteCounts>>& group_counts,
                                           size_t n_comments) {
  std::vector<double> consensus(n_comments, 1.0);
  for (const std::vector<VoteCounts>& group : group_counts) {
    for (size_t col = 0; col < n_comments; ++col) {
      consensus[col] *= (group[col].agree + 1.0) / (group[col].seen + 2.0);
    }
  }
  return consensus;
}

}  // namespace nyttig::dialogue
