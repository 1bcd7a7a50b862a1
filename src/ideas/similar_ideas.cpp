#include "ideas/similar_ideas.h"

#include <algorithm>

#include "core/text.h"
#include "search/analyzer/analyzer.h"
#include "search/analyzer/bm25_index.h"

namespace nyttig::ideas {
namespace {

// The newest ideas of an organisation compared against; beyond this the
// search module's index is the right tool.
constexpr int kMaxCandidates = 2000;
constexpr int kPageSize = 100;
// Below this BM25 score a match rests on one common word: not "alike".
constexpr double kMinScore = 2.0;

std::vector<std::string> Terms(search::Analyzer& analyzer, const std::string& text,
                               search::AnalyzeMode mode) {
  std::vector<std::string> out;
  for (const search::Token& token : analyzer.Analyze(text, mode)) out.push_back(token.text);
  return out;
}

std::string IdeaText(const Idea& idea) {
  // The title twice: it names the need most compactly.
  return idea.title + " " + idea.title + " " + idea.need + " " + idea.solution;
}

}  // namespace

Status ValidateSimilarQuery(const SimilarIdeaQuery& q) {
  Status problems = InvalidArgumentError("validation.failed");
  if (Trim(q.title).empty() && Trim(q.need).empty() && Trim(q.solution).empty()) {
    problems.AddInvalid("title", "ideas.similar.text_required");
  }
  for (const auto& [name, text] : {std::pair{"title", &q.title}, {"need", &q.need},
                                   {"solution", &q.solution}}) {
    if (Utf8Length(*text) > kMaxSimilarQueryChars) {
      problems.AddInvalid(name, "validation.too_long", "",
                          {{"max", std::to_string(kMaxSimilarQueryChars)}});
    }
  }
  if (q.limit < 1 || q.limit > kMaxSimilarIdeas) {
    problems.AddInvalid("limit", "validation.out_of_range", std::to_string(q.limit),
                        {{"min", "1"}, {"max", std::to_string(kMaxSimilarIdeas)}});
  }
  return problems.invalid_parameters().empty() ? Status::Ok() : problems;
}

AnalyzerSimilarIdeaFinder::AnalyzerSimilarIdeaFinder(
    IdeaService& ideas, std::shared_ptr<search::CompoundSplitter> splitter)
    : ideas_(ideas), splitter_(std::move(splitter)) {}

StatusOr<std::vector<Idea>> AnalyzerSimilarIdeaFinder::Candidates(const accounts::Actor& actor,
                                                                  const SimilarIdeaQuery& q) {
  std::vector<Idea> out;
  IdeaFilter filter{.organisation_id = q.organisation_id, .limit = kPageSize};
  while (static_cast<int>(out.size()) < kMaxCandidates) {
    // ListIdeas applies the visibility rules: nobody is shown what they may not see.
    ASSIGN_OR_RETURN(IdeaPage page, ideas_.ListIdeas(actor, filter));
    for (Idea& idea : page.items) {
      if (idea.id != q.exclude && !IsSideStage(idea.stage.kind)) out.push_back(std::move(idea));
    }
    filter.offset += kPageSize;
    if (filter.offset >= page.total) break;
  }
  return out;
}

StatusOr<std::vector<SimilarIdea>> AnalyzerSimilarIdeaFinder::Find(const accounts::Actor& actor,
                                                                   const SimilarIdeaQuery& q) {
  RETURN_IF_ERROR(ValidateSimilarQuery(q));
  ASSIGN_OR_RETURN(std::vector<Idea> candidates, Candidates(actor, q));
  ASSIGN_OR_RETURN(std::unique_ptr<search::Analyzer> analyzer,
                   search::Analyzer::Create({.stem = true,
                                             .split_compounds = splitter_ != nullptr,
                                             .remove_stop_words = true},
                                            splitter_));
  search::Bm25Index index;
  for (const Idea& idea : candidates) {
    index.AddDocument(Terms(*analyzer, IdeaText(idea), search::AnalyzeMode::kDocument));
  }
  std::vector<double> scores(index.document_count(), 0.0);
  const std::string query = q.title + " " + q.need + " " + q.solution;
  index.AddScores(Terms(*analyzer, query, search::AnalyzeMode::kDocument), 1.0, scores);
  std::vector<SimilarIdea> found;
  for (size_t doc_idx = 0; doc_idx < scores.size(); ++doc_idx) {
    if (scores[doc_idx] >= kMinScore) found.push_back({candidates[doc_idx], scores[doc_idx]});
  }
  std::sort(found.begin(), found.end(),
            [](const SimilarIdea& a, const SimilarIdea& b) { return a.score > b.score; });
  if (found.size() > static_cast<size_t>(q.limit)) found.resize(q.limit);
  return found;
}

}  // namespace nyttig::ideas
