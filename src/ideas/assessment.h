// Value types of an idea's assessment: the organisation's criteria (with a
// scale and a weight), the named reviewers, their reviews, the aggregate
// with its spread, and the legal checklist that must be answered before an
// idea may pass the gate into a stage of kind test.
//
// Plain structs and pure functions; AssessmentService owns the rules.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ideas/idea.h"

namespace nyttig::ideas {

using CriterionId = std::int64_t;

inline constexpr int kMinScale = 1;
inline constexpr int kMaxScale = 10;
inline constexpr int kMinWeight = 1;   // relative weights; 1..10 keeps them readable
inline constexpr int kMaxWeight = 10;
inline constexpr size_t kMaxCriterionNameChars = 100;
inline constexpr size_t kMaxReviewCommentChars = 5000;
inline constexpr size_t kMaxLegalNoteChars = 2000;
inline constexpr int kMaxCriteria = 20;
inline constexpr int kMaxReviewers = 20;

struct Criterion {
  CriterionId id = 0;
  OrganisationId organisation_id = 0;
  int position = 0;
  std::string key;   // "novel", "useful", … for the defaults; "custom-N" otherwise
  std::string name;  // Swedish, as the organisation calls it
  int scale_min = 1;
  int scale_max = 5;
  int weight = 1;
  bool archived = false;  // kept for old reviews, not offered for new ones
};

// The five criteria every organisation starts with (ids 0): nytt, nyttigt,
// genomförbart, juridiskt möjligt, kostnad/nytta — each 1–5, weight 1.
std::vector<Criterion> DefaultCriteria();

struct Reviewer {
  IdeaId idea_id = 0;
  PersonId person_id = 0;
  std::string display_name;  // filled by reads
  std::optional<PersonId> assigned_by;
  UnixSeconds assigned_at = 0;
};

struct Review {
  std::int64_t id = 0;
  IdeaId idea_id = 0;
  PersonId reviewer_id = 0;
  std::string reviewer_name;  // filled by reads
  std::map<CriterionId, int> scores;
  std::string comment;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
};

// Per criterion: the mean score on its own scale over the reviews that scored it.
struct CriterionSummary {
  CriterionId criterion_id = 0;
  std::string name;
  int scale_min = 1;
  int scale_max = 5;
  int weight = 1;
  int count = 0;
  std::optional<double> mean;
};

// The aggregate of the reviews. Each review gets a weighted score in percent
// of its scales: Σ w·(s − min)/(max − min) / Σ w over the criteria it scored
// (×100). The aggregate is the mean of those; the spread is their minimum,
// maximum and sample standard deviation (n − 1; none for a single review).
struct AssessmentSummary {
  int reviews = 0;
  std::optional<double> weighted_percent;
  std::optional<double> min_percent;
  std::optional<double> max_percent;
  std::optional<double> stddev_percent;
  std::vector<CriterionSummary> criteria;
};

// The review's weighted score in percent (nullopt when it scored nothing).
std::optional<double> WeightedPercent(const std::vector<Criterion>& criteria,
                                      const Review& review);
AssessmentSummary Summarize(const std::vector<Criterion>& criteria,
                            const std::vector<Review>& reviews);

// --- the legal checklist ---

// The questions in the order the page asks them.
inline constexpr std::string_view kLegalQuestions[] = {"personal_data", "procurement", "secrecy",
                                                       "delegation"};
enum class LegalAnswer { kYes, kNo, kNotRelevant };
std::string_view LegalAnswerName(LegalAnswer answer);  // "yes", "no", "not_relevant"
std::optional<LegalAnswer> ParseLegalAnswer(std::string_view name);
bool IsLegalQuestion(std::string_view question);

struct LegalItem {
  std::string question;  // one of kLegalQuestions
  LegalAnswer answer = LegalAnswer::kNotRelevant;
  std::string note;
  std::optional<PersonId> answered_by;
  std::string answered_by_name;  // filled by reads
  UnixSeconds answered_at = 0;
};

// The questions of kLegalQuestions without an answer in `items`, in order.
std::vector<std::string> UnansweredLegalQuestions(const std::vector<LegalItem>& items);

}  // namespace nyttig::ideas
