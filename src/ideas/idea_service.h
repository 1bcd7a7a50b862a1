// IdeaService: the use cases of the ideas module — submitting (staff and the
// public idea box), editing, moving through the organisation's pipeline,
// feedback to the submitter, unpublishing and culling public records,
// attachments, and the pipeline and settings of each organisation.
//
// Each use case validates its input, asks a predicate of idea_permissions.h,
// runs in one transaction with its audit record and notifies the authors
// through the inbox in the same transaction.
//
//   IdeaService ideas(db, clock, audit_log, inbox, files, {});
//   ASSIGN_OR_RETURN(Idea idea, ideas.SubmitIdea(actor, org_id, input));
//   ASSIGN_OR_RETURN(idea, ideas.MoveIdea(coordinator, idea.id, assessment_stage_id, ""));
//
// Ideas of other organisations that the actor may not see answer kNotFound,
// exactly like ids that do not exist.
//
// Thread-safety: safe to share between threads once gate checks are added.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "accounts/actor.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"
#include "ideas/idea.h"
#include "ideas/idea_store.h"
#include "inbox/inbox.h"
#include "search/search_document.h"
#include "storage/file_store.h"

namespace nyttig::ideas {

inline constexpr size_t kMaxTitleChars = 120;
inline constexpr size_t kMaxShortTextChars = 500;      // who, how often, cost, estimate
inline constexpr size_t kMaxLongTextChars = 5000;      // need, solution
inline constexpr size_t kMaxDescriptionChars = 20000;  // markdown
inline constexpr size_t kMaxUrlChars = 500;
inline constexpr size_t kMaxReasonChars = 2000;
inline constexpr size_t kMaxFileNameChars = 200;
inline constexpr int kMaxCoAuthors = 10;
inline constexpr int kMinFeedbackDays = 1;
inline constexpr int kMaxFeedbackDays = 365;
inline constexpr int kMaxRetentionYears = 100;

struct IdeaOptions {
  std::size_t max_attachment_bytes = 10 << 20;  // bytes
  int max_attachments_per_idea = 10;
};

// What a person writes; validated by the service. Codes as in idea.h.
struct IdeaInput {
  std::string title;
  std::string need;
  std::string need_who;
  std::string need_how_often;
  std::string need_cost;
  std::string solution;
  std::string description;  // markdown
  std::vector<std::string> beneficiaries;
  std::vector<std::string> value_types;
  std::string value_estimate;
  std::string novelty;
  std::string origin;
  std::string source_url;
  std::string step;
  std::string idea_type;
  std::vector<std::string> triggers;
  std::string area;
  std::vector<int> sdgs;
  std::string visibility = "organisation";
  bool anonymous = false;
  std::vector<PersonId> co_author_ids;  // members of the organisation
  std::optional<PersonId> owner_id;     // coordinators only (on update)
};

struct SettingsInput {
  std::optional<std::string> pipeline_template;  // only while the organisation has no ideas
  std::optional<int> feedback_days;
  std::optional<bool> anonymous_allowed;
  std::optional<bool> public_box_open;
  std::optional<int> retention_years;
};

struct IdeaPage {
  std::vector<Idea> items;
  std::int64_t total = 0;      // at most the filter's count_limit
  bool total_capped = false;   // more than count_limit match
};

// A hook at the gates: other slices (the assessment's legal checklist) may
// refuse a move. Check runs inside the move's transaction; a failing Status
// (usually kFailedPrecondition with a message key) stops the move and is
// what the caller gets. The default pipeline has none: every move allowed.
class GateCheck {
 public:
  virtual ~GateCheck() = default;
  virtual Status Check(db::Tx& tx, const Idea& idea, const Stage& target) const = 0;
};

// Who acts next on an idea in its current stage, for the idea page.
enum class NextActor { kCoordinator, kDecisionMaker, kNobody };
NextActor WhoActsNext(const Idea& idea, const std::vector<Stage>& pipeline);

class IdeaService {
 public:
  IdeaService(db::Database& db, const Clock& clock, const audit::AuditLog& audit,
              const inbox::Inbox& inbox, storage::FileStore& files, IdeaOptions options = {});
  IdeaService(const IdeaService&) = delete;
  IdeaService& operator=(const IdeaService&) = delete;

