// Ideas and pilots are findable the moment they are written: the App hands
// the search index to their services, which upsert each record's document in
// the write's own transaction. Through GET /api/v1/search on both engines.
#include <gtest/gtest.h>

#include "app/app_test_fixture.h"
#include "search/search_service.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;

class SearchWiringTest : public AppHttpTest {
 protected:
  void SetUp() override {
    AppHttpTest::SetUp();
    org_ = CreateOrganisation("Exempelby kommun", "karin@exempelby.se");
    CreateOrganisation("Annanstad kommun", "per@annanstad.se");
    admin_ = std::make_unique<TestClient>(LoggedInExisting("karin@exempelby.se"));
    employee_ = std::make_unique<TestClient>(Member("omar@exempelby.se", "employee"));
    colleague_ = std::make_unique<TestClient>(Member("anna@exempelby.se", "coordinator"));
  }

  TestClient Member(const std::string& email, const std::string& role) {
    Register(email);
    http::Response r = admin_->PostJson(
        "/api/v1/organisations/" + std::to_string(org_) + "/members",
        json{{"email", email}, {"role", role}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return LoggedInExisting(email);
  }

  std::int64_t NewIdea(const std::string& visibility) {
    http::Response r = employee_->PostJson(
        "/api/v1/ideas", json{{"organisation_id", org_}, {"title", "Allergenkoll i skolköket"},
                              {"need", "Vårdnadshavare ringer köket om allergener."},
                              {"solution", "Matsedeln med allergener på webben."},
                              {"area", "school"}, {"visibility", visibility}}
                              .dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r)["id"].get<std::int64_t>();
  }

  // How many results `client` gets for `q`, and the facet counts they see.
  json Search(TestClient& client, const std::string& q) {
    http::Response r = client.Get("/api/v1/search?q=" + q);
    EXPECT_EQ(r.status, 200) << r.body;
    return BodyJson(r);
  }

  std::int64_t org_ = 0;
  std::unique_ptr<TestClient> admin_, employee_, colleague_;
};

TEST_P(SearchWiringTest, AnInternalIdeaIsFoundByColleaguesOnly) {
  NewIdea("organisation");
  EXPECT_EQ(Search(*colleague_, "allergenkoll")["total"], 1);
  TestClient outsider = LoggedInExisting("per@annanstad.se");
  json other = Search(outsider, "allergenkoll");
  EXPECT_EQ(other["total"], 0);
  EXPECT_EQ(other["facets"]["kind"].value("idea", 0), 0);
  EXPECT_FALSE(other["facets"]["organisation"].contains(std::to_string(org_)));
  TestClient anonymous = NewClient();
  EXPECT_EQ(Search(anonymous, "allergenkoll")["total"], 0);
}

TEST_P(SearchWiringTest, APublicIdeaIsFoundAnonymouslyUntilItIsUnpublished) {
  const std::int64_t id = NewIdea("public");
  TestClient anonymous = NewClient();
  json found = Search(anonymous, "allergenkoll");
  ASSERT_EQ(found["total"], 1);
  EXPECT_EQ(found["items"][0]["url"], "/ideas/" + std::to_string(id));
  http::Response r = colleague_->PostJson("/api/v1/ideas/" + std::to_string(id) + "/publication",
                                          json{{"published", false}, {"reason", "Personuppgifter"}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Search(anonymous, "allergenkoll")["total"], 0);
  EXPECT_EQ(Search(*colleague_, "allergenkoll")["total"], 0);
}

TEST_P(SearchWiringTest, AnEditIsFoundUnderItsNewWords) {
  const std::int64_t id = NewIdea("public");
  http::Response r = employee_->Send(
      {.method = http::Method::kPatch, .target = "/api/v1/ideas/" + std::to_string(id),
       .body = json{{"title", "Cykelgarage vid skolan"}, {"need", "Cyklar blir stulna."},
                    {"solution", "Låsbart garage."}, {"visibility", "public"}}
                   .dump(),
       .content_type = "application/json"});
  ASSERT_EQ(r.status, 200) << r.body;
  TestClient anonymous = NewClient();
  EXPECT_EQ(Search(anonymous, "allergenkoll")["total"], 0);
  EXPECT_EQ(Search(anonymous, "cykelgarage")["total"], 1);
}

TEST_P(SearchWiringTest, ReindexRebuildsTheSameResults) {
  NewIdea("public");
  NewIdea("organisation");
  TestClient anonymous = NewClient();
  const json before_public = Search(anonymous, "allergenkoll");
  const json before_staff = Search(*colleague_, "allergenkoll");
  StatusOr<search::ReindexReport> report = app().search().Reindex();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(Search(anonymous, "allergenkoll")["total"], before_public["total"]);
  EXPECT_EQ(Search(*colleague_, "allergenkoll")["total"], before_staff["total"]);
  EXPECT_EQ(before_staff["total"], 2);
}

NYTTIG_INSTANTIATE_ENGINES(SearchWiringTest);

}  // namespace
}  // namespace nyttig::app::testing
