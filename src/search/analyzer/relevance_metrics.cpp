#include "search/analyzer/relevance_metrics.h"

#include <algorithm>
#include <cmath>

namespace nyttig::search {
namespace {

double Discount(size_t rank) { return 1.0 / std::log2(static_cast<double>(rank) + 1.0); }

}  // namespace

double NdcgAtK(const std::vector<int>& ranking, const std::unordered_set<int>& relevant,
               size_t k) {
  if (relevant.empty() || k == 0) return 0.0;
  double dcg = 0.0;
  const size_t depth = std::min(k, ranking.size());
  for (size_t rank = 1; rank <= depth; ++rank) {
    if (relevant.contains(ranking[rank - 1])) dcg += Discount(rank);
  }
  double ideal = 0.0;
  for (size_t rank = 1; rank <= std::min(k, relevant.size()); ++rank) ideal += Discount(rank);
  return dcg / ideal;
}

double ReciprocalRankAtK(const std::vector<int>& ranking, const std::unordered_set<int>& relevant,
                         size_t k) {
  const size_t depth = std::min(k, ranking.size());
  for (size_t rank = 1; rank <= depth; ++rank) {
    if (relevant.contains(ranking[rank - 1])) return 1.0 / static_cast<double>(rank);
  }
  return 0.0;
}

double RecallAtK(const std::vector<int>& ranking, const std::unordered_set<int>& relevant,
                 size_t k) {
  if (relevant.empty()) return 0.0;
  size_t found = 0;
  const size_t depth = std::min(k, ranking.size());
  for (size_t rank = 1; rank <= depth; ++rank) {
    if (relevant.contains(ranking[rank - 1])) ++found;
  }
  return static_cast<double>(found) / static_cast<double>(relevant.size());
}

}  // namespace nyttig::search
