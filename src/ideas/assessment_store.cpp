#include "ideas/assessment_store.h"

#include <soci/soci.h>

#include "db/row.h"

namespace nyttig::ideas {

StatusOr<std::vector<Criterion>> AssessmentStore::ListCriteria(db::Tx& tx, OrganisationId org) {
  long long oid = org;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, position, criterion_key, name, scale_min, scale_max, "
                           "weight, archived FROM ideas_criteria WHERE organisation_id = :o "
                           "ORDER BY position, id",
       soci::use(oid));
  std::vector<Criterion> out;
  for (const soci::row& r : rows) {
    out.push_back({.id = db::Int(r, 0), .organisation_id = org,
                   .position = static_cast<int>(db::Int(r, 1)), .key = db::Text(r, 2),
                   .name = db::Text(r, 3), .scale_min = static_cast<int>(db::Int(r, 4)),
                   .scale_max = static_cast<int>(db::Int(r, 5)),
                   .weight = static_cast<int>(db::Int(r, 6)), .archived = db::Int(r, 7) != 0});
  }
  return out;
}

StatusOr<CriterionId> AssessmentStore::InsertCriterion(db::Tx& tx, const Criterion& c) {
  long long id = 0, org = c.organisation_id;
  int position = c.position, lo = c.scale_min, hi = c.scale_max, weight = c.weight;
  int archived = c.archived ? 1 : 0;
  tx.sql() << "INSERT INTO ideas_criteria(organisation_id, position, criterion_key, name, "
              "scale_min, scale_max, weight, archived) "
              "VALUES (:o, :p, :k, :n, :lo, :hi, :w, :a) RETURNING id",
      soci::use(org), soci::use(position), soci::use(c.key), soci::use(c.name), soci::use(lo),
      soci::use(hi), soci::use(weight), soci::use(archived), soci::into(id);
  return id;
}

Status AssessmentStore::UpdateCriterion(db::Tx& tx, const Criterion& c) {
  long long id = c.id;
  int position = c.position, lo = c.scale_min, hi = c.scale_max, weight = c.weight;
  int archived = c.archived ? 1 : 0;
  tx.sql() << "UPDATE ideas_criteria SET position = :p, name = :n, scale_min = :lo, "
              "scale_max = :hi, weight = :w, archived = :a WHERE id = :id",
      soci::use(position), soci::use(c.name), soci::use(lo), soci::use(hi), soci::use(weight),
      soci::use(archived), soci::use(id);
  return Status::Ok();
}

StatusOr<std::vector<Reviewer>> AssessmentStore::ListReviewers(db::Tx& tx, IdeaId idea) {
  long long iid = idea;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT r.person_id, p.display_name, r.assigned_by, r.assigned_at "
                           "FROM ideas_reviewers r JOIN accounts_persons p ON p.id = r.person_id "
                           "WHERE r.idea_id = :i ORDER BY r.assigned_at, r.person_id",
       soci::use(iid));
  std::vector<Reviewer> out;
  for (const soci::row& r : rows) {
    out.push_back({.idea_id = idea, .person_id = db::Int(r, 0), .display_name = db::Text(r, 1),
                   .assigned_by = db::OptInt(r, 2), .assigned_at = db::Int(r, 3)});
  }
  return out;
}

StatusOr<bool> AssessmentStore::IsReviewer(db::Tx& tx, IdeaId idea, PersonId person) {
  long long iid = idea, pid = person, count = 0;
  tx.sql() << "SELECT COUNT(*) FROM ideas_reviewers WHERE idea_id = :i AND person_id = :p",
      soci::use(iid), soci::use(pid), soci::into(count);
  return count > 0;
}

Status AssessmentStore::InsertReviewer(db::Tx& tx, const Reviewer& reviewer) {
  long long iid = reviewer.idea_id, pid = reviewer.person_id, at = reviewer.assigned_at;
  db::NullableInt by(reviewer.assigned_by);
  tx.sql() << "INSERT INTO ideas_reviewers(idea_id, person_id, assigned_by, assigned_at) "
              "VALUES (:i, :p, :b, :t) ON CONFLICT (idea_id, person_id) DO NOTHING",
      soci::use(iid), soci::use(pid), soci::use(by.value, by.indicator), soci::use(at);
  return Status::Ok();
}

Status AssessmentStore::DeleteReviewer(db::Tx& tx, IdeaId idea, PersonId person) {
  long long iid = idea, pid = person;
  tx.sql() << "DELETE FROM ideas_reviewers WHERE idea_id = :i AND person_id = :p",
      soci::use(iid), soci::use(pid);
  return Status::Ok();
}

