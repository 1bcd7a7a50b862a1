// Value types of the dialogue module: dialogues, statements, pseudonymous
// participants, votes and stored clustering results. Plain structs; the
// service (dialogue_service.h) owns the rules.
//
// Thread-safety: plain values; copy freely.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace nyttig::dialogue {

using DialogueId = std::int64_t;
using StatementId = std::int64_t;
using ParticipantId = std::int64_t;

inline constexpr std::size_t kMaxQuestionChars = 300;
inline constexpr std::size_t kMaxIntroductionChars = 5000;
inline constexpr int kDefaultStatementChars = 140;  // characters; Polis's limit
inline constexpr int kMinStatementChars = 20;       // characters; smallest limit allowed
inline constexpr int kMaxStatementChars = 1000;     // characters; largest limit allowed
inline constexpr int kMaxSeedStatements = 200;

// Pre-moderation: a participant's statement waits for a moderator before
// anyone votes on it. Post-moderation: it is shown at once and may be taken
// out later.
enum class Moderation { kPre, kPost };

std::string_view ModerationName(Moderation m);  // "pre", "post"
std::optional<Moderation> ParseModeration(std::string_view name);

struct Dialogue {
  DialogueId id = 0;
  std::int64_t organisation_id = 0;
  std::string question;
  std::string introduction;
  UnixSeconds opens_at = 0;
  std::optional<UnixSeconds> closes_at;
  Moderation moderation = Moderation::kPost;
  bool allow_anonymous = false;
  bool allow_statements = true;
  int max_statement_chars = kDefaultStatementChars;
  // Live dialogues: each recomputation starts from the previous one (Polis's
  // live behaviour, polis-method.md 1.8–1.9), so groups do not jump.
  bool live_seeding = false;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;

  // Open for votes and statements at `now`.
  bool IsOpen(UnixSeconds now) const {
    return opens_at <= now && (!closes_at || now < *closes_at);
  }
};

// What an organiser sends to open or change a dialogue.
struct DialogueInput {
  std::string question;
  std::string introduction;
  std::optional<UnixSeconds> opens_at;  // default: now
  std::optional<UnixSeconds> closes_at;
  Moderation moderation = Moderation::kPost;
  bool allow_anonymous = false;
  bool allow_statements = true;
  int max_statement_chars = kDefaultStatementChars;
  bool live_seeding = false;
};

// pending: waits for pre-moderation; accepted: shown; rejected: moderated
// out (polis-method.md 1.3: its column is zeroed, it is never reported).
enum class StatementState { kPending, kAccepted, kRejected };

std::string_view StatementStateName(StatementState s);  // "pending", …
std::optional<StatementState> ParseStatementState(std::string_view name);

struct Statement {
  StatementId id = 0;
  DialogueId dialogue_id = 0;
  std::string body;
  bool is_seed = false;
  StatementState state = StatementState::kAccepted;
  UnixSeconds created_at = 0;
  // Set only for the statement's own author (never shown to others).
  std::optional<ParticipantId> author_participant_id;
};

// Who a participant is, before pseudonymisation: a logged-in person, or a
// browser's random token (anonymous participation).
struct ParticipantIdentity {
  std::optional<std::int64_t> person_id;
  std::string browser_token;
};

// The vote a participant's latest record says, Polis's CSV sign.
enum class VoteValue : int { kDisagree = -1, kPass = 0, kAgree = 1 };

std::string_view VoteName(VoteValue v);  // "agree", "disagree", "pass"
std::optional<VoteValue> ParseVote(std::string_view name);

struct StatementCounts {
  Statement statement;
  std::int64_t agree = 0;
  std::int64_t disagree = 0;
  std::int64_t pass = 0;
};

// The stored clustering of a dialogue (dialogue_results).
struct StoredResult {
  DialogueId dialogue_id = 0;
  std::int64_t vote_count = 0;  // vote events the computation saw
  UnixSeconds computed_at = 0;
  std::string result_json;  // see recompute.h
};

}  // namespace nyttig::dialogue
