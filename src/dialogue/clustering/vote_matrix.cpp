#include "dialogue/clustering/vote_matrix.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace nyttig::dialogue {
namespace {

// A vote event with its position in the input, for the tie-break.
struct CellVote {
  int64_t participant_id = 0;
  int64_t comment_id = 0;
  int64_t sequence = 0;
  size_t position = 0;
  int vote = kPass;
};

Status ValidateVotes(const ConversationVotes& votes) {
  for (size_t event_idx = 0; event_idx < votes.events.size(); ++event_idx) {
    const int vote = votes.events[event_idx].vote;
    if (vote != kAgree && vote != kDisagree && vote != kPass) {
      return InvalidArgumentError("vote event " + std::to_string(event_idx) + " has vote " +
                                  std::to_string(vote) + "; expected -1, 0 or 1");
    }
  }
  return Status::Ok();
}

// Keeps the last record per cell in (sequence, list position) order (1.2).
// The result is sorted by (participant, comment).
std::vector<CellVote> LatestVotes(const std::vector<VoteEvent>& events) {
  std::vector<CellVote> cells;
  cells.reserve(events.size());
  for (size_t pos = 0; pos < events.size(); ++pos) {
    const VoteEvent& event = events[pos];
    cells.push_back({event.participant_id, event.comment_id, event.sequence, pos, event.vote});
  }
  auto key = [](const CellVote& cell) {
    return std::tie(cell.participant_id, cell.comment_id, cell.sequence, cell.position);
  };
  std::sort(cells.begin(), cells.end(),
            [&](const CellVote& lhs, const CellVote& rhs) { return key(lhs) < key(rhs); });
  std::vector<CellVote> latest;
  for (size_t idx = 0; idx < cells.size(); ++idx) {
    const bool last_of_cell = idx + 1 == cells.size() ||
                              cells[idx + 1].participant_id != cells[idx].participant_id ||
                              cells[idx + 1].comment_id != cells[idx].comment_id;
    if (last_of_cell) latest.push_back(cells[idx]);
  }
  return latest;
}

// Polis reads votes ordered by (tid, pid, created) and appends rows on first
// appearance, so a participant's row position is (lowest tid voted, pid).
// `latest` is sorted by participant, then comment.
std::vector<int64_t> ParticipantRowOrder(const std::vector<CellVote>& latest) {
  std::vector<std::pair<int64_t, int64_t>> order;  // (first comment, participant)
  for (size_t idx = 0; idx < latest.size(); ++idx) {
    if (idx == 0 || latest[idx - 1].participant_id != latest[idx].participant_id) {
      order.emplace_back(latest[idx].comment_id, latest[idx].participant_id);
    }
  }
  std::sort(order.begin(), order.end());
  std::vector<int64_t> rows;
  rows.reserve(order.size());
  for (const auto& entry : order) rows.push_back(entry.second);
  return rows;
}

std::vector<int64_t> CommentColumnOrder(const std::vector<CellVote>& latest) {
  std::vector<int64_t> columns;
  for (const CellVote& cell : latest) columns.push_back(cell.comment_id);
  std::sort(columns.begin(), columns.end());
  columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
  return columns;
}

template <typename Id>
std::unordered_map<Id, int> IndexOf(const std::vector<Id>& ids) {
  std::unordered_map<Id, int> index;
  for (size_t pos = 0; pos < ids.size(); ++pos) index.emplace(ids[pos], static_cast<int>(pos));
  return index;
}

void FillCells(const std::vector<CellVote>& latest, VoteMatrix& matrix) {
  const auto row_of = IndexOf(matrix.participant_ids);
  const auto column_of = IndexOf(matrix.comment_ids);
  matrix.raw = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(matrix.participant_ids.size()),
                                         static_cast<Eigen::Index>(matrix.comment_ids.size()),
                                         std::numeric_limits<double>::quiet_NaN());
  for (const CellVote& cell : latest) {
    const auto row = row_of.find(cell.participant_id);
    if (row == row_of.end()) continue;  // beyond the participant cap
    matrix.raw(row->second, column_of.at(cell.comment_id)) = cell.vote;
  }
}

}  // namespace

