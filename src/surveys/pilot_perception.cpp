#include "surveys/pilot_perception.h"

#include <cmath>
#include <string>

#include "pilots/stats/two_groups.h"
#include "surveys/permissions.h"

namespace nyttig::surveys {
namespace {

constexpr int kAgreeFrom = 4;  // 4 and 5 on the 1–5 scale count as agreeing

std::string Percent(double share) { return std::to_string(std::lround(share * 100)); }

// The first Likert question with at least one answer, or nullptr.
const QuestionResult* FirstAnsweredLikert(const SurveyResults& results) {
  for (const QuestionResult& q : results.questions) {
    if (q.question.kind == QuestionKind::kLikert && q.answered > 0) return &q;
  }
  return nullptr;
}

std::int64_t Agreeing(const QuestionResult& q) {
  std::int64_t agree = 0;
  for (size_t value_idx = 0; value_idx < q.counts.size(); ++value_idx) {
    if (kLikertMin + static_cast<int>(value_idx) >= kAgreeFrom) agree += q.counts[value_idx].count;
  }
  return agree;
}

pilots::Verdict Respondents(std::int64_t n) {
  if (n == 0) return {"Inga svar ännu.", "No responses yet."};
  return {std::to_string(n) + " svar.",
          std::to_string(n) + (n == 1 ? " response." : " responses.")};
}

}  // namespace

pilots::PerceptionResult PerceptionSummary(const SurveyResults& results) {
  const Survey& survey = results.survey;
  pilots::PerceptionResult out{
      .survey_id = survey.id,
      .audience = std::string(AudienceName(survey.audience)),
      .title = {survey.title.sv, survey.title.In("en")},
      .url = "/surveys/" + std::to_string(survey.id) + "/results",
      .respondents = results.responses,
      .summary = Respondents(results.responses)};
  const QuestionResult* likert = FirstAnsweredLikert(results);
  if (!likert) return out;
  const std::int64_t agree = Agreeing(*likert);
  const double share = static_cast<double>(agree) / static_cast<double>(likert->answered);
  std::optional<pilots::ProportionInterval> ci =
      pilots::WilsonScoreInterval95(static_cast<int>(agree), static_cast<int>(likert->answered));
  std::string sv = Percent(share) + " % instämmer (4 eller 5) i ”" + likert->question.text.sv + "”";
  std::string en = Percent(share) + " % agree (4 or 5) with “" + likert->question.text.In("en") + "”";
  if (ci) {
    sv += " (95 % KI " + Percent(ci->low) + "–" + Percent(ci->high) + " %)";
    en += " (95 % CI " + Percent(ci->low) + "–" + Percent(ci->high) + " %)";
  }
  out.summary = {sv + ". " + out.summary.sv, en + ". " + out.summary.en};
  return out;
}

StatusOr<std::vector<pilots::PerceptionResult>> PilotPerception::ForPilot(
    const accounts::Actor& actor, const pilots::Pilot& pilot) const {
  // ResultsForContext checks nobody: a published pilot's visitors and its
  // organisation's staff see its evaluation, not the survey results.
  if (!CanReadResults(actor, pilot.organisation_id)) return std::vector<pilots::PerceptionResult>{};
  ASSIGN_OR_RETURN(std::vector<SurveyResults> found,
                   surveys_.ResultsForContext(pilot.organisation_id,
                                              SurveyContext{kPilotContextKind, pilot.id}));
  std::vector<pilots::PerceptionResult> out;
  for (const SurveyResults& results : found) out.push_back(PerceptionSummary(results));
  return out;
}

}  // namespace nyttig::surveys
