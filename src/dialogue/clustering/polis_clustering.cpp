#include "dialogue/clustering/polis_clustering.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "dialogue/clustering/vote_matrix.h"

namespace nyttig::dialogue {
namespace {

// Base clusters per extra group allowed (Polis's `max-k-fn`).
constexpr int kBaseClustersPerExtraGroup = 12;

Status ValidateOptions(const ClusteringOptions& options) {
  if (options.base_k < 1 || options.base_iters < 0 || options.max_k < 2 ||
      options.group_iters < 0) {
    return InvalidArgumentError(
        "clustering options need base_k >= 1, max_k >= 2 and iteration caps >= 0");
  }
  return Status::Ok();
}

template <typename Key>
std::unordered_map<Key, int> PositionOf(const std::vector<Key>& keys) {
  std::unordered_map<Key, int> position;
  for (size_t pos = 0; pos < keys.size(); ++pos) position.emplace(keys[pos], static_cast<int>(pos));
  return position;
}

// A cluster of an earlier result with its members translated to positions
// in the current data; members no longer present are left out (1.9).
template <typename Key>
Cluster SeedCluster(int id, const Point2& center, const std::vector<Key>& member_keys,
                    const std::unordered_map<Key, int>& position) {
  Cluster seed{id, center, {}};
  for (const Key& key : member_keys) {
    if (auto it = position.find(key); it != position.end()) seed.members.push_back(it->second);
  }
  std::sort(seed.members.begin(), seed.members.end());
  return seed;
}

// The previous base clusters over the current in-conversation points.
std::vector<Cluster> SeedClusters(const std::vector<BaseCluster>& previous,
                                  const std::vector<int64_t>& ids) {
  const auto position = PositionOf(ids);
  std::vector<Cluster> seeds;
  for (const BaseCluster& cluster : previous) {
    seeds.push_back(SeedCluster(cluster.id, cluster.center, cluster.participant_ids, position));
  }
  return seeds;
}

// 1.7: base clusters of the in-conversation points, fresh or seeded.
std::vector<Cluster> BaseClusters(const std::vector<Point2>& points,
                                  const std::vector<int64_t>& point_ids,
                                  const ClusteringOptions& options) {
  const KMeansOptions kmeans{options.base_k, options.base_iters};
  if (options.seed_from == nullptr) return KMeans(points, {}, kmeans);
  return KMeansFrom(points, {}, SeedClusters(options.seed_from->base_clusters, point_ids), kmeans);
}

// The previous groups as clusters over the current base clusters.
std::vector<Cluster> SeedGroups(const ClusteringResult& previous,
                                const std::vector<Cluster>& base) {
  std::vector<int> base_ids;
  for (const Cluster& cluster : base) base_ids.push_back(cluster.id);
  const auto position = PositionOf(base_ids);
  std::vector<Cluster> seeds;
  for (const OpinionGroup& group : previous.groups) {
    seeds.push_back(SeedCluster(group.id, Point2{}, group.base_cluster_ids, position));
  }
  return seeds;
}

struct GroupClustering {
  int k = 0;
  std::vector<Cluster> groups;
  double silhouette = 0.0;
};

// 1.8: group clusterings of the base centers for k = 2..max-k-fn, each
// weighted by base cluster size and scored by the unweighted silhouette over
// base clusters.
std::vector<GroupClustering> GroupClusterings(const std::vector<Cluster>& base,
                                              const ClusteringOptions& options) {
  std::vector<Point2> centers;
  std::vector<double> weights;
  for (const Cluster& cluster : base) {
    centers.push_back(cluster.center);
    weights.push_back(static_cast<double>(cluster.members.size()));
  }
  std::vector<GroupClustering> clusterings;
  const int max_k = MaxGroupCount(static_cast<int>(base.size()), options.max_k);
  for (int k = 2; k <= max_k; ++k) {
    const KMeansOptions kmeans{k, options.group_iters};
    const bool seeded =
        options.seed_from != nullptr && static_cast<int>(options.seed_from->groups.size()) == k;
    std::vector<Cluster> groups =
        seeded ? KMeansFrom(centers, weights, SeedGroups(*options.seed_from, base), kmeans)
               : KMeans(centers, weights, kmeans);
    const double score = Silhouette(centers, groups);
    clusterings.push_back(GroupClustering{k, std::move(groups), score});
  }
  return clusterings;
}

// 1.8 choice of k: the best silhouette, the last maximum winning (ties go to
// the larger k); with a previous result, Polis's k-smoother.
KSmoother ChooseK(const std::vector<GroupClustering>& clusterings,
                  const ClusteringOptions& options) {
  KSmoother smoother;
  double best = 0.0;
  for (const GroupClustering& clustering : clusterings) {
    if (smoother.this_k == 0 || clustering.silhouette >= best) {
      smoother.this_k = clustering.k;
      best = clustering.silhouette;
    }
  }
  smoother.count = 1;
  smoother.smoothed_k = smoother.this_k;
  if (options.seed_from == nullptr || options.seed_from->k_smoother.smoothed_k == 0) {
    return smoother;
  }
  const KSmoother& previous = options.seed_from->k_smoother;
  if (previous.this_k == smoother.this_k) smoother.count = previous.count + 1;
  const bool previous_available =
      std::any_of(clusterings.begin(), clusterings.end(),
                  [&](const GroupClustering& c) { return c.k == previous.smoothed_k; });
  if (smoother.count < kGroupKBuffer && previous_available) {
    smoother.smoothed_k = previous.smoothed_k;
  }
  return smoother;
}

std::vector<int> RowsOf(const Cluster& group, const std::vector<Cluster>& base,
                        const std::vector<int>& in_conv) {
  std::vector<int> rows;
  for (int base_idx : group.members) {
    for (int point_idx : base[static_cast<size_t>(base_idx)].members) {
      rows.push_back(in_conv[static_cast<size_t>(point_idx)]);
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

VoteCounts Minus(const VoteCounts& total, const VoteCounts& part) {
  return VoteCounts{total.agree - part.agree, total.disagree - part.disagree,
                    total.seen - part.seen};
}

// 1.10, 1.11, 1.13: per-group counts, representative comments and
// group-informed consensus.
void DescribeGroups(const VoteMatrix& matrix, const Eigen::MatrixXd& zeroed,
                    const std::vector<std::vector<int>>& group_rows, ClusteringResult& result) {
  const size_t n_cols = matrix.comment_ids.size();
  std::vector<std::vector<VoteCounts>> raw_counts;
  std::vector<std::vector<VoteCounts>> zeroed_counts;
  std::vector<VoteCounts> zeroed_total(n_cols);
  for (const std::vector<int>& rows : group_rows) {
    raw_counts.push_back(CountColumnVotes(matrix.raw, rows));
    zeroed_counts.push_back(CountColumnVotes(zeroed, rows));
    for (size_t col = 0; col < n_cols; ++col) {
      zeroed_total[col].agree += zeroed_counts.back()[col].agree;
      zeroed_total[col].disagree += zeroed_counts.back()[col].disagree;
      zeroed_total[col].seen += zeroed_counts.back()[col].seen;
    }
  }
  for (size_t group_idx = 0; group_idx < group_rows.size(); ++group_idx) {
    std::vector<CommentStats> stats;
    for (size_t col = 0; col < n_cols; ++col) {
      const VoteCounts& own = zeroed_counts[group_idx][col];
      stats.push_back(ComputeCommentStats(own, Minus(zeroed_total[col], own)));
    }
    result.groups[group_idx].representative =
        SelectRepresentative(matrix.comment_ids, matrix.moderated_out, stats);
  }
  result.group_informed_consensus = GroupInformedConsensus(raw_counts, n_cols);
}

std::vector<int64_t> IdsOfRows(const std::vector<int64_t>& ids, const std::vector<int>& rows) {
  std::vector<int64_t> selected;
  for (int row : rows) selected.push_back(ids[static_cast<size_t>(row)]);
  std::sort(selected.begin(), selected.end());
  return selected;
}

// 1.7–1.13 on the in-conversation participants.
void ClusterInConversation(const VoteMatrix& matrix, const Eigen::MatrixXd& zeroed,
                           const std::vector<int>& in_conv, const ClusteringOptions& options,
                           ClusteringResult& result) {
  std::vector<Point2> points;
  std::vector<int64_t> point_ids;
  for (int row : in_conv) {
    points.push_back(result.projection[static_cast<size_t>(row)]);
    point_ids.push_back(matrix.participant_ids[static_cast<size_t>(row)]);
  }
  const std::vector<Cluster> base = BaseClusters(points, point_ids, options);
  for (const Cluster& cluster : base) {
    result.base_clusters.push_back(
        BaseCluster{cluster.id, cluster.center, IdsOfRows(point_ids, cluster.members)});
  }
  std::vector<std::vector<int>> group_rows;
  std::vector<GroupClustering> clusterings = GroupClusterings(base, options);
  result.k_smoother = ChooseK(clusterings, options);
  std::vector<Cluster> chosen;
  for (GroupClustering& clustering : clusterings) {
    if (clustering.k == result.k_smoother.smoothed_k) chosen = std::move(clustering.groups);
  }
  for (const Cluster& group : chosen) {
    group_rows.push_back(RowsOf(group, base, in_conv));
    OpinionGroup opinion_group{
        group.id, IdsOfRows(matrix.participant_ids, group_rows.back()), {}, {}};
    for (int base_idx : group.members) {
      opinion_group.base_cluster_ids.push_back(base[static_cast<size_t>(base_idx)].id);
    }
    result.groups.push_back(std::move(opinion_group));
  }
  DescribeGroups(matrix, zeroed, group_rows, result);
}

}  // namespace

int MaxGroupCount(int n_base_clusters, int max_k) {
  return std::min(max_k, 2 + n_base_clusters / kBaseClustersPerExtraGroup);
}

StatusOr<ClusteringResult> ClusterConversation(const ConversationVotes& votes,
                                               const ClusteringOptions& options) {
  RETURN_IF_ERROR(ValidateOptions(options));
  ASSIGN_OR_RETURN(const VoteMatrix matrix, BuildVoteMatrix(votes));
  const Eigen::MatrixXd zeroed = ZeroModeratedOut(matrix);
  const std::vector<int> in_conv = SelectInConversation(matrix);
  ClusteringResult result;
  result.participants = static_cast<int>(matrix.participant_ids.size());
  result.in_conversation = static_cast<int>(in_conv.size());
  result.comment_ids = matrix.comment_ids;
  result.participant_ids = matrix.participant_ids;
  result.pca = ComputePca(zeroed);
  result.projection = ProjectParticipants(zeroed, result.pca);
  std::vector<int> all_rows(matrix.participant_ids.size());
  for (size_t row = 0; row < all_rows.size(); ++row) all_rows[row] = static_cast<int>(row);
  result.consensus =
      SelectConsensus(matrix.comment_ids, matrix.moderated_out, CountColumnVotes(zeroed, all_rows));
  result.group_informed_consensus.assign(matrix.comment_ids.size(), 1.0);
  if (!in_conv.empty()) ClusterInConversation(matrix, zeroed, in_conv, options, result);
  return result;
}

}  // namespace nyttig::dialogue
