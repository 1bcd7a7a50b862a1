#include "ideas/similar_ideas.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/text.h"
#include "search/analyzer/analyzer.h"
#include "search/analyzer/stop_words.h"

namespace nyttig::ideas {

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

namespace {

// The distinct analysed terms of `text` (stems and compound parts).
std::set<std::string> Terms(search::Analyzer& analyzer, const std::string& text) {
  std::set<std::string> out;
  for (const search::Token& token : analyzer.Analyze(text, search::AnalyzeMode::kDocument)) {
    out.insert(token.text);
  }
  return out;
}

int SharedTerms(const std::set<std::string>& a, const std::set<std::string>& b) {
  int shared = 0;
  for (const std::string& term : a) shared += b.contains(term) ? 1 : 0;
  return shared;
}

std::string IdeaText(const Idea& idea) {
  return idea.title + " " + idea.need + " " + idea.solution;
}

// ASCII letters and digits, or the lead byte of a Latin-1 / Latin
// Extended-A letter (å ä ö é ü …): a dash or a quotation mark is no word.
bool HasLetterOrDigit(const std::string& word) {
  return std::any_of(word.begin(), word.end(), [](char ch) {
    unsigned char c = static_cast<unsigned char>(ch);
    return std::isalnum(c) || (c >= 0xC3 && c <= 0xC5);
  });
}

}  // namespace

std::vector<std::string> ContentWords(const std::string& text, int max_words) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (HasLetterOrDigit(word) && !search::IsStopWord(word) &&
        std::find(out.begin(), out.end(), word) == out.end() && int(out.size()) < max_words) {
      out.push_back(word);
    }
    word.clear();
  };
  for (char ch : Utf8ToLower(text)) {
    unsigned char c = static_cast<unsigned char>(ch);
    // Bytes of multi-byte UTF-8 letters (å, ä, ö, é …) belong to the word;
    // ASCII punctuation and spaces end it, so no query syntax gets through.
    if (c >= 0x80 || std::isalnum(c)) word += ch;
    else flush();
  }
  flush();
  return out;
}

IndexSimilarIdeaFinder::IndexSimilarIdeaFinder(IdeaService& ideas, IdeaTextSearch search,
                                               std::shared_ptr<search::CompoundSplitter> splitter,
                                               Options options)
    : ideas_(ideas), search_(std::move(search)), splitter_(std::move(splitter)), options_(options) {}

StatusOr<std::vector<SimilarIdea>> IndexSimilarIdeaFinder::Find(const accounts::Actor& actor,
                                                                const SimilarIdeaQuery& q) {
  RETURN_IF_ERROR(ValidateSimilarQuery(q));
  const std::string text = q.title + " " + q.need + " " + q.solution;
  std::vector<std::string> words = ContentWords(text, options_.max_words);
  std::vector<SimilarIdea> found;
  if (words.empty()) return found;
  std::string query;
  for (const std::string& w : words) query += (query.empty() ? "" : " ") + w;
  ASSIGN_OR_RETURN(std::vector<IdeaMatch> hits,
                   search_(actor, q.organisation_id, query, options_.candidates));
  ASSIGN_OR_RETURN(std::unique_ptr<search::Analyzer> analyzer,
                   search::Analyzer::Create({.stem = true,
                                             .split_compounds = splitter_ != nullptr,
                                             .remove_stop_words = true},
                                            splitter_));
  const std::set<std::string> asked = Terms(*analyzer, text);
  const double best = hits.empty() ? 0 : hits.front().score;
  for (const IdeaMatch& hit : hits) {
    if (hit.id == q.exclude) continue;
    if (hit.score < options_.min_share * best) break;  // ranked: the rest score lower
    StatusOr<Idea> idea = ideas_.GetIdea(actor, hit.id);
    if (!idea.ok() || IsSideStage(idea->stage.kind)) continue;
    if (SharedTerms(asked, Terms(*analyzer, IdeaText(*idea))) < options_.min_shared_terms) continue;
    found.push_back({std::move(*idea), hit.score});
    if (int(found.size()) == q.limit) break;
  }
  return found;
}

}  // namespace nyttig::ideas
