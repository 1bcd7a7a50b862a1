// DialogueService: the use cases of the dialogue module. Organisers open and
// change dialogues and moderate statements; participants vote and submit
// statements under a pseudonym; a background job clusters the votes (the
// Polis method, dialogue/clustering/) and stores the result.
//
//   DialogueService dialogues(db, clock, audit_log, job_queue);
//   ASSIGN_OR_RETURN(Dialogue d, dialogues.CreateDialogue(actor, org_id, input, seeds));
//   ASSIGN_OR_RETURN(VoteReceipt r, dialogues.CastVote(actor, identity, d.id, sid, VoteValue::kAgree));
//   // later, in the worker: dialogues.Recompute(d.id);
//
// Privacy (the votes are opinions, special-category personal data): a
// participant is stored only as a keyed hash of who they are (person id or
// browser token) under a key per dialogue kept in its own table
// (dialogue_keys); results name groups, never who is in them, except to the
// participant asking about themselves. Votes and statements by participants
// are not written to the organisation's audit chain (that would tie a
// person's pseudonym to an opinion); the vote events table is their
// append-only record. Organisers' actions are audited as usual.
//
// Every use case is one transaction. Other organisations' dialogues that the
// actor may not see answer kNotFound.
//
// Thread-safety: safe to share between threads; the Database, Clock,
// AuditLog and JobQueue must outlive it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"
#include "dialogue/dialogue.h"
#include "dialogue/dialogue_store.h"
#include "jobs/job_queue.h"
#include "search/search_document.h"

namespace nyttig::dialogue {

inline constexpr char kRecomputeJobKind[] = "dialogue.recompute";
// Re-upserts a dialogue's search document when it opens or closes.
inline constexpr char kSearchRefreshJobKind[] = "dialogue.search_refresh";

struct DialogueServiceOptions {
  // Votes within this window after the first one share one recomputation.
  int recompute_delay_seconds = 10;  // seconds
};

template <typename T>
struct Paged {
  std::vector<T> items;
  std::int64_t total = 0;
};

struct PageSpec {
  int page = 1;  // from 1
  int limit = 20;
};

// What the voting page needs: the next statement to vote on (none when the
// participant has voted on all) and how far they have come.
struct VotingState {
  std::optional<Statement> next;
  std::int64_t voted = 0;
  std::int64_t total = 0;  // accepted statements
};

struct VoteReceipt {
  std::int64_t event_id = 0;
  ParticipantId participant_id = 0;
  VoteValue vote = VoteValue::kPass;
};

// The stored result and, when the asker has taken part, their own
// participant id (to mark "you" on the opinion map; never shown as such).
struct ResultView {
  std::optional<StoredResult> result;
  std::optional<ParticipantId> own_participant;
  std::int64_t vote_count_now = 0;  // events so far (the result may lag behind)
  std::int64_t participants_now = 0;
  std::vector<StatementCounts> counts;
  std::vector<DayActivity> activity;
};

class DialogueService {
 public:
  DialogueService(db::Database& db, const Clock& clock, const audit::AuditLog& audit,
                  const jobs::JobQueue& jobs, DialogueServiceOptions options = {});
  DialogueService(const DialogueService&) = delete;
  DialogueService& operator=(const DialogueService&) = delete;

  // Opens a dialogue of `organisation_id` with its seed statements (accepted
  // at once). kInvalidArgument lists every bad field ("question",
  // "introduction", "closes_at", "max_statement_chars", "seed_statements");
  // kUnauthenticated / kPermissionDenied unless an organiser; kNotFound for
  // an unknown organisation.
  StatusOr<Dialogue> CreateDialogue(const accounts::Actor& actor, std::int64_t organisation_id,
                                    const DialogueInput& input,
                                    const std::vector<std::string>& seed_statements);
  // Changes a dialogue (all fields as given). Same failures.
  StatusOr<Dialogue> UpdateDialogue(const accounts::Actor& actor, DialogueId id,
                                    const DialogueInput& input);
  // Closes a dialogue now. kFailedPrecondition when it is already closed.
  StatusOr<Dialogue> CloseDialogue(const accounts::Actor& actor, DialogueId id);

  // kNotFound when missing or not yet visible to the actor.
  StatusOr<Dialogue> GetDialogue(const accounts::Actor& actor, DialogueId id) const;
  // Dialogues the actor may see, newest first; `open_only` keeps those open now.
  StatusOr<Paged<Dialogue>> ListDialogues(const accounts::Actor& actor,
                                          std::optional<std::int64_t> organisation_id,
                                          bool open_only, PageSpec page) const;

