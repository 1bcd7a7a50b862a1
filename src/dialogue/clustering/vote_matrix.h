// The participant × comment vote matrix of the Polis method
// (polis-method.md 1.2 rating matrix, 1.3 moderation, 1.4 in-conversation).
//
//   ASSIGN_OR_RETURN(VoteMatrix matrix, BuildVoteMatrix(votes));
//   Eigen::MatrixXd zeroed = ZeroModeratedOut(matrix);
//   std::vector<int> in_conv = SelectInConversation(matrix);
//
// Missing votes are NaN. Thread-safety: plain values and pure functions.
#pragma once

#include <Eigen/Dense>
#include <cstdint>
#include <vector>

#include "core/status.h"
#include "dialogue/clustering/conversation_votes.h"

namespace nyttig::dialogue {

// Polis's in-conversation rule (1.4): everyone with at least
// min(kInConvMinVotes, C) votes, topped up to kInConvMinParticipants.
inline constexpr int kInConvMinVotes = 7;
inline constexpr int kInConvMinParticipants = 15;

// Polis's size caps (`:max-ptpts`, `:max-cmts`, 1.2).
inline constexpr int kMaxParticipants = 100000;
inline constexpr int kMaxComments = 10000;
// Beyond this many cells the dense one-shot computation refuses to run
// instead of exhausting memory: it holds about four dense copies of 8-byte
// cells, so this is ~1.6 GB (e.g. 100 000 participants × 500 comments).
inline constexpr double kMaxMatrixCells = 5e7;

struct VoteMatrix {
  // Row order: participants by (lowest comment id they voted on, participant
  // id), which is Polis's order of first appearance on a full load.
  std::vector<int64_t> participant_ids;
  // Column order: ascending comment id; only comments with at least one vote.
  std::vector<int64_t> comment_ids;
  // Per column: the comment is moderated out (1.3).
  std::vector<bool> moderated_out;
  // The latest vote per cell (+1, -1, 0) or NaN when the participant never
  // voted; not zeroed for moderation ("raw-rating-mat").
  Eigen::MatrixXd raw;
};

// Builds the raw rating matrix from vote events (1.2), applying Polis's
// caps of kMaxComments columns and kMaxParticipants rows. Fails with
// kInvalidArgument when a vote is not -1, 0 or +1, and kResourceExhausted
// when the matrix would exceed kMaxMatrixCells. No events give a 0 × 0
// matrix.
StatusOr<VoteMatrix> BuildVoteMatrix(const ConversationVotes& votes);

// The rating matrix with every moderated-out column set to 0 for every
// participant, voter or not (1.3, Polis's `zero-out-columns`).
Eigen::MatrixXd ZeroModeratedOut(const VoteMatrix& matrix);

// Votes on one comment by a set of participants.
struct VoteCounts {
  int agree = 0;     // +1 votes
  int disagree = 0;  // -1 votes
  int seen = 0;      // non-missing cells: votes, passes and moderated-out zeros
  bool operator==(const VoteCounts&) const = default;
};

// Per column of `matrix`, the counts over the given rows (Polis's
// `comment-stats` inputs on the zeroed matrix, `votes-base` on the raw one).
std::vector<VoteCounts> CountColumnVotes(const Eigen::MatrixXd& matrix,
                                         const std::vector<int>& rows);

// Number of non-missing cells per row of `matrix`.
std::vector<int> CountVotesPerRow(const Eigen::MatrixXd& matrix);

// Row indices (ascending) of the participants "in conversation" by the
// one-shot reading of Polis's rule on the raw matrix (1.4); ties in the
// top-up are broken by row order.
std::vector<int> SelectInConversation(const VoteMatrix& matrix);

}  // namespace nyttig::dialogue