  // Registers a gate check (not owned; must outlive the service). Call before serving.
  void AddGateCheck(const GateCheck* check) { gate_checks_.push_back(check); }
  // The search index (not owned; nullptr = none). Every write that changes
  // what search shows upserts the idea's document in its own transaction,
  // so that an idea is findable the moment it is written. The mapping
  // (ideas::ToSearchDocument) is passed in because it lives with the web
  // layer (markdown), which this library does not link. Call before serving.
  using ToDocument = std::function<search::SearchDocument(const Idea&)>;
  void SetSearchSink(search::DocumentSink* sink, ToDocument to_document) {
    search_sink_ = sink;
    to_document_ = std::move(to_document);
  }

  // --- settings and pipeline ---
  // The organisation's settings (defaults when never saved). kNotFound for
  // an unknown organisation.
  StatusOr<IdeaSettings> GetSettings(OrganisationId org);
  // kPermissionDenied unless CanManageIdeaSettings; kInvalidArgument per
  // field; kFailedPrecondition when changing the template of a pipeline
  // that already holds ideas.
  StatusOr<IdeaSettings> UpdateSettings(const accounts::Actor& actor, OrganisationId org,
                                        const SettingsInput& input);
  // The stages in order (created from the template on first use).
  StatusOr<std::vector<Stage>> GetPipeline(OrganisationId org);

  // --- ideas ---
  // Submits an idea to `org`: members as staff, everybody else through the
  // public idea box (registration number, received-at time). Fails with
  // kInvalidArgument per field, kPermissionDenied / kUnauthenticated when the
  // actor may not submit there, kNotFound for an unknown organisation.
  StatusOr<Idea> SubmitIdea(const accounts::Actor& actor, OrganisationId org,
                            const IdeaInput& input);
  // SubmitIdea inside the caller's transaction, for a submission to
  // `challenge`: the caller (ChallengeService) has admitted the actor, so the
  // staff and idea-box rules are skipped; everything else holds (a submission
  // from outside `org` is a public record). nullopt: SubmitIdea's own rules.
  StatusOr<Idea> SubmitIdeaIn(db::Tx& tx, const accounts::Actor& actor, OrganisationId org,
                              const IdeaInput& input, std::optional<ChallengeId> challenge);
  // Replaces the content fields (and owner, for coordinators).
  StatusOr<Idea> UpdateIdea(const accounts::Actor& actor, IdeaId id, const IdeaInput& input);
  StatusOr<Idea> GetIdea(const accounts::Actor& actor, IdeaId id);
  StatusOr<IdeaPage> ListIdeas(const accounts::Actor& actor, const IdeaFilter& filter);
  // Moves the idea to `target`. kInvalidArgument when the reason is missing
  // for parked/closed or the stage is not in the idea's pipeline;
  // kFailedPrecondition for a transition the pipeline does not allow or a
  // gate check that refuses; kPermissionDenied when the actor may not.
  StatusOr<Idea> MoveIdea(const accounts::Actor& actor, IdeaId id, StageId target,
                          const std::string& reason);
  // MoveIdea inside the caller's transaction, for use cases that move an
  // idea as part of a larger write (merging a duplicate closes it): the same
  // rules, gates, history, audit entry, notices and search update.
  StatusOr<Idea> MoveIdeaIn(db::Tx& tx, const accounts::Actor& actor, IdeaId id, StageId target,
                            const std::string& reason);
  StatusOr<std::vector<IdeaEvent>> History(const accounts::Actor& actor, IdeaId id);
  // The owner's answer to the submitter; the first one meets the deadline.
  StatusOr<Idea> RecordFeedback(const accounts::Actor& actor, IdeaId id, const std::string& text);
  // Takes an idea off (or back onto) every list; it is never deleted.
  StatusOr<Idea> SetPublished(const accounts::Actor& actor, IdeaId id, bool published,
                              const std::string& reason);
  // Gallring under the retention rule: empties closed public records older
  // than the retention period, one audit entry each. Returns how many.
  // kFailedPrecondition when the organisation has no retention rule.
  StatusOr<int> CullExpired(const accounts::Actor& actor, OrganisationId org);
  // Ideas whose feedback deadline has passed without feedback (coordinators).
  StatusOr<IdeaPage> OverdueIdeas(const accounts::Actor& actor, OrganisationId org, int page,
                                  int limit);

