// Similar ideas: while someone writes an idea, the form shows existing ideas
// of the same organisation that look alike (the same need in other words),
// so that people support or comment instead of sending a duplicate.
//
// SimilarIdeaFinder is the seam; IndexSimilarIdeaFinder fills it with the
// search module's index (one query per call, whatever the number of ideas).
//
//   IndexSimilarIdeaFinder finder(ideas, search_through_the_index, splitter, {});
//   ASSIGN_OR_RETURN(auto found, finder.Find(actor, {.organisation_id = 312,
//                                                    .title = "Påminnelse om bygglovsmöte"}));
//
// Thread-safety: Find may run concurrently when the IdeaTextSearch may (each
// call builds its own analyzer).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.h"
#include "core/status.h"
#include "ideas/idea_service.h"
#include "search/analyzer/compound_splitter.h"

namespace nyttig::ideas {

inline constexpr int kMaxSimilarIdeas = 10;
inline constexpr size_t kMaxSimilarQueryChars = 5000;

struct SimilarIdeaQuery {
  OrganisationId organisation_id = 0;
  std::string title;
  std::string need;
  std::string solution;
  std::optional<IdeaId> exclude;  // the idea being edited
  int limit = 5;
};

struct SimilarIdea {
  Idea idea;
  double score = 0;  // the index's BM25, only for ordering
};

class SimilarIdeaFinder {
 public:
  virtual ~SimilarIdeaFinder() = default;
  // Ideas of the query's organisation that `actor` may see, most alike
  // first, at most `limit`. kInvalidArgument when the query has no text or
  // a limit outside 1..kMaxSimilarIdeas.
  virtual StatusOr<std::vector<SimilarIdea>> Find(const accounts::Actor& actor,
                                                  const SimilarIdeaQuery& query) = 0;
};

// One idea found by a text search, with its score (higher is better).
struct IdeaMatch {
  IdeaId id = 0;
  double score = 0;
};
// Searches the ideas of `org` that `actor` may see for any of `words`
// (lower-case words separated by spaces, no query syntax), best first, at
// most `limit`. The App fills it with the search module's index, so that
// this library does not depend on the index's engines.
using IdeaTextSearch = std::function<StatusOr<std::vector<IdeaMatch>>(
    const accounts::Actor& actor, OrganisationId org, const std::string& words, int limit)>;

// Similar ideas from the search index: the text's content words (stop words
// dropped) as an any-word query, ranked by the index's BM25 with its
// collection statistics and field weights. A hit is "alike" when it shares
// at least `min_shared_terms` distinct terms with the text after Swedish
// analysis (stems and compound parts, no stop words) — one shared common word
// is not enough — and scores at least `min_share` of the best hit. The rule counts terms rather than scores because a BM25
// score depends on the collection (a new organisation's few ideas score
// low whatever they say; bench/README.md, "Similar ideas"). Ideas are read
// back through IdeaService (visibility checked again); parked and closed
// ones are left out.
class IndexSimilarIdeaFinder : public SimilarIdeaFinder {
 public:
  struct Options {
    int min_shared_terms = 2;  // distinct analysed terms in common
    double min_share = 0.5;    // of the best hit's score (relative, so collection-free)
    int candidates = 20;       // hits read back before filtering
    int max_words = 40;        // content words sent as the query
  };
  // `splitter` may be null (then compounds are not split).
  IndexSimilarIdeaFinder(IdeaService& ideas, IdeaTextSearch search,
                         std::shared_ptr<search::CompoundSplitter> splitter, Options options);
  StatusOr<std::vector<SimilarIdea>> Find(const accounts::Actor& actor,
                                          const SimilarIdeaQuery& query) override;

 private:
  IdeaService& ideas_;
  IdeaTextSearch search_;
  std::shared_ptr<search::CompoundSplitter> splitter_;
  Options options_;
};

// The words of `text` that carry meaning: lower-cased, letters and digits
// only, stop words dropped, each once, at most `max_words` (pure).
std::vector<std::string> ContentWords(const std::string& text, int max_words);

// Validates a query (pure; the API's and the form's edge).
Status ValidateSimilarQuery(const SimilarIdeaQuery& query);

}  // namespace nyttig::ideas
