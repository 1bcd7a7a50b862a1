#include "pilots/stats/distributions.h"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/complement.hpp>
#include <boost/math/distributions/non_central_t.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <exception>

namespace nyttig::pilots {
namespace {

// Boost.Math throws on domain errors and overflow; this is the edge where
// such exceptions become an absent value.
template <typename F>
std::optional<double> Guarded(F compute) {
  try {
    double value = compute();
    if (!std::isfinite(value)) return std::nullopt;
    return value;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool ValidDf(double df) { return std::isfinite(df) && df > 0; }
bool ValidProbability(double p) { return p > 0 && p < 1; }

}  // namespace

std::optional<double> StudentTTwoSidedP(double t, double df) {
  if (!std::isfinite(t) || !ValidDf(df)) return std::nullopt;
  return Guarded([&] {
    boost::math::students_t dist(df);
    return 2 * boost::math::cdf(boost::math::complement(dist, std::fabs(t)));
  });
}

std::optional<double> StudentTQuantile(double probability, double df) {
  if (!ValidProbability(probability) || !ValidDf(df)) return std::nullopt;
  return Guarded([&] { return boost::math::quantile(boost::math::students_t(df), probability); });
}

std::optional<double> NormalQuantile(double probability) {
  if (!ValidProbability(probability)) return std::nullopt;
  return Guarded([&] { return boost::math::quantile(boost::math::normal(), probability); });
}

std::optional<double> NormalCdf(double z) {
  if (!std::isfinite(z)) return std::nullopt;
  return Guarded([&] { return boost::math::cdf(boost::math::normal(), z); });
}

std::optional<double> ChiSquareUpperP(double x, double df) {
  if (!std::isfinite(x) || x < 0 || !ValidDf(df)) return std::nullopt;
  return Guarded(
      [&] { return boost::math::cdf(boost::math::complement(boost::math::chi_squared(df), x)); });
}

std::optional<double> NonCentralTUpper(double t, double df, double ncp) {
  if (!std::isfinite(t) || !std::isfinite(ncp) || !ValidDf(df)) return std::nullopt;
  return Guarded([&] {
    return boost::math::cdf(boost::math::complement(boost::math::non_central_t(df, ncp), t));
  });
}

}  // namespace nyttig::pilots
