#include "dialogue/dialogue.h"

namespace nyttig::dialogue {

std::string_view ModerationName(Moderation m) { return m == Moderation::kPre ? "pre" : "post"; }

std::optional<Moderation> ParseModeration(std::string_view name) {
  if (name == "pre") return Moderation::kPre;
  if (name == "post") return Moderation::kPost;
  return std::nullopt;
}

std::string_view StatementStateName(StatementState s) {
  switch (s) {
    case StatementState::kPending: return "pending";
    case StatementState::kAccepted: return "accepted";
    case StatementState::kRejected: return "rejected";
  }
  return "pending";
}

std::optional<StatementState> ParseStatementState(std::string_view name) {
  if (name == "pending") return StatementState::kPending;
  if (name == "accepted") return StatementState::kAccepted;
  if (name == "rejected") return StatementState::kRejected;
  return std::nullopt;
}

std::string_view VoteName(VoteValue v) {
  switch (v) {
    case VoteValue::kAgree: return "agree";
    case VoteValue::kDisagree: return "disagree";
    case VoteValue::kPass: return "pass";
  }
  return "pass";
}

std::optional<VoteValue> ParseVote(std::string_view name) {
  if (name == "agree") return VoteValue::kAgree;
  if (name == "disagree") return VoteValue::kDisagree;
  if (name == "pass") return VoteValue::kPass;
  return std::nullopt;
}

}  // namespace nyttig::dialogue
