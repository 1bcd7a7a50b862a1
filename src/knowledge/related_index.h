// Related documents: for each document of a library, the documents an editor
// would most likely link from it.
//
// Method (measured on regeringen.se's editor-chosen links, bench/README.md):
//   1. Body and title are analysed with the platform's Swedish analyzer
//      (Snowball stems, stop words dropped, optionally compound parts).
//   2. Each field is weighted by TF-IDF with sublinear term frequency
//      (1 + ln tf) × (ln((1 + N) / (1 + df)) + 1), terms in fewer than
//      `min_df` or more than `max_df` × N documents dropped, L2-normalised
//      (Salton & Buckley 1988; scikit-learn's smooth idf).
//   3. A document's query is its `max_query_terms` heaviest body terms
//      (Lucene's more-like-this), scored by cosine against every document,
//      plus `title_weight` × the title cosine.
//   4. Editors link what belongs to the same case: a shared diary number
//      adds `diary_bonus`, and documents decided close in time get the score
//      multiplied by 1 + `date_boost` × exp(−|Δ months| / `date_scale_months`).
//
//   ASSIGN_OR_RETURN(auto index, RelatedIndex::Build(inputs, {}, splitter));
//   for (const ScoredDocument& s : index->MostRelated(42, 10)) ...
//
// Thread-safety: Build is a pure function; a built index is immutable and
// its const methods may run concurrently.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "knowledge/document.h"
#include "search/analyzer/compound_splitter.h"

namespace nyttig::knowledge {

struct ScoredDocument {
  DocumentId id = 0;
  double score = 0;
  bool operator==(const ScoredDocument&) const = default;
};

// Anything that can answer "the most related documents of X": this index
// today, the search module's more-like-this when it lands.
class RelatedSource {
 public:
  virtual ~RelatedSource() = default;
  // Up to `limit` documents other than `id`, most related first; empty for
  // an unknown id.
  virtual std::vector<ScoredDocument> MostRelated(DocumentId id, size_t limit) const = 0;
};

struct RelatedInput {
  DocumentId id = 0;
  std::string title;
  std::string text;
  std::optional<std::string> decision_date;  // YYYY-MM-DD (or YYYY-MM)
  std::string diary_number;
};

struct RelatedOptions {
  bool split_compounds = false;     // compound parts as extra terms (needs a splitter)
  int min_df = 2;                   // documents
  double max_df = 0.5;              // share of documents
  size_t max_query_terms = 200;     // heaviest body terms in a document's query
  double title_weight = 0.2;        // title cosine added with this weight
  double date_boost = 1.0;          // 0 turns the date prior off
  double date_scale_months = 1.0;   // months; e-folding distance of the date prior
  double diary_bonus = 1.0;         // added for a shared diary number
};

class RelatedIndex : public RelatedSource {
 public:
  // Analyses every input and builds the index. Fails when the analyzer
  // cannot be created (kInvalidArgument without a splitter when
  // split_compounds is asked for).
  static StatusOr<std::unique_ptr<RelatedIndex>> Build(
      const std::vector<RelatedInput>& inputs, const RelatedOptions& options,
      std::shared_ptr<search::CompoundSplitter> splitter);

  std::vector<ScoredDocument> MostRelated(DocumentId id, size_t limit) const override;
  size_t size() const { return ids_.size(); }

 private:
  using SparseVector = std::vector<std::pair<int, float>>;  // term index, weight
  struct Field {
    std::vector<SparseVector> vectors;                       // per document
    std::vector<std::vector<std::pair<int, float>>> postings;  // per term: document, weight
  };
  RelatedIndex() = default;
  static Field BuildField(const std::vector<std::vector<std::string>>& terms,
                          const RelatedOptions& options, int min_df, double max_df);
  void AddFieldScores(const Field& field, int doc, size_t max_terms, double weight,
                      std::unordered_map<int, double>& scores) const;
  double Prior(int doc, int other) const;

  RelatedOptions options_;
  std::vector<DocumentId> ids_;
  std::unordered_map<DocumentId, int> position_;
  std::vector<std::optional<int>> months_;
  std::vector<std::string> diaries_;
  std::unordered_map<std::string, std::vector<int>> by_diary_;
  Field body_;
  Field title_;
};

}  // namespace nyttig::knowledge
