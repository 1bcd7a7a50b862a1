#include "dialogue/dialogue_store.h"

#include <soci/soci.h>

#include <map>

#include "db/row.h"

namespace nyttig::dialogue {
namespace {

constexpr const char* kDialogueSelect =
    "SELECT id, organisation_id, question, introduction, opens_at, closes_at, moderation, "
    "allow_anonymous, allow_statements, max_statement_chars, created_at, updated_at, "
    "live_seeding FROM dialogue_dialogues ";

Dialogue DialogueFromRow(const soci::row& r) {
  return Dialogue{.id = db::Int(r, 0),
                  .organisation_id = db::Int(r, 1),
                  .question = db::Text(r, 2),
                  .introduction = db::Text(r, 3),
                  .opens_at = db::Int(r, 4),
                  .closes_at = db::OptInt(r, 5),
                  .moderation = ParseModeration(db::Text(r, 6)).value_or(Moderation::kPost),
                  .allow_anonymous = db::Int(r, 7) != 0,
                  .allow_statements = db::Int(r, 8) != 0,
                  .max_statement_chars = static_cast<int>(db::Int(r, 9)),
                  .live_seeding = db::Int(r, 12) != 0,
                  .created_at = db::Int(r, 10),
                  .updated_at = db::Int(r, 11)};
}

constexpr const char* kStatementSelect =
    "SELECT id, dialogue_id, body, is_seed, state, created_at, author_participant_id "
    "FROM dialogue_statements ";

Statement StatementFromRow(const soci::row& r) {
  return Statement{
      .id = db::Int(r, 0),
      .dialogue_id = db::Int(r, 1),
      .body = db::Text(r, 2),
      .is_seed = db::Int(r, 3) != 0,
      .state = ParseStatementState(db::Text(r, 4)).value_or(StatementState::kPending),
      .created_at = db::Int(r, 5),
      .author_participant_id = db::OptInt(r, 6)};
}

}  // namespace

StatusOr<DialogueId> DialogueStore::Insert(db::Tx& tx, const Dialogue& d) {
  long long id = 0, org = d.organisation_id, opens = d.opens_at, created = d.created_at;
  db::NullableInt closes(d.closes_at);
  std::string moderation(ModerationName(d.moderation));
  int anonymous = d.allow_anonymous, statements = d.allow_statements,
      max_chars = d.max_statement_chars, live = d.live_seeding;
  tx.sql() << "INSERT INTO dialogue_dialogues(organisation_id, question, introduction, opens_at, "
              "closes_at, moderation, allow_anonymous, allow_statements, max_statement_chars, "
              "live_seeding, created_at, updated_at) VALUES (:o, :q, :i, :op, :cl, :m, :a, :s, "
              ":x, :l, :c, :c2) RETURNING id",
      soci::use(org), soci::use(d.question), soci::use(d.introduction), soci::use(opens),
      soci::use(closes.value, closes.indicator), soci::use(moderation), soci::use(anonymous),
      soci::use(statements), soci::use(max_chars), soci::use(live), soci::use(created),
      soci::use(created), soci::into(id);
  return id;
}

Status DialogueStore::Update(db::Tx& tx, const Dialogue& d) {
  long long id = d.id, opens = d.opens_at, updated = d.updated_at;
  db::NullableInt closes(d.closes_at);
  std::string moderation(ModerationName(d.moderation));
  int anonymous = d.allow_anonymous, statements = d.allow_statements,
      max_chars = d.max_statement_chars, live = d.live_seeding;
  tx.sql() << "UPDATE dialogue_dialogues SET question = :q, introduction = :i, opens_at = :op, "
              "closes_at = :cl, moderation = :m, allow_anonymous = :a, allow_statements = :s, "
              "max_statement_chars = :x, live_seeding = :l, updated_at = :u WHERE id = :id",
      soci::use(d.question), soci::use(d.introduction), soci::use(opens),
      soci::use(closes.value, closes.indicator), soci::use(moderation), soci::use(anonymous),
      soci::use(statements), soci::use(max_chars), soci::use(live), soci::use(updated),
      soci::use(id);
  return Status::Ok();
}

StatusOr<Dialogue> DialogueStore::Find(db::Tx& tx, DialogueId id) {
  long long did = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kDialogueSelect) + "WHERE id = :id", soci::use(did));
  for (const soci::row& r : rows) return DialogueFromRow(r);
  return NotFoundError("no dialogue with id " + std::to_string(id));
}

