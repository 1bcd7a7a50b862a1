// Similar ideas: while someone writes an idea, the form shows existing ideas
// of the same organisation that look alike (the same need in other words),
// so that people support or comment instead of sending a duplicate.
//
// SimilarIdeaFinder is the seam: the search module will fill it with its
// related-items query. AnalyzerSimilarIdeaFinder is the working version now:
// it analyses title, need and solution with the Swedish analyzer (Snowball
// stems, compound parts, no stop words) and ranks the organisation's ideas
// that the asker may see by Okapi BM25 over those three fields.
//
//   AnalyzerSimilarIdeaFinder finder(ideas, splitter);
//   ASSIGN_OR_RETURN(auto found, finder.Find(actor, {.organisation_id = 312,
//                                                    .title = "Påminnelse om bygglovsmöte"}));
//
// Thread-safety: Find may run concurrently (each call builds its own analyzer).
#pragma once

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
  double score = 0;  // BM25, only for ordering
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

class AnalyzerSimilarIdeaFinder : public SimilarIdeaFinder {
 public:
  // `splitter` may be null (then compounds are not split).
  AnalyzerSimilarIdeaFinder(IdeaService& ideas,
                            std::shared_ptr<search::CompoundSplitter> splitter);
  StatusOr<std::vector<SimilarIdea>> Find(const accounts::Actor& actor,
                                          const SimilarIdeaQuery& query) override;

 private:
  StatusOr<std::vector<Idea>> Candidates(const accounts::Actor& actor,
                                         const SimilarIdeaQuery& query);

  IdeaService& ideas_;
  std::shared_ptr<search::CompoundSplitter> splitter_;
};

// Validates a query (pure; the API's and the form's edge).
Status ValidateSimilarQuery(const SimilarIdeaQuery& query);

}  // namespace nyttig::ideas
