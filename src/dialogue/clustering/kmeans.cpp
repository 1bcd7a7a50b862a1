#include "dialogue/clustering/kmeans.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace nyttig::dialogue {
namespace {

// `same-clustering?` threshold: every paired center moved less than this.
constexpr double kSameClusteringDistance = 0.01;

double WeightOf(const std::vector<double>& weights, int point_idx) {
  return weights.empty() ? 1.0 : weights[static_cast<size_t>(point_idx)];
}

// Weighted mean of the members (Polis's `weighted-mean`); keeps the old
// center if the weights sum to 0.
Point2 MemberMean(const std::vector<Point2>& points, const std::vector<double>& weights,
                  const Cluster& cluster) {
  double sum_x = 0.0;
  double sum_y = 0.0;
  double total = 0.0;
  for (int member : cluster.members) {
    const double weight = WeightOf(weights, member);
    sum_x += weight * points[static_cast<size_t>(member)].x;
    sum_y += weight * points[static_cast<size_t>(member)].y;
    total += weight;
  }
  if (total <= 0.0) return cluster.center;
  return Point2{sum_x / total, sum_y / total};
}

// Index of the nearest center. Ties go to the last minimal cluster in id
// order; Polis's `min-key` takes the last in hash-map order, which cannot be
// reproduced portably and only matters for exactly equal distances.
size_t NearestCluster(const std::vector<Cluster>& clusters, const Point2& point) {
  size_t nearest = 0;
  double best = std::numeric_limits<double>::infinity();
  for (size_t cluster_idx = 0; cluster_idx < clusters.size(); ++cluster_idx) {
    const double distance = Distance(clusters[cluster_idx].center, point);
    if (distance <= best) {
      best = distance;
      nearest = cluster_idx;
    }
  }
  return nearest;
}

// Drops clusters without members and recomputes the others' centers.
std::vector<Cluster> Recenter(const std::vector<Point2>& points, const std::vector<double>& weights,
                              std::vector<Cluster> clusters) {
  std::erase_if(clusters, [](const Cluster& cluster) { return cluster.members.empty(); });
  for (Cluster& cluster : clusters) cluster.center = MemberMean(points, weights, cluster);
  return clusters;
}

// Polis's `cluster-step` (1.7): assign, drop empty clusters, recenter.
std::vector<Cluster> ClusterStep(const std::vector<Point2>& points,
                                 const std::vector<double>& weights,
                                 std::vector<Cluster> clusters) {
  for (Cluster& cluster : clusters) cluster.members.clear();
  for (size_t point_idx = 0; point_idx < points.size(); ++point_idx) {
    clusters[NearestCluster(clusters, points[point_idx])].members.push_back(
        static_cast<int>(point_idx));
  }
  return Recenter(points, weights, std::move(clusters));
}

std::vector<Point2> SortedCenters(const std::vector<Cluster>& clusters) {
  std::vector<Point2> centers;
  for (const Cluster& cluster : clusters) centers.push_back(cluster.center);
  std::sort(centers.begin(), centers.end(), [](const Point2& lhs, const Point2& rhs) {
    return lhs.x != rhs.x ? lhs.x < rhs.x : lhs.y < rhs.y;
  });
  return centers;
}

// Polis's `same-clustering?`: sorted centers, zipped to the shorter list.
bool SameClustering(const std::vector<Cluster>& before, const std::vector<Cluster>& after) {
  const std::vector<Point2> lhs = SortedCenters(before);
  const std::vector<Point2> rhs = SortedCenters(after);
  for (size_t idx = 0; idx < std::min(lhs.size(), rhs.size()); ++idx) {
    if (!(Distance(lhs[idx], rhs[idx]) < kSameClusteringDistance)) return false;
  }
  return true;
}

// Polis's `init-clusters`: the first k distinct points, ids 0..k-1.
std::vector<Cluster> InitClusters(const std::vector<Point2>& points, int k) {
  std::vector<Cluster> clusters;
  for (size_t point_idx = 0; point_idx < points.size(); ++point_idx) {
    if (static_cast<int>(clusters.size()) >= k) break;
    const Point2& point = points[point_idx];
    const bool seen = std::any_of(clusters.begin(), clusters.end(),
                                  [&](const Cluster& cluster) { return cluster.center == point; });
    if (!seen) {
      clusters.push_back(Cluster{static_cast<int>(clusters.size()), point, {}});
    }
  }
  return clusters;
}

// The k-means loop shared by fresh and seeded starts: at most max_iters + 1
// steps, stopping early when the clustering no longer moves.
std::vector<Cluster> Iterate(const std::vector<Point2>& points, const std::vector<double>& weights,
                             std::vector<Cluster> clusters, int max_iters) {
  for (int iters_left = max_iters;; --iters_left) {
    std::vector<Cluster> next = ClusterStep(points, weights, clusters);
    if (iters_left <= 0 || SameClustering(clusters, next)) return next;
    clusters = std::move(next);
  }
}

int CountDistinct(const std::vector<Point2>& points) {
  std::vector<Point2> sorted = points;
  std::sort(sorted.begin(), sorted.end(), [](const Point2& lhs, const Point2& rhs) {
    return lhs.x != rhs.x ? lhs.x < rhs.x : lhs.y < rhs.y;
  });
  return static_cast<int>(std::unique(sorted.begin(), sorted.end()) - sorted.begin());
}

// Polis's `uniqify-clusters`: clusters with identical centers merge into the
// larger one (ties: the later), with the size-weighted center.
std::vector<Cluster> MergeIdenticalCenters(std::vector<Cluster> clusters) {
  std::vector<Cluster> merged;
  for (Cluster& cluster : clusters) {
    auto same = std::find_if(merged.begin(), merged.end(),
                             [&](const Cluster& other) { return other.center == cluster.center; });
    if (same == merged.end()) {
      merged.push_back(std::move(cluster));
      continue;
    }
    if (cluster.members.size() >= same->members.size()) same->id = cluster.id;
    same->members.insert(same->members.end(), cluster.members.begin(), cluster.members.end());
    std::sort(same->members.begin(), same->members.end());
  }
  return merged;
}

// Polis's `most-distal`: the point farthest from its nearest center (ties: the
// last) and that distance.
std::pair<int, double> MostDistal(const std::vector<Point2>& points,
                                  const std::vector<Cluster>& clusters) {
  std::pair<int, double> most{-1, -1.0};
  for (size_t point_idx = 0; point_idx < points.size(); ++point_idx) {
    const Point2& point = points[point_idx];
    const double distance = Distance(clusters[NearestCluster(clusters, point)].center, point);
    if (distance >= most.second) most = {static_cast<int>(point_idx), distance};
  }
  return most;
}

void MoveToNewCluster(std::vector<Cluster>& clusters, int point_idx, const Point2& point) {
  int max_id = -1;
  for (Cluster& cluster : clusters) {
    std::erase(cluster.members, point_idx);
    max_id = std::max(max_id, cluster.id);
  }
  clusters.push_back(Cluster{max_id + 1, point, {point_idx}});
}

// Recentres `previous` on the members still present (1.9 step 1).
std::vector<Cluster> KeepPresentMembers(const std::vector<Point2>& points,
                                        const std::vector<double>& weights,
                                        std::vector<Cluster> previous) {
  const int n_points = static_cast<int>(points.size());
  for (Cluster& cluster : previous) {
    std::erase_if(cluster.members, [&](int member) { return member < 0 || member >= n_points; });
  }
  std::vector<Cluster> kept = Recenter(points, weights, std::move(previous));
  if (!kept.empty()) return kept;
  Cluster everything{0, Point2{}, {}};
  for (int point_idx = 0; point_idx < n_points; ++point_idx)
    everything.members.push_back(point_idx);
  return Recenter(points, weights, {everything});
}

}  // namespace