StatusOr<std::pair<std::vector<Dialogue>, std::int64_t>> DialogueStore::List(
    db::Tx& tx, const DialogueFilter& f) {
  long long org = f.organisation_id.value_or(0), at = f.open_at.value_or(0),
            by = f.opened_by.value_or(0);
  int by_org = f.organisation_id.has_value(), by_open = f.open_at.has_value(),
      by_opened = f.opened_by.has_value();
  const std::string where =
      "WHERE (:bo = 0 OR organisation_id = :o) AND (:bt = 0 OR (opens_at <= :t AND "
      "(closes_at IS NULL OR closes_at > :t2))) AND (:bp = 0 OR opens_at <= :p) ";
  long long total = 0, offset = f.offset, limit = f.limit;
  tx.sql() << "SELECT COUNT(*) FROM dialogue_dialogues " + where, soci::use(by_org, "bo"),
      soci::use(org, "o"), soci::use(by_open, "bt"), soci::use(at, "t"), soci::use(at, "t2"),
      soci::use(by_opened, "bp"), soci::use(by, "p"), soci::into(total);
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kDialogueSelect) + where +
                               "ORDER BY opens_at DESC, id DESC LIMIT :l OFFSET :of",
       soci::use(by_org, "bo"), soci::use(org, "o"), soci::use(by_open, "bt"), soci::use(at, "t"),
       soci::use(at, "t2"), soci::use(by_opened, "bp"), soci::use(by, "p"), soci::use(limit, "l"),
       soci::use(offset, "of"));
  std::vector<Dialogue> out;
  for (const soci::row& r : rows) out.push_back(DialogueFromRow(r));
  return std::pair(std::move(out), std::int64_t(total));
}

Status DialogueStore::InsertKey(db::Tx& tx, DialogueId id, const std::string& key) {
  long long did = id;
  tx.sql() << "INSERT INTO dialogue_keys(dialogue_id, pseudonym_key) VALUES (:d, :k)",
      soci::use(did), soci::use(key);
  return Status::Ok();
}

StatusOr<std::string> DialogueStore::FindKey(db::Tx& tx, DialogueId id) {
  long long did = id;
  std::string key;
  tx.sql() << "SELECT pseudonym_key FROM dialogue_keys WHERE dialogue_id = :d", soci::use(did),
      soci::into(key);
  if (!tx.sql().got_data()) return NotFoundError("dialogue has no pseudonym key");
  return key;
}

StatusOr<ParticipantId> DialogueStore::FindOrCreateParticipant(db::Tx& tx, DialogueId id,
                                                               const std::string& identity_hash,
                                                               UnixSeconds now) {
  long long did = id, at = now;
  std::string hash = identity_hash;
  tx.sql() << "INSERT INTO dialogue_participants(dialogue_id, identity_hash, created_at) "
              "VALUES (:d, :h, :t) ON CONFLICT (dialogue_id, identity_hash) DO NOTHING",
      soci::use(did), soci::use(hash), soci::use(at);
  ASSIGN_OR_RETURN(std::optional<ParticipantId> found, FindParticipant(tx, id, identity_hash));
  if (!found) return InternalError("participant row vanished after insert");
  return *found;
}

