// Bad input to the JSON API: every malformed request gets a problem+json
// answer that says what is wrong, and nothing is written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/app_test_fixture.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;

class HttpBadInputTest : public AppHttpTest {
 protected:
  // POSTs `body` to /api/v1/persons as an anonymous client.
  http::Response PostPerson(const std::string& body,
                            const std::string& content_type = "application/json") {
    TestClient client = NewClient();
    return client.Send({.method = http::Method::kPost,
                        .target = "/api/v1/persons",
                        .body = body,
                        .content_type = content_type});
  }

  static std::string ValidPerson() {
    return json{{"email", "eva@example.se"}, {"display_name", "Eva"}, {"password", kPassword}}
        .dump();
  }
};

// Asserts the RFC 9457 members and returns the body.
json ExpectProblem(const http::Response& r, int status, const std::string& instance) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.headers.Get("Content-Type").value_or(""), "application/problem+json");
  json body = BodyJson(r);
  EXPECT_TRUE(body.is_object()) << r.body;
  if (!body.is_object()) return json::object();
  EXPECT_TRUE(body.value("type", "").starts_with("/problems/")) << r.body;
  EXPECT_FALSE(body.value("title", "").empty()) << r.body;
  EXPECT_EQ(body.value("status", 0), status);
  EXPECT_FALSE(body.value("detail", "").empty()) << r.body;
  EXPECT_EQ(body.value("instance", ""), instance);
  return body;
}

std::vector<std::string> InvalidNames(const json& problem) {
  std::vector<std::string> names;
  for (const json& p : problem.value("invalid_parameters", json::array())) {
    names.push_back(p.value("name", ""));
    EXPECT_FALSE(p.value("reason", "").empty()) << p.dump();
  }
  return names;
}

TEST_P(HttpBadInputTest, MalformedJsonIsRefusedAndNothingWritten) {
  json problem =
      ExpectProblem(PostPerson(R"({"email": "eva@example.se",)"), 400, "/api/v1/persons");
  EXPECT_EQ(problem.value("type", ""), "/problems/invalid-request");
  EXPECT_EQ(CountRows("accounts_persons"), 0);
}

TEST_P(HttpBadInputTest, WrongContentTypeIsRefused) {
  json problem = ExpectProblem(PostPerson(ValidPerson(), "text/plain"), 400, "/api/v1/persons");
  EXPECT_NE(problem.value("detail", "").find("Content-Type"), std::string::npos) << problem;
  EXPECT_EQ(CountRows("accounts_persons"), 0);
}

TEST_P(HttpBadInputTest, NonObjectBodyIsRefused) {
  ExpectProblem(PostPerson(R"(["eva@example.se"])"), 400, "/api/v1/persons");
  EXPECT_EQ(CountRows("accounts_persons"), 0);
}

TEST_P(HttpBadInputTest, WrongTypesAreListedAsInvalidParameters) {
  json problem = ExpectProblem(
      PostPerson(R"({"email": 17, "display_name": ["Eva"], "password": "Kanelbulle-med-kaffe"})"),
      400, "/api/v1/persons");
  EXPECT_THAT(InvalidNames(problem), ::testing::UnorderedElementsAre("email", "display_name"));
  EXPECT_EQ(problem["invalid_parameters"][0].value("value", ""), "17");
  EXPECT_EQ(CountRows("accounts_persons"), 0);
}

TEST_P(HttpBadInputTest, MissingFieldsAreListed) {
  json problem =
      ExpectProblem(PostPerson(R"({"password": "Kanelbulle-med-kaffe"})"), 400, "/api/v1/persons");
  EXPECT_THAT(InvalidNames(problem), ::testing::UnorderedElementsAre("email", "display_name"));
  EXPECT_EQ(CountRows("accounts_persons"), 0);
}

TEST_P(HttpBadInputTest, UnknownFieldsAreListed) {
  json body = json::parse(ValidPerson());
  body["platform_admin"] = true;
  json problem = ExpectProblem(PostPerson(body.dump()), 400, "/api/v1/persons");
  EXPECT_THAT(InvalidNames(problem), ::testing::ElementsAre("platform_admin"));
  EXPECT_EQ(CountRows("accounts_persons"), 0);
}

