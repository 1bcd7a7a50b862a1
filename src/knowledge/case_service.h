// CaseService: cases (draft → review by the organisation's coordinator →
// published, every save a version) and adoptions (once per organisation and
// case, withdrawable), with the spread statistics the pages show.
//
//   CaseService cases(db, audit_log, clock);
//   ASSIGN_OR_RETURN(Case c, cases.CreateCase(actor, org_id, content, std::nullopt));
//   RETURN_IF_ERROR(cases.SubmitForReview(actor, c.id).status());
//   ASSIGN_OR_RETURN(c, cases.Publish(coordinator, c.id));
//
// Seam for the ideas module: CreateCase takes the idea a case grew from; the
// lead wires prefilling (content from the idea and its pilot) in the route
// that offers "package as a case" on an idea in an implementation or spread
// stage.
//
// Thread-safety: safe to share; every call runs its own transaction.
#pragma once

#include <optional>
#include <vector>

#include "accounts/actor.h"
#include "accounts/organisation_service.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "db/database.h"
#include "knowledge/case.h"
#include "knowledge/case_store.h"
#include "search/search_document.h"

namespace nyttig::knowledge {

inline constexpr size_t kMaxCaseText = 20000;   // characters per Markdown field
inline constexpr size_t kMaxCaseTitle = 160;    // characters
inline constexpr size_t kMaxCaseResults = 20;
inline constexpr size_t kMaxCaseTags = 20;

class CaseService {
 public:
  CaseService(db::Database& db, const audit::AuditLog& audit, const Clock& clock);
  CaseService(const CaseService&) = delete;
  CaseService& operator=(const CaseService&) = delete;

  // The search index (not owned; nullptr = none). Every write that changes
  // what search shows (create, update, a change of state) upserts the case's
  // document (knowledge::ToSearchDocument: public once published) in the
  // same transaction. Call before serving.
  void SetSearchSink(search::DocumentSink* sink) { search_sink_ = sink; }

  // A new draft of `org`. kInvalidArgument listing bad fields; permission
  // errors as accounts::DenyAccess.
  StatusOr<Case> CreateCase(const accounts::Actor& actor, std::int64_t org,
                            const CaseContent& content, std::optional<std::int64_t> idea_id);
  // Saves new content as the next version (the history keeps the old one).
  StatusOr<Case> UpdateCase(const accounts::Actor& actor, CaseId id, const CaseContent& content);
  // draft → review. kFailedPrecondition in any other state.
  StatusOr<Case> SubmitForReview(const accounts::Actor& actor, CaseId id);
  // review (or draft, by a coordinator) → published.
  StatusOr<Case> Publish(const accounts::Actor& actor, CaseId id);
  // review → draft, with the reviewer's reason in the audit record.
  StatusOr<Case> ReturnToDraft(const accounts::Actor& actor, CaseId id, const std::string& reason);

  // kNotFound when missing or not visible to the actor (drafts of others).
  StatusOr<Case> Get(const accounts::Actor& actor, CaseId id);
  StatusOr<accounts::Paged<Case>> List(const accounts::Actor& actor, CaseFilter filter,
                                       accounts::Page page);
  StatusOr<std::vector<CaseVersion>> History(const accounts::Actor& actor, CaseId id);

  // Records that `adopter` adopted or tries case `id`. kAlreadyExists when
  // it has an active adoption of that case; kFailedPrecondition for its own
  // or an unpublished case.
  StatusOr<Adoption> RecordAdoption(const accounts::Actor& actor, CaseId id, std::int64_t adopter,
                                    const AdoptionInput& input);
  StatusOr<Adoption> UpdateAdoption(const accounts::Actor& actor, AdoptionId id,
                                    const AdoptionInput& input);
  StatusOr<Adoption> WithdrawAdoption(const accounts::Actor& actor, AdoptionId id);
  StatusOr<Adoption> GetAdoption(const accounts::Actor& actor, AdoptionId id);
  StatusOr<std::vector<Adoption>> Adoptions(const accounts::Actor& actor, CaseId id);
  StatusOr<std::vector<Adoption>> AdoptionsBy(std::int64_t org);
  StatusOr<Spread> SpreadOf(const accounts::Actor& actor, CaseId id);

  static Status Validate(const CaseContent& content);
  static Status ValidateAdoption(const AdoptionInput& input);

 private:
  StatusOr<Case> ChangeState(const accounts::Actor& actor, CaseId id, CaseState from_required,
                             CaseState to, const std::string& action, nlohmann::json details);
  StatusOr<Adoption> SaveAdoption(const accounts::Actor& actor, AdoptionId id,
                                  const std::function<Status(Adoption&)>& change,
                                  const std::string& action);
  // Reads the case as written and hands it to the search sink, if any.
  StatusOr<Case> FindAndIndex(db::Tx& tx, CaseId id);

  db::Database& db_;
  const audit::AuditLog& audit_;
  const Clock& clock_;
  search::DocumentSink* search_sink_ = nullptr;
};

// The spread of a list of active adoptions (pure; tested on its own).
Spread ComputeSpread(const std::vector<Adoption>& adoptions);

}  // namespace nyttig::knowledge
