// Polis import and export on SQLite and PostgreSQL: a real export survives
// the round trip (export(import(x)) clusters as x does, up to the
// renumbering the export does), bad input is refused whole.
#include "dialogue/polis_io.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "dialogue/clustering/polis_clustering.h"
#include "dialogue/clustering/polis_csv.h"
#include "dialogue/dialogue_test_support.h"

namespace nyttig::dialogue::testing {
namespace {

namespace fs = std::filesystem;

const std::string kBrexit = std::string(NYTTIG_SHARED_DATA_DIR) + "/polis/brexit-consensus";

// Ranks of the ids an export renumbers: the n-th smallest becomes n.
std::map<std::int64_t, std::int64_t> Ranks(std::set<std::int64_t> ids) {
  std::map<std::int64_t, std::int64_t> rank;
  for (std::int64_t id : ids) rank.emplace(id, std::int64_t(rank.size()));
  return rank;
}

class PolisIoTest : public DialogueTest {};

TEST_P(PolisIoTest, ARealExportSurvivesTheRoundTrip) {
  auto report = ImportPolis(db(), clock_, audit_, kBrexit, org_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->statements, 50);
  EXPECT_EQ(report->votes, 5312);
  nyttig::testing::TempDir out;
  ASSERT_TRUE(ExportPolis(db(), report->dialogue_id, out.path()).ok());

  auto original = ReadPolisExport(kBrexit + "/comments.csv", kBrexit + "/votes.csv");
  auto exported = ReadPolisExport(out.path() + "/comments.csv", out.path() + "/votes.csv");
  ASSERT_TRUE(original.ok() && exported.ok()) << exported.status().ToString();
  EXPECT_EQ(exported->events.size(), original->events.size());
  auto a = ClusterConversation(*original);
  auto b = ClusterConversation(*exported);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->groups.size(), b->groups.size());
  EXPECT_EQ(a->in_conversation, b->in_conversation);

  // Comments and participants of the export are numbered by rank.
  std::set<std::int64_t> comment_ids, participant_ids;
  auto comments = ReadCsvFile(kBrexit + "/comments.csv");
  ASSERT_TRUE(comments.ok());
  for (const CsvRow& row : comments->rows) comment_ids.insert(std::stoll(row.fields[2]));
  for (const VoteEvent& v : original->events) participant_ids.insert(v.participant_id);
  auto comment_rank = Ranks(comment_ids);
  auto participant_rank = Ranks(participant_ids);
  for (size_t g = 0; g < a->groups.size(); ++g) {
    std::vector<std::int64_t> members;
    for (std::int64_t m : a->groups[g].members) members.push_back(participant_rank.at(m));
    EXPECT_EQ(members, b->groups[g].members) << "group " << g;
    ASSERT_EQ(a->groups[g].representative.size(), b->groups[g].representative.size());
    for (size_t r = 0; r < a->groups[g].representative.size(); ++r) {
      EXPECT_EQ(comment_rank.at(a->groups[g].representative[r].comment_id),
                b->groups[g].representative[r].comment_id);
      EXPECT_NEAR(a->groups[g].representative[r].p_test, b->groups[g].representative[r].p_test,
                  1e-9);
    }
  }
}

TEST_P(PolisIoTest, AnImportedDialogueClustersLikeItsExport) {
  auto report = ImportPolis(db(), clock_, audit_, kBrexit, org_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_TRUE(service_->Recompute(report->dialogue_id).ok());
  auto view = service_->Results(coordinator_, none_, report->dialogue_id);
  ASSERT_TRUE(view.ok() && view->result);
  auto stored = nlohmann::json::parse(view->result->result_json);
  auto original = ReadPolisExport(kBrexit + "/comments.csv", kBrexit + "/votes.csv");
  auto direct = ClusterConversation(*original);
  ASSERT_TRUE(direct.ok());
  ASSERT_EQ(stored["k"].get<size_t>(), direct->groups.size());
  for (size_t g = 0; g < direct->groups.size(); ++g) {
    EXPECT_EQ(stored["groups"][g]["size"].get<size_t>(), direct->groups[g].members.size());
  }
  EXPECT_EQ(view->result->vote_count, 5312);
}

TEST_P(PolisIoTest, AVoteOnAnUnknownCommentIsRefusedAndNothingIsWritten) {
  nyttig::testing::TempDir dir;
  std::ofstream(dir.path() + "/comments.csv")
      << "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
         "1500000000000,x,0,0,1,0,1,Ett påstående\n";
  std::ofstream(dir.path() + "/votes.csv") << "timestamp,datetime,comment-id,voter-id,vote\n"
                                              "1500000000001,x,0,0,1\n1500000000002,x,7,1,-1\n";
  auto report = ImportPolis(db(), clock_, audit_, dir.path(), org_);
  ASSERT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(report.status().message().find("line 3"), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dialogue_dialogues"), 0);
}

TEST_P(PolisIoTest, AMissingColumnIsNamed) {
  nyttig::testing::TempDir dir;
  std::ofstream(dir.path() + "/comments.csv") << "comment-id,comment-body\n0,Hej\n";
  std::ofstream(dir.path() + "/votes.csv") << "timestamp,datetime,comment-id,voter-id,vote\n";
  auto report = ImportPolis(db(), clock_, audit_, dir.path(), org_);
  ASSERT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(report.status().message().find("missing column"), std::string::npos);
}

NYTTIG_INSTANTIATE_ENGINES(PolisIoTest);

}  // namespace
}  // namespace nyttig::dialogue::testing
