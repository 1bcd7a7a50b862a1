// Descriptive statistics of unit-level values, shared by the pilot methods.
//
// Preconditions are stated per function; callers check sizes first, so none
// of these is ever asked about an empty vector.
//
// Thread-safety: pure functions.
#pragma once

#include <vector>

namespace nyttig::pilots {

// Arithmetic mean. Precondition: !values.empty().
double Mean(const std::vector<double>& values);

// Sample variance with n − 1 in the denominator (R: var). Two-pass for
// accuracy. Precondition: values.size() >= 2.
double SampleVariance(const std::vector<double>& values);

// Median (R: median). Precondition: !values.empty().
double Median(std::vector<double> values);

// Quantile by R's default type 7 (R: quantile(x, probability)).
// Precondition: !values.empty(), 0 <= probability <= 1.
double QuantileType7(std::vector<double> values, double probability);

}  // namespace nyttig::pilots
