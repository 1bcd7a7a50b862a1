#include "search/analyzer/eval_command.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "search/analyzer/bm25_index.h"
#include "search/analyzer/relevance_metrics.h"

namespace nyttig::search {
namespace {

constexpr size_t kTopTen = 10;
constexpr size_t kTopHundred = 100;
constexpr double kReportedPrecision = 1e4;  // four decimals in the JSON output

std::vector<std::string> Terms(Analyzer& analyzer, const std::string& text, AnalyzeMode mode) {
  std::vector<std::string> terms;
  for (Token& token : analyzer.Analyze(text, mode)) terms.push_back(std::move(token.text));
  return terms;
}

// One BM25 index per field of the named analyzer.
class FieldedIndex {
 public:
  FieldedIndex(const NamedAnalyzer& named, std::vector<std::unique_ptr<Analyzer>> analyzers)
      : named_(named), analyzers_(std::move(analyzers)), indexes_(analyzers_.size()) {}

  void Add(const std::string& document) {
    for (size_t field_idx = 0; field_idx < analyzers_.size(); ++field_idx) {
      indexes_[field_idx].AddDocument(
          Terms(*analyzers_[field_idx], document, AnalyzeMode::kDocument));
    }
  }

  std::vector<int> Search(const std::string& query, size_t limit) {
    std::vector<double> scores(indexes_.empty() ? 0 : indexes_[0].document_count(), 0.0);
    for (size_t field_idx = 0; field_idx < analyzers_.size(); ++field_idx) {
      indexes_[field_idx].AddScores(Terms(*analyzers_[field_idx], query, AnalyzeMode::kQuery),
                                    named_.fields[field_idx].weight, scores);
    }
    return RankByScore(scores, limit);
  }

 private:
  const NamedAnalyzer& named_;
  std::vector<std::unique_ptr<Analyzer>> analyzers_;
  std::vector<Bm25Index> indexes_;
};

double Mean(double sum, size_t count) { return count == 0 ? 0.0 : sum / static_cast<double>(count); }

double Rounded(double value) { return std::round(value * kReportedPrecision) / kReportedPrecision; }

void WriteResult(const SearchEvalResult& result, std::ostream& out) {
  nlohmann::ordered_json json;
  json["queries"] = result.queries;
  json["documents"] = result.documents;
  json["ndcg10"] = Rounded(result.ndcg10);
  json["mrr10"] = Rounded(result.mrr10);
  json["recall10"] = Rounded(result.recall10);
  json["recall100"] = Rounded(result.recall100);
  json["analyzer"] = result.analyzer;
  out << json.dump() << "\n";
}

}  // namespace

std::vector<int> RankByScore(const std::vector<double>& scores, size_t limit) {
  std::vector<int> ranking;
  for (size_t document = 0; document < scores.size(); ++document) {
    if (scores[document] > 0.0) ranking.push_back(static_cast<int>(document));
  }
  const auto better = [&scores](int lhs, int rhs) {
    return scores[lhs] != scores[rhs] ? scores[lhs] > scores[rhs] : lhs < rhs;
  };
  const size_t kept = std::min(limit, ranking.size());
  std::partial_sort(ranking.begin(), ranking.begin() + static_cast<std::ptrdiff_t>(kept),
                    ranking.end(), better);
  ranking.resize(kept);
  return ranking;
}

StatusOr<SearchEvalResult> EvaluateRetrieval(const SwefaqCollection& collection,
                                             const NamedAnalyzer& named,
                                             std::shared_ptr<CompoundSplitter> splitter) {
  ASSIGN_OR_RETURN(std::vector<std::unique_ptr<Analyzer>> analyzers,
                   CreateFieldAnalyzers(named, std::move(splitter)));
  FieldedIndex index(named, std::move(analyzers));
  for (const std::string& document : collection.documents) index.Add(document);

  SearchEvalResult result;
  result.analyzer = named.name;
  result.queries = collection.queries.size();
  result.documents = collection.documents.size();
  double ndcg = 0, mrr = 0, recall10 = 0, recall100 = 0;
  for (const SwefaqQuery& query : collection.queries) {
    const std::vector<int> ranking = index.Search(query.question, kTopHundred);
    const std::unordered_set<int> relevant{query.relevant_document};
    ndcg += NdcgAtK(ranking, relevant, kTopTen);
    mrr += ReciprocalRankAtK(ranking, relevant, kTopTen);
    recall10 += RecallAtK(ranking, relevant, kTopTen);
    recall100 += RecallAtK(ranking, relevant, kTopHundred);
    const auto found = std::find(ranking.begin(), ranking.end(), query.relevant_document);
    result.relevant_ranks.push_back(
        found == ranking.end() ? 0 : static_cast<size_t>(found - ranking.begin()) + 1);
  }
  result.ndcg10 = Mean(ndcg, result.queries);
  result.mrr10 = Mean(mrr, result.queries);
  result.recall10 = Mean(recall10, result.queries);
  result.recall100 = Mean(recall100, result.queries);
  return result;
}

int RunSearchEvalCommand(const SearchEvalArgs& args, std::ostream& out, std::ostream& err) {
  StatusOr<NamedAnalyzer> named = FindNamedAnalyzer(args.analyzer);
  if (!named.ok()) {
    err << "search eval: " << named.status().message() << "\n";
    return 2;
  }
  StatusOr<SwefaqCollection> collection = ReadSwefaqFile(args.swefaq_jsonl);
  if (collection.ok() && collection->queries.empty()) {
    collection = InvalidArgumentError("no questions in " + args.swefaq_jsonl);
  }
  if (!collection.ok()) {
    err << "search eval: " << collection.status().message() << "\n";
    return 1;
  }
  std::shared_ptr<CompoundSplitter> splitter;
  if (named->NeedsCompoundSplitter()) {
    StatusOr<std::unique_ptr<CompoundSplitter>> loaded = CompoundSplitter::Load();
    if (!loaded.ok()) {
      err << "search eval: " << loaded.status().message() << "\n";
      return 1;
    }
    splitter = std::move(loaded).value();
  }
  StatusOr<SearchEvalResult> result = EvaluateRetrieval(*collection, *named, splitter);
  if (!result.ok()) {
    err << "search eval: " << result.status().message() << "\n";
    return 1;
  }
  WriteResult(*result, out);
  return 0;
}

}  // namespace nyttig::search
