#include "dialogue/clustering/cluster_command.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace nyttig::dialogue {
namespace {

using ::testing::HasSubstr;

class ClusteringClusterCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("cluster_command_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& contents) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << contents;
    return path;
  }

  // Two camps of 8 over 8 comments; comment 3 is moderated out and has a
  // free-text body with a comma, quotes and a line break.
  ClusterCommandArgs SmallExport() {
    std::string comments =
        "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n";
    for (int comment = 0; comment < 8; ++comment) {
      comments += "1,x," + std::to_string(comment) + ",0,0,0," + (comment == 3 ? "-1" : "1") +
                  ",\"Text, \"\"quoted\"\"\nline two\"\n";
    }
    std::string votes = "timestamp,datetime,comment-id,voter-id,vote\n";
    for (int voter = 0; voter < 16; ++voter) {
      for (int comment = 0; comment < 8; ++comment) {
        votes += std::to_string(voter * 10 + comment) + ",d," + std::to_string(comment) + "," +
                 std::to_string(voter) + "," + (voter < 8 ? "1" : "-1") + "\n";
      }
    }
    return {Write("comments.csv", comments), Write("votes.csv", votes), ""};
  }

  std::filesystem::path dir_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(ClusteringClusterCommandTest, PrintsContractJson) {
  ASSERT_EQ(RunClusterCommand(SmallExport(), out_, err_), 0) << err_.str();
  const nlohmann::json doc = nlohmann::json::parse(out_.str());
  EXPECT_EQ(doc["participants"], 16);
  EXPECT_EQ(doc["in_conversation"], 16);
  EXPECT_EQ(doc["k"], 2);
  ASSERT_EQ(doc["groups"].size(), 2u);
  EXPECT_EQ(doc["groups"][0]["size"], 8);
  EXPECT_EQ(doc["groups"][0]["members"][0], 0);
  const nlohmann::json& rep = doc["groups"][0]["representative"][0];
  for (const char* key :
       {"comment_id", "direction", "p_success", "p_test", "repness", "repness_test"}) {
    EXPECT_TRUE(rep.contains(key)) << key;
  }
  EXPECT_TRUE(doc["consensus"].contains("agree"));
  EXPECT_TRUE(doc["consensus"].contains("disagree"));
  EXPECT_TRUE(doc["group_informed_consensus"].contains("3"));
  EXPECT_EQ(doc["pca"]["center"].size(), 8u);
  EXPECT_EQ(doc["pca"]["components"].size(), 2u);
  EXPECT_TRUE(err_.str().empty());
}

TEST_F(ClusteringClusterCommandTest, WritesAssignmentsCsv) {
  ClusterCommandArgs args = SmallExport();
  args.assignments_csv = (dir_ / "assignments.csv").string();
  ASSERT_EQ(RunClusterCommand(args, out_, err_), 0) << err_.str();
  std::ifstream file(args.assignments_csv);
  std::string header, first;
  std::getline(file, header);
  std::getline(file, first);
  EXPECT_EQ(header, "participant,group");
  EXPECT_EQ(first, "0,0");
}

TEST_F(ClusteringClusterCommandTest, MissingFileFailsWithExitOneAndMessage) {
  ClusterCommandArgs args = SmallExport();
  args.votes_csv = (dir_ / "absent.csv").string();
  EXPECT_EQ(RunClusterCommand(args, out_, err_), 1);
  EXPECT_TRUE(out_.str().empty());
  EXPECT_THAT(err_.str(), HasSubstr("absent.csv"));
}

TEST_F(ClusteringClusterCommandTest, MalformedVotesFailWithLineNumber) {
  ClusterCommandArgs args = SmallExport();
  args.votes_csv =
      Write("bad.csv", "timestamp,datetime,comment-id,voter-id,vote\n1,d,0,0,1\n2,d,0\n");
  EXPECT_EQ(RunClusterCommand(args, out_, err_), 1);
  EXPECT_TRUE(out_.str().empty());
  EXPECT_THAT(err_.str(), HasSubstr("line 3"));
}

TEST_F(ClusteringClusterCommandTest, UnwritableAssignmentsFileFails) {
  ClusterCommandArgs args = SmallExport();
  args.assignments_csv = (dir_ / "no-such-dir" / "a.csv").string();
  EXPECT_EQ(RunClusterCommand(args, out_, err_), 1);
  EXPECT_THAT(err_.str(), HasSubstr("a.csv"));
}

}  // namespace
}  // namespace nyttig::dialogue
