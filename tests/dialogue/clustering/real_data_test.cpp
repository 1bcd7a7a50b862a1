// Real Polis exports (/work/shared/data/polis, CC BY 4.0, The Computational
// Democracy Project): counts, agreement with Polis's own group ids and
// consistency of the representative comments.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "dialogue/clustering/cluster_command.h"
#include "dialogue/clustering/cluster_json.h"
#include "dialogue/clustering/csv_reader.h"
#include "dialogue/clustering/polis_clustering.h"
#include "dialogue/clustering/polis_csv.h"

namespace nyttig::dialogue {
namespace {

std::string ExportDir(const std::string& name) {
  return std::string(NYTTIG_SHARED_DATA_DIR) + "/polis/" + name + "/";
}

// Polis's group-id per participant from participants-votes.csv; participants
// without a group are left out.
std::map<int64_t, int> PolisGroups(const std::string& name) {
  StatusOr<CsvTable> table = ReadCsvFile(ExportDir(name) + "participants-votes.csv");
  EXPECT_TRUE(table.ok()) << table.status().message();
  std::map<int64_t, int> groups;
  if (!table.ok()) return groups;
  const int participant = table->ColumnIndex("participant");
  const int group = table->ColumnIndex("group-id");
  for (const CsvRow& row : table->rows) {
    if (row.fields[group].empty()) continue;
    groups[std::stoll(row.fields[participant])] = std::stoi(row.fields[group]);
  }
  return groups;
}

double Choose2(double n) { return n * (n - 1) / 2; }

// Adjusted Rand index (Hubert & Arabie) of two labelings of the same items.
double AdjustedRandIndex(const std::vector<std::pair<int, int>>& labels) {
  std::map<std::pair<int, int>, int> cells;
  std::map<int, int> rows;
  std::map<int, int> cols;
  for (const auto& pair : labels) {
    ++cells[pair];
    ++rows[pair.first];
    ++cols[pair.second];
  }
  double index = 0, sum_rows = 0, sum_cols = 0;
  for (const auto& [key, count] : cells) index += Choose2(count);
  for (const auto& [key, count] : rows) sum_rows += Choose2(count);
  for (const auto& [key, count] : cols) sum_cols += Choose2(count);
  const double expected = sum_rows * sum_cols / Choose2(static_cast<double>(labels.size()));
  const double max_index = (sum_rows + sum_cols) / 2;
  return max_index == expected ? 1.0 : (index - expected) / (max_index - expected);
}

// Expected figures per export. `participants` is summary.csv's `voters`;
// `in_conversation` is the one-shot in-conv rule (Polis labels 138, 197, 281
// and 1434 participants: the live rule is sticky and older exports label
// single-vote participants, polis-method.md 1.4). `group_sizes` were
// cross-checked with an independent throw-away pure-Python implementation of
// polis-method.md (power iteration instead of exact eigenvectors), which gave
// the same sizes. ARI against Polis's exported group-id (over participants
// clustered by both) measured 2026-11-28: Seattle 0.5625, Brexit 0.5420,
// Canadian 0.1744, Football 0.0883. Polis's live groups depend on the update
// history (seeded k-means, k-smoother; polis-method.md 1.9), and Polis chose
// k = 2 everywhere while a fresh run picks 3 for Brexit and Canadian and 4
// for Football, hence the low agreement there. Row order alone matters too:
// with the participant rows shuffled (8 seeds, the same Python reference),
// Seattle's ARI ranged from 0.32 to 0.88 (polis-method.md 1.2, 1.7). `min_ari` is the measured
// value minus 0.05, to catch regressions without tuning to one export.
struct RealCase {
  std::string name;
  int participants;
  int in_conversation;
  std::vector<size_t> group_sizes;
  double min_ari;
};

// Shown in test names instead of the bytes of the struct.
void PrintTo(const RealCase& real_case, std::ostream* os) { *os << real_case.name; }

// The latest vote per (participant, comment), read straight from votes.csv.
std::map<std::pair<int64_t, int64_t>, int> LatestVotes(const std::string& name) {
  StatusOr<CsvTable> table = ReadCsvFile(ExportDir(name) + "votes.csv");
  EXPECT_TRUE(table.ok());
  std::map<std::pair<int64_t, int64_t>, std::pair<int64_t, int>> latest;
  const int time = table->ColumnIndex("timestamp");
  const int comment = table->ColumnIndex("comment-id");
  const int voter = table->ColumnIndex("voter-id");
  const int vote = table->ColumnIndex("vote");
  for (const CsvRow& row : table->rows) {
    const std::pair<int64_t, int64_t> key{std::stoll(row.fields[voter]),
                                          std::stoll(row.fields[comment])};
    const int64_t when = std::stoll(row.fields[time]);
    auto it = latest.find(key);
    if (it == latest.end() || when >= it->second.first) {
      latest[key] = {when, std::stoi(row.fields[vote])};
    }
  }
  std::map<std::pair<int64_t, int64_t>, int> votes;
  for (const auto& [key, value] : latest) votes[key] = value.second;
  return votes;
}

class ClusteringRealDataTest : public ::testing::TestWithParam<RealCase> {
 protected:
  static ConversationVotes Load(const std::string& name) {
    StatusOr<ConversationVotes> votes =
        ReadPolisExport(ExportDir(name) + "comments.csv", ExportDir(name) + "votes.csv");
    EXPECT_TRUE(votes.ok()) << votes.status().message();
    return votes.ok() ? *votes : ConversationVotes{};
  }
  static ClusteringResult Run(const ConversationVotes& votes) {
    StatusOr<ClusteringResult> result = ClusterConversation(votes);
    EXPECT_TRUE(result.ok()) << result.status().message();
    return result.ok() ? *result : ClusteringResult{};
  }
  // One computation per export for the whole test program (sanitizer builds
  // are slow); tests only read it.
  static const ClusteringResult& Cached(const std::string& name) {
    static std::map<std::string, ClusteringResult> cache;
    auto it = cache.find(name);
    if (it == cache.end()) it = cache.emplace(name, Run(Load(name))).first;
    return it->second;
  }
};

TEST_P(ClusteringRealDataTest, ParticipantAndInConversationCounts) {
  const ClusteringResult& result = Cached(GetParam().name);
  EXPECT_EQ(result.participants, GetParam().participants);
  EXPECT_EQ(result.in_conversation, GetParam().in_conversation);
}

TEST_P(ClusteringRealDataTest, GroupSizesMatchIndependentReference) {
  const ClusteringResult& result = Cached(GetParam().name);
  std::vector<size_t> sizes;
  for (const OpinionGroup& group : result.groups) sizes.push_back(group.members.size());
  EXPECT_EQ(sizes, GetParam().group_sizes);
}

TEST_P(ClusteringRealDataTest, GroupsAgreeWithPolisGroupIdsAsMeasured) {
  const ClusteringResult& result = Cached(GetParam().name);
  const std::map<int64_t, int> polis = PolisGroups(GetParam().name);
  std::vector<std::pair<int, int>> labels;
  for (const OpinionGroup& group : result.groups) {
    for (int64_t member : group.members) {
      if (auto it = polis.find(member); it != polis.end())
        labels.emplace_back(group.id, it->second);
    }
  }
  const double ari = AdjustedRandIndex(labels);
  RecordProperty("ari", std::to_string(ari));
  EXPECT_GE(ari, GetParam().min_ari);
}

TEST_P(ClusteringRealDataTest, RepresentativeCommentsMatchTheGroupsOwnVotes) {
  const ClusteringResult& result = Cached(GetParam().name);
  const auto votes = LatestVotes(GetParam().name);
  for (const OpinionGroup& group : result.groups) {
    ASSERT_FALSE(group.representative.empty());
    for (const RepresentativeComment& rep : group.representative) {
      int agree = 0, disagree = 0, seen = 0;
      for (int64_t member : group.members) {
        auto it = votes.find({member, rep.comment_id});
        if (it == votes.end()) continue;
        ++seen;
        agree += it->second == kAgree;
        disagree += it->second == kDisagree;
      }
      const int success = rep.direction == Direction::kAgree ? agree : disagree;
      EXPECT_EQ(rep.n_trials, seen) << group.id << "/" << rep.comment_id;
      EXPECT_EQ(rep.n_success, success) << group.id << "/" << rep.comment_id;
      EXPECT_NEAR(rep.p_success, (success + 1.0) / (seen + 2.0), 1e-12);
      if (!rep.best_agree) {
        EXPECT_GT(rep.p_test, kZ90);  // passed Polis's significance test
        EXPECT_GT(rep.repness_test, kZ90);
      }
    }
  }
}

TEST_P(ClusteringRealDataTest, VoteRowOrderDoesNotChangeTheResult) {
  const ConversationVotes votes = Load(GetParam().name);
  ConversationVotes reversed = votes;
  std::reverse(reversed.events.begin(), reversed.events.end());
  const ClusteringResult lhs = Run(votes);
  const ClusteringResult rhs = Run(reversed);
  EXPECT_EQ(ClusteringToJson(lhs).dump(), ClusteringToJson(rhs).dump());
}

INSTANTIATE_TEST_SUITE_P(
    PolisExports, ClusteringRealDataTest,
    ::testing::Values(RealCase{"15-per-hour-seattle", 339, 138, {82, 56}, 0.51},
                      RealCase{"brexit-consensus", 204, 189, {88, 40, 61}, 0.49},
                      RealCase{"canadian-electoral-reform", 448, 281, {18, 147, 116}, 0.12},
                      RealCase{"football-concussions", 1487, 592, {259, 26, 200, 107}, 0.04}),
    [](const auto& info) {
      std::string name = info.param.name;
      for (char& c : name) {
        if (c == '-') c = '_';
      }
      return name;
    });

// The command on the export CONTRACTS.md uses as its example.
TEST(ClusteringRealDataCommandTest, SeattleCommandOutputHasContractCountsAndNoNulls) {
  std::ostringstream out;
  std::ostringstream err;
  const ClusterCommandArgs args{ExportDir("15-per-hour-seattle") + "comments.csv",
                                ExportDir("15-per-hour-seattle") + "votes.csv", ""};
  ASSERT_EQ(RunClusterCommand(args, out, err), 0) << err.str();
  const nlohmann::json doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["participants"], 339);
  EXPECT_EQ(doc["in_conversation"], 138);
  EXPECT_EQ(doc["k"], 2);
  EXPECT_EQ(out.str().find("null"), std::string::npos);  // NaN or infinity would print as null
}

// PCA of the Seattle export against the independent pure-Python reference
// (power iteration to convergence, same sign convention); first entries only.
TEST(ClusteringRealDataPcaTest, SeattleComponentsMatchIndependentReference) {
  StatusOr<ConversationVotes> votes =
      ReadPolisExport(ExportDir("15-per-hour-seattle") + "comments.csv",
                      ExportDir("15-per-hour-seattle") + "votes.csv");
  ASSERT_TRUE(votes.ok());
  StatusOr<ClusteringResult> result = ClusterConversation(*votes);
  ASSERT_TRUE(result.ok());
  const Pca& pca = result->pca;
  constexpr double kTolerance = 1e-6;
  const double center[] = {0.13592233009708737, 0.33884297520661155, 0.32038834951456313};
  const double pc1[] = {-0.07301988150964289, -0.03026768292036542, -0.19527672625756373};
  const double pc2[] = {0.21594198499588746, 0.28826752249667664, 0.22965017296011295};
  for (int col = 0; col < 3; ++col) {
    EXPECT_NEAR(pca.center(col), center[col], 1e-12);
    EXPECT_NEAR(pca.pc1(col), pc1[col], kTolerance);
    EXPECT_NEAR(pca.pc2(col), pc2[col], kTolerance);
  }
  EXPECT_NEAR(result->projection[0].x, -0.2082366084798391, kTolerance);
  EXPECT_NEAR(result->projection[0].y, -0.8662669165884579, kTolerance);
}

}  // namespace
}  // namespace nyttig::dialogue
