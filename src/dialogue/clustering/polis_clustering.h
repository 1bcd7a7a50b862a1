// The Polis opinion-clustering computation, one shot (polis-method.md,
// steps 1.2–1.13): from vote events to opinion groups, their representative
// comments, consensus and group-informed consensus.
//
//   ASSIGN_OR_RETURN(ClusteringResult result, ClusterConversation(votes));
//   for (const OpinionGroup& group : result.groups) { ... }
//
// The result is a pure, deterministic function of the latest vote per
// participant and comment and of the moderated-out set: the order of the vote
// events does not matter (except between records of one participant and
// comment with equal sequence). By default it reproduces a "fresh
// conversation" in Polis (no previous components, clusters or k-smoother);
// see polis-method.md 1.9 for why Polis's live group ids can differ, and
// ClusteringOptions::seed_from for the live behaviour.
//
// Thread-safety: pure function; ClusteringResult is a plain value.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.h"
#include "dialogue/clustering/consensus.h"
#include "dialogue/clustering/conversation_votes.h"
#include "dialogue/clustering/kmeans.h"
#include "dialogue/clustering/pca.h"
#include "dialogue/clustering/repness.h"

namespace nyttig::dialogue {

struct ClusteringResult;

struct ClusteringOptions {
  int base_k = 100;      // base clusters (Polis :base-k)
  int base_iters = 100;  // base k-means iteration cap (Polis :base-iters)
  int max_k = 5;         // largest number of groups tried (Polis :max-k)
  // Group k-means iteration cap. Polis passes :group-iters (100) under a name
  // kmeans does not read, so it runs with kmeans's default of 20 (1.8); kept
  // at 20 so that results stay comparable with Polis.
  int group_iters = 20;
  // Live dialogues, off by default: when set, base clusters start from this
  // earlier result's base clusters and the group clustering with the earlier
  // number of groups from its groups (Polis's `clean-start-clusters`, 1.9),
  // and the number of groups changes only after the silhouette has chosen
  // the new k kGroupKBuffer times in a row (Polis's k-smoother, 1.8), so
  // groups do not jump between recomputations. Not owned; must outlive the
  // call.
  const ClusteringResult* seed_from = nullptr;
};

// Updates in a row that must choose a new k before it is used (Polis
// :group-k-buffer).
inline constexpr int kGroupKBuffer = 4;

// Polis's k-smoother state (1.8).
struct KSmoother {
  int this_k = 0;      // the silhouette's choice in this update
  int count = 0;       // updates in a row that chose this_k
  int smoothed_k = 0;  // the number of groups in use
};

// A base cluster (1.7) of in-conversation participants.
struct BaseCluster {
  int id = 0;
  Point2 center;
  std::vector<int64_t> participant_ids;  // ascending
};

struct OpinionGroup {
  int id = 0;                                         // Polis's group cluster id
  std::vector<int64_t> members;                       // participant ids, ascending
  std::vector<int> base_cluster_ids;                  // ascending
  std::vector<RepresentativeComment> representative;  // 1.11, 0–5 comments
};

struct ClusteringResult {
  int participants = 0;                          // distinct voters
  int in_conversation = 0;                       // participants clustered (1.4)
  std::vector<OpinionGroup> groups;              // by id; k = groups.size()
  Consensus consensus;                           // 1.12
  std::vector<int64_t> comment_ids;              // columns: voted comments, ascending
  std::vector<double> group_informed_consensus;  // 1.13, one per comment_ids entry
  Pca pca;                                       // 1.5, entries per comment_ids
  std::vector<int64_t> participant_ids;          // rows in Polis order (1.2)
  std::vector<Point2> projection;                // 1.6, one per participant_ids entry
  std::vector<BaseCluster> base_clusters;        // 1.7, by id
  KSmoother k_smoother;                          // 1.8; zeros when nobody is in conversation
};

// Runs the Polis method on `votes`. Fails with kInvalidArgument when a vote
// is not -1, 0 or +1 or an option is out of range, and kResourceExhausted
// when the vote matrix would be too large (vote_matrix.h). No votes give an empty
// result (0 participants, no groups).
StatusOr<ClusteringResult> ClusterConversation(const ConversationVotes& votes,
                                               const ClusteringOptions& options = {});

// Polis's `max-k-fn` (1.8): min(max_k, 2 + floor(n_base / 12)).
int MaxGroupCount(int n_base_clusters, int max_k);

}  // namespace nyttig::dialogue
