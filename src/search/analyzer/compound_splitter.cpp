#include "search/analyzer/compound_splitter.h"

#include <hunspell/hunspell.hxx>

#include <array>
#include <fstream>

#include "search/analyzer/utf8.h"

namespace nyttig::search {
namespace {

// Particles and prefixes that Hunspell accepts as words but that form
// lexicalised words rather than compounds: upp|handling, för|valtning,
// med|borgare, be|handling, an|ställning, miss|bruk, sam|verkan.
constexpr std::array<std::string_view, 38> kNonHeads = {
    "upp", "för", "före", "med", "av", "an", "be", "ge", "in", "ut", "på", "om", "mot",
    "till", "från", "över", "under", "efter", "fram", "bort", "ner", "ned", "åter", "sam",
    "miss", "van", "när", "vid", "genom", "kring", "inom", "utom", "mellan", "emot",
    // pronouns that happen to start words: dig|italisering, sin|nes
    "dig", "mig", "sig", "sin"};

// Dictionary words that are, in these positions, derivational or inflectional
// endings: verksam|het, ålder|dom, kommun|ens, arbet|are, tänk|bar.
constexpr std::array<std::string_view, 30> kNonTails = {
    "het", "heten", "heter", "hets", "dom", "domen", "domar", "ande", "andet", "ende",
    "else", "elsen", "skap", "skapet", "sam", "samt", "bar", "bart", "bara", "lig",
    "ligt", "liga", "ens", "ans", "are", "aren", "arna", "erna", "orna", "inna"};

// Names that are compounds in form but must stay whole so that a search for
// "Kammarkollegiet" does not rank every "kammare" and "kollegium" (prefixes of
// the lower-cased word, so that inflected forms are covered too).
constexpr std::array<std::string_view, 10> kKeepWhole = {
    "kammarkolleg", "socialstyrels", "försäkringskass", "arbetsförmedling",
    "folkhälsomyndighet", "läkemedelsverk", "skatteverk", "migrationsverk",
    "regeringskansli", "vårdguid"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view word) {
  for (std::string_view entry : list) {
    if (entry == word) return true;
  }
  return false;
}

// A particle plus one or two letters (förs, förse, uppta, avse) is a
// lexicalised verb, not a compound head: förs|lag would turn "förslag" into
// "lag".
bool IsParticlePlusStub(std::string_view head) {
  constexpr size_t kMaxStubCodePoints = 2;
  for (std::string_view particle : kNonHeads) {
    if (head.starts_with(particle) &&
        CountCodePoints(head.substr(particle.size())) <= kMaxStubCodePoints) {
      return true;
    }
  }
  return false;
}

bool IsKeptWhole(std::string_view word) {
  for (std::string_view prefix : kKeepWhole) {
    if (word.starts_with(prefix)) return true;
  }
  return false;
}

// Byte offsets of every code point boundary, 0 and size() included.
std::vector<size_t> CodePointBoundaries(std::string_view word) {
  std::vector<size_t> boundaries{0};
  size_t pos = 0;
  while (pos < word.size()) {
    DecodeUtf8(word, pos);
    boundaries.push_back(pos);
  }
  return boundaries;
}

// Spellings the head may have as a lemma once a linking morpheme is undone,
// most literal first.
std::vector<std::string> HeadLemmaCandidates(const std::string& head) {
  std::vector<std::string> bases{head};
  if (head.size() > 3 && head.back() == 's') bases.push_back(head.substr(0, head.size() - 1));
  std::vector<std::string> candidates;
  for (const std::string& base : bases) {
    candidates.push_back(base);
    candidates.push_back(base + "a");  // skol → skola
    candidates.push_back(base + "e");  // medborgar → medborgare, arbet → arbete
    const char last = base.back();
    if (last == 'u' || last == 'o' || last == 'e') {
      candidates.push_back(base.substr(0, base.size() - 1) + "a");  // gatu → gata
    }
  }
  return candidates;
}

Status CheckReadable(const std::string& path) {
  std::ifstream file(path);
  if (file.good()) return Status::Ok();
  return FailedPreconditionError("Swedish Hunspell dictionary not readable at " + path +
                                 " (install the Debian package hunspell-sv; "
                                 "scripts/install-deps.sh does)");
}

}  // namespace

StatusOr<std::unique_ptr<CompoundSplitter>> CompoundSplitter::Load(
    const CompoundSplitterOptions& options) {
  RETURN_IF_ERROR(CheckReadable(options.aff_path));
  RETURN_IF_ERROR(CheckReadable(options.dic_path));
  auto hunspell = std::make_unique<Hunspell>(options.aff_path.c_str(), options.dic_path.c_str());
  if (hunspell->get_dict_encoding() != "UTF-8") {
    return FailedPreconditionError("Hunspell dictionary " + options.dic_path +
                                   " is not UTF-8 (expected Debian's hunspell-sv)");
  }
  return std::unique_ptr<CompoundSplitter>(new CompoundSplitter(options, std::move(hunspell)));
}

CompoundSplitter::CompoundSplitter(const CompoundSplitterOptions& options,
                                   std::unique_ptr<Hunspell> hunspell)
    : options_(options),
      hunspell_(std::move(hunspell)),
      cache_(options.cache_capacity > 0 ? options.cache_capacity : 1) {}

CompoundSplitter::~CompoundSplitter() = default;

std::vector<std::string> CompoundSplitter::Split(std::string_view lower_word) {
  if (CountCodePoints(lower_word) < options_.min_word_code_points) return {};
  const std::string word(lower_word);
  std::lock_guard<std::mutex> lock(mutex_);
  if (const auto* cached = cache_.Find(word)) return *cached;
  std::vector<std::string> parts;
  if (!IsKeptWhole(word)) parts = SplitLocked(word, options_.max_depth);
  cache_.Insert(word, parts);
  return parts;
}

bool CompoundSplitter::IsKnownWord(const std::string& lower_word) {
  std::lock_guard<std::mutex> lock(mutex_);
  return hunspell_->spell(lower_word);
}

std::vector<std::string> CompoundSplitter::SplitLocked(const std::string& word, int depth) {
  if (depth <= 0 || CountCodePoints(word) < options_.min_word_code_points) return {};
  std::string head;
  std::string tail;
  if (!FindSplit(word, head, tail)) return {};
  std::vector<std::string> parts = SplitLocked(head, depth - 1);
  if (parts.empty()) parts.push_back(head);
  std::vector<std::string> tail_parts = SplitLocked(tail, depth - 1);
  if (tail_parts.empty()) tail_parts.push_back(tail);
  parts.insert(parts.end(), tail_parts.begin(), tail_parts.end());
  return parts;
}

bool CompoundSplitter::FindSplit(const std::string& word, std::string& head_lemma,
                                 std::string& tail) {
  const std::vector<size_t> boundaries = CodePointBoundaries(word);
  const size_t code_points = boundaries.size() - 1;
  for (size_t head_len = options_.min_head_code_points;
       head_len + options_.min_tail_code_points <= code_points; ++head_len) {
    const std::string head = word.substr(0, boundaries[head_len]);
    std::string candidate_tail = word.substr(boundaries[head_len]);
    if (IsParticlePlusStub(head) || Contains(kNonTails, candidate_tail)) continue;
    if (!IsSimpleWord(candidate_tail)) continue;
    if (MatchHeadLemma(head, head_lemma)) {
      tail = std::move(candidate_tail);
      return true;
    }
  }
  return false;
}

bool CompoundSplitter::IsSimpleWord(const std::string& word) {
  int info = 0;
  return hunspell_->spell(word, &info) && (info & SPELL_COMPOUND) == 0;
}

bool CompoundSplitter::IsLemma(const std::string& word) {
  int info = 0;
  std::string root;
  if (!hunspell_->spell(word, &info, &root)) return false;
  return (info & SPELL_COMPOUND) == 0 && (root.empty() || root == word);
}

bool CompoundSplitter::MatchHeadLemma(const std::string& head, std::string& lemma) {
  for (std::string& candidate : HeadLemmaCandidates(head)) {
    if (IsParticlePlusStub(candidate)) continue;
    if (IsLemma(candidate)) {
      lemma = std::move(candidate);
      return true;
    }
  }
  return false;
}

}  // namespace nyttig::search
