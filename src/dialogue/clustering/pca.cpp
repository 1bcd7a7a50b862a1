#include "dialogue/clustering/pca.h"

#include <algorithm>
#include <cmath>

namespace nyttig::dialogue {
namespace {

// Eigenvalues at or below this fraction of the total variance are treated as
// zero: the component is then all zeros instead of an arbitrary direction.
constexpr double kRelativeEigenvalueFloor = 1e-10;

// CONTRACTS.md sign convention: the largest-|x| entry (first on ties) is
// positive, so components do not flip between runs or implementations.
void FixSign(Eigen::VectorXd& component) {
  if (component.size() == 0) return;
  Eigen::Index largest = 0;
  for (Eigen::Index idx = 1; idx < component.size(); ++idx) {
    if (std::abs(component(idx)) > std::abs(component(largest))) largest = idx;
  }
  if (component(largest) < 0) component = -component;
}

// Polis's wrapped-pca for one row: comps = [normalise(row0), 0] and a center
// of the wrong length, so only the first two columns are projected (1.5).
Pca SingleRowPca(const Eigen::MatrixXd& imputed) {
  Pca pca;
  pca.single_row = true;
  pca.center = Eigen::VectorXd::Zero(imputed.cols());
  pca.pc1 = imputed.row(0).transpose();
  const double norm = pca.pc1.norm();
  if (norm > 0) pca.pc1 /= norm;
  pca.pc2 = Eigen::VectorXd::Zero(imputed.cols());
  FixSign(pca.pc1);
  return pca;
}

// Polis's wrapped-pca for one column: center [0], comps [1] (1.5).
Pca SingleColumnPca() {
  Pca pca;
  pca.center = Eigen::VectorXd::Zero(1);
  pca.pc1 = Eigen::VectorXd::Ones(1);
  pca.pc2 = Eigen::VectorXd::Zero(1);
  return pca;
}

}  // namespace

Eigen::MatrixXd ImputeColumnMeans(const Eigen::MatrixXd& zeroed) {
  Eigen::MatrixXd imputed = zeroed;
  for (Eigen::Index col = 0; col < imputed.cols(); ++col) {
    double sum = 0.0;
    int count = 0;
    for (Eigen::Index row = 0; row < imputed.rows(); ++row) {
      if (!std::isnan(imputed(row, col))) {
        sum += imputed(row, col);
        ++count;
      }
    }
    const double mean = count > 0 ? sum / count : 0.0;
    for (Eigen::Index row = 0; row < imputed.rows(); ++row) {
      if (std::isnan(imputed(row, col))) imputed(row, col) = mean;
    }
  }
  return imputed;
}

Pca ComputePca(const Eigen::MatrixXd& zeroed) {
  const Eigen::MatrixXd imputed = ImputeColumnMeans(zeroed);
  const Eigen::Index n_cols = imputed.cols();
  if (imputed.rows() == 0 || n_cols == 0) {
    return Pca{Eigen::VectorXd::Zero(n_cols), Eigen::VectorXd::Zero(n_cols),
               Eigen::VectorXd::Zero(n_cols), false};
  }
  if (imputed.rows() == 1) return SingleRowPca(imputed);
  if (n_cols == 1) return SingleColumnPca();
  Pca pca;
  pca.center = imputed.colwise().mean().transpose();
  const Eigen::MatrixXd centered = imputed.rowwise() - pca.center.transpose();
  Eigen::MatrixXd scatter = Eigen::MatrixXd::Zero(n_cols, n_cols);
  scatter.selfadjointView<Eigen::Lower>().rankUpdate(centered.transpose());
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(
      scatter.selfadjointView<Eigen::Lower>());
  // Eigenvalues come in increasing order; the last two are the components.
  const Eigen::VectorXd& values = solver.eigenvalues();
  const double floor = kRelativeEigenvalueFloor * std::max(values.sum(), 0.0);
  auto component = [&](Eigen::Index idx) -> Eigen::VectorXd {
    if (!(values(idx) > floor)) return Eigen::VectorXd::Zero(n_cols);
    Eigen::VectorXd vec = solver.eigenvectors().col(idx);
    FixSign(vec);
    return vec;
  };
  pca.pc1 = component(n_cols - 1);
  pca.pc2 = component(n_cols - 2);
  return pca;
}

std::vector<Point2> ProjectParticipants(const Eigen::MatrixXd& zeroed, const Pca& pca) {
  const Eigen::Index n_cols = zeroed.cols();
  const Eigen::Index projected_cols = pca.single_row ? std::min<Eigen::Index>(2, n_cols) : n_cols;
  std::vector<Point2> points;
  points.reserve(static_cast<size_t>(zeroed.rows()));
  for (Eigen::Index row = 0; row < zeroed.rows(); ++row) {
    double x = 0.0;
    double y = 0.0;
    int n_votes = 0;
    for (Eigen::Index col = 0; col < n_cols; ++col) {
      const double value = zeroed(row, col);
      if (std::isnan(value)) continue;
      ++n_votes;
      if (col >= projected_cols) continue;
      x += (value - pca.center(col)) * pca.pc1(col);
      y += (value - pca.center(col)) * pca.pc2(col);
    }
    const double scale =
        std::sqrt(static_cast<double>(n_cols) / static_cast<double>(std::max(n_votes, 1)));
    points.push_back(Point2{x * scale, y * scale});
  }
  return points;
}

}  // namespace nyttig::dialogue
