#include "pilots/stats/verdict.h"

#include <gtest/gtest.h>

namespace nyttig::pilots {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

EffectEstimate Estimate(double effect, double low, double high, double p, int n_pilot = 10,
                        int n_comparison = 10) {
  EffectEstimate estimate = MakeEstimate("welch_t", n_pilot, n_comparison);
  estimate.effect = effect;
  estimate.ci_low = low;
  estimate.ci_high = high;
  estimate.p_value = p;
  return estimate;
}

TEST(PilotVerdictTest, SaysTooFewUnitsWhenAGroupHasOne) {
  const Verdict verdict = WriteVerdict(Estimate(2, 1, 3, 0.01, 1, 5), std::nullopt);
  EXPECT_TRUE(Contains(verdict.sv, "För få enheter")) << verdict.sv;
  EXPECT_TRUE(Contains(verdict.en, "Too few units"));
  EXPECT_TRUE(Contains(verdict.en, "pilot group 1, comparison group 5"));
}

TEST(PilotVerdictTest, NonSignificantResultIsNeverCalledNoEffect) {
  const Verdict verdict = WriteVerdict(Estimate(0.4, -0.2, 1.0, 0.21), std::nullopt);
  EXPECT_TRUE(Contains(verdict.sv, "Ingen tydlig skillnad kunde visas")) << verdict.sv;
  EXPECT_TRUE(Contains(verdict.sv, "betyder inte att försöket saknar effekt"));
  EXPECT_TRUE(Contains(verdict.en, "No clear difference could be shown"));
  EXPECT_TRUE(Contains(verdict.en, "does not mean that the pilot has no effect"));
}

TEST(PilotVerdictTest, NonSignificantResultCarriesThePowerHint) {
  const Verdict verdict = WriteVerdict(Estimate(0.4, -0.2, 1.0, 0.21), 64);
  EXPECT_TRUE(Contains(verdict.sv, "ungefär 64 enheter per grupp")) << verdict.sv;
  EXPECT_TRUE(Contains(verdict.en, "about 64 units per group"));
}

TEST(PilotVerdictTest, ClearDifferenceStatesDirectionAndIntervalWithDecimalComma) {
  const Verdict verdict = WriteVerdict(Estimate(-1.25, -2.5, -0.125, 0.003), std::nullopt);
  EXPECT_TRUE(Contains(verdict.sv, "lägre")) << verdict.sv;
  EXPECT_TRUE(Contains(verdict.sv, "-2,5 till -0,125")) << verdict.sv;
  EXPECT_TRUE(Contains(verdict.en, "lower"));
  EXPECT_TRUE(Contains(verdict.en, "-2.5 to -0.125"));
  EXPECT_TRUE(Contains(verdict.en, "p = 0.003"));
}

TEST(PilotVerdictTest, ClearDifferenceDoesNotClaimCause) {
  const Verdict verdict = WriteVerdict(Estimate(1, 0.5, 1.5, 0.0001), std::nullopt);
  EXPECT_TRUE(Contains(verdict.en, "p < 0.001")) << verdict.en;
  EXPECT_TRUE(Contains(verdict.en, "depends on how the groups were chosen"));
}

TEST(PilotVerdictTest, PairedDesignDoesNotNeedAComparisonGroup) {
  EffectEstimate estimate = Estimate(1, 0.5, 1.5, 0.01, 6, 0);
  estimate.method = "paired_t";
  const Verdict verdict = WriteVerdict(estimate, std::nullopt);
  EXPECT_TRUE(Contains(verdict.en, "higher after than before")) << verdict.en;
}

TEST(PilotVerdictTest, SaysNoConclusionWhenTheUncertaintyIsUnknown) {
  EffectEstimate estimate = MakeEstimate("welch_t", 3, 3);
  estimate.effect = 2;
  const Verdict verdict = WriteVerdict(estimate, std::nullopt);
  EXPECT_TRUE(Contains(verdict.en, "no conclusion can be drawn")) << verdict.en;
  EXPECT_TRUE(Contains(verdict.sv, "ingen slutsats kan dras"));
}

}  // namespace
}  // namespace nyttig::pilots
