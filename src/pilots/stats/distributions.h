// Distribution functions the pilot statistics need (Student's t, standard
// normal, chi-square, non-central t), wrapped around Boost.Math so that bad
// arguments give an absent value instead of an exception or NaN.
//
// Each function returns std::nullopt when its arguments are outside the
// distribution's domain (non-finite input, df <= 0) or Boost reports an error.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>

namespace nyttig::pilots {

// Two-sided p-value of a t statistic: 2 · P(T_df > |t|). R: 2 * pt(-abs(t), df).
std::optional<double> StudentTTwoSidedP(double t, double df);

// Quantile of Student's t. R: qt(probability, df).
std::optional<double> StudentTQuantile(double probability, double df);

// Standard normal quantile. R: qnorm(probability).
std::optional<double> NormalQuantile(double probability);

// Standard normal lower tail. R: pnorm(z).
std::optional<double> NormalCdf(double z);

// Upper tail of chi-square. R: pchisq(x, df, lower.tail = FALSE).
std::optional<double> ChiSquareUpperP(double x, double df);

// Upper tail of the non-central t. R: pt(t, df, ncp, lower.tail = FALSE).
std::optional<double> NonCentralTUpper(double t, double df, double ncp);

}  // namespace nyttig::pilots