StatusOr<VoteMatrix> BuildVoteMatrix(const ConversationVotes& votes) {
  RETURN_IF_ERROR(ValidateVotes(votes));
  std::vector<CellVote> latest = LatestVotes(votes.events);
  VoteMatrix matrix;
  // Polis's size caps (1.2): comments after the first kMaxComments in tid
  // order, and participants after the first kMaxParticipants, are dropped.
  matrix.comment_ids = CommentColumnOrder(latest);
  if (matrix.comment_ids.size() > static_cast<size_t>(kMaxComments)) {
    matrix.comment_ids.resize(kMaxComments);
    std::erase_if(
        latest, [&](const CellVote& cell) { return cell.comment_id > matrix.comment_ids.back(); });
  }
  matrix.participant_ids = ParticipantRowOrder(latest);
  if (matrix.participant_ids.size() > static_cast<size_t>(kMaxParticipants)) {
    matrix.participant_ids.resize(kMaxParticipants);
  }
  if (static_cast<double>(matrix.participant_ids.size()) *
          static_cast<double>(matrix.comment_ids.size()) >
      kMaxMatrixCells) {
    return ResourceExhaustedError(
        "conversation too large to cluster: " + std::to_string(matrix.participant_ids.size()) +
        " participants x " + std::to_string(matrix.comment_ids.size()) + " comments");
  }
  const std::unordered_set<int64_t> moderated(votes.moderated_out_comment_ids.begin(),
                                              votes.moderated_out_comment_ids.end());
  for (int64_t comment_id : matrix.comment_ids) {
    matrix.moderated_out.push_back(moderated.count(comment_id) > 0);
  }
  FillCells(latest, matrix);
  return matrix;
}

Eigen::MatrixXd ZeroModeratedOut(const VoteMatrix& matrix) {
  Eigen::MatrixXd zeroed = matrix.raw;
  for (Eigen::Index col = 0; col < zeroed.cols(); ++col) {
    if (matrix.moderated_out[static_cast<size_t>(col)]) zeroed.col(col).setZero();
  }
  return zeroed;
}

std::vector<VoteCounts> CountColumnVotes(const Eigen::MatrixXd& matrix,
                                         const std::vector<int>& rows) {
  std::vector<VoteCounts> counts(static_cast<size_t>(matrix.cols()));
  for (Eigen::Index col = 0; col < matrix.cols(); ++col) {
    VoteCounts& column = counts[static_cast<size_t>(col)];
    for (int row : rows) {
      const double value = matrix(row, col);
      if (std::isnan(value)) continue;
      ++column.seen;
      if (value > 0) ++column.agree;
      if (value < 0) ++column.disagree;
    }
  }
  return counts;
}

std::vector<int> CountVotesPerRow(const Eigen::MatrixXd& matrix) {
  std::vector<int> counts(static_cast<size_t>(matrix.rows()), 0);
  for (Eigen::Index col = 0; col < matrix.cols(); ++col) {
    for (Eigen::Index row = 0; row < matrix.rows(); ++row) {
      if (!std::isnan(matrix(row, col))) ++counts[static_cast<size_t>(row)];
    }
  }
  return counts;
}

std::vector<int> SelectInConversation(const VoteMatrix& matrix) {
  const std::vector<int> counts = CountVotesPerRow(matrix.raw);
  const int threshold = std::min(kInConvMinVotes, static_cast<int>(matrix.raw.cols()));
  std::vector<bool> in_conv(counts.size(), false);
  size_t n_in = 0;
  for (size_t row = 0; row < counts.size(); ++row) {
    if (counts[row] >= threshold) {
      in_conv[row] = true;
      ++n_in;
    }
  }
  // Top-up: highest counts first, ties in row order (Polis: hash-map order).
  std::vector<int> candidates;
  for (size_t row = 0; row < counts.size(); ++row) {
    if (!in_conv[row]) candidates.push_back(static_cast<int>(row));
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](int lhs, int rhs) { return counts[lhs] > counts[rhs]; });
  for (int row : candidates) {
    if (n_in >= static_cast<size_t>(kInConvMinParticipants)) break;
    in_conv[static_cast<size_t>(row)] = true;
    ++n_in;
  }
  std::vector<int> rows;
  for (size_t row = 0; row < in_conv.size(); ++row) {
    if (in_conv[row]) rows.push_back(static_cast<int>(row));
  }
  return rows;
}

}  // namespace nyttig::dialogue
