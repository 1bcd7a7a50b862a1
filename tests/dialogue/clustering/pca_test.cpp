#include "dialogue/clustering/pca.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace nyttig::dialogue {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kTolerance = 1e-12;

Eigen::MatrixXd Matrix(std::initializer_list<std::initializer_list<double>> rows) {
  Eigen::MatrixXd matrix(static_cast<Eigen::Index>(rows.size()),
                         static_cast<Eigen::Index>(rows.begin()->size()));
  Eigen::Index row = 0;
  for (const auto& values : rows) {
    Eigen::Index col = 0;
    for (double value : values) matrix(row, col++) = value;
    ++row;
  }
  return matrix;
}

TEST(ClusteringPcaTest, ImputationUsesColumnMeanOverVotedCells) {
  const Eigen::MatrixXd imputed = ImputeColumnMeans(Matrix({{1, kNaN}, {0, -1}, {kNaN, 0}}));
  EXPECT_DOUBLE_EQ(imputed(2, 0), 0.5);
  EXPECT_DOUBLE_EQ(imputed(0, 1), -0.5);
  EXPECT_DOUBLE_EQ(imputed(1, 1), -1.0);
}

// Rows (1,1), (-1,-1), (1,-1): center (1/3, -1/3); XᵀX = [[24,12],[12,24]]/9
// with eigenvalues 4 and 4/3 and eigenvectors (1,1)/√2 and (1,-1)/√2.
TEST(ClusteringPcaTest, HandComputedComponentsAndCenter) {
  const Pca pca = ComputePca(Matrix({{1, 1}, {-1, -1}, {1, -1}}));
  EXPECT_NEAR(pca.center(0), 1.0 / 3, kTolerance);
  EXPECT_NEAR(pca.center(1), -1.0 / 3, kTolerance);
  EXPECT_NEAR(pca.pc1(0), M_SQRT1_2, kTolerance);
  EXPECT_NEAR(pca.pc1(1), M_SQRT1_2, kTolerance);
  EXPECT_NEAR(pca.pc2(0), M_SQRT1_2, kTolerance);  // first of the tied entries is positive
  EXPECT_NEAR(pca.pc2(1), -M_SQRT1_2, kTolerance);
}

TEST(ClusteringPcaTest, HandComputedProjectionOfCompleteRow) {
  const Eigen::MatrixXd zeroed = Matrix({{1, 1}, {-1, -1}, {1, -1}});
  const std::vector<Point2> points = ProjectParticipants(zeroed, ComputePca(zeroed));
  // (2/3, 4/3)·(1,1)/√2 = √2; (2/3, 4/3)·(1,-1)/√2 = -√2/3.
  EXPECT_NEAR(points[0].x, std::sqrt(2.0), kTolerance);
  EXPECT_NEAR(points[0].y, -std::sqrt(2.0) / 3, kTolerance);
}

TEST(ClusteringPcaTest, LargestMagnitudeEntryOfEachComponentIsPositive) {
  const Pca pca = ComputePca(Matrix({{1, -1, -1}, {-1, 1, 1}, {1, -1, 0}, {0, 1, -1}}));
  for (const Eigen::VectorXd* component : {&pca.pc1, &pca.pc2}) {
    Eigen::Index largest = 0;
    component->cwiseAbs().maxCoeff(&largest);
    EXPECT_GT((*component)(largest), 0.0);
    EXPECT_NEAR(component->norm(), 1.0, kTolerance);
  }
  EXPECT_NEAR(pca.pc1.dot(pca.pc2), 0.0, kTolerance);
}

TEST(ClusteringPcaTest, SparseVoterIsPushedOutBySqrtOfColumnsOverVotes) {
  const Eigen::MatrixXd zeroed = Matrix({{1, 1, -1}, {-1, -1, 1}, {1, kNaN, kNaN}, {0, 1, -1}});
  const Pca pca = ComputePca(zeroed);
  const std::vector<Point2> sparse = ProjectParticipants(zeroed, pca);
  const Eigen::MatrixXd imputed = ImputeColumnMeans(zeroed);
  const std::vector<Point2> dense = ProjectParticipants(imputed, pca);
  EXPECT_NEAR(sparse[2].x, dense[2].x * std::sqrt(3.0), kTolerance);
  EXPECT_NEAR(sparse[2].y, dense[2].y * std::sqrt(3.0), kTolerance);
  EXPECT_NEAR(sparse[0].x, dense[0].x, kTolerance);
}

TEST(ClusteringPcaTest, ModeratedOutZerosCountAsVotesInTheScaling) {
  // Column 2 is a moderated-out column (all zeros); row 2 voted on column 0 only.
  const Eigen::MatrixXd zeroed = Matrix({{1, 1, 0}, {-1, -1, 0}, {1, kNaN, 0}});
  const Pca pca = ComputePca(zeroed);
  const std::vector<Point2> sparse = ProjectParticipants(zeroed, pca);
  const std::vector<Point2> dense = ProjectParticipants(ImputeColumnMeans(zeroed), pca);
  EXPECT_NEAR(sparse[2].x, dense[2].x * std::sqrt(3.0 / 2.0), kTolerance);
  EXPECT_DOUBLE_EQ(pca.pc1(2), 0.0);
}

TEST(ClusteringPcaTest, IdenticalRowsGiveZeroComponentsAndProjections) {
  const Eigen::MatrixXd zeroed = Matrix({{1, -1}, {1, -1}, {1, -1}});
  const Pca pca = ComputePca(zeroed);
  EXPECT_EQ(pca.pc1, Eigen::VectorXd::Zero(2));
  EXPECT_EQ(pca.pc2, Eigen::VectorXd::Zero(2));
  for (const Point2& point : ProjectParticipants(zeroed, pca)) EXPECT_EQ(point, (Point2{0, 0}));
}

TEST(ClusteringPcaTest, SingleRowFollowsPolisNormalisedRowAndZeroCenter) {
  const Pca pca = ComputePca(Matrix({{3, 0, -4}}));
  EXPECT_TRUE(pca.single_row);
  EXPECT_EQ(pca.center, Eigen::VectorXd::Zero(3));
  EXPECT_NEAR(pca.pc1(2), 0.8, kTolerance);  // sign flipped so that -4/5 becomes positive
  EXPECT_NEAR(pca.pc1(0), -0.6, kTolerance);
  // Only the first two columns are projected: 3·(-0.6) + 0·0.
  EXPECT_NEAR(ProjectParticipants(Matrix({{3, 0, -4}}), pca)[0].x, -1.8, kTolerance);
}

TEST(ClusteringPcaTest, SingleColumnHasUnitComponentAndZeroCenter) {
  const Eigen::MatrixXd zeroed = Matrix({{1}, {-1}, {1}});
  const Pca pca = ComputePca(zeroed);
  EXPECT_EQ(pca.center(0), 0.0);
  EXPECT_EQ(pca.pc1(0), 1.0);
  EXPECT_EQ(ProjectParticipants(zeroed, pca)[1], (Point2{-1, 0}));
}

TEST(ClusteringPcaTest, EmptyMatrixGivesEmptyComponents) {
  const Pca pca = ComputePca(Eigen::MatrixXd(0, 0));
  EXPECT_EQ(pca.center.size(), 0);
  EXPECT_TRUE(ProjectParticipants(Eigen::MatrixXd(0, 0), pca).empty());
}

}  // namespace
}  // namespace nyttig::dialogue
