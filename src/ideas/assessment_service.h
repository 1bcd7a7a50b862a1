// AssessmentService: the assessment of ideas — each organisation's criteria
// (created from the five defaults on first use), reviewers named by
// coordinators, one review per reviewer with a score per criterion and a
// comment, the aggregate with its spread, and the legal checklist
// (personuppgifter, upphandling, sekretess, delegation) that
// LegalChecklistGate requires before the gate into a stage of kind test.
//
//   AssessmentService assessment(db, clock, audit_log, inbox);
//   ideas.AddGateCheck(&assessment.legal_gate());
//   RETURN_IF_ERROR(assessment.AssignReviewer(coordinator, idea_id, person_id).status());
//   ASSIGN_OR_RETURN(Review r, assessment.SaveReview(reviewer, idea_id, {.scores = …}));
//
// Each write validates, asks a predicate of participation_permissions.h, runs
// in one transaction with its audit record. Ideas the actor may not see
// answer kNotFound, like ids that do not exist.
//
// Thread-safety: stateless apart from references; share one instance.
#pragma once

#include <atomic>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"
#include "ideas/assessment.h"
#include "ideas/idea_service.h"
#include "inbox/inbox.h"

namespace nyttig::ideas {

struct CriterionInput {
  std::optional<std::string> name;
  std::optional<int> scale_min;
  std::optional<int> scale_max;
  std::optional<int> weight;
  std::optional<int> position;
  std::optional<bool> archived;
};

struct ReviewInput {
  std::map<CriterionId, int> scores;  // every active criterion
  std::string comment;
};

struct LegalInput {
  std::string question;  // kLegalQuestions
  std::string answer;    // yes, no, not_relevant
  std::string note;
};

// What the assessment page and GET /api/v1/ideas/{id}/assessment show.
struct Assessment {
  Idea idea;
  std::vector<Criterion> criteria;
  std::vector<Reviewer> reviewers;
  std::vector<Review> reviews;
  AssessmentSummary summary;
  std::vector<LegalItem> legal;
  std::vector<std::string> legal_missing;  // questions not yet answered
  bool can_assign = false;                 // what the reader may do here
  bool can_review = false;
  bool can_answer_legal = false;
};

// Refuses the gate into a stage of kind test while the legal checklist has
// unanswered questions: kFailedPrecondition "ideas.legal.incomplete".
class LegalChecklistGate : public GateCheck {
 public:
  Status Check(db::Tx& tx, const Idea& idea, const Stage& target) const override;
  // Loading content whose ideas passed the gate before (`nyttig demo`) may
  // suspend the check; the loader then answers their checklists itself.
  // Not for use while serving.
  void set_enforced(bool enforced) { enforced_ = enforced; }

 private:
  std::atomic<bool> enforced_{true};
};

class AssessmentService {
 public:
  AssessmentService(db::Database& db, const Clock& clock, const audit::AuditLog& audit,
                    const inbox::Inbox& inbox);
  AssessmentService(const AssessmentService&) = delete;
  AssessmentService& operator=(const AssessmentService&) = delete;

  LegalChecklistGate& legal_gate() { return legal_gate_; }

  // The organisation's criteria in order, archived ones included (the
  // defaults are created on first use). kNotFound for an unknown organisation.
  StatusOr<std::vector<Criterion>> GetCriteria(OrganisationId org);
  // kPermissionDenied unless CanManageCriteria; kInvalidArgument per field
  // (name required, scale within 1..10 with min < max, weight 1..10);
  // kFailedPrecondition beyond kMaxCriteria.
  StatusOr<Criterion> AddCriterion(const accounts::Actor& actor, OrganisationId org,
                                   const CriterionInput& input);
  // Changes the fields given; kNotFound for a criterion of another organisation.
  StatusOr<Criterion> UpdateCriterion(const accounts::Actor& actor, OrganisationId org,
                                      CriterionId id, const CriterionInput& input);

  // The idea's assessment as the actor may read it: kNotFound when the idea
  // is not visible, kPermissionDenied unless CanViewAssessment.
  StatusOr<Assessment> GetAssessment(const accounts::Actor& actor, IdeaId id);
  // Names `person` (a member of the idea's organisation) as a reviewer and
  // tells them in their inbox; naming someone twice changes nothing.
  StatusOr<std::vector<Reviewer>> AssignReviewer(const accounts::Actor& actor, IdeaId id,
                                                 PersonId person);
  StatusOr<std::vector<Reviewer>> RemoveReviewer(const accounts::Actor& actor, IdeaId id,
                                                 PersonId person);
  // Saves the actor's own review (replacing an earlier one). kPermissionDenied
  // unless the actor is a named reviewer; kInvalidArgument for a missing or
  // out-of-scale score ("score_<criterion id>") or a comment too long.
  StatusOr<Review> SaveReview(const accounts::Actor& actor, IdeaId id, const ReviewInput& input);
  // Records answers to (some of) the checklist's questions; returns all answers.
  StatusOr<std::vector<LegalItem>> AnswerLegalChecklist(const accounts::Actor& actor, IdeaId id,
                                                        const std::vector<LegalInput>& answers);

 private:
  StatusOr<Assessment> ReadAssessment(db::Tx& tx, const accounts::Actor& actor, IdeaId id);
  StatusOr<std::vector<Criterion>> EnsureCriteria(db::Tx& tx, OrganisationId org);
  Status Audit(db::Tx& tx, const accounts::Actor& actor, OrganisationId org, std::string action,
               std::string entity_type, std::int64_t entity_id, nlohmann::json details);

  db::Database& db_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  const inbox::Inbox& inbox_;
  LegalChecklistGate legal_gate_;
};

// Validation of the pure parts (for forms that check before sending).
Status ValidateCriterion(const Criterion& criterion);
Status ValidateReview(const std::vector<Criterion>& criteria, const ReviewInput& input);
StatusOr<std::vector<LegalItem>> ValidateLegalAnswers(const std::vector<LegalInput>& answers);

}  // namespace nyttig::ideas
