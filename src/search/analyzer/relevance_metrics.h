// Ranking quality measures for retrieval benchmarks (binary relevance).
//
// `ranking` lists document ids best first; `relevant` is the set of ids that
// answer the query. All functions return values in [0, 1], and 0 when
// `relevant` is empty or k is 0.
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <unordered_set>
#include <vector>

namespace nyttig::search {

// nDCG@k (Järvelin & Kekäläinen 2002) with gain 1 per relevant document and
// discount 1/log2(rank + 1); the ideal ranking puts every relevant document
// first.
double NdcgAtK(const std::vector<int>& ranking, const std::unordered_set<int>& relevant, size_t k);

// Reciprocal rank of the first relevant document within the top k (MRR@k
// once averaged over queries).
double ReciprocalRankAtK(const std::vector<int>& ranking, const std::unordered_set<int>& relevant,
                         size_t k);

// Relevant documents found in the top k ÷ number of relevant documents.
double RecallAtK(const std::vector<int>& ranking, const std::unordered_set<int>& relevant,
                 size_t k);

}  // namespace nyttig::search
