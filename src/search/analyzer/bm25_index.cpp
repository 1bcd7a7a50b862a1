#include "search/analyzer/bm25_index.h"

#include <cmath>

namespace nyttig::search {

int Bm25Index::AddDocument(const std::vector<std::string>& terms) {
  const int document = static_cast<int>(document_lengths_.size());
  std::unordered_map<std::string, int> frequencies;
  for (const std::string& term : terms) ++frequencies[term];
  for (const auto& [term, frequency] : frequencies) {
    postings_[term].push_back({document, frequency});
  }
  document_lengths_.push_back(static_cast<int>(terms.size()));
  total_length_ += static_cast<long long>(terms.size());
  return document;
}

double Bm25Idf(double documents, double df) {
  return std::log(1.0 + (documents - df + 0.5) / (df + 0.5));
}

double Bm25TermWeight(const Bm25Params& params, double idf, double tf, double length,
                      double average_length) {
  const double length_ratio = average_length > 0 ? length / average_length : 0.0;
  const double norm = params.k1 * (1.0 - params.b + params.b * length_ratio);
  return idf * tf * (params.k1 + 1.0) / (tf + norm);
}

double Bm25Index::Idf(size_t document_frequency) const {
  return Bm25Idf(static_cast<double>(document_count()), static_cast<double>(document_frequency));
}

void Bm25Index::AddScores(const std::vector<std::string>& query_terms, double weight,
                          std::vector<double>& scores) const {
  if (document_count() == 0) return;
  const double average_length =
      static_cast<double>(total_length_) / static_cast<double>(document_count());
  for (const std::string& term : query_terms) {
    auto it = postings_.find(term);
    if (it == postings_.end()) continue;
    const double idf = Idf(it->second.size());
    for (const Posting& posting : it->second) {
      scores[posting.document] +=
          weight * Bm25TermWeight(params_, idf, posting.term_frequency,
                                  document_lengths_[posting.document], average_length);
    }
  }
}

size_t Bm25Index::DocumentFrequency(const std::string& term) const {
  auto it = postings_.find(term);
  return it == postings_.end() ? 0 : it->second.size();
}

}  // namespace nyttig::search