  // Statements of a dialogue by id. Everyone sees accepted ones; organisers
  // may ask for any state (`state` nullopt = all for organisers, accepted
  // for others; asking for another state without being an organiser is
  // kPermissionDenied).
  StatusOr<Paged<Statement>> ListStatements(const accounts::Actor& actor, DialogueId id,
                                            std::optional<StatementState> state,
                                            PageSpec page) const;
  // A participant's own statement: pending under pre-moderation, accepted
  // under post-moderation. kInvalidArgument ("body": empty or longer than the
  // dialogue's limit); kFailedPrecondition when the dialogue is not open or
  // takes no statements; kUnauthenticated when anonymous participation is
  // not allowed and nobody is logged in.
  StatusOr<Statement> SubmitStatement(const accounts::Actor& actor,
                                      const ParticipantIdentity& identity, DialogueId id,
                                      const std::string& body);
  // Accepts or rejects a statement (rejecting moderates it out:
  // polis-method.md 1.3). Queues a recomputation. kInvalidArgument for
  // `pending` as a decision; kNotFound for a statement of another dialogue.
  StatusOr<Statement> ModerateStatement(const accounts::Actor& actor, DialogueId dialogue,
                                        StatementId id, StatementState decision);

  // Records a vote (a changed vote is a new event; the latest counts) and
  // queues a debounced recomputation. kNotFound for a statement of another
  // dialogue; kFailedPrecondition when the dialogue is closed or the
  // statement is not accepted; kUnauthenticated as for statements.
  StatusOr<VoteReceipt> CastVote(const accounts::Actor& actor, const ParticipantIdentity& identity,
                                 DialogueId id, StatementId statement, VoteValue vote);
  // The next statement and progress for this participant. Writes nothing.
  StatusOr<VotingState> Voting(const accounts::Actor& actor, const ParticipantIdentity& identity,
                               DialogueId id) const;
  // The participant's current vote on a statement, if any.
  StatusOr<std::optional<VoteValue>> OwnVote(const accounts::Actor& actor,
                                             const ParticipantIdentity& identity, DialogueId id,
                                             StatementId statement) const;

  // The stored result, counts and activity, plus the asker's participant id.
  StatusOr<ResultView> Results(const accounts::Actor& actor, const ParticipantIdentity& identity,
                               DialogueId id) const;

  // Runs the clustering on the stored votes and stores the result (the job
  // `dialogue.recompute`; never on a request path). Does nothing when the
  // stored result already reflects every vote event. kNotFound for an
  // unknown dialogue.
  Status Recompute(DialogueId id);

  // --- search ---
  // The search index (not owned; nullptr = none). Call before serving.
  // Every write that changes what search shows (create, update, close, an
  // accepted or moderated statement) upserts the dialogue's document in the
  // same transaction.
  //
  // The audience depends on time: a dialogue is findable by nobody before it
  // opens (its page answers 404 to all but its organisers, so search must
  // not reveal its question) and by everyone from its opening on. A value
  // computed at write time would go stale, so each upsert also queues a
  // kSearchRefreshJobKind job at the next moment the document changes by
  // itself (opening, then closing for the "state" facet); the job upserts
  // again and queues the following one. Jobs are keyed by dialogue and
  // moment, so a moved opening gets its own job and a stale one merely
  // upserts the same document again. If no worker runs at that moment, the
  // job runs as soon as one does.
  void SetSearchSink(search::DocumentSink* sink) { search_sink_ = sink; }
  // Upserts the dialogue's document on the caller's transaction and queues
  // its next refresh; for writes outside this service (the Polis import).
  // OK without a sink; kNotFound for an unknown dialogue.
  Status IndexDialogue(db::Tx& tx, DialogueId id) const;
  // The kSearchRefreshJobKind job: IndexDialogue in a transaction of its own.
  Status RefreshSearchDocument(DialogueId id) const;
  // Visits every dialogue's document as of now, for `nyttig reindex`, and
  // queues each one's next refresh (a rebuilt index must not stay stale
  // either). Stops at and returns the first error.
  using SearchVisitor = std::function<Status(const search::SearchDocument&)>;
  Status VisitSearchDocuments(db::Tx& tx, const SearchVisitor& visit) const;

  UnixSeconds Now() const { return clock_.Now(); }

  // Queues a recomputation in the caller's transaction (debounced).
  Status QueueRecompute(db::Tx& tx, DialogueId id) const;

 private:
  // IndexDialogue for a dialogue the caller has just read or written in `tx`
  // (spares reading it again).
  Status IndexDialogue(db::Tx& tx, const Dialogue& d) const;
  StatusOr<Dialogue> Organised(db::Tx& tx, const accounts::Actor& actor, DialogueId id) const;
  StatusOr<std::optional<ParticipantId>> ExistingParticipant(
      db::Tx& tx, const accounts::Actor& actor, const ParticipantIdentity& identity,
      DialogueId id) const;
  StatusOr<ParticipantId> Participant(db::Tx& tx, const accounts::Actor& actor,
                                      const ParticipantIdentity& identity, DialogueId id);
  // Queues the next refresh of the dialogue's document, if it will change.
  Status QueueSearchRefresh(db::Tx& tx, const Dialogue& d, UnixSeconds now) const;

  db::Database& db_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  const jobs::JobQueue& jobs_;
  DialogueServiceOptions options_;
  search::DocumentSink* search_sink_ = nullptr;
};

// Checks an organiser's input; kInvalidArgument with every problem.
Status ValidateDialogueInput(const DialogueInput& input,
                             const std::vector<std::string>& seed_statements);

}  // namespace nyttig::dialogue
