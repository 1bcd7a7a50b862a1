// Input of the Polis clustering: the vote events of one conversation.
//
// This is the boundary between where votes come from (a Polis CSV export, see
// polis_csv.h, or the dialogue module's database) and the computation
// (polis_clustering.h). A caller fills it directly:
//
//   ConversationVotes votes;
//   votes.events.push_back({.participant_id = 7, .comment_id = 3, .vote = kAgree,
//                           .sequence = 1700000000123});
//   votes.moderated_out_comment_ids.push_back(12);
//
// Thread-safety: plain values; copy freely.
#pragma once

#include <cstdint>
#include <vector>

namespace nyttig::dialogue {

// Vote values use the sign of Polis's CSV exports and public API
// (polis-method.md 1.1): agree +1, disagree -1, pass 0.
inline constexpr int kAgree = 1;
inline constexpr int kDisagree = -1;
inline constexpr int kPass = 0;

// One vote record. A participant may vote on the same comment several times;
// the record with the largest `sequence` counts (ties: the later one in the
// list), as Polis keeps the last record in `created` order (1.2).
struct VoteEvent {
  int64_t participant_id = 0;
  int64_t comment_id = 0;
  int vote = kPass;      // kAgree, kDisagree or kPass
  int64_t sequence = 0;  // creation order, e.g. a timestamp in ms or a serial id
};

// All vote events of a conversation and the comments a moderator took out
// (Polis's `mod-out`: moderated -1 or meta comments, 1.3). The order of
// `events` does not matter except between records of one participant and
// comment with equal `sequence`.
struct ConversationVotes {
  std::vector<VoteEvent> events;
  std::vector<int64_t> moderated_out_comment_ids;
};

}  // namespace nyttig::dialogue
