// Assessment, discussion and the coordinator board over HTTP, in-process on
// both engines: the legal checklist refusing the gate to test with a problem
// response that changes nothing, the review round trip, comments and
// supports through the API, other organisations' ids as 404, and the pages'
// forms (assessment, discussion, the board's keyboard-usable move form).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/app_test_fixture.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class ParticipationHttpTest : public AppHttpTest {
 protected:
  void SetUp() override {
    AppHttpTest::SetUp();
    org_ = CreateOrganisation("Exempelby kommun", "karin@exempelby.se");
    admin_ = std::make_unique<TestClient>(LoggedInExisting("karin@exempelby.se"));
    coordinator_ = std::make_unique<TestClient>(Member("anna@exempelby.se", "coordinator"));
    employee_ = std::make_unique<TestClient>(Member("omar@exempelby.se", "employee"));
    reviewer_ = std::make_unique<TestClient>(Member("sara@exempelby.se", "employee"));
    decision_maker_ = std::make_unique<TestClient>(Member("lena@exempelby.se", "decision_maker"));
    idea_ = NewIdea();
  }

  TestClient Member(const std::string& email, const std::string& role) {
    Register(email, email.substr(0, email.find('@')));
    http::Response r = admin_->PostJson(Org("/members"), json{{"email", email}, {"role", role}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return LoggedInExisting(email);
  }

  std::string Org(const std::string& rest) {
    return "/api/v1/organisations/" + std::to_string(org_) + rest;
  }
  std::string Idea(const std::string& rest = "") {
    return "/api/v1/ideas/" + std::to_string(idea_) + rest;
  }

  std::int64_t NewIdea() {
    http::Response r = employee_->PostJson(
        "/api/v1/ideas", json{{"organisation_id", org_}, {"title", "Digitala matsedlar i skolan"},
                              {"need", "Vårdnadshavare ringer köket om allergener varje vecka."},
                              {"solution", "Matsedeln med allergener på webben."}}
                             .dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", std::int64_t{0});
  }

  std::int64_t StageOfKind(const std::string& kind) {
    json stages = BodyJson(employee_->Get(Org("/idea-pipeline")));
    for (const json& s : stages["items"]) {
      if (s["kind"] == kind) return s["id"].get<std::int64_t>();
    }
    ADD_FAILURE() << "no stage " << kind;
    return 0;
  }

  http::Response Put(TestClient& client, const std::string& target, const json& body) {
    return client.Send({.method = http::Method::kPut, .target = target, .body = body.dump(),
                        .content_type = "application/json"});
  }

  std::int64_t PersonId(TestClient& client) {
    return BodyJson(client.Get("/api/v1/me")).value("id", std::int64_t{0});
  }

  std::string StageKindNow() {
    return BodyJson(coordinator_->Get(Idea()))["stage"]["kind"].get<std::string>();
  }

  std::int64_t org_ = 0, idea_ = 0;
  std::unique_ptr<TestClient> admin_, coordinator_, employee_, reviewer_, decision_maker_;
};

TEST_P(ParticipationHttpTest, LegalChecklistRefusesTheGateToTestWithAProblemAndChangesNothing) {
  ASSERT_EQ(coordinator_->PostJson(Idea("/moves"), json{{"stage_id", StageOfKind("assessment")}}.dump()).status, 200);
  const auto events = CountRows("ideas_events");
  http::Response refused =
      decision_maker_->PostJson(Idea("/moves"), json{{"stage_id", StageOfKind("test")}}.dump());
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.headers.Get("Content-Type").value_or(""), "application/problem+json");
  EXPECT_THAT(BodyJson(refused).value("detail", ""), HasSubstr("juridiska checklistan"));
  EXPECT_EQ(StageKindNow(), "assessment");
  EXPECT_EQ(CountRows("ideas_events"), events);

  json answers = {{"answers", {{{"question", "personal_data"}, {"answer", "yes"}, {"note", "Namn"}},
                               {{"question", "procurement"}, {"answer", "no"}},
                               {{"question", "secrecy"}, {"answer", "not_relevant"}},
                               {{"question", "delegation"}, {"answer", "yes"}}}}};
  http::Response answered = Put(*coordinator_, Idea("/legal-checklist"), answers);
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_TRUE(BodyJson(answered)["legal_missing"].empty());
  EXPECT_EQ(decision_maker_->PostJson(Idea("/moves"), json{{"stage_id", StageOfKind("test")}}.dump()).status, 200);
  EXPECT_EQ(StageKindNow(), "test");
}

TEST_P(ParticipationHttpTest, NamedReviewerScoresThroughTheApiAndOthersMayNotRead) {
  http::Response named = coordinator_->PostJson(Idea("/reviewers"), json{{"person_id", PersonId(*reviewer_)}}.dump());
  ASSERT_EQ(named.status, 200) << named.body;
  json criteria = BodyJson(employee_->Get(Org("/idea-criteria")))["items"];
  ASSERT_EQ(criteria.size(), 5u);
  json scores = json::array();
  for (const json& c : criteria) scores.push_back({{"criterion_id", c["id"]}, {"score", 4}});
  http::Response bad = Put(*reviewer_, Idea("/review"), {{"scores", json::array()}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(BodyJson(bad)["invalid_parameters"].size(), 5u);
  http::Response saved = Put(*reviewer_, Idea("/review"), {{"scores", scores}, {"comment", "Bra"}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(BodyJson(saved)["summary"]["reviews"], 1);
  EXPECT_DOUBLE_EQ(BodyJson(saved)["summary"]["weighted_percent"].get<double>(), 75.0);
  EXPECT_EQ(employee_->Get(Idea("/assessment")).status, 403);
  EXPECT_EQ(Put(*employee_, Idea("/review"), {{"scores", scores}}).status, 403);
}

TEST_P(ParticipationHttpTest, CommentsAndOneSupportPerPersonThroughTheApi) {
  http::Response c = reviewer_->PostJson(Idea("/comments"), json{{"body", "Gäller det förskolan?"}}.dump());
  ASSERT_EQ(c.status, 201) << c.body;
  std::int64_t comment = BodyJson(c)["id"];
  http::Response reply = employee_->PostJson(Idea("/comments"), json{{"body", "Ja!"}, {"parent_id", comment}}.dump());
  ASSERT_EQ(reply.status, 201) << reply.body;
  json list = BodyJson(employee_->Get(Idea("/comments")));
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0]["replies"].size(), 1u);
  EXPECT_EQ(Put(*reviewer_, Idea("/supports"), json::object()).status, 200);
  http::Response again = Put(*reviewer_, Idea("/supports"), json::object());
  EXPECT_EQ(BodyJson(again)["supports"], 1);
  EXPECT_EQ(BodyJson(reviewer_->Delete(Idea("/supports")))["supports"], 0);
  http::Response hidden = coordinator_->PostJson(Idea("/comments/" + std::to_string(comment) + "/hide"),
                                                 json{{"reason", ""}}.dump());
  EXPECT_EQ(hidden.status, 400);
}

TEST_P(ParticipationHttpTest, AnotherOrganisationGuessingIdsGetsNotFound) {
  CreateOrganisation("Grannby kommun", "kim@grannby.se");
  TestClient stranger = LoggedInExisting("kim@grannby.se");
  EXPECT_EQ(stranger.Get(Idea("/assessment")).status, 404);
  EXPECT_EQ(stranger.Get(Idea("/comments")).status, 404);
  EXPECT_EQ(stranger.PostJson(Idea("/comments"), json{{"body", "Hej"}}.dump()).status, 404);
  EXPECT_EQ(Put(stranger, Idea("/supports"), json::object()).status, 404);
  EXPECT_EQ(stranger.Get("/ideas/" + std::to_string(idea_) + "/assessment").status, 404);
  EXPECT_EQ(CountRows("ideas_comments") + CountRows("ideas_supports"), 0);
}

TEST_P(ParticipationHttpTest, AssessmentPageFormsAnswerTheChecklistAndNameAReviewer) {
  const std::string page = "/ideas/" + std::to_string(idea_) + "/assessment";
  http::Response shown = coordinator_->Get(page);
  ASSERT_EQ(shown.status, 200);
  EXPECT_THAT(shown.body, HasSubstr("Juridisk checklista"));
  EXPECT_THAT(shown.body, HasSubstr("sara"));  // offered as a reviewer
  http::Response empty = coordinator_->PostForm(page + "/legal", {});
  EXPECT_EQ(empty.status, 400);
  EXPECT_THAT(empty.body, HasSubstr("error-summary"));
  http::Response saved = coordinator_->PostForm(
      page + "/legal", {{"answer_personal_data", "yes"}, {"note_personal_data", "Namn"},
                        {"answer_procurement", "no"}});
  EXPECT_EQ(saved.status, 303);
  EXPECT_THAT(coordinator_->Get(page + "?done=legal_saved").body, HasSubstr("Besvarad av"));
  EXPECT_EQ(coordinator_->PostForm(page + "/reviewers", {{"person_id", std::to_string(PersonId(*reviewer_))}}).status, 303);
  http::Response for_reviewer = reviewer_->Get(page);
  EXPECT_EQ(for_reviewer.status, 200);
  EXPECT_THAT(for_reviewer.body, HasSubstr("Din bedömning"));
}

TEST_P(ParticipationHttpTest, DiscussionPagePostsACommentAndASupport) {
  const std::string page = "/ideas/" + std::to_string(idea_) + "/discussion";
  EXPECT_THAT(reviewer_->Get(page).body, HasSubstr("Ingen har kommenterat ännu"));
  EXPECT_EQ(reviewer_->PostForm(page + "/comments", {{"body", "Vi gör likadant på förskolan."}}).status, 303);
  EXPECT_EQ(reviewer_->PostForm(page + "/support", {{"support", "yes"}}).status, 303);
  http::Response shown = reviewer_->Get(page);
  EXPECT_THAT(shown.body, HasSubstr("Vi gör likadant på förskolan."));
  EXPECT_THAT(shown.body, HasSubstr("Antal som stöder idén: 1"));
  http::Response empty = reviewer_->PostForm(page + "/comments", {{"body", " "}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_THAT(empty.body, HasSubstr("Skriv en kommentar"));
}

TEST_P(ParticipationHttpTest, BoardMovesAnIdeaWithItsFormAndIsForCoordinators) {
  http::Response board = coordinator_->Get("/ideas/board");
  ASSERT_EQ(board.status, 200);
  EXPECT_THAT(board.body, HasSubstr("Digitala matsedlar i skolan"));
  EXPECT_THAT(board.body, HasSubstr("name=\"stage_id\""));
  http::Response moved = coordinator_->PostForm(
      "/ideas/board/move", {{"idea_id", std::to_string(idea_)},
                            {"stage_id", std::to_string(StageOfKind("assessment"))}, {"reason", ""}});
  EXPECT_EQ(moved.status, 303);
  EXPECT_EQ(StageKindNow(), "assessment");
  http::Response refused = coordinator_->PostForm(
      "/ideas/board/move", {{"idea_id", std::to_string(idea_)},
                            {"stage_id", std::to_string(StageOfKind("parked"))}, {"reason", ""}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_THAT(refused.body, HasSubstr("error-summary"));
  EXPECT_EQ(StageKindNow(), "assessment");
  EXPECT_EQ(employee_->Get("/ideas/board").status, 403);
}

NYTTIG_INSTANTIATE_ENGINES(ParticipationHttpTest);

}  // namespace
}  // namespace nyttig::app::testing