StatusOr<std::optional<ParticipantId>> DialogueStore::FindParticipant(
    db::Tx& tx, DialogueId id, const std::string& identity_hash) {
  long long did = id, pid = 0;
  std::string hash = identity_hash;
  tx.sql() << "SELECT id FROM dialogue_participants WHERE dialogue_id = :d AND identity_hash = :h",
      soci::use(did), soci::use(hash), soci::into(pid);
  if (!tx.sql().got_data()) return std::optional<ParticipantId>();
  return std::optional<ParticipantId>(pid);
}

StatusOr<StatementId> DialogueStore::InsertStatement(db::Tx& tx, const Statement& s) {
  long long id = 0, did = s.dialogue_id, created = s.created_at;
  db::NullableInt author(s.author_participant_id);
  int seed = s.is_seed;
  std::string state(StatementStateName(s.state));
  tx.sql() << "INSERT INTO dialogue_statements(dialogue_id, body, author_participant_id, is_seed, "
              "state, created_at) VALUES (:d, :b, :a, :s, :st, :c) RETURNING id",
      soci::use(did), soci::use(s.body), soci::use(author.value, author.indicator),
      soci::use(seed), soci::use(state), soci::use(created), soci::into(id);
  return id;
}

StatusOr<Statement> DialogueStore::FindStatement(db::Tx& tx, StatementId id) {
  long long sid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kStatementSelect) + "WHERE id = :id", soci::use(sid));
  for (const soci::row& r : rows) return StatementFromRow(r);
  return NotFoundError("no statement with id " + std::to_string(id));
}

StatusOr<std::pair<std::vector<Statement>, std::int64_t>> DialogueStore::ListStatements(
    db::Tx& tx, DialogueId id, const StatementFilter& f) {
  long long did = id, offset = f.offset, limit = f.limit;
  std::string state = f.state ? std::string(StatementStateName(*f.state)) : "";
  const std::string where = "WHERE dialogue_id = :d AND (:s = '' OR state = :s2) ";
  long long total = 0;
  tx.sql() << "SELECT COUNT(*) FROM dialogue_statements " + where, soci::use(did, "d"),
      soci::use(state, "s"), soci::use(state, "s2"), soci::into(total);
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kStatementSelect) + where + "ORDER BY id LIMIT :l OFFSET :o",
       soci::use(did, "d"), soci::use(state, "s"), soci::use(state, "s2"), soci::use(limit, "l"),
       soci::use(offset, "o"));
  std::vector<Statement> out;
  for (const soci::row& r : rows) out.push_back(StatementFromRow(r));
  return std::pair(std::move(out), std::int64_t(total));
}

Status DialogueStore::SetStatementState(db::Tx& tx, StatementId id, StatementState state,
                                        UnixSeconds now) {
  long long sid = id, at = now;
  std::string name(StatementStateName(state));
  tx.sql() << "UPDATE dialogue_statements SET state = :s, moderated_at = :t WHERE id = :id",
      soci::use(name), soci::use(at), soci::use(sid);
  return Status::Ok();
}

StatusOr<std::int64_t> DialogueStore::InsertVote(db::Tx& tx, DialogueId id,
                                                 ParticipantId participant, StatementId statement,
                                                 int vote, std::int64_t created_at_ms) {
  long long did = id, pid = participant, sid = statement, at = created_at_ms, event = 0;
  tx.sql() << "INSERT INTO dialogue_vote_events(dialogue_id, participant_id, statement_id, vote, "
              "created_at_ms) VALUES (:d, :p, :s, :v, :t) RETURNING id",
      soci::use(did), soci::use(pid), soci::use(sid), soci::use(vote), soci::use(at),
      soci::into(event);
  // The later event wins even when two transactions commit out of order.
  tx.sql() << "INSERT INTO dialogue_votes(participant_id, statement_id, dialogue_id, vote, "
              "event_id) VALUES (:p, :s, :d, :v, :e) ON CONFLICT (participant_id, statement_id) "
              "DO UPDATE SET vote = excluded.vote, event_id = excluded.event_id "
              "WHERE dialogue_votes.event_id < excluded.event_id",
      soci::use(pid, "p"), soci::use(sid, "s"), soci::use(did, "d"), soci::use(vote, "v"),
      soci::use(event, "e");
  return std::int64_t(event);
}

