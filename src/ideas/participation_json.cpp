// JSON shapes of the assessment and participation API
// (docs/api/paths/ideas_participation.json).
#include <cmath>

#include "core/time_format.h"
#include "ideas/participation_routes.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;

json Number(const std::optional<double>& value) {
  // Two decimals are what a person compares; the rest is noise of the mean.
  return value ? json(std::round(*value * 100) / 100) : json();
}

json Time(std::optional<UnixSeconds> t) { return t ? json(FormatRfc3339(*t)) : json(); }

json ReviewJson(const Review& review) {
  json scores = json::array();
  for (const auto& [criterion, score] : review.scores) {
    scores.push_back({{"criterion_id", criterion}, {"score", score}});
  }
  return {{"reviewer_id", review.reviewer_id}, {"reviewer_name", review.reviewer_name},
          {"scores", scores}, {"comment", review.comment},
          {"updated_at", FormatRfc3339(review.updated_at)}};
}

json SummaryJson(const AssessmentSummary& s) {
  json criteria = json::array();
  for (const CriterionSummary& c : s.criteria) {
    criteria.push_back({{"criterion_id", c.criterion_id}, {"name", c.name}, {"weight", c.weight},
                        {"scale_min", c.scale_min}, {"scale_max", c.scale_max},
                        {"count", c.count}, {"mean", Number(c.mean)}});
  }
  return {{"reviews", s.reviews}, {"weighted_percent", Number(s.weighted_percent)},
          {"min_percent", Number(s.min_percent)}, {"max_percent", Number(s.max_percent)},
          {"stddev_percent", Number(s.stddev_percent)}, {"criteria", criteria}};
}

json LegalJson(const std::vector<LegalItem>& items) {
  json out = json::array();
  for (const LegalItem& item : items) {
    out.push_back({{"question", item.question}, {"answer", LegalAnswerName(item.answer)},
                   {"note", item.note}, {"answered_by_name", item.answered_by_name},
                   {"answered_at", FormatRfc3339(item.answered_at)}});
  }
  return out;
}

}  // namespace

json CriterionJson(const Criterion& c) {
  return {{"id", c.id}, {"key", c.key}, {"name", c.name}, {"scale_min", c.scale_min},
          {"scale_max", c.scale_max}, {"weight", c.weight}, {"position", c.position},
          {"archived", c.archived}};
}

json AssessmentJson(const Assessment& a) {
  json criteria = json::array();
  for (const Criterion& c : a.criteria) criteria.push_back(CriterionJson(c));
  json reviewers = json::array();
  for (const Reviewer& r : a.reviewers) {
    reviewers.push_back({{"person_id", r.person_id}, {"display_name", r.display_name},
                         {"assigned_at", FormatRfc3339(r.assigned_at)}});
  }
  json reviews = json::array();
  for (const Review& r : a.reviews) reviews.push_back(ReviewJson(r));
  return {{"idea_id", a.idea.id}, {"criteria", criteria}, {"reviewers", reviewers},
          {"reviews", reviews}, {"summary", SummaryJson(a.summary)},
          {"legal_checklist", LegalJson(a.legal)}, {"legal_missing", a.legal_missing}};
}

json CommentJson(const Comment& c) {
  json replies = json::array();
  for (const Comment& reply : c.replies) replies.push_back(CommentJson(reply));
  return {{"id", c.id}, {"idea_id", c.idea_id},
          {"parent_id", c.parent_id ? json(*c.parent_id) : json()},
          {"author_id", c.author_id}, {"author_name", c.author_name}, {"body", c.body},
          {"created_at", FormatRfc3339(c.created_at)}, {"edited_at", Time(c.edited_at)},
          {"hidden", c.hidden()}, {"hidden_reason", c.hidden_reason}, {"reports", c.reports},
          {"replies", replies}};
}

json ParticipationJson(const Participation& p) {
  return {{"supports", p.supports}, {"comments", p.comments}, {"supported", p.supported},
          {"following", p.following}};
}

}  // namespace nyttig::ideas
