// Test helpers: conversations written as vote tables.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "dialogue/clustering/conversation_votes.h"

namespace nyttig::dialogue::test_votes {

// Marks a cell without a vote in VotesFromTable.
inline constexpr int kNone = 99;

// One vote event per cell that is not kNone: participant ids are the row
// numbers, comment ids the column numbers, sequence increasing row by row.
inline ConversationVotes VotesFromTable(const std::vector<std::vector<int>>& table,
                                        std::vector<int64_t> moderated_out = {}) {
  ConversationVotes votes;
  int64_t sequence = 0;
  for (size_t row = 0; row < table.size(); ++row) {
    for (size_t col = 0; col < table[row].size(); ++col) {
      if (table[row][col] == kNone) continue;
      votes.events.push_back(VoteEvent{static_cast<int64_t>(row), static_cast<int64_t>(col),
                                       table[row][col], ++sequence});
    }
  }
  votes.moderated_out_comment_ids = std::move(moderated_out);
  return votes;
}

// Two camps that disagree on every comment: `per_camp` participants agree
// with everything, the next `per_camp` disagree with everything.
inline ConversationVotes TwoCamps(int per_camp, int n_comments) {
  std::vector<std::vector<int>> table;
  for (int row = 0; row < 2 * per_camp; ++row) {
    table.emplace_back(static_cast<size_t>(n_comments), row < per_camp ? kAgree : kDisagree);
  }
  return VotesFromTable(table);
}

}  // namespace nyttig::dialogue::test_votes
