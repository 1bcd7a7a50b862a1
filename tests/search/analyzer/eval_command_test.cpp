#include "search/analyzer/eval_command.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

namespace nyttig::search {
namespace {

namespace fs = std::filesystem;

// Three FAQ questions; each question's words occur only in its own answer,
// and the first answer is repeated as a candidate of the last line.
constexpr const char* kSmallSwefaq =
    R"({"question": "Hur söker jag bostadsbidrag?", "candidate_answers": ["Bostadsbidrag söker du hos Försäkringskassan.", "Parkeringstillstånd ges av kommunen."], "label": 0})"
    "\n"
    R"({"question": "Vem ger parkeringstillstånd?", "candidate_answers": ["Bostadsbidrag söker du hos Försäkringskassan.", "Parkeringstillstånd ges av kommunen."], "label": 1})"
    "\n\n"
    R"({"question": "Var finns SFS 2018:1937?", "candidate_answers": ["Lagen SFS 2018:1937 finns i Svensk författningssamling.", "Bostadsbidrag söker du hos Försäkringskassan."], "label": 0})"
    "\n";

class AnalyzerEvalCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("nyttig_eval_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    const fs::path path = dir_ / name;
    std::ofstream(path) << content;
    return path.string();
  }

  int Run(const std::string& path, const std::string& analyzer) {
    out_.str("");
    err_.str("");
    return RunSearchEvalCommand({.swefaq_jsonl = path, .analyzer = analyzer}, out_, err_);
  }

  fs::path dir_;
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(AnalyzerEvalCommandTest, ReportsPerfectScoresOnSeparableQuestions) {
  ASSERT_EQ(Run(Write("faq.jsonl", kSmallSwefaq), "plain"), 0) << err_.str();
  const nlohmann::json result = nlohmann::json::parse(out_.str());
  EXPECT_EQ(result["queries"], 3);
  EXPECT_EQ(result["ndcg10"], 1.0);
  EXPECT_EQ(result["mrr10"], 1.0);
  EXPECT_EQ(result["recall10"], 1.0);
  EXPECT_EQ(result["recall100"], 1.0);
  EXPECT_EQ(result["analyzer"], "plain");
}

TEST_F(AnalyzerEvalCommandTest, CountsEachDistinctAnswerOnce) {
  ASSERT_EQ(Run(Write("faq.jsonl", kSmallSwefaq), "stem"), 0) << err_.str();
  EXPECT_EQ(nlohmann::json::parse(out_.str())["documents"], 3);
}

TEST_F(AnalyzerEvalCommandTest, EmptyAnalyzerNameUsesPlatformDefault) {
  ASSERT_EQ(Run(Write("faq.jsonl", kSmallSwefaq), ""), 0) << err_.str();
  EXPECT_EQ(nlohmann::json::parse(out_.str())["analyzer"], std::string(DefaultAnalyzerName()));
}

TEST_F(AnalyzerEvalCommandTest, WritesKeysInContractOrder) {
  ASSERT_EQ(Run(Write("faq.jsonl", kSmallSwefaq), "plain"), 0) << err_.str();
  const std::string json = out_.str();
  EXPECT_LT(json.find("\"queries\""), json.find("\"documents\""));
  EXPECT_LT(json.find("\"recall100\""), json.find("\"analyzer\""));
}

TEST_F(AnalyzerEvalCommandTest, UnknownAnalyzerExitsTwoAndListsKnownNames) {
  EXPECT_EQ(Run(Write("faq.jsonl", kSmallSwefaq), "bogus"), 2);
  EXPECT_NE(err_.str().find("stem+compounds"), std::string::npos);
}

TEST_F(AnalyzerEvalCommandTest, MissingFileExitsOne) {
  EXPECT_EQ(Run((dir_ / "absent.jsonl").string(), "plain"), 1);
  EXPECT_FALSE(err_.str().empty());
}

TEST_F(AnalyzerEvalCommandTest, MalformedLineExitsOneNamingTheLine) {
  const std::string path = Write("bad.jsonl", std::string(kSmallSwefaq).substr(0, 200) + "\n{oops\n");
  EXPECT_EQ(Run(path, "plain"), 1);
  EXPECT_NE(err_.str().find("line"), std::string::npos);
}

TEST_F(AnalyzerEvalCommandTest, LabelOutsideCandidatesExitsOne) {
  const std::string line =
      R"({"question": "Hur?", "candidate_answers": ["Så."], "label": 3})";
  EXPECT_EQ(Run(Write("label.jsonl", line + "\n"), "plain"), 1);
  EXPECT_NE(err_.str().find("label"), std::string::npos);
}

TEST_F(AnalyzerEvalCommandTest, FileWithoutQuestionsExitsOne) {
  EXPECT_EQ(Run(Write("empty.jsonl", "\n"), "plain"), 1);
}

TEST(AnalyzerSwefaqTest, RelevantDocumentIsTheQuestionsOwnAnswer) {
  std::istringstream in(kSmallSwefaq);
  StatusOr<SwefaqCollection> collection = ParseSwefaq(in);
  ASSERT_TRUE(collection.ok()) << collection.status().ToString();
  ASSERT_EQ(collection->queries.size(), 3u);
  EXPECT_EQ(collection->documents[collection->queries[1].relevant_document],
            "Parkeringstillstånd ges av kommunen.");
}

}  // namespace
}  // namespace nyttig::search
