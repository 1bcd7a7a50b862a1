#include "surveys/survey_results.h"

#include <cmath>
#include <map>

#include "pilots/stats/descriptive.h"
#include "pilots/stats/distributions.h"

namespace nyttig::surveys {
namespace {

std::optional<double> Share(std::int64_t count, std::int64_t answered) {
  if (answered == 0) return std::nullopt;
  return static_cast<double>(count) / static_cast<double>(answered);
}

std::vector<OptionCount> CountLikert(const std::vector<double>& values, std::int64_t answered) {
  std::vector<OptionCount> counts;
  for (int value = kLikertMin; value <= kLikertMax; ++value) {
    std::int64_t count = 0;
    for (double v : values) count += (std::lround(v) == value) ? 1 : 0;
    std::string label = std::to_string(value);
    counts.push_back({std::nullopt, {label, label}, count, Share(count, answered)});
  }
  return counts;
}

std::vector<OptionCount> CountOptions(const Question& question,
                                      const std::map<OptionId, std::int64_t>& chosen,
                                      std::int64_t answered) {
  std::vector<OptionCount> counts;
  for (const Option& option : question.options) {
    auto it = chosen.find(option.id);
    std::int64_t count = it == chosen.end() ? 0 : it->second;
    counts.push_back({option.id, option.label, count, Share(count, answered)});
  }
  return counts;
}

QuestionResult ResultFor(const Question& question, const std::vector<StoredResponse>& responses) {
  QuestionResult result{.question = question};
  std::vector<double> numbers;
  std::map<OptionId, std::int64_t> chosen;
  for (const StoredResponse& response : responses) {
    const Answer* answer = response.answers.Find(question.id);
    if (!answer || answer->empty()) continue;
    ++result.answered;
    if (answer->number) numbers.push_back(*answer->number);
    for (OptionId option : answer->option_ids) ++chosen[option];
    if (answer->text) result.texts.push_back(*answer->text);
  }
  switch (question.kind) {
    case QuestionKind::kLikert:
      result.counts = CountLikert(numbers, result.answered);
      result.mean = EstimateMean(numbers);
      break;
    case QuestionKind::kNumber:
      result.mean = EstimateMean(numbers);
      break;
    case QuestionKind::kSingleChoice:
    case QuestionKind::kMultipleChoice:
      result.counts = CountOptions(question, chosen, result.answered);
      break;
    case QuestionKind::kFreeText:
      break;
  }
  return result;
}

}  // namespace

MeanEstimate EstimateMean(const std::vector<double>& values) {
  MeanEstimate estimate{.n = static_cast<std::int64_t>(values.size())};
  if (values.empty()) {
    estimate.note = "no_answers";
    return estimate;
  }
  estimate.mean = pilots::Mean(values);
  if (values.size() < 2) {
    estimate.note = "too_few";
    return estimate;
  }
  double sd = std::sqrt(pilots::SampleVariance(values));
  estimate.standard_deviation = sd;
  if (sd == 0) {
    estimate.note = "zero_variance";
    return estimate;
  }
  std::optional<double> t = pilots::StudentTQuantile(0.975, static_cast<double>(values.size() - 1));
  if (!t) {
    estimate.note = "too_few";
    return estimate;
  }
  double half_width = *t * sd / std::sqrt(static_cast<double>(values.size()));
  estimate.ci_low = *estimate.mean - half_width;
  estimate.ci_high = *estimate.mean + half_width;
  return estimate;
}

SurveyResults ComputeResults(const Survey& survey, const std::vector<StoredResponse>& responses) {
  SurveyResults results{.survey = survey, .responses = static_cast<std::int64_t>(responses.size())};
  for (const Question& question : survey.questions) {
    results.questions.push_back(ResultFor(question, responses));
  }
  return results;
}

}  // namespace nyttig::surveys
