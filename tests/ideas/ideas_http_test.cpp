// The ideas and inbox HTTP surface in-process on both engines: the JSON API
// (problem responses for refused moves, other organisations' ids as 404),
// the pages (list, idea page with its move form, the staff form) and the
// citizen's idea box from the first step to the receipt.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/app_test_fixture.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

class IdeasHttpTest : public AppHttpTest {
 protected:
  void SetUp() override {
    AppHttpTest::SetUp();
    org_ = CreateOrganisation("Exempelby kommun", "karin@exempelby.se");
    admin_ = std::make_unique<TestClient>(LoggedInExisting("karin@exempelby.se"));
    coordinator_ = std::make_unique<TestClient>(Member("anna@exempelby.se", "coordinator"));
    employee_ = std::make_unique<TestClient>(Member("omar@exempelby.se", "employee"));
    decision_maker_ = std::make_unique<TestClient>(Member("lena@exempelby.se", "decision_maker"));
  }

  TestClient Member(const std::string& email, const std::string& role) {
    Register(email);
    http::Response r = admin_->PostJson(Org("/members"), json{{"email", email}, {"role", role}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return LoggedInExisting(email);
  }

  std::string Org(const std::string& rest) {
    return "/api/v1/organisations/" + std::to_string(org_) + rest;
  }

  json NewIdea(TestClient& client, const std::string& title = "Digitala matsedlar") {
    http::Response r = client.PostJson(
        "/api/v1/ideas", json{{"organisation_id", org_}, {"title", title},
                              {"need", "Vårdnadshavare ringer köket om allergener varje vecka."},
                              {"solution", "Matsedeln med allergener på webben."},
                              {"sdgs", {3, 12}}, {"value_types", {"social"}}, {"area", "school"}}
                              .dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r);
  }

  std::int64_t StageOfKind(const std::string& kind) {
    json stages = BodyJson(employee_->Get(Org("/idea-pipeline")));
    for (const json& s : stages["items"]) {
      if (s["kind"] == kind) return s["id"].get<std::int64_t>();
    }
    ADD_FAILURE() << "no stage " << kind;
    return 0;
  }

  http::Response Move(TestClient& client, std::int64_t idea, std::int64_t stage, std::string reason = "") {
    return client.PostJson("/api/v1/ideas/" + std::to_string(idea) + "/moves",
                           json{{"stage_id", stage}, {"reason", reason}}.dump());
  }

  // Where the assessment slice guards the gate to test with its legal
  // checklist, answer it (without that slice the path does not exist and
  // the answer is ignored).
  void AnswerLegalChecklist(TestClient& client, std::int64_t idea) {
    json answers = json::array();
    for (const char* q : {"personal_data", "procurement", "secrecy", "delegation"}) {
      answers.push_back({{"question", q}, {"answer", "no"}});
    }
    http::Response ignored = client.Send({.method = http::Method::kPut,
                 .target = "/api/v1/ideas/" + std::to_string(idea) + "/legal-checklist",
                 .body = json{{"answers", answers}}.dump(),
                 .content_type = "application/json"});
    (void)ignored;
  }

  std::int64_t org_ = 0;
  std::unique_ptr<TestClient> admin_, coordinator_, employee_, decision_maker_;
};

TEST_P(IdeasHttpTest, EmployeeSubmitsAndReadsTheIdea) {
  json idea = NewIdea(*employee_);
  EXPECT_EQ(idea["stage"]["kind"], "idea");
  EXPECT_EQ(idea["authors"][0]["display_name"], "Anna Andersson");
  EXPECT_TRUE(idea["registration_number"].is_null());
  http::Response got = employee_->Get("/api/v1/ideas/" + std::to_string(idea["id"].get<int>()));
  EXPECT_EQ(got.status, 200);
  json list = BodyJson(employee_->Get("/api/v1/ideas?sdg=3&value_type=social&sort=title"));
  EXPECT_EQ(list["total"], 1);
  EXPECT_EQ(list["limit"], 20);
}

TEST_P(IdeasHttpTest, BadFiltersAreNamed) {
  http::Response r = employee_->Get("/api/v1/ideas?sdg=18&stage_kind=limbo&page=0");
  EXPECT_EQ(r.status, 400);
  std::vector<std::string> names;
  json body = BodyJson(r);
  for (const json& p : body["invalid_parameters"]) names.push_back(p["name"]);
  EXPECT_THAT(names, ::testing::UnorderedElementsAre("page", "sdg", "stage_kind"));
}

TEST_P(IdeasHttpTest, TheGateToTestIsTheDecisionMakers) {
  std::int64_t id = NewIdea(*employee_)["id"];
  EXPECT_EQ(Move(*coordinator_, id, StageOfKind("assessment")).status, 200);
  http::Response refused = Move(*coordinator_, id, StageOfKind("test"));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.headers.Get("Content-Type").value_or(""), "application/problem+json");
  AnswerLegalChecklist(*coordinator_, id);
  // The legal checklist (ideas_participation) is answered before the gate to test.
  ASSERT_EQ(coordinator_->Send({.method = http::Method::kPut, .target = "/api/v1/ideas/" + std::to_string(id) + "/legal-checklist", .body = R"({"answers": [{"question": "personal_data", "answer": "no"}, {"question": "procurement", "answer": "no"}, {"question": "secrecy", "answer": "not_relevant"}, {"question": "delegation", "answer": "yes"}]})", .content_type = "application/json"}).status, 200);
  http::Response decided = Move(*decision_maker_, id, StageOfKind("test"), "Vi provar på två skolor");
  EXPECT_EQ(decided.status, 200) << decided.body;
  json history = BodyJson(employee_->Get("/api/v1/ideas/" + std::to_string(id) + "/history"));
  ASSERT_EQ(history["total"], 3);
  EXPECT_EQ(history["items"][2]["text"], "Vi provar på två skolor");
  json inbox = BodyJson(employee_->Get("/api/v1/me/notifications"));
  EXPECT_EQ(inbox["unread"], 2);
  EXPECT_THAT(inbox["items"][0]["text"].get<std::string>(), HasSubstr("Test"));
}

TEST_P(IdeasHttpTest, ClosingWithoutReasonIsAProblemAndChangesNothing) {
  std::int64_t id = NewIdea(*employee_)["id"];
  http::Response r = Move(*coordinator_, id, StageOfKind("closed"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(BodyJson(r)["invalid_parameters"][0]["name"], "reason");
  EXPECT_EQ(CountRows("ideas_events"), 1);
  http::Response skip = Move(*decision_maker_, id, StageOfKind("test"));
  EXPECT_EQ(skip.status, 409);
}

TEST_P(IdeasHttpTest, OtherOrganisationsCannotGuessInternalIdeas) {
  std::int64_t id = NewIdea(*employee_)["id"];
  CreateOrganisation("Håbo kommun", "kim@habo.se");
  TestClient outsider = LoggedInExisting("kim@habo.se");
  EXPECT_EQ(outsider.Get("/api/v1/ideas/" + std::to_string(id)).status, 404);
  EXPECT_EQ(outsider.Get("/api/v1/ideas/" + std::to_string(id) + "/history").status, 404);
  EXPECT_EQ(NewClient().Get("/api/v1/ideas/" + std::to_string(id)).status, 404);
  EXPECT_EQ(BodyJson(outsider.Get("/api/v1/ideas"))["total"], 0);
  EXPECT_EQ(outsider.Get("/ideas/" + std::to_string(id)).status, 404);
}

TEST_P(IdeasHttpTest, PagesShowTheListTheIdeaAndTheMoveForm) {
  std::int64_t id = NewIdea(*employee_)["id"];
  http::Response list = employee_->Get("/ideas");
  EXPECT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("Digitala matsedlar"));
  http::Response page = coordinator_->Get("/ideas/" + std::to_string(id));
  EXPECT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("action=\"/ideas/" + std::to_string(id) + "/move\""));
  EXPECT_THAT(page.body, HasSubstr("Bedömning"));
  http::Response as_author = employee_->Get("/ideas/" + std::to_string(id));
  EXPECT_THAT(as_author.body, Not(HasSubstr("/move\"")));
}

TEST_P(IdeasHttpTest, MoveFormWithoutReasonKeepsTheIdeaAndShowsTheError) {
  std::int64_t id = NewIdea(*employee_)["id"];
  employee_->Get("/ideas");
  http::Response r = coordinator_->PostForm("/ideas/" + std::to_string(id) + "/move",
                                            {{"stage_id", std::to_string(StageOfKind("parked"))}, {"reason", ""}});
  EXPECT_EQ(r.status, 400);
  EXPECT_THAT(r.body, HasSubstr("Skriv varför idén parkeras eller avslutas"));
  http::Response ok = coordinator_->PostForm("/ideas/" + std::to_string(id) + "/move",
                                             {{"stage_id", std::to_string(StageOfKind("assessment"))}});
  EXPECT_EQ(ok.status, 303);
}

TEST_P(IdeasHttpTest, StaffFormSubmitsAnIdea) {
  employee_->Get("/ideas/new");
  http::Response r = employee_->PostForm("/ideas/new", {{"organisation_id", std::to_string(org_)},
                                                        {"title", "Cykelbibliotek"},
                                                        {"need", "Barn saknar cyklar."},
                                                        {"solution", "Låna ut cyklar på biblioteket."},
                                                        {"sdgs", "11"}, {"sdgs", "3"},
                                                        {"visibility", "public"}});
  ASSERT_EQ(r.status, 303) << r.body;
  json list = BodyJson(NewClient().Get("/api/v1/ideas?sdg=11"));
  EXPECT_EQ(list["total"], 1);
  http::Response empty = employee_->PostForm("/ideas/new", {{"organisation_id", std::to_string(org_)}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_THAT(empty.body, HasSubstr("Skriv en rubrik"));
}

TEST_P(IdeasHttpTest, CitizenGoesThroughTheIdeaBoxToAReceipt) {
  ASSERT_EQ(admin_->PatchJson(Org("/idea-settings"),
                              json{{"public_box_open", true}, {"anonymous_allowed", true}}.dump()).status, 200);
  TestClient visitor = NewClient();
  std::string box = "/o/exempelby-kommun/ideas";
  EXPECT_EQ(visitor.Get(box).status, 200);
  http::Response first = visitor.Get(box + "/new");
  ASSERT_EQ(first.status, 200);
  EXPECT_THAT(first.body, HasSubstr("Steg 1 av 4"));
  std::vector<std::pair<std::string, std::string>> answers = {
      {"title", "Fler bänkar i parken"}, {"need", "Äldre orkar inte gå hela vägen."}};
  auto step = [&](const std::string& name, std::vector<std::pair<std::string, std::string>> extra) {
    auto fields = answers;
    fields.insert(fields.end(), extra.begin(), extra.end());
    fields.push_back({"box_step", name});
    return visitor.PostForm(box + "/new", fields);
  };
  http::Response missing = visitor.PostForm(box + "/new", {{"box_step", "need"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_THAT(missing.body, HasSubstr("Skriv en rubrik"));
  EXPECT_THAT(step("need", {}).body, HasSubstr("Steg 2 av 4"));
  answers.push_back({"solution", "Ställ ut bänkar var hundrade meter."});
  EXPECT_THAT(step("solution", {}).body, HasSubstr("Steg 3 av 4"));
  EXPECT_THAT(step("details", {}).body, HasSubstr("Steg 4 av 4"));
  http::Response check = step("about", {{"visibility", "public"}});
  EXPECT_THAT(check.body, HasSubstr("Kontrollera dina svar"));
  EXPECT_THAT(check.body, HasSubstr("Fler bänkar i parken"));
  answers.push_back({"visibility", "public"});
  http::Response sent = step("check", {{"send", "yes"}});
  ASSERT_EQ(sent.status, 303) << sent.body;
  http::Response receipt = visitor.Get(std::string(sent.headers.Get("Location").value_or("")));
  EXPECT_EQ(receipt.status, 200);
  EXPECT_THAT(receipt.body, HasSubstr("2026-0001"));
  EXPECT_EQ(CountRows("ideas_ideas"), 1);
}

TEST_P(IdeasHttpTest, TheCheckStepShowsAPublicIdeaThatLooksAlikeBeforeSending) {
  ASSERT_EQ(admin_->PatchJson(Org("/idea-settings"),
                              json{{"public_box_open", true}, {"anonymous_allowed", true}}.dump()).status, 200);
  json existing = {{"organisation_id", org_}, {"title", "Fler bänkar i parken"},
                   {"need", "Äldre orkar inte gå hela vägen genom parken utan att vila."},
                   {"solution", "Ställ ut bänkar längs gångvägarna i parken."}, {"visibility", "public"}};
  ASSERT_EQ(employee_->PostJson("/api/v1/ideas", existing.dump()).status, 201);
  TestClient visitor = NewClient();
  const std::string box = "/o/exempelby-kommun/ideas/new";
  // The first step carries the live lookup for those with JavaScript …
  EXPECT_THAT(visitor.Get(box).body, HasSubstr("hx-get=\"/ideas/similar\""));
  std::vector<std::pair<std::string, std::string>> answers = {
      {"title", "Bänkar att vila på i parken"}, {"need", "Äldre behöver vila när de går i parken."},
      {"solution", "Fler bänkar längs gångvägarna."}, {"visibility", "public"}, {"box_step", "about"}};
  // … and the check step shows it to everyone, before anything is sent.
  http::Response check = visitor.PostForm(box, answers);
  ASSERT_EQ(check.status, 200) << check.body;
  EXPECT_THAT(check.body, HasSubstr("Liknande idéer finns redan"));
  EXPECT_THAT(check.body, HasSubstr("Fler bänkar i parken"));
  EXPECT_EQ(CountRows("ideas_ideas"), 1);
  // The fragment the steps fetch takes the form's own field name.
  http::Response fragment = visitor.Get("/ideas/similar?organisation_id=" + std::to_string(org_) +
                                        "&title=B%C3%A4nkar%20i%20parken&need=%C3%84ldre%20beh%C3%B6ver%20vila");
  EXPECT_THAT(fragment.body, HasSubstr("Fler bänkar i parken"));
}

TEST_P(IdeasHttpTest, ClosedIdeaBoxIsNotFound) {
  EXPECT_EQ(NewClient().Get("/o/exempelby-kommun/ideas/new").status, 404);
}

TEST_P(IdeasHttpTest, InboxPageShowsAndMarksNotificationsRead) {
  std::int64_t id = NewIdea(*employee_)["id"];
  ASSERT_EQ(Move(*coordinator_, id, StageOfKind("assessment")).status, 200);
  http::Response inbox = employee_->Get("/inbox");
  EXPECT_EQ(inbox.status, 200);
  EXPECT_THAT(inbox.body, HasSubstr("Digitala matsedlar"));
  EXPECT_EQ(employee_->PostForm("/inbox/read-all", {}).status, 303);
  EXPECT_EQ(BodyJson(employee_->Get("/api/v1/me/notifications"))["unread"], 0);
  json note = BodyJson(employee_->Get("/api/v1/me/notifications"))["items"][0];
  EXPECT_EQ(coordinator_->PostJson("/api/v1/me/notifications/" + std::to_string(note["id"].get<int>()) + "/read", "{}").status, 404);
}

NYTTIG_INSTANTIATE_ENGINES(IdeasHttpTest);

}  // namespace
}  // namespace nyttig::app::testing