StatusOr<std::optional<int>> DialogueStore::CurrentVote(db::Tx& tx, ParticipantId participant,
                                                        StatementId statement) {
  long long pid = participant, sid = statement;
  int vote = 0;
  tx.sql() << "SELECT vote FROM dialogue_votes WHERE participant_id = :p AND statement_id = :s",
      soci::use(pid), soci::use(sid), soci::into(vote);
  if (!tx.sql().got_data()) return std::optional<int>();
  return std::optional<int>(vote);
}

StatusOr<std::optional<Statement>> DialogueStore::NextStatement(db::Tx& tx, DialogueId id,
                                                                ParticipantId participant) {
  long long did = id, pid = participant;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kStatementSelect) +
                               "WHERE dialogue_id = :d AND state = 'accepted' AND id NOT IN "
                               "(SELECT statement_id FROM dialogue_votes WHERE participant_id = "
                               ":p) ORDER BY id LIMIT 1",
       soci::use(did, "d"), soci::use(pid, "p"));
  for (const soci::row& r : rows) return std::optional(StatementFromRow(r));
  return std::optional<Statement>();
}

StatusOr<std::pair<std::int64_t, std::int64_t>> DialogueStore::Progress(
    db::Tx& tx, DialogueId id, ParticipantId participant) {
  long long did = id, pid = participant, voted = 0, total = 0;
  tx.sql() << "SELECT COUNT(*) FROM dialogue_statements WHERE dialogue_id = :d AND "
              "state = 'accepted'",
      soci::use(did), soci::into(total);
  tx.sql() << "SELECT COUNT(*) FROM dialogue_votes v JOIN dialogue_statements s ON "
              "s.id = v.statement_id WHERE v.participant_id = :p AND s.state = 'accepted'",
      soci::use(pid), soci::into(voted);
  return std::pair(std::int64_t(voted), std::int64_t(total));
}

StatusOr<ConversationVotes> DialogueStore::LoadVotes(db::Tx& tx, DialogueId id) {
  long long did = id;
  ConversationVotes votes;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT participant_id, statement_id, vote, event_id FROM "
                           "dialogue_votes WHERE dialogue_id = :d",
       soci::use(did));
  for (const soci::row& r : rows) {
    votes.events.push_back({.participant_id = db::Int(r, 0),
                            .comment_id = db::Int(r, 1),
                            .vote = static_cast<int>(db::Int(r, 2)),
                            .sequence = db::Int(r, 3)});
  }
  soci::rowset<soci::row> out =
      (tx.sql().prepare << "SELECT id FROM dialogue_statements WHERE dialogue_id = :d AND "
                           "state = 'rejected' ORDER BY id",
       soci::use(did));
  for (const soci::row& r : out) votes.moderated_out_comment_ids.push_back(db::Int(r, 0));
  return votes;
}

StatusOr<std::int64_t> DialogueStore::CountVoteEvents(db::Tx& tx, DialogueId id) {
  long long did = id, n = 0;
  tx.sql() << "SELECT COUNT(*) FROM dialogue_vote_events WHERE dialogue_id = :d", soci::use(did),
      soci::into(n);
  return std::int64_t(n);
}

StatusOr<std::int64_t> DialogueStore::CountParticipants(db::Tx& tx, DialogueId id) {
  long long did = id, n = 0;
  tx.sql() << "SELECT COUNT(DISTINCT participant_id) FROM dialogue_votes WHERE dialogue_id = :d",
      soci::use(did), soci::into(n);
  return std::int64_t(n);
}

