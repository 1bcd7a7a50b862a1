#include "pilots/stats/descriptive.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace nyttig::pilots {

double Mean(const std::vector<double>& values) {
  assert(!values.empty());
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double SampleVariance(const std::vector<double>& values) {
  assert(values.size() >= 2);
  const double mean = Mean(values);
  double sum_of_squares = 0;
  for (double value : values) sum_of_squares += (value - mean) * (value - mean);
  return sum_of_squares / static_cast<double>(values.size() - 1);
}

double Median(std::vector<double> values) { return QuantileType7(std::move(values), 0.5); }

double QuantileType7(std::vector<double> values, double probability) {
  assert(!values.empty() && probability >= 0 && probability <= 1);
  // Type 7: h = (n − 1)·p; interpolate between the order statistics around h.
  const double h = static_cast<double>(values.size() - 1) * probability;
  const auto lower_idx = static_cast<size_t>(std::floor(h));
  std::nth_element(values.begin(), values.begin() + static_cast<long>(lower_idx), values.end());
  const double lower = values[lower_idx];
  if (lower_idx + 1 >= values.size()) return lower;
  const double upper =
      *std::min_element(values.begin() + static_cast<long>(lower_idx) + 1, values.end());
  return lower + (h - static_cast<double>(lower_idx)) * (upper - lower);
}

}  // namespace nyttig::pilots
