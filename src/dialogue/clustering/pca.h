// PCA and the sparsity-aware projection of the Polis method
// (polis-method.md 1.5 PCA, 1.6 projection).
//
//   Pca pca = ComputePca(zeroed);                       // zeroed: NaN = missing
//   std::vector<Point2> points = ProjectParticipants(zeroed, pca);
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <Eigen/Dense>
#include <vector>

namespace nyttig::dialogue {

// A participant's (or cluster center's) position in the plane of the first
// two components.
struct Point2 {
  double x = 0.0;
  double y = 0.0;
  bool operator==(const Point2&) const = default;
};

// Two principal components of the imputed rating matrix. `center` and each
// component have one entry per column. A component that does not exist
// (fewer than 2 rows or columns, or no variance left) is all zeros. Each
// non-zero component's largest-|x| entry is positive (CONTRACTS.md).
struct Pca {
  Eigen::VectorXd center;
  Eigen::VectorXd pc1;
  Eigen::VectorXd pc2;
  // Polis's one-row case (1.5): the projection uses only the first two
  // columns. True only when the matrix has exactly one row.
  bool single_row = false;
};

// Replaces each NaN with its column's mean over non-NaN entries (1.5 step 1).
// A column without any value becomes 0.
Eigen::MatrixXd ImputeColumnMeans(const Eigen::MatrixXd& zeroed);

// PCA of the zeroed rating matrix (1.5) with exact eigenvectors of XᵀX, where
// X is the imputed matrix minus its column means; power iteration run to
// convergence gives the same components (1.5 item 5). Never fails; an empty
// matrix gives empty vectors.
Pca ComputePca(const Eigen::MatrixXd& zeroed);

// Sparsity-aware projection of every row of the zeroed matrix (1.6): the sum
// over voted cells of (x - center)·pc, scaled by sqrt(C / max(n_votes, 1)).
// Moderated-out zeros count as votes, as in Polis.
std::vector<Point2> ProjectParticipants(const Eigen::MatrixXd& zeroed, const Pca& pca);

}  // namespace nyttig::dialogue
