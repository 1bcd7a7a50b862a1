#include "knowledge/related_index.h"

#include <algorithm>
#include <cmath>

#include "search/analyzer/analyzer.h"

namespace nyttig::knowledge {
namespace {

// "2019-06-12" → months since year 0, for the date prior.
std::optional<int> MonthIndex(const std::optional<std::string>& date) {
  if (!date || date->size() < 7 || (*date)[4] != '-') return std::nullopt;
  int year = 0, month = 0;
  for (int i = 0; i < 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>((*date)[i]))) return std::nullopt;
    year = year * 10 + ((*date)[i] - '0');
  }
  for (int i = 5; i < 7; ++i) {
    if (!std::isdigit(static_cast<unsigned char>((*date)[i]))) return std::nullopt;
    month = month * 10 + ((*date)[i] - '0');
  }
  return year * 12 + month - 1;
}

std::vector<std::string> Terms(search::Analyzer& analyzer, const std::string& text) {
  std::vector<std::string> terms;
  for (search::Token& t : analyzer.Analyze(text, search::AnalyzeMode::kDocument)) {
    terms.push_back(std::move(t.text));
  }
  return terms;
}

}  // namespace

RelatedIndex::Field RelatedIndex::BuildField(const std::vector<std::vector<std::string>>& terms,
                                             const RelatedOptions& options, int min_df,
                                             double max_df) {
  (void)options;
  std::unordered_map<std::string, int> term_ids;
  std::vector<int> df;
  std::vector<std::unordered_map<int, int>> counts(terms.size());
  for (size_t doc = 0; doc < terms.size(); ++doc) {
    for (const std::string& term : terms[doc]) {
      auto [it, added] = term_ids.try_emplace(term, static_cast<int>(df.size()));
      if (added) df.push_back(0);
      if (counts[doc][it->second]++ == 0) ++df[it->second];
    }
  }
  const double n = static_cast<double>(terms.size());
  Field field;
  field.vectors.resize(terms.size());
  field.postings.resize(df.size());
  for (size_t doc = 0; doc < terms.size(); ++doc) {
    SparseVector& vec = field.vectors[doc];
    double norm = 0;
    for (auto [term, tf] : counts[doc]) {
      if (df[term] < min_df || df[term] > max_df * n) continue;
      double idf = std::log((1 + n) / (1 + df[term])) + 1;
      double w = (1 + std::log(static_cast<double>(tf))) * idf;
      vec.emplace_back(term, static_cast<float>(w));
      norm += w * w;
    }
    norm = norm > 0 ? std::sqrt(norm) : 1;
    for (auto& [term, w] : vec) w = static_cast<float>(w / norm);
    // Heaviest first, so that a query can take the leading terms.
    std::sort(vec.begin(), vec.end(), [](auto& a, auto& b) { return a.second > b.second; });
    for (auto [term, w] : vec) field.postings[term].emplace_back(static_cast<int>(doc), w);
  }
  return field;
}

StatusOr<std::unique_ptr<RelatedIndex>> RelatedIndex::Build(
    const std::vector<RelatedInput>& inputs, const RelatedOptions& options,
    std::shared_ptr<search::CompoundSplitter> splitter) {
  ASSIGN_OR_RETURN(auto analyzer,
                   search::Analyzer::Create({.stem = true,
                                             .split_compounds = options.split_compounds,
                                             .remove_stop_words = true},
                                            std::move(splitter)));
  std::unique_ptr<RelatedIndex> index(new RelatedIndex());
  index->options_ = options;
  std::vector<std::vector<std::string>> body_terms, title_terms;
  for (const RelatedInput& in : inputs) {
    int pos = static_cast<int>(index->ids_.size());
    index->ids_.push_back(in.id);
    index->position_[in.id] = pos;
    index->months_.push_back(MonthIndex(in.decision_date));
    index->diaries_.push_back(in.diary_number);
    if (!in.diary_number.empty()) index->by_diary_[in.diary_number].push_back(pos);
    body_terms.push_back(Terms(*analyzer, in.title + "\n" + in.text));
    title_terms.push_back(Terms(*analyzer, in.title));
  }
  index->body_ = BuildField(body_terms, options, options.min_df, options.max_df);
  // Titles are short: a word shared by two titles is evidence even when rare.
  index->title_ = BuildField(title_terms, options, 1, options.max_df);
  return index;
}

void RelatedIndex::AddFieldScores(const Field& field, int doc, size_t max_terms, double weight,
                                  std::unordered_map<int, double>& scores) const {
  const SparseVector& query = field.vectors[static_cast<size_t>(doc)];
  size_t used = std::min(max_terms, query.size());
  for (size_t term_idx = 0; term_idx < used; ++term_idx) {
    auto [term, qw] = query[term_idx];
    for (auto [other, dw] : field.postings[static_cast<size_t>(term)]) {
      scores[other] += weight * qw * dw;
    }
  }
}

double RelatedIndex::Prior(int doc, int other) const {
  const auto& a = months_[static_cast<size_t>(doc)];
  const auto& b = months_[static_cast<size_t>(other)];
  if (!a || !b || options_.date_boost == 0) return 1.0;
  double distance = std::abs(*a - *b);
  return 1.0 + options_.date_boost * std::exp(-distance / options_.date_scale_months);
}

std::vector<ScoredDocument> RelatedIndex::MostRelated(DocumentId id, size_t limit) const {
  auto found = position_.find(id);
  if (found == position_.end()) return {};
  int doc = found->second;
  std::unordered_map<int, double> scores;
  AddFieldScores(body_, doc, options_.max_query_terms, 1.0, scores);
  AddFieldScores(title_, doc, options_.max_query_terms, options_.title_weight, scores);
  const std::string& diary = diaries_[static_cast<size_t>(doc)];
  if (!diary.empty()) {
    for (int other : by_diary_.at(diary)) scores[other] += options_.diary_bonus;
  }
  scores.erase(doc);
  std::vector<ScoredDocument> ranked;
  ranked.reserve(scores.size());
  for (auto [other, score] : scores) {
    ranked.push_back({ids_[static_cast<size_t>(other)], score * Prior(doc, other)});
  }
  size_t keep = std::min(limit, ranked.size());
  // Ties broken by id so that lists are stable between runs.
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end(),
                    [](const ScoredDocument& a, const ScoredDocument& b) {
                      return a.score != b.score ? a.score > b.score : a.id < b.id;
                    });
  ranked.resize(keep);
  return ranked;
}

}  // namespace nyttig::knowledge