  // --- attachments ---
  // Stores `bytes` after checking size and sniffed type (allow-list).
  StatusOr<Attachment> AddAttachment(const accounts::Actor& actor, IdeaId id,
                                     const std::string& file_name, std::string_view bytes);
  StatusOr<std::vector<Attachment>> ListAttachments(const accounts::Actor& actor, IdeaId id);
  // The attachment and its bytes.
  StatusOr<std::pair<Attachment, std::string>> GetAttachment(const accounts::Actor& actor,
                                                             IdeaId id, std::int64_t attachment);

  // Every idea, for a search reindex (no permission check: the caller is
  // the platform itself).
  Status ForEachIdea(const std::function<Status(const Idea&)>& fn);

 private:
  StatusOr<std::vector<Stage>> EnsurePipeline(db::Tx& tx, OrganisationId org);
  StatusOr<IdeaSettings> SettingsIn(db::Tx& tx, OrganisationId org);
  Status NotifyAuthors(db::Tx& tx, const accounts::Actor& actor, const Idea& idea,
                       const std::string& kind, const std::string& key,
                       std::vector<std::pair<std::string, std::string>> args);
  Status RunGateChecks(db::Tx& tx, const Idea& idea, const Stage& target) const;
  // Reads the idea after a write and hands it to the search sink, if any.
  StatusOr<Idea> FindAndIndex(db::Tx& tx, IdeaId id);
  // SubmitIdeaIn after validation: `idea` holds the validated content of `input`.
  StatusOr<Idea> SubmitValidated(db::Tx& tx, const accounts::Actor& actor, OrganisationId org,
                                 Idea idea, const IdeaInput& input,
                                 std::optional<ChallengeId> challenge);
  StatusOr<Idea> InsertSubmission(db::Tx& tx, const accounts::Actor& actor, Idea idea,
                                  const std::vector<PersonId>& co_authors);

  db::Database& db_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  const inbox::Inbox& inbox_;
  storage::FileStore& files_;
  IdeaOptions options_;
  std::vector<const GateCheck*> gate_checks_;
  search::DocumentSink* search_sink_ = nullptr;
  ToDocument to_document_;
};

// The idea when `actor` may see it; kNotFound otherwise, exactly like an id
// that does not exist (other organisations' ids reveal nothing). Shared by
// the ideas' services.
StatusOr<Idea> FindVisibleIdea(db::Tx& tx, const accounts::Actor& actor, IdeaId id);

// Appends the audit entry of a use case on `idea` in the caller's transaction.
Status AuditIdea(db::Tx& tx, const audit::AuditLog& log, const accounts::Actor& actor,
                 const Idea& idea, std::string action,
                 nlohmann::json details = nlohmann::json::object());

// True for the media types an idea may carry as attachments (allow-list).
bool IsAllowedAttachmentType(std::string_view type);
// Builds the list filter's viewer from an actor.
Viewer ViewerOf(const accounts::Actor& actor);
// Trims `in` into `out`; records in `problems` a missing value under
// `required_key` (when not "") or one longer than `max` characters.
void ValidateText(Status& problems, const std::string& field, const std::string& in,
                  std::string& out, size_t max, const std::string& required_key);
// Validates an IdeaInput into the content fields of an Idea (pure; for
// forms that check a step before sending).
StatusOr<Idea> ValidateIdeaInput(const IdeaInput& input);
// The input that writes `idea` as it is: the start of an edit form or of a
// partial update.
IdeaInput InputOf(const Idea& idea);
// The allowed transitions of a pipeline (pure): kInvalidArgument with a
// "reason" parameter when a side stage lacks one; kFailedPrecondition
// ("ideas.move.same_stage", "ideas.move.from_closed", "ideas.move.skip",
// "ideas.move.resume_past_gate": a parked idea resumes before the first gate).
Status CheckTransition(const std::vector<Stage>& pipeline, const Stage& from, const Stage& to,
                       const std::string& reason);

}  // namespace nyttig::ideas