double Distance(const Point2& lhs, const Point2& rhs) {
  const double dx = lhs.x - rhs.x;
  const double dy = lhs.y - rhs.y;
  return std::sqrt(dx * dx + dy * dy);
}

std::vector<Cluster> KMeans(const std::vector<Point2>& points, const std::vector<double>& weights,
                            const KMeansOptions& options) {
  if (points.empty() || options.k <= 0) return {};
  std::vector<Cluster> result =
      Iterate(points, weights, InitClusters(points, options.k), options.max_iters);
  std::sort(result.begin(), result.end(),
            [](const Cluster& lhs, const Cluster& rhs) { return lhs.id < rhs.id; });
  return result;
}

std::vector<Cluster> KMeansFrom(const std::vector<Point2>& points,
                                const std::vector<double>& weights,
                                const std::vector<Cluster>& previous,
                                const KMeansOptions& options) {
  if (points.empty() || options.k <= 0) return {};
  if (previous.empty()) return KMeans(points, weights, options);
  std::vector<Cluster> clusters =
      MergeIdenticalCenters(KeepPresentMembers(points, weights, previous));
  const size_t possible = static_cast<size_t>(std::min(options.k, CountDistinct(points)));
  while (clusters.size() < possible) {
    const auto [point_idx, distance] = MostDistal(points, clusters);
    if (!(distance > 0.0)) break;
    MoveToNewCluster(clusters, point_idx, points[static_cast<size_t>(point_idx)]);
    clusters = Recenter(points, weights, std::move(clusters));
  }
  std::vector<Cluster> result = Iterate(points, weights, std::move(clusters), options.max_iters);
  std::sort(result.begin(), result.end(),
            [](const Cluster& lhs, const Cluster& rhs) { return lhs.id < rhs.id; });
  return result;
}

double Silhouette(const std::vector<Point2>& points, const std::vector<Cluster>& clusters) {
  if (points.empty() || clusters.size() < 2) return 0.0;
  double total = 0.0;
  int counted = 0;
  for (const Cluster& own : clusters) {
    for (int member : own.members) {
      ++counted;
      if (own.members.size() < 2) continue;  // alone in its cluster: 0
      const Point2& point = points[static_cast<size_t>(member)];
      auto mean_distance = [&](const Cluster& cluster) {
        double sum = 0.0;
        for (int other : cluster.members)
          sum += Distance(point, points[static_cast<size_t>(other)]);
        return sum;
      };
      const double a = mean_distance(own) / static_cast<double>(own.members.size() - 1);
      double b = std::numeric_limits<double>::infinity();
      for (const Cluster& other : clusters) {
        if (&other == &own || other.members.empty()) continue;
        b = std::min(b, mean_distance(other) / static_cast<double>(other.members.size()));
      }
      const double scale = std::max(a, b);
      if (scale > 0.0 && std::isfinite(b)) total += (b - a) / scale;
    }
  }
  return counted > 0 ? total / counted : 0.0;
}

}  // namespace nyttig::dialogue
