#include "dialogue/clustering/kmeans.h"

#include <gtest/gtest.h>

#include "dialogue/clustering/polis_clustering.h"

namespace nyttig::dialogue {
namespace {

std::vector<int> Members(const Cluster& cluster) { return cluster.members; }

TEST(ClusteringKMeansTest, NoPointsGiveNoClusters) {
  EXPECT_TRUE(KMeans({}, {}, KMeansOptions{}).empty());
}

TEST(ClusteringKMeansTest, FewerDistinctPointsThanKGiveOneClusterPerDistinctPoint) {
  const std::vector<Point2> points = {{0, 0}, {1, 0}, {0, 0}, {5, 5}};
  const std::vector<Cluster> clusters =
      KMeans(points, {}, KMeansOptions{.k = 100, .max_iters = 100});
  ASSERT_EQ(clusters.size(), 3u);
  EXPECT_EQ(Members(clusters[0]), (std::vector<int>{0, 2}));
  EXPECT_EQ(Members(clusters[1]), (std::vector<int>{1}));
  EXPECT_EQ(Members(clusters[2]), (std::vector<int>{3}));
}

TEST(ClusteringKMeansTest, FreshStartTakesFirstDistinctPointsAsInitialCenters) {
  // Initial centers (0,0) and (0.1,0): the far-away points join the second
  // cluster, which then moves to them and takes over the middle.
  const std::vector<Point2> points = {{0, 0}, {0, 0}, {0.1, 0}, {10, 0}, {10.2, 0}};
  const std::vector<Cluster> clusters = KMeans(points, {}, KMeansOptions{.k = 2, .max_iters = 100});
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0].id, 0);
  EXPECT_EQ(Members(clusters[0]), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(Members(clusters[1]), (std::vector<int>{3, 4}));
  EXPECT_NEAR(clusters[1].center.x, 10.1, 1e-12);
}

TEST(ClusteringKMeansTest, WeightsMoveCentersButNotAssignment) {
  const std::vector<Point2> points = {{0, 0}, {1, 0}, {10, 0}};
  const std::vector<Cluster> clusters =
      KMeans(points, {1, 3, 1}, KMeansOptions{.k = 2, .max_iters = 20});
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(Members(clusters[0]), (std::vector<int>{0, 1}));
  EXPECT_NEAR(clusters[0].center.x, 0.75, 1e-12);  // (0·1 + 1·3) / 4
}

TEST(ClusteringKMeansTest, EqualDistanceGoesToTheLaterCluster) {
  // (1,0) is exactly between the centers (0,0) and (2,0); zero iterations
  // after the first step keep the first assignment visible.
  const std::vector<Point2> points = {{0, 0}, {2, 0}, {1, 0}};
  const std::vector<Cluster> clusters = KMeans(points, {}, KMeansOptions{.k = 2, .max_iters = 0});
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(Members(clusters[1]), (std::vector<int>{1, 2}));
}

// Points on a line: 0 and 1 together, 10 alone. s(0) = (10 - 1)/10 = 0.9,
// s(1) = (9 - 1)/9 = 8/9, s(10) = 0 (alone); mean = (0.9 + 8/9) / 3.
TEST(ClusteringSilhouetteTest, HandComputedMeanOverPoints) {
  const std::vector<Point2> points = {{0, 0}, {1, 0}, {10, 0}};
  const std::vector<Cluster> clusters = {{0, {0.5, 0}, {0, 1}}, {1, {10, 0}, {2}}};
  EXPECT_NEAR(Silhouette(points, clusters), (0.9 + 8.0 / 9.0) / 3.0, 1e-12);
}

TEST(ClusteringSilhouetteTest, OneClusterScoresZero) {
  const std::vector<Point2> points = {{0, 0}, {1, 0}};
  EXPECT_EQ(Silhouette(points, {{0, {0.5, 0}, {0, 1}}}), 0.0);
}

TEST(ClusteringKMeansFromTest, KeepsPreviousIdsWhenPointsStay) {
  const std::vector<Point2> points = {{0, 0}, {0.1, 0}, {10, 0}, {10.1, 0}};
  const std::vector<Cluster> previous = {{7, {10, 0}, {2, 3}}, {3, {0, 0}, {0, 1}}};
  const std::vector<Cluster> clusters =
      KMeansFrom(points, {}, previous, KMeansOptions{.k = 2, .max_iters = 20});
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0].id, 3);
  EXPECT_EQ(Members(clusters[0]), (std::vector<int>{0, 1}));
  EXPECT_EQ(clusters[1].id, 7);
}

TEST(ClusteringKMeansFromTest, MostDistantNewcomerOpensANewCluster) {
  const std::vector<Point2> points = {{0, 0}, {0.1, 0}, {50, 50}};
  const std::vector<Cluster> previous = {{4, {0, 0}, {0, 1}}};
  const std::vector<Cluster> clusters =
      KMeansFrom(points, {}, previous, KMeansOptions{.k = 2, .max_iters = 20});
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[1].id, 5);
  EXPECT_EQ(Members(clusters[1]), (std::vector<int>{2}));
}

TEST(ClusteringMaxGroupCountTest, GrowsByOneEveryTwelveBaseClustersUpToMaxK) {
  EXPECT_EQ(MaxGroupCount(1, 5), 2);
  EXPECT_EQ(MaxGroupCount(11, 5), 2);
  EXPECT_EQ(MaxGroupCount(12, 5), 3);
  EXPECT_EQ(MaxGroupCount(36, 5), 5);
  EXPECT_EQ(MaxGroupCount(100, 5), 5);
}

}  // namespace
}  // namespace nyttig::dialogue
