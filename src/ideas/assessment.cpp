#include "ideas/assessment.h"

#include <algorithm>
#include <cmath>

namespace nyttig::ideas {

std::vector<Criterion> DefaultCriteria() {
  const std::pair<const char*, const char*> defaults[] = {
      {"novel", "Nytt"},
      {"useful", "Nyttigt"},
      {"feasible", "Genomförbart"},
      {"lawful", "Juridiskt möjligt"},
      {"cost_benefit", "Kostnad och nytta"},
  };
  std::vector<Criterion> out;
  int position = 0;
  for (const auto& [key, name] : defaults) {
    out.push_back({.position = position++, .key = key, .name = name});
  }
  return out;
}

std::optional<double> WeightedPercent(const std::vector<Criterion>& criteria,
                                      const Review& review) {
  double weighted = 0;
  double weights = 0;
  for (const Criterion& criterion : criteria) {
    auto score = review.scores.find(criterion.id);
    if (score == review.scores.end() || criterion.scale_max <= criterion.scale_min) continue;
    const double range = criterion.scale_max - criterion.scale_min;
    weighted += criterion.weight * (score->second - criterion.scale_min) / range;
    weights += criterion.weight;
  }
  if (weights == 0) return std::nullopt;
  return 100.0 * weighted / weights;
}

namespace {

CriterionSummary SummarizeCriterion(const Criterion& criterion,
                                    const std::vector<Review>& reviews) {
  CriterionSummary out{.criterion_id = criterion.id, .name = criterion.name,
                       .scale_min = criterion.scale_min, .scale_max = criterion.scale_max,
                       .weight = criterion.weight};
  double sum = 0;
  for (const Review& review : reviews) {
    auto score = review.scores.find(criterion.id);
    if (score == review.scores.end()) continue;
    sum += score->second;
    ++out.count;
  }
  if (out.count > 0) out.mean = sum / out.count;
  return out;
}

}  // namespace

AssessmentSummary Summarize(const std::vector<Criterion>& criteria,
                            const std::vector<Review>& reviews) {
  AssessmentSummary out;
  for (const Criterion& criterion : criteria) {
    CriterionSummary summary = SummarizeCriterion(criterion, reviews);
    // An archived criterion nobody scored is of no interest any more.
    if (!criterion.archived || summary.count > 0) out.criteria.push_back(summary);
  }
  std::vector<double> percents;
  for (const Review& review : reviews) {
    if (auto percent = WeightedPercent(criteria, review)) percents.push_back(*percent);
  }
  out.reviews = static_cast<int>(percents.size());
  if (percents.empty()) return out;
  double sum = 0;
  for (double p : percents) sum += p;
  const double mean = sum / percents.size();
  out.weighted_percent = mean;
  out.min_percent = *std::min_element(percents.begin(), percents.end());
  out.max_percent = *std::max_element(percents.begin(), percents.end());
  if (percents.size() > 1) {
    double squares = 0;
    for (double p : percents) squares += (p - mean) * (p - mean);
    out.stddev_percent = std::sqrt(squares / (percents.size() - 1));
  }
  return out;
}

std::string_view LegalAnswerName(LegalAnswer answer) {
  switch (answer) {
    case LegalAnswer::kYes: return "yes";
    case LegalAnswer::kNo: return "no";
    case LegalAnswer::kNotRelevant: return "not_relevant";
  }
  return "not_relevant";
}

std::optional<LegalAnswer> ParseLegalAnswer(std::string_view name) {
  for (LegalAnswer a : {LegalAnswer::kYes, LegalAnswer::kNo, LegalAnswer::kNotRelevant}) {
    if (LegalAnswerName(a) == name) return a;
  }
  return std::nullopt;
}

bool IsLegalQuestion(std::string_view question) {
  return std::find(std::begin(kLegalQuestions), std::end(kLegalQuestions), question) !=
         std::end(kLegalQuestions);
}

std::vector<std::string> UnansweredLegalQuestions(const std::vector<LegalItem>& items) {
  std::vector<std::string> out;
  for (std::string_view question : kLegalQuestions) {
    bool answered = std::any_of(items.begin(), items.end(),
                                [&](const LegalItem& item) { return item.question == question; });
    if (!answered) out.emplace_back(question);
  }
  return out;
}

}  // namespace nyttig::ideas
