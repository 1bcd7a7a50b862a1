// `nyttig search eval`: relevance of the Swedish analyzers on SweFAQ.
//
// Builds a throw-away in-memory BM25 index (k1 1.2, b 0.75; one index per
// analyzer field, field scores summed with the field weights) of every
// distinct answer of a SweFAQ file, runs each question as an OR query of its
// terms and reports nDCG@10, MRR@10, recall@10 and recall@100. Only documents
// sharing at least one term with the query are ranked; ties go to the lower
// document id.
//
//   SearchEvalArgs args{.swefaq_jsonl = "swefaq_dev.jsonl", .analyzer = "stem"};
//   int exit_code = RunSearchEvalCommand(args, std::cout, std::cerr);
//
// Thread-safety: each call is independent; the command loads its own
// dictionary.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"
#include "search/analyzer/named_analyzers.h"
#include "search/analyzer/swefaq.h"

namespace nyttig::search {

struct SearchEvalArgs {
  std::string swefaq_jsonl;
  std::string analyzer;  // empty = platform default (DefaultAnalyzerName())
};

struct SearchEvalResult {
  std::string analyzer;
  size_t queries = 0;
  size_t documents = 0;
  double ndcg10 = 0.0;
  double mrr10 = 0.0;
  double recall10 = 0.0;
  double recall100 = 0.0;
  // Per query, the 1-based rank of its relevant document; 0 when not ranked.
  std::vector<size_t> relevant_ranks;
};

// Document ids with a positive score, best first, ties by lower id, at most
// `limit` of them.
std::vector<int> RankByScore(const std::vector<double>& scores, size_t limit);

// Evaluates `named` on `collection`. `splitter` may be null when the analyzer
// does not split compounds. Fails when an analyzer cannot be created.
StatusOr<SearchEvalResult> EvaluateRetrieval(const SwefaqCollection& collection,
                                             const NamedAnalyzer& named,
                                             std::shared_ptr<CompoundSplitter> splitter);

// Runs `nyttig search eval`: writes
// {"queries","documents","ndcg10","mrr10","recall10","recall100","analyzer"}
// to `out`. Returns 0 on success; 1 when the file is unreadable, malformed or
// has no questions (or the Swedish dictionary is missing), with the reason on
// `err`; 2 for an unknown analyzer name (the known names on `err`).
int RunSearchEvalCommand(const SearchEvalArgs& args, std::ostream& out, std::ostream& err);

}  // namespace nyttig::search
