// Speed of the one-shot Polis clustering (dialogue/clustering) on the four
// real Polis exports and on a synthetic large conversation.
//
//   dialogue_cluster_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "dialogue/clustering/polis_clustering.h"
#include "dialogue/clustering/polis_csv.h"

namespace nyttig::dialogue {
namespace {

constexpr int kSyntheticParticipants = 10000;
constexpr int kSyntheticComments = 500;
constexpr double kSyntheticVoteShare = 0.2;  // share of comments each participant votes on
constexpr int kSyntheticOpinions = 3;
constexpr unsigned kSyntheticSeed = 20261128;

std::string ExportDir(const std::string& name) {
  return std::string(NYTTIG_SHARED_DATA_DIR) + "/polis/" + name + "/";
}

ConversationVotes LoadExport(const std::string& name) {
  StatusOr<ConversationVotes> votes =
      ReadPolisExport(ExportDir(name) + "comments.csv", ExportDir(name) + "votes.csv");
  return votes.ok() ? *votes : ConversationVotes{};
}

// Participants hold one of a few latent opinions (a random leaning per
// comment) and follow it with probability 0.7, pass 0.1, oppose 0.2.
ConversationVotes SyntheticConversation() {
  std::mt19937_64 rng(kSyntheticSeed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<std::vector<int>> leaning(kSyntheticOpinions, std::vector<int>(kSyntheticComments));
  for (auto& opinion : leaning) {
    for (int& lean : opinion) lean = unit(rng) < 0.5 ? kAgree : kDisagree;
  }
  ConversationVotes votes;
  int64_t sequence = 0;
  for (int participant = 0; participant < kSyntheticParticipants; ++participant) {
    const auto& opinion = leaning[static_cast<size_t>(participant % kSyntheticOpinions)];
    for (int comment = 0; comment < kSyntheticComments; ++comment) {
      if (unit(rng) >= kSyntheticVoteShare) continue;
      const double draw = unit(rng);
      const int lean = opinion[static_cast<size_t>(comment)];
      const int vote = draw < 0.7 ? lean : draw < 0.8 ? kPass : -lean;
      votes.events.push_back(VoteEvent{participant, comment, vote, ++sequence});
    }
  }
  votes.moderated_out_comment_ids = {3, 77, 250};
  return votes;
}

void RunClustering(benchmark::State& state, const ConversationVotes& votes) {
  if (votes.events.empty()) {
    state.SkipWithError("no votes loaded");
    return;
  }
  for (auto _ : state) {
    StatusOr<ClusteringResult> result = ClusterConversation(votes);
    benchmark::DoNotOptimize(result);
  }
  state.counters["votes"] = static_cast<double>(votes.events.size());
}

void BM_ClusterExport(benchmark::State& state, const std::string& name) {
  const ConversationVotes votes = LoadExport(name);
  RunClustering(state, votes);
}

void BM_ReadExport(benchmark::State& state, const std::string& name) {
  for (auto _ : state) {
    StatusOr<ConversationVotes> votes =
        ReadPolisExport(ExportDir(name) + "comments.csv", ExportDir(name) + "votes.csv");
    benchmark::DoNotOptimize(votes);
  }
}

void BM_ClusterSynthetic10000x500(benchmark::State& state) {
  static const ConversationVotes votes = SyntheticConversation();
  RunClustering(state, votes);
}

BENCHMARK_CAPTURE(BM_ClusterExport, seattle, std::string("15-per-hour-seattle"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ClusterExport, brexit, std::string("brexit-consensus"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ClusterExport, canadian, std::string("canadian-electoral-reform"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ClusterExport, football, std::string("football-concussions"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadExport, football, std::string("football-concussions"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ClusterSynthetic10000x500)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace nyttig::dialogue

BENCHMARK_MAIN();