StatusOr<std::vector<Review>> AssessmentStore::ListReviews(db::Tx& tx, IdeaId idea) {
  long long iid = idea;
  std::vector<Review> out;
  {
    soci::rowset<soci::row> rows =
        (tx.sql().prepare << "SELECT r.id, r.reviewer_id, p.display_name, r.comment, "
                             "r.created_at, r.updated_at FROM ideas_reviews r "
                             "JOIN accounts_persons p ON p.id = r.reviewer_id "
                             "WHERE r.idea_id = :i ORDER BY r.created_at, r.id",
         soci::use(iid));
    for (const soci::row& r : rows) {
      out.push_back({.id = db::Int(r, 0), .idea_id = idea, .reviewer_id = db::Int(r, 1),
                     .reviewer_name = db::Text(r, 2), .comment = db::Text(r, 3),
                     .created_at = db::Int(r, 4), .updated_at = db::Int(r, 5)});
    }
  }
  soci::rowset<soci::row> scores =
      (tx.sql().prepare << "SELECT s.review_id, s.criterion_id, s.score FROM ideas_review_scores s "
                           "JOIN ideas_reviews r ON r.id = s.review_id WHERE r.idea_id = :i",
       soci::use(iid));
  for (const soci::row& r : scores) {
    for (Review& review : out) {
      if (review.id == db::Int(r, 0)) {
        review.scores[db::Int(r, 1)] = static_cast<int>(db::Int(r, 2));
      }
    }
  }
  return out;
}

Status AssessmentStore::SaveReview(db::Tx& tx, const Review& review) {
  long long iid = review.idea_id, pid = review.reviewer_id, created = review.created_at,
            updated = review.updated_at, id = 0;
  tx.sql() << "INSERT INTO ideas_reviews(idea_id, reviewer_id, comment, created_at, updated_at) "
              "VALUES (:i, :p, :c, :cr, :up) ON CONFLICT (idea_id, reviewer_id) DO UPDATE "
              "SET comment = excluded.comment, updated_at = excluded.updated_at RETURNING id",
      soci::use(iid), soci::use(pid), soci::use(review.comment), soci::use(created),
      soci::use(updated), soci::into(id);
  tx.sql() << "DELETE FROM ideas_review_scores WHERE review_id = :r", soci::use(id);
  for (const auto& [criterion, score] : review.scores) {
    long long cid = criterion;
    int value = score;
    tx.sql() << "INSERT INTO ideas_review_scores(review_id, criterion_id, score) "
                "VALUES (:r, :c, :s)",
        soci::use(id), soci::use(cid), soci::use(value);
  }
  return Status::Ok();
}

StatusOr<std::vector<LegalItem>> AssessmentStore::ListLegalItems(db::Tx& tx, IdeaId idea) {
  long long iid = idea;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT l.question, l.answer, l.note, l.answered_by, "
                           "COALESCE(p.display_name, ''), l.answered_at FROM ideas_legal_answers l "
                           "LEFT JOIN accounts_persons p ON p.id = l.answered_by "
                           "WHERE l.idea_id = :i",
       soci::use(iid));
  std::vector<LegalItem> out;
  for (const soci::row& r : rows) {
    out.push_back({.question = db::Text(r, 0),
                   .answer = ParseLegalAnswer(db::Text(r, 1)).value_or(LegalAnswer::kNotRelevant),
                   .note = db::Text(r, 2), .answered_by = db::OptInt(r, 3),
                   .answered_by_name = db::Text(r, 4), .answered_at = db::Int(r, 5)});
  }
  return out;
}

Status AssessmentStore::SaveLegalItem(db::Tx& tx, IdeaId idea, const LegalItem& item) {
  long long iid = idea, at = item.answered_at;
  std::string answer(LegalAnswerName(item.answer));
  db::NullableInt by(item.answered_by);
  tx.sql() << "INSERT INTO ideas_legal_answers(idea_id, question, answer, note, answered_by, "
              "answered_at) VALUES (:i, :q, :a, :n, :b, :t) ON CONFLICT (idea_id, question) "
              "DO UPDATE SET answer = excluded.answer, note = excluded.note, "
              "answered_by = excluded.answered_by, answered_at = excluded.answered_at",
      soci::use(iid), soci::use(item.question), soci::use(answer), soci::use(item.note),
      soci::use(by.value, by.indicator), soci::use(at);
  return Status::Ok();
}

}  // namespace nyttig::ideas
