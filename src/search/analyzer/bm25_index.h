// An in-memory BM25 index of one field, for benchmarks and tests.
//
// Okapi BM25 (Robertson & Zaragoza, "The Probabilistic Relevance Framework",
// 2009) with Lucene's non-negative IDF, log(1 + (N − df + 0.5) / (df + 0.5)).
// Each occurrence of a term in the query adds its term score once.
//
//   Bm25Index index;
//   index.AddDocument({"skol", "gård"});           // id 0
//   std::vector<double> scores(index.document_count(), 0.0);
//   index.AddScores({"skol"}, 1.0, scores);
//
// Thread-safety: const methods may run concurrently; AddDocument may not.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace nyttig::search {

struct Bm25Params {
  double k1 = 1.2;   // term-frequency saturation
  double b = 0.75;   // document-length normalisation
};

// Okapi BM25 (Robertson & Zaragoza 2009, eq. 3.15) as every ranking of the
// platform computes it, so that the in-memory index and the engines rank alike.
// Lucene's non-negative IDF of a term found in `df` of `documents` documents.
double Bm25Idf(double documents, double df);
// The weight of a term occurring `tf` times in a field of `length` terms,
// fields averaging `average_length` terms.
double Bm25TermWeight(const Bm25Params& params, double idf, double tf, double length,
                      double average_length);

class Bm25Index {
 public:
  explicit Bm25Index(Bm25Params params = {}) : params_(params) {}

  // Adds a document made of `terms`; returns its id (0, 1, 2, … in order).
  int AddDocument(const std::vector<std::string>& terms);

  // Adds weight × BM25(query, d) to scores[d] for every document d that
  // contains a query term. Precondition: scores.size() >= document_count().
  void AddScores(const std::vector<std::string>& query_terms, double weight,
                 std::vector<double>& scores) const;

  size_t document_count() const { return document_lengths_.size(); }

  // Documents containing `term`.
  size_t DocumentFrequency(const std::string& term) const;

 private:
  struct Posting {
    int document;
    int term_frequency;
  };
  double Idf(size_t document_frequency) const;

  Bm25Params params_;
  std::unordered_map<std::string, std::vector<Posting>> postings_;
  std::vector<int> document_lengths_;  // terms per document
  long long total_length_ = 0;
};

}  // namespace nyttig::search
