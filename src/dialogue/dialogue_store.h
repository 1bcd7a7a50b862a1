// SQL for the dialogue module's tables (dialogue_*). Every function runs
// inside the caller's transaction and fails only with the database's error
// (or kNotFound where it says so). No rules live here; see dialogue_service.h.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "db/database.h"
#include "dialogue/clustering/conversation_votes.h"
#include "dialogue/dialogue.h"

namespace nyttig::dialogue {

struct DialogueFilter {
  std::optional<std::int64_t> organisation_id;
  std::optional<UnixSeconds> open_at;    // only dialogues open at this time
  std::optional<UnixSeconds> opened_by;  // only dialogues opened by this time
  std::int64_t offset = 0;
  int limit = 20;
};

struct StatementFilter {
  std::optional<StatementState> state;
  std::int64_t offset = 0;
  int limit = 100;
};

// Votes and new participants of one day (UTC), for "participation over time".
struct DayActivity {
  UnixSeconds day = 0;  // midnight UTC
  std::int64_t votes = 0;
  std::int64_t participants = 0;  // who cast their first vote that day
};

// One vote event as an export writes it.
struct VoteEventRow {
  std::int64_t created_at_ms = 0;
  StatementId statement_id = 0;
  ParticipantId participant_id = 0;
  int vote = 0;
};

class DialogueStore {
 public:
  static StatusOr<DialogueId> Insert(db::Tx& tx, const Dialogue& d);
  static Status Update(db::Tx& tx, const Dialogue& d);
  static StatusOr<Dialogue> Find(db::Tx& tx, DialogueId id);  // kNotFound
  static StatusOr<std::pair<std::vector<Dialogue>, std::int64_t>> List(db::Tx& tx,
                                                                      const DialogueFilter& f);

  static Status InsertKey(db::Tx& tx, DialogueId id, const std::string& key);
  static StatusOr<std::string> FindKey(db::Tx& tx, DialogueId id);  // kNotFound

  // The participant with this identity hash, created when new. Safe under
  // concurrency: the unique (dialogue, hash) pair decides, and a loser of the
  // race reads the winner's row.
  static StatusOr<ParticipantId> FindOrCreateParticipant(db::Tx& tx, DialogueId id,
                                                         const std::string& identity_hash,
                                                         UnixSeconds now);
  static StatusOr<std::optional<ParticipantId>> FindParticipant(db::Tx& tx, DialogueId id,
                                                                const std::string& identity_hash);

  static StatusOr<StatementId> InsertStatement(db::Tx& tx, const Statement& s);
  static StatusOr<Statement> FindStatement(db::Tx& tx, StatementId id);  // kNotFound
  static StatusOr<std::pair<std::vector<Statement>, std::int64_t>> ListStatements(
      db::Tx& tx, DialogueId id, const StatementFilter& f);
  static Status SetStatementState(db::Tx& tx, StatementId id, StatementState state,
                                  UnixSeconds now);

  // Records a vote event and makes it the participant's current vote on the
  // statement (one upsert: concurrent votes never duplicate the row). Returns
  // the event's id.
  static StatusOr<std::int64_t> InsertVote(db::Tx& tx, DialogueId id, ParticipantId participant,
                                           StatementId statement, int vote,
                                           std::int64_t created_at_ms);
  static StatusOr<std::optional<int>> CurrentVote(db::Tx& tx, ParticipantId participant,
                                                  StatementId statement);

  // The first accepted statement the participant has not voted on, by id.
  static StatusOr<std::optional<Statement>> NextStatement(db::Tx& tx, DialogueId id,
                                                          ParticipantId participant);
  // (statements the participant voted on, accepted statements) for progress.
  static StatusOr<std::pair<std::int64_t, std::int64_t>> Progress(db::Tx& tx, DialogueId id,
                                                                  ParticipantId participant);

  // The current votes (sequence = event id) and the moderated-out
  // statements, as the clustering reads them.
  static StatusOr<ConversationVotes> LoadVotes(db::Tx& tx, DialogueId id);
  static StatusOr<std::int64_t> CountVoteEvents(db::Tx& tx, DialogueId id);
  static StatusOr<std::int64_t> CountParticipants(db::Tx& tx, DialogueId id);  // who voted
  static StatusOr<std::vector<StatementCounts>> CountsByStatement(db::Tx& tx, DialogueId id);
  static StatusOr<std::vector<DayActivity>> ActivityByDay(db::Tx& tx, DialogueId id);
  static StatusOr<std::vector<VoteEventRow>> VoteEvents(db::Tx& tx, DialogueId id);

  static Status SaveResult(db::Tx& tx, const StoredResult& result);
  static StatusOr<std::optional<StoredResult>> FindResult(db::Tx& tx, DialogueId id);
};

}  // namespace nyttig::dialogue
