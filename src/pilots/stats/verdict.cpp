#include "pilots/stats/verdict.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace nyttig::pilots {
namespace {

constexpr double kSignificanceLevel = 0.05;
constexpr double kSmallestShownP = 0.001;

enum class Language { kSv, kEn };

// Three significant digits; Swedish uses a decimal comma.
std::string FormatNumber(double value, Language language) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.3g", value);
  std::string text = buffer.data();
  if (language == Language::kSv) std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string FormatP(double p, Language language) {
  if (p < kSmallestShownP) return "p < " + FormatNumber(kSmallestShownP, language);
  return "p = " + FormatNumber(p, language);
}

// "(95 % CI a to b; p = …)", leaving out what is absent.
std::string Uncertainty(const EffectEstimate& estimate, Language language) {
  const bool sv = language == Language::kSv;
  std::string text = "(";
  if (estimate.ci_low && estimate.ci_high) {
    text += std::string(sv ? "95 % konfidensintervall " : "95 % CI ") +
            FormatNumber(*estimate.ci_low, language) + (sv ? " till " : " to ") +
            FormatNumber(*estimate.ci_high, language) + "; ";
  }
  return text + FormatP(*estimate.p_value, language) + ")";
}

bool IsPaired(const EffectEstimate& estimate) { return estimate.method == "paired_t"; }

// What a positive or negative effect means for this method.
Verdict Direction(const EffectEstimate& estimate) {
  const bool higher = *estimate.effect > 0;
  if (IsPaired(estimate)) {
    return higher
               ? Verdict{"värdet var högre efter än före", "the value was higher after than before"}
               : Verdict{"värdet var lägre efter än före", "the value was lower after than before"};
  }
  if (estimate.method == "did_ols") {
    return higher ? Verdict{"pilotgruppen förändrades uppåt mer än jämförelsegruppen",
                            "the pilot group changed upwards more than the comparison group"}
                  : Verdict{"pilotgruppen förändrades nedåt mer än jämförelsegruppen",
                            "the pilot group changed downwards more than the comparison group"};
  }
  return higher ? Verdict{"pilotgruppen låg högre än jämförelsegruppen",
                          "the pilot group was higher than the comparison group"}
                : Verdict{"pilotgruppen låg lägre än jämförelsegruppen",
                          "the pilot group was lower than the comparison group"};
}

Verdict TooFewUnits(const EffectEstimate& estimate) {
  const std::string counts_sv =
      IsPaired(estimate)
          ? "enheter med både före- och eftervärde: " + std::to_string(estimate.n_pilot)
          : "pilotgrupp " + std::to_string(estimate.n_pilot) + ", jämförelsegrupp " +
                std::to_string(estimate.n_comparison);
  const std::string counts_en =
      IsPaired(estimate)
          ? "units with both a before and an after value: " + std::to_string(estimate.n_pilot)
          : "pilot group " + std::to_string(estimate.n_pilot) + ", comparison group " +
                std::to_string(estimate.n_comparison);
  return {"För få enheter för att dra någon slutsats (" + counts_sv +
              "). Det behövs minst 2 per grupp, och oftast betydligt fler för att kunna visa en "
              "skillnad.",
          "Too few units to draw any conclusion (" + counts_en +
              "). At least 2 per group are needed, and usually many more to show a difference."};
}

Verdict NoClearDifference(const EffectEstimate& estimate, std::optional<int> units_needed) {
  Verdict verdict{"Ingen tydlig skillnad kunde visas " + Uncertainty(estimate, Language::kSv) +
                      ". Det betyder inte att försöket saknar effekt: skattningen är " +
                      FormatNumber(*estimate.effect, Language::kSv) + " och osäkerheten är stor.",
                  "No clear difference could be shown " + Uncertainty(estimate, Language::kEn) +
                      ". This does not mean that the pilot has no effect: the estimate is " +
                      FormatNumber(*estimate.effect, Language::kEn) +
                      " and the uncertainty is large."};
  if (units_needed) {
    const std::string n = std::to_string(*units_needed);
    const bool paired = IsPaired(estimate);
    verdict.sv +=
        " För att med 80 % sannolikhet kunna visa en skillnad av den storlek som sågs "
        "behövs ungefär " +
        n + (paired ? " enheter med före- och eftervärde." : " enheter per grupp.");
    verdict.en += " To show a difference of the size observed with 80 % power, about " + n +
                  (paired ? " units with before and after values" : " units per group") +
                  " would be needed.";
  }
  return verdict;
}

}  // namespace

Verdict WriteVerdict(const EffectEstimate& estimate, std::optional<int> units_needed_per_group) {
  const bool too_few = estimate.n_pilot < kMinUnitsPerGroup ||
                       (!IsPaired(estimate) && estimate.n_comparison < kMinUnitsPerGroup);
  if (too_few) return TooFewUnits(estimate);
  if (!estimate.computable()) {
    return {"Ingen effekt kunde skattas med dessa data; se anteckningarna för orsaken.",
            "No effect could be estimated from these data; see the notes for why."};
  }
  if (!estimate.p_value) {
    return {"Skillnaden skattades till " + FormatNumber(*estimate.effect, Language::kSv) +
                ", men osäkerheten kunde inte beräknas, så ingen slutsats kan dras.",
            "The difference was estimated at " + FormatNumber(*estimate.effect, Language::kEn) +
                ", but its uncertainty could not be computed, so no conclusion can be drawn."};
  }
  if (*estimate.p_value >= kSignificanceLevel || *estimate.effect == 0) {
    return NoClearDifference(estimate, units_needed_per_group);
  }
  const Verdict direction = Direction(estimate);
  const double size = std::fabs(*estimate.effect);
  return {"En tydlig skillnad kunde visas: " + direction.sv + " med " +
              FormatNumber(size, Language::kSv) + " " + Uncertainty(estimate, Language::kSv) +
              ". Om skillnaden beror på försöket avgörs av hur grupperna valdes.",
          "A clear difference could be shown: " + direction.en + " by " +
              FormatNumber(size, Language::kEn) + " " + Uncertainty(estimate, Language::kEn) +
              ". Whether the pilot caused it depends on how the groups were chosen."};
}

}  // namespace nyttig::pilots
