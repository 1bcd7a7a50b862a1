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

double Bm25Index::Idf(size_t document_frequency) const {
  const auto n = static_cast<double>(document_count());
  const auto df = static_cast<double>(document_frequency);
  return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
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
      const double tf = posting.term_frequency;
      const double length_ratio =
          average_length > 0 ? document_lengths_[posting.document] / average_length : 0.0;
      const double norm = params_.k1 * (1.0 - params_.b + params_.b * length_ratio);
      scores[posting.document] += weight * idf * tf * (params_.k1 + 1.0) / (tf + norm);
    }
  }
}

size_t Bm25Index::DocumentFrequency(const std::string& term) const {
  auto it = postings_.find(term);
  return it == postings_.end() ? 0 : it->second.size();
}

}  // namespace nyttig::search
