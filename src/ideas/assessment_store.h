// SQL for the assessment slice of the ideas module (ideas_criteria,
// ideas_reviewers, ideas_reviews, ideas_review_scores, ideas_legal_answers).
// Every function runs inside the caller's transaction and checks nothing
// but the data: the rules are AssessmentService's.
#pragma once

#include <optional>
#include <vector>

#include "core/status.h"
#include "db/database.h"
#include "ideas/assessment.h"

namespace nyttig::ideas {

class AssessmentStore {
 public:
  // The organisation's criteria by position (archived ones included).
  static StatusOr<std::vector<Criterion>> ListCriteria(db::Tx& tx, OrganisationId org);
  static StatusOr<CriterionId> InsertCriterion(db::Tx& tx, const Criterion& criterion);
  static Status UpdateCriterion(db::Tx& tx, const Criterion& criterion);

  static StatusOr<std::vector<Reviewer>> ListReviewers(db::Tx& tx, IdeaId idea);
  static StatusOr<bool> IsReviewer(db::Tx& tx, IdeaId idea, PersonId person);
  static Status InsertReviewer(db::Tx& tx, const Reviewer& reviewer);
  static Status DeleteReviewer(db::Tx& tx, IdeaId idea, PersonId person);

  // The reviews of an idea with their scores, oldest first.
  static StatusOr<std::vector<Review>> ListReviews(db::Tx& tx, IdeaId idea);
  // Inserts or replaces `review` (one per reviewer and idea) and its scores.
  static Status SaveReview(db::Tx& tx, const Review& review);

  static StatusOr<std::vector<LegalItem>> ListLegalItems(db::Tx& tx, IdeaId idea);
  static Status SaveLegalItem(db::Tx& tx, IdeaId idea, const LegalItem& item);

};

}  // namespace nyttig::ideas