StatusOr<std::vector<StatementCounts>> DialogueStore::CountsByStatement(db::Tx& tx,
                                                                       DialogueId id) {
  long long did = id;
  std::map<StatementId, StatementCounts> by_id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kStatementSelect) + "WHERE dialogue_id = :d ORDER BY id",
       soci::use(did));
  for (const soci::row& r : rows) {
    Statement s = StatementFromRow(r);
    by_id[s.id].statement = s;
  }
  soci::rowset<soci::row> counts =
      (tx.sql().prepare << "SELECT statement_id, vote, COUNT(*) FROM dialogue_votes WHERE "
                           "dialogue_id = :d GROUP BY statement_id, vote",
       soci::use(did));
  for (const soci::row& r : counts) {
    auto it = by_id.find(db::Int(r, 0));
    if (it == by_id.end()) continue;
    const int vote = static_cast<int>(db::Int(r, 1));
    (vote > 0 ? it->second.agree : vote < 0 ? it->second.disagree : it->second.pass) =
        db::Int(r, 2);
  }
  std::vector<StatementCounts> out;
  for (auto& [sid, c] : by_id) out.push_back(std::move(c));
  return out;
}

StatusOr<std::vector<DayActivity>> DialogueStore::ActivityByDay(db::Tx& tx, DialogueId id) {
  // The divisor is spelled out: PostgreSQL only groups by an expression it
  // can see is the selected one, and two bound parameters are not.
  long long did = id;
  std::map<long long, DayActivity> days;
  soci::rowset<soci::row> votes =
      (tx.sql().prepare << "SELECT created_at_ms / 86400000, COUNT(*) FROM dialogue_vote_events "
                           "WHERE dialogue_id = :d GROUP BY created_at_ms / 86400000",
       soci::use(did, "d"));
  for (const soci::row& r : votes) days[db::Int(r, 0)].votes = db::Int(r, 1);
  soci::rowset<soci::row> first =
      (tx.sql().prepare << "SELECT f / 86400000, COUNT(*) FROM (SELECT MIN(created_at_ms) AS f "
                           "FROM dialogue_vote_events WHERE dialogue_id = :d GROUP BY "
                           "participant_id) firsts GROUP BY f / 86400000",
       soci::use(did, "d"));
  for (const soci::row& r : first) days[db::Int(r, 0)].participants = db::Int(r, 1);
  std::vector<DayActivity> out;
  for (auto& [day, activity] : days) {
    activity.day = day * 86'400;
    out.push_back(activity);
  }
  return out;
}

StatusOr<std::vector<VoteEventRow>> DialogueStore::VoteEvents(db::Tx& tx, DialogueId id) {
  long long did = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT created_at_ms, statement_id, participant_id, vote FROM "
                           "dialogue_vote_events WHERE dialogue_id = :d ORDER BY id",
       soci::use(did));
  std::vector<VoteEventRow> out;
  for (const soci::row& r : rows) {
    out.push_back({db::Int(r, 0), db::Int(r, 1), db::Int(r, 2), static_cast<int>(db::Int(r, 3))});
  }
  return out;
}

Status DialogueStore::SaveResult(db::Tx& tx, const StoredResult& result) {
  long long did = result.dialogue_id, count = result.vote_count, at = result.computed_at;
  tx.sql() << "INSERT INTO dialogue_results(dialogue_id, vote_count, computed_at, result) "
              "VALUES (:d, :n, :t, :r) ON CONFLICT (dialogue_id) DO UPDATE SET "
              "vote_count = excluded.vote_count, computed_at = excluded.computed_at, "
              "result = excluded.result",
      soci::use(did), soci::use(count), soci::use(at), soci::use(result.result_json);
  return Status::Ok();
}

StatusOr<std::optional<StoredResult>> DialogueStore::FindResult(db::Tx& tx, DialogueId id) {
  long long did = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT vote_count, computed_at, result FROM dialogue_results WHERE "
                           "dialogue_id = :d",
       soci::use(did));
  for (const soci::row& r : rows) {
    return std::optional(StoredResult{id, db::Int(r, 0), db::Int(r, 1), db::Text(r, 2)});
  }
  return std::optional<StoredResult>();
}

}  // namespace nyttig::dialogue
