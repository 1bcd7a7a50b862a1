// Splits Swedish compounds into their parts, with Hunspell as the oracle.
//
// Hunspell's Swedish dictionary (Debian's hunspell-sv) accepts compounds but
// offers no segmentation, so the splitter tries split points itself, from the
// shortest head to the longest (which prefers hem|försäkring over
// hemför|säkring), and accepts head + tail when
//   * the tail is a dictionary word on its own (inflected forms allowed,
//     "omsorgens"; not itself accepted only as a compound) and not a
//     suffix-like word ("het", "dom", "ens", …: verksamhet stays whole),
//   * the head is a dictionary lemma (uninflected, so "hemför" = a form of
//     "hemföra" is refused) after undoing a linking morpheme: -s-
//     (digitaliserings → digitalisering), -e-/-a- dropped (skol → skola,
//     medborgar → medborgare, arbets → arbete) or a changed vowel
//     (gatu → gata, kyrko → kyrka, kvinno → kvinna),
//   * the head is not a particle or a particle plus one or two letters
//     (upp|handling, för|valtning, med|borgare, förs|lag stay whole), and the word is not on the list of names that
//     must stay whole ("kammarkollegiet", "socialstyrelsen", …),
//   * head and tail are at least min_head/min_tail code points long.
// Head and tail are then split again (up to max_depth levels), so
// "hemtjänstpersonal" gives hemtjänst → {hem, tjänst} and personal.
// The parts are returned in dictionary form (the head's lemma, the tail as
// written), ready for the stemmer.
//
//   ASSIGN_OR_RETURN(auto splitter, CompoundSplitter::Load());
//   splitter->Split("digitaliseringsstrategi");  // {"digitalisering", "strategi"}
//
// Thread-safety: Split() is safe to call from many threads; Hunspell and the
// LRU cache of decisions are guarded by one mutex, so share one instance
// (loading costs ~0.1 s and ~20 MB).
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "search/analyzer/lru_cache.h"

class Hunspell;

namespace nyttig::search {

struct CompoundSplitterOptions {
  std::string aff_path = "/usr/share/hunspell/sv_SE.aff";  // hunspell-sv
  std::string dic_path = "/usr/share/hunspell/sv_SE.dic";
  size_t cache_capacity = 65536;     // words whose decision is remembered
  size_t min_word_code_points = 7;   // shorter words (kommun) are never split
  size_t min_head_code_points = 3;
  size_t min_tail_code_points = 3;
  int max_depth = 3;                 // levels of recursive splitting
};

class CompoundSplitter {
 public:
  // Loads the dictionary. Fails with kFailedPrecondition (naming the path and
  // the package hunspell-sv) when a file is missing or unreadable.
  static StatusOr<std::unique_ptr<CompoundSplitter>> Load(
      const CompoundSplitterOptions& options = {});

  ~CompoundSplitter();
  CompoundSplitter(const CompoundSplitter&) = delete;
  CompoundSplitter& operator=(const CompoundSplitter&) = delete;

  // The parts of `lower_word` (lower-cased UTF-8), in order; empty when the
  // word is not a compound. Never fails.
  std::vector<std::string> Split(std::string_view lower_word);

  // True when Hunspell knows `lower_word` (alone or as a compound).
  bool IsKnownWord(const std::string& lower_word);

 private:
  CompoundSplitter(const CompoundSplitterOptions& options, std::unique_ptr<Hunspell> hunspell);

  // These run with mutex_ held.
  std::vector<std::string> SplitLocked(const std::string& word, int depth);
  bool FindSplit(const std::string& word, std::string& head_lemma, std::string& tail);
  bool IsSimpleWord(const std::string& word);
  bool IsLemma(const std::string& word);
  bool MatchHeadLemma(const std::string& head, std::string& lemma);

  CompoundSplitterOptions options_;
  std::unique_ptr<Hunspell> hunspell_;
  std::mutex mutex_;
  LruCache<std::vector<std::string>> cache_;
};

}  // namespace nyttig::search
