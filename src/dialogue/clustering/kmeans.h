// Polis's k-means and silhouette (polis-method.md 1.7 base clusters,
// 1.8 group clusters and the choice of k), on points in the plane.
//
//   std::vector<Cluster> base = KMeans(points, {}, KMeansOptions{.k = 100, .max_iters = 100});
//
// Deterministic: a fresh start takes the first k distinct points in data
// order, as Polis does. Thread-safety: pure functions.
#pragma once

#include <vector>

#include "dialogue/clustering/pca.h"

namespace nyttig::dialogue {

// One cluster: `members` are indices into the data, ascending.
struct Cluster {
  int id = 0;
  Point2 center;
  std::vector<int> members;
};

struct KMeansOptions {
  int k = 100;          // wanted clusters; fewer when there are fewer distinct points
  int max_iters = 100;  // Polis runs at most max_iters + 1 steps
};

// Polis's `kmeans` (clusters.clj): fresh start from the first `k` distinct
// points (ids 0..k-1), then steps until the centers move less than 0.01 or
// the cap is reached. `weights` (one per point, or empty for all 1) weigh the
// center updates only; assignment is unweighted. Empty clusters are dropped,
// so ids can have gaps. Returns clusters sorted by id; empty for no points.
std::vector<Cluster> KMeans(const std::vector<Point2>& points, const std::vector<double>& weights,
                            const KMeansOptions& options);

// Like KMeans, but starts from `previous` (Polis's `clean-start-clusters`,
// 1.9): previous clusters keep their ids and are recentered on the members
// still present (member indices refer to `points`), then the most distant
// points open new clusters until there are min(k, distinct points). Used to
// keep live groups stable between recomputations.
std::vector<Cluster> KMeansFrom(const std::vector<Point2>& points,
                                const std::vector<double>& weights,
                                const std::vector<Cluster>& previous, const KMeansOptions& options);

// Mean silhouette of a clustering of `points` (1.8): per point, unweighted,
// a = mean distance to the other points of its cluster, b = the smallest mean
// distance to another cluster, s = (b - a) / max(a, b); a point alone in its
// cluster, or a clustering with one cluster, scores 0. Returns 0 for no points.
double Silhouette(const std::vector<Point2>& points, const std::vector<Cluster>& clusters);

// Euclidean distance.
double Distance(const Point2& lhs, const Point2& rhs);

}  // namespace nyttig::dialogue
