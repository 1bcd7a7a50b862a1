#include "ideas/assessment_service.h"

#include <algorithm>

#include "accounts/organisation_store.h"
#include "accounts/permissions.h"
#include "core/text.h"
#include "ideas/assessment_store.h"
#include "ideas/idea_permissions.h"
#include "ideas/idea_store.h"
#include "ideas/participation_permissions.h"

namespace nyttig::ideas {
namespace {

using accounts::Actor;

StatusOr<bool> IsMember(db::Tx& tx, PersonId person, OrganisationId org) {
  ASSIGN_OR_RETURN(auto memberships, accounts::OrganisationStore::MembershipsOfPerson(tx, person));
  return std::any_of(memberships.begin(), memberships.end(),
                     [&](const accounts::Membership& m) { return m.organisation_id == org; });
}

void Apply(const CriterionInput& in, Criterion& c) {
  if (in.name) c.name = std::string(Trim(*in.name));
  c.scale_min = in.scale_min.value_or(c.scale_min);
  c.scale_max = in.scale_max.value_or(c.scale_max);
  c.weight = in.weight.value_or(c.weight);
  c.position = in.position.value_or(c.position);
  c.archived = in.archived.value_or(c.archived);
}

// Audit details hold integers only (a hash chain must not depend on how a
// float is printed): the scores by criterion id.
nlohmann::json ScoresJson(const Review& review) {
  nlohmann::json scores = nlohmann::json::object();
  for (const auto& [criterion, score] : review.scores) scores[std::to_string(criterion)] = score;
  return scores;
}

std::string IdeaLink(IdeaId id) { return "/ideas/" + std::to_string(id) + "/assessment"; }

}  // namespace

Status LegalChecklistGate::Check(db::Tx& tx, const Idea& idea, const Stage& target) const {
  if (target.kind != StageKind::kTest || !enforced_) return Status::Ok();
  ASSIGN_OR_RETURN(std::vector<LegalItem> items, AssessmentStore::ListLegalItems(tx, idea.id));
  if (UnansweredLegalQuestions(items).empty()) return Status::Ok();
  return FailedPreconditionError("ideas.legal.incomplete");
}

Status ValidateCriterion(const Criterion& c) {
  Status problems = InvalidArgumentError("validation.failed");
  if (c.name.empty()) problems.AddInvalid("name", "ideas.criterion.name_required");
  if (Utf8Length(c.name) > kMaxCriterionNameChars) {
    problems.AddInvalid("name", "validation.too_long", c.name,
                        {{"max", std::to_string(kMaxCriterionNameChars)}});
  }
  if (c.scale_min < kMinScale || c.scale_max > kMaxScale || c.scale_min >= c.scale_max) {
    problems.AddInvalid("scale_max", "ideas.criterion.scale_invalid", std::to_string(c.scale_max),
                        {{"min", std::to_string(kMinScale)}, {"max", std::to_string(kMaxScale)}});
  }
  if (c.weight < kMinWeight || c.weight > kMaxWeight) {
    problems.AddInvalid("weight", "validation.out_of_range", std::to_string(c.weight),
                        {{"min", std::to_string(kMinWeight)}, {"max", std::to_string(kMaxWeight)}});
  }
  return problems.invalid_parameters().empty() ? Status::Ok() : problems;
}

Status ValidateReview(const std::vector<Criterion>& criteria, const ReviewInput& input) {
  Status problems = InvalidArgumentError("validation.failed");
  for (const Criterion& c : criteria) {
    if (c.archived) continue;
    const std::string field = "score_" + std::to_string(c.id);
    auto score = input.scores.find(c.id);
    if (score == input.scores.end()) {
      problems.AddInvalid(field, "ideas.review.score_required", "", {{"criterion", c.name}});
    } else if (score->second < c.scale_min || score->second > c.scale_max) {
      problems.AddInvalid(field, "ideas.review.score_range", std::to_string(score->second),
                          {{"criterion", c.name}, {"min", std::to_string(c.scale_min)},
                           {"max", std::to_string(c.scale_max)}});
    }
  }
  for (const auto& [id, score] : input.scores) {
    bool known = std::any_of(criteria.begin(), criteria.end(),
                             [&](const Criterion& c) { return c.id == id && !c.archived; });
    if (!known) problems.AddInvalid("score_" + std::to_string(id), "ideas.review.unknown_criterion");
  }
  if (Utf8Length(input.comment) > kMaxReviewCommentChars) {
    problems.AddInvalid("comment", "validation.too_long", "",
                        {{"max", std::to_string(kMaxReviewCommentChars)}});
  }
  return problems.invalid_parameters().empty() ? Status::Ok() : problems;
}

StatusOr<std::vector<LegalItem>> ValidateLegalAnswers(const std::vector<LegalInput>& answers) {
  Status problems = InvalidArgumentError("validation.failed");
  std::vector<LegalItem> items;
  for (const LegalInput& in : answers) {
    std::optional<LegalAnswer> answer = ParseLegalAnswer(in.answer);
    if (!IsLegalQuestion(in.question)) {
      problems.AddInvalid("question", "ideas.legal.unknown_question", in.question);
    } else if (!answer) {
      problems.AddInvalid("answer_" + in.question, "ideas.legal.answer_required", in.answer);
    } else if (Utf8Length(in.note) > kMaxLegalNoteChars) {
      problems.AddInvalid("note_" + in.question, "validation.too_long", "",
                          {{"max", std::to_string(kMaxLegalNoteChars)}});
    } else {
      items.push_back({.question = in.question, .answer = *answer,
                       .note = std::string(Trim(in.note))});
    }
  }
  if (!problems.invalid_parameters().empty()) return problems;
  if (items.empty()) return InvalidParameterError("answers", "ideas.legal.answer_required");
  return items;
}

AssessmentService::AssessmentService(db::Database& db, const Clock& clock,
                                     const audit::AuditLog& audit, const inbox::Inbox& inbox)
    : db_(db), clock_(clock), audit_(audit), inbox_(inbox) {}

Status AssessmentService::Audit(db::Tx& tx, const Actor& actor, OrganisationId org,
                                std::string action, std::string entity_type,
                                std::int64_t entity_id, nlohmann::json details) {
  return audit_
      .Append(tx, accounts::MakeAuditEvent(actor, org, std::move(action), std::move(entity_type),
                                           std::to_string(entity_id), std::move(details)))
      .status();
}

StatusOr<std::vector<Criterion>> AssessmentService::EnsureCriteria(db::Tx& tx,
                                                                   OrganisationId org) {
  ASSIGN_OR_RETURN(std::vector<Criterion> criteria, AssessmentStore::ListCriteria(tx, org));
  if (!criteria.empty()) return criteria;
  RETURN_IF_ERROR(accounts::OrganisationStore::Find(tx, org));
  for (Criterion c : DefaultCriteria()) {
    c.organisation_id = org;
    ASSIGN_OR_RETURN(c.id, AssessmentStore::InsertCriterion(tx, c));
    criteria.push_back(c);
  }
  return criteria;
}

StatusOr<std::vector<Criterion>> AssessmentService::GetCriteria(OrganisationId org) {
  // Read first; only the first use writes, storing the defaults so that
  // reviews refer to rows.
  ASSIGN_OR_RETURN(std::vector<Criterion> criteria,
                   db_.ReadValue<std::vector<Criterion>>(
                       [&](db::Tx& tx) { return AssessmentStore::ListCriteria(tx, org); }));
  if (!criteria.empty()) return criteria;
  return db_.WriteValue<std::vector<Criterion>>(
      [&](db::Tx& tx) { return EnsureCriteria(tx, org); });
}

StatusOr<Criterion> AssessmentService::AddCriterion(const Actor& actor, OrganisationId org,
                                                    const CriterionInput& input) {
  if (!CanManageCriteria(actor, org)) return accounts::DenyAccess(actor, "ideas.criteria.denied");
  Criterion c{.organisation_id = org};
  Apply(input, c);
  RETURN_IF_ERROR(ValidateCriterion(c));
  return db_.WriteValue<Criterion>([&](db::Tx& tx) -> StatusOr<Criterion> {
    ASSIGN_OR_RETURN(std::vector<Criterion> criteria, EnsureCriteria(tx, org));
    if (criteria.size() >= static_cast<size_t>(kMaxCriteria)) {
      return FailedPreconditionError("ideas.criteria.too_many");
    }
    if (!input.position) c.position = criteria.back().position + 1;
    c.key = "custom-" + std::to_string(criteria.size() + 1);
    ASSIGN_OR_RETURN(c.id, AssessmentStore::InsertCriterion(tx, c));
    RETURN_IF_ERROR(Audit(tx, actor, org, "idea_criterion.create", "idea_criterion", c.id,
                          {{"name", c.name}, {"weight", c.weight}}));
    return c;
  });
}

StatusOr<Criterion> AssessmentService::UpdateCriterion(const Actor& actor, OrganisationId org,
                                                       CriterionId id,
                                                       const CriterionInput& input) {
  if (!CanManageCriteria(actor, org)) return accounts::DenyAccess(actor, "ideas.criteria.denied");
  return db_.WriteValue<Criterion>([&](db::Tx& tx) -> StatusOr<Criterion> {
    ASSIGN_OR_RETURN(std::vector<Criterion> criteria, EnsureCriteria(tx, org));
    auto found = std::find_if(criteria.begin(), criteria.end(),
                              [&](const Criterion& c) { return c.id == id; });
    if (found == criteria.end()) return NotFoundError("error.not_found");
    Criterion c = *found;
    Apply(input, c);
    RETURN_IF_ERROR(ValidateCriterion(c));
    RETURN_IF_ERROR(AssessmentStore::UpdateCriterion(tx, c));
    RETURN_IF_ERROR(Audit(tx, actor, org, "idea_criterion.update", "idea_criterion", c.id,
                          {{"name", c.name}, {"weight", c.weight}, {"archived", c.archived}}));
    return c;
  });
}

StatusOr<Assessment> AssessmentService::ReadAssessment(db::Tx& tx, const Actor& actor, IdeaId id) {
  Assessment out;
  ASSIGN_OR_RETURN(out.idea, FindVisibleIdea(tx, actor, id));
  bool reviewer = false;
  if (actor.person_id) {
    ASSIGN_OR_RETURN(reviewer, AssessmentStore::IsReviewer(tx, id, *actor.person_id));
  }
  if (!CanViewAssessment(actor, out.idea, reviewer)) {
    return accounts::DenyAccess(actor, "ideas.assessment.denied");
  }
  ASSIGN_OR_RETURN(out.criteria, AssessmentStore::ListCriteria(tx, out.idea.organisation_id));
  ASSIGN_OR_RETURN(out.reviewers, AssessmentStore::ListReviewers(tx, id));
  ASSIGN_OR_RETURN(out.reviews, AssessmentStore::ListReviews(tx, id));
  ASSIGN_OR_RETURN(out.legal, AssessmentStore::ListLegalItems(tx, id));
  out.summary = Summarize(out.criteria, out.reviews);
  out.legal_missing = UnansweredLegalQuestions(out.legal);
  out.can_assign = CanAssignReviewers(actor, out.idea);
  out.can_review = CanReviewIdea(actor, out.idea, reviewer);
  out.can_answer_legal = CanAnswerLegalChecklist(actor, out.idea);
  return out;
}

StatusOr<Assessment> AssessmentService::GetAssessment(const Actor& actor, IdeaId id) {
  auto read = [&](db::Tx& tx) { return ReadAssessment(tx, actor, id); };
  ASSIGN_OR_RETURN(Assessment out, db_.ReadValue<Assessment>(read));
  if (!out.criteria.empty()) return out;
  // The organisation's first assessment: store the default criteria once,
  // then read again (a read transaction otherwise, as pages need).
  RETURN_IF_ERROR(GetCriteria(out.idea.organisation_id).status());
  return db_.ReadValue<Assessment>(read);
}

StatusOr<std::vector<Reviewer>> AssessmentService::AssignReviewer(const Actor& actor, IdeaId id,
                                                                  PersonId person) {
  return db_.WriteValue<std::vector<Reviewer>>([&](db::Tx& tx) -> StatusOr<std::vector<Reviewer>> {
    ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
    if (!CanAssignReviewers(actor, idea)) {
      return accounts::DenyAccess(actor, "ideas.reviewers.denied");
    }
    ASSIGN_OR_RETURN(bool member, IsMember(tx, person, idea.organisation_id));
    if (!member) return InvalidParameterError("person_id", "ideas.reviewers.not_member", std::to_string(person));
    ASSIGN_OR_RETURN(bool already, AssessmentStore::IsReviewer(tx, id, person));
    if (already) return AssessmentStore::ListReviewers(tx, id);
    ASSIGN_OR_RETURN(auto reviewers, AssessmentStore::ListReviewers(tx, id));
    if (reviewers.size() >= static_cast<size_t>(kMaxReviewers)) {
      return FailedPreconditionError("ideas.reviewers.too_many");
    }
    RETURN_IF_ERROR(AssessmentStore::InsertReviewer(
        tx, {.idea_id = id, .person_id = person, .assigned_by = actor.person_id,
             .assigned_at = clock_.Now()}));
    RETURN_IF_ERROR(Audit(tx, actor, idea.organisation_id, "idea.reviewer.assign", "idea", id,
                          {{"person_id", person}}));
    if (person != actor.person_id) {
      RETURN_IF_ERROR(inbox_.Notify(tx, {.person_id = person, .kind = "idea.review_requested",
                                         .text_key = "inbox.idea.review_requested",
                                         .args = {{"title", idea.title},
                                                  {"by", actor.display_name}},
                                         .link = IdeaLink(id)}));
    }
    return AssessmentStore::ListReviewers(tx, id);
  });
}

StatusOr<std::vector<Reviewer>> AssessmentService::RemoveReviewer(const Actor& actor, IdeaId id,
                                                                  PersonId person) {
  return db_.WriteValue<std::vector<Reviewer>>([&](db::Tx& tx) -> StatusOr<std::vector<Reviewer>> {
    ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
    if (!CanAssignReviewers(actor, idea)) {
      return accounts::DenyAccess(actor, "ideas.reviewers.denied");
    }
    ASSIGN_OR_RETURN(bool named, AssessmentStore::IsReviewer(tx, id, person));
    if (!named) return NotFoundError("error.not_found");
    // A review already written stays: it was given in good faith and counts.
    RETURN_IF_ERROR(AssessmentStore::DeleteReviewer(tx, id, person));
    RETURN_IF_ERROR(Audit(tx, actor, idea.organisation_id, "idea.reviewer.remove", "idea", id,
                          {{"person_id", person}}));
    return AssessmentStore::ListReviewers(tx, id);
  });
}

StatusOr<Review> AssessmentService::SaveReview(const Actor& actor, IdeaId id,
                                               const ReviewInput& input) {
  return db_.WriteValue<Review>([&](db::Tx& tx) -> StatusOr<Review> {
    ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
    bool reviewer = false;
    if (actor.person_id) {
      ASSIGN_OR_RETURN(reviewer, AssessmentStore::IsReviewer(tx, id, *actor.person_id));
    }
    if (!CanReviewIdea(actor, idea, reviewer)) {
      return accounts::DenyAccess(actor, "ideas.review.denied");
    }
    ASSIGN_OR_RETURN(std::vector<Criterion> criteria, EnsureCriteria(tx, idea.organisation_id));
    RETURN_IF_ERROR(ValidateReview(criteria, input));
    const UnixSeconds now = clock_.Now();
    Review review{.idea_id = id, .reviewer_id = *actor.person_id, .scores = input.scores,
                  .comment = std::string(Trim(input.comment)), .created_at = now,
                  .updated_at = now};
    RETURN_IF_ERROR(AssessmentStore::SaveReview(tx, review));
    RETURN_IF_ERROR(Audit(tx, actor, idea.organisation_id, "idea.review.save", "idea", id,
                          {{"scores", ScoresJson(review)}}));
    ASSIGN_OR_RETURN(std::vector<Review> reviews, AssessmentStore::ListReviews(tx, id));
    for (Review& saved : reviews) {
      if (saved.reviewer_id == review.reviewer_id) return saved;
    }
    return InternalError("saved review not found");
  });
}

StatusOr<std::vector<LegalItem>> AssessmentService::AnswerLegalChecklist(
    const Actor& actor, IdeaId id, const std::vector<LegalInput>& answers) {
  ASSIGN_OR_RETURN(std::vector<LegalItem> items, ValidateLegalAnswers(answers));
  return db_.WriteValue<std::vector<LegalItem>>(
      [&](db::Tx& tx) -> StatusOr<std::vector<LegalItem>> {
        ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
        if (!CanAnswerLegalChecklist(actor, idea)) {
          return accounts::DenyAccess(actor, "ideas.legal.denied");
        }
        nlohmann::json details = nlohmann::json::object();
        for (LegalItem& item : items) {
          item.answered_by = actor.person_id;
          item.answered_at = clock_.Now();
          RETURN_IF_ERROR(AssessmentStore::SaveLegalItem(tx, id, item));
          details[item.question] = LegalAnswerName(item.answer);
        }
        RETURN_IF_ERROR(Audit(tx, actor, idea.organisation_id, "idea.legal.answer", "idea", id,
                              std::move(details)));
        return AssessmentStore::ListLegalItems(tx, id);
      });
}

}  // namespace nyttig::ideas