TEST_P(HttpBadInputTest, InvalidUtf8IsRefused) {
  std::string body = R"({"email": "eva@example.se", "display_name": "Ev)" +
                     std::string("\xff\xfe") + R"(", "password": "Kanelbulle-med-kaffe"})";
  json problem = ExpectProblem(PostPerson(body), 400, "/api/v1/persons");
  EXPECT_NE(problem.value("detail", "").find("UTF-8"), std::string::npos) << problem;
  EXPECT_EQ(CountRows("accounts_persons"), 0);
}

TEST_P(HttpBadInputTest, OversizedBodyGets413) {
  json body = json::parse(ValidPerson());
  body["display_name"] = std::string(kTestBodyLimit + 1, 'a');
  json problem = ExpectProblem(PostPerson(body.dump()), 413, "/api/v1/persons");
  EXPECT_EQ(problem.value("type", ""), "/problems/payload-too-large");
  EXPECT_EQ(CountRows("accounts_persons"), 0);
}

TEST_P(HttpBadInputTest, TooLongFieldNamesItsLimit) {
  json body = json::parse(ValidPerson());
  body["display_name"] = std::string(5000, 'a');
  json problem = ExpectProblem(PostPerson(body.dump()), 400, "/api/v1/persons");
  EXPECT_THAT(InvalidNames(problem), ::testing::ElementsAre("display_name"));
  EXPECT_EQ(CountRows("accounts_persons"), 0);
}

TEST_P(HttpBadInputTest, DuplicateEmailIsAConflictOnTheEmailField) {
  ASSERT_EQ(PostPerson(ValidPerson()).status, 201);
  const std::int64_t persons = CountRows("accounts_persons");
  const std::int64_t identities = CountRows("accounts_identities");
  // Same address in other letter case: still the same person.
  json again = json::parse(ValidPerson());
  again["email"] = "Eva@Example.se";
  json problem = ExpectProblem(PostPerson(again.dump()), 409, "/api/v1/persons");
  EXPECT_EQ(problem.value("type", ""), "/problems/conflict");
  EXPECT_THAT(InvalidNames(problem), ::testing::ElementsAre("email"));
  EXPECT_EQ(CountRows("accounts_persons"), persons);
  EXPECT_EQ(CountRows("accounts_identities"), identities);
}

TEST_P(HttpBadInputTest, WeakPasswordIsAValidationProblem) {
  json body = json::parse(ValidPerson());
  body["password"] = "abc";
  json problem = ExpectProblem(PostPerson(body.dump()), 400, "/api/v1/persons");
  EXPECT_THAT(InvalidNames(problem), ::testing::ElementsAre("password"));
  EXPECT_EQ(CountRows("accounts_persons"), 0);
}

TEST_P(HttpBadInputTest, ProblemTextFollowsTheLanguage) {
  TestClient client = NewClient();
  http::Response r = client.Send({.method = http::Method::kPost,
                                  .target = "/api/v1/persons?lang=en",
                                  .body = R"({"password": "Kanelbulle-med-kaffe"})",
                                  .content_type = "application/json"});
  json problem = ExpectProblem(r, 400, "/api/v1/persons");
  // Reasons are sentences for people, not message keys.
  for (const json& p : problem["invalid_parameters"]) {
    EXPECT_EQ(p.value("reason", "").find("validation."), std::string::npos) << p.dump();
  }
}

TEST_P(HttpBadInputTest, OutOfRangeIdIsNotFoundNotAServerError) {
  TestClient client = NewClient();
  for (const char* target :
       {"/api/v1/organisations/999999999999999999", "/api/v1/organisations/99999999999999999999"}) {
    http::Response r = client.Get(target);
    EXPECT_EQ(r.status, 404) << target << " " << r.body;
  }
}

TEST_P(HttpBadInputTest, OrganisationValidationWritesNothing) {
  TestClient admin = PlatformAdmin();
  const std::int64_t before = CountRows("accounts_organisations");
  const std::int64_t audit_before = CountRows("audit_entries");
  http::Response r = admin.PostJson("/api/v1/organisations",
                                    R"({"name": "Nyköping", "kind": "planet", "website": 5})");
  json problem = ExpectProblem(r, 400, "/api/v1/organisations");
  EXPECT_THAT(InvalidNames(problem), ::testing::Contains("website"));
  EXPECT_EQ(CountRows("accounts_organisations"), before);
  EXPECT_EQ(CountRows("audit_entries"), audit_before);
}

NYTTIG_INSTANTIATE_ENGINES(HttpBadInputTest);

}  // namespace
}  // namespace nyttig::app::testing
