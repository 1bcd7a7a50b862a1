// What the pipeline guarantees to every client: security headers, CSRF
// protection of cookie-authenticated changes, session cookies, log-in
// throttling, bearer-token scopes and expiry, and the language switch.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/app_test_fixture.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

class HttpSecurityTest : public AppHttpTest {
 protected:
  // A personal token for a freshly registered person, created through the API.
  std::string PersonalToken(const std::string& email, const json& scopes, int days = 30) {
    TestClient owner = LoggedIn(email);
    http::Response r =
        owner.PostJson("/api/v1/tokens",
                       json{{"name", "BI"}, {"scopes", scopes}, {"expires_in_days", days}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("token", "");
  }
};

void ExpectSecurityHeaders(const http::Response& r) {
  const std::string csp(r.headers.Get("Content-Security-Policy").value_or(""));
  EXPECT_THAT(csp, HasSubstr("script-src 'self'"));
  EXPECT_THAT(csp, HasSubstr("frame-ancestors 'none'"));
  EXPECT_THAT(csp, Not(HasSubstr("unsafe-inline")));
  EXPECT_THAT(csp, Not(HasSubstr("unsafe-eval")));
  EXPECT_EQ(r.headers.Get("X-Content-Type-Options").value_or(""), "nosniff");
  EXPECT_FALSE(r.headers.Get("Referrer-Policy").value_or("").empty());
  EXPECT_FALSE(r.headers.Get("X-Request-Id").value_or("").empty());
}

TEST_P(HttpSecurityTest, SecurityHeadersOnPagesApiAndErrors) {
  TestClient client = NewClient();
  for (const char* target : {"/", "/login", "/accessibility", "/api/v1/organisations",
                             "/api/v1/api-info", "/no-such-page", "/api/v1/no-such"}) {
    SCOPED_TRACE(target);
    ExpectSecurityHeaders(client.Get(target));
  }
  ExpectSecurityHeaders(client.PostJson("/api/v1/persons", "{"));
}

TEST_P(HttpSecurityTest, PagesLoadScriptsOnlyFromFiles) {
  TestClient client = NewClient();
  http::Response page = client.Get("/");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, Not(HasSubstr("<script>")));
  EXPECT_THAT(page.body, Not(HasSubstr(" onclick=")));
  // Nothing is loaded from other origins.
  for (const char* remote : {"src=\"http", "src=\"//", "href=\"//"}) {
    EXPECT_THAT(page.body, Not(HasSubstr(remote)));
  }
}

TEST_P(HttpSecurityTest, FormPostWithoutCsrfTokenIsRefused) {
  Register("eva@example.se");
  TestClient browser = NewClient();
  ASSERT_EQ(browser.Get("/login").status, 200);
  ASSERT_FALSE(browser.csrf_token().empty());
  http::Response r =
      browser.PostForm("/login", {{"email", "eva@example.se"}, {"password", kPassword}},
                       /*send_csrf=*/false);
  EXPECT_EQ(r.status, 403);
  EXPECT_FALSE(browser.Cookie("nyttig_session"));
  EXPECT_EQ(CountRows("accounts_sessions"), 0);
}

TEST_P(HttpSecurityTest, FormPostWithAnotherClientsTokenIsRefused) {
  Register("eva@example.se");
  TestClient attacker = NewClient();
  attacker.Get("/login");
  TestClient victim = NewClient();
  victim.Get("/login");
  victim.set_csrf_token(attacker.csrf_token());
  http::Response r =
      victim.PostForm("/login", {{"email", "eva@example.se"}, {"password", kPassword}});
  EXPECT_EQ(r.status, 403);
}

TEST_P(HttpSecurityTest, FormLogInWithTokenSetsAHardenedSessionCookie) {
  Register("eva@example.se");
  TestClient browser = NewClient();
  browser.Get("/login");
  http::Response r = browser.PostForm(
      "/login", {{"email", "eva@example.se"}, {"password", kPassword}, {"next", "/profile"}});
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers.Get("Location").value_or(""), "/profile");
  const std::string cookie = browser.SetCookieHeader("nyttig_session");
  EXPECT_THAT(cookie, HasSubstr("HttpOnly"));
  EXPECT_THAT(cookie, HasSubstr("SameSite=Lax"));
  EXPECT_THAT(cookie, HasSubstr("Path=/"));
  EXPECT_THAT(cookie, Not(HasSubstr("Secure")));  // served over plain http in this test
  ASSERT_TRUE(browser.Cookie("nyttig_session"));
  // The profile page works with the cookie, and its forms carry the session's token.
  http::Response profile = browser.Get("/profile");
  EXPECT_EQ(profile.status, 200);
  http::Response saved =
      browser.PostForm("/profile", {{"display_name", "Eva E"}, {"locale", "sv"}});
  EXPECT_EQ(saved.status, 303) << saved.body;
}

TEST_P(HttpSecurityTest, LogInRedirectStaysOnThisSite) {
  Register("eva@example.se");
  TestClient browser = NewClient();
  browser.Get("/login");
  http::Response r = browser.PostForm(
      "/login", {{"email", "eva@example.se"}, {"password", kPassword}, {"next", "//evil.example"}});
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.headers.Get("Location").value_or(""), "/");
}

TEST_P(HttpSecurityTest, OnlyAHashOfTheSessionTokenIsStored) {
  Register("eva@example.se");
  TestClient client = LoggedInExisting("eva@example.se");
  const std::string token = client.Cookie("nyttig_session").value_or("");
  ASSERT_GE(token.size(), 32u);
  auto stored = app().db().ReadValue<std::vector<std::string>>(
      [](db::Tx& tx) -> StatusOr<std::vector<std::string>> {
        std::vector<std::string> hashes(10);
        tx.sql() << "SELECT token_hash FROM accounts_sessions", soci::into(hashes);
        return hashes;
      });
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 1u);
  EXPECT_THAT(stored->front(), Not(HasSubstr(token)));
  EXPECT_THAT(token, Not(HasSubstr(stored->front())));
}

TEST_P(HttpSecurityTest, CookieApiCallNeedsTheCsrfHeader) {
  TestClient client = LoggedIn("eva@example.se");
  const std::string body = R"({"name": "BI", "scopes": ["read"]})";
  http::Response refused = client.PostJson("/api/v1/tokens", body, /*send_csrf=*/false);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(BodyJson(refused).value("type", ""), "/problems/forbidden");
  EXPECT_EQ(CountRows("accounts_api_tokens"), 0);

  http::Response wrong = client.Send({.method = http::Method::kPost,
                                      .target = "/api/v1/tokens",
                                      .body = body,
                                      .content_type = "application/json",
                                      .headers = {{"X-CSRF-Token", "not-the-token"}}});
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(CountRows("accounts_api_tokens"), 0);

  http::Response accepted = client.PostJson("/api/v1/tokens", body);
  EXPECT_EQ(accepted.status, 201) << accepted.body;
  EXPECT_EQ(CountRows("accounts_api_tokens"), 1);
}

TEST_P(HttpSecurityTest, CsrfIsCheckedOnDeleteToo) {
  TestClient client = LoggedIn("eva@example.se");
  EXPECT_EQ(client.Delete("/api/v1/sessions/current", /*send_csrf=*/false).status, 403);
  EXPECT_EQ(client.Get("/api/v1/me").status, 200);  // still logged in
  EXPECT_EQ(client.Delete("/api/v1/sessions/current").status, 204);
}

TEST_P(HttpSecurityTest, LogOutEndsTheSession) {
  TestClient client = LoggedIn("eva@example.se");
  const std::string old_cookie = *client.Cookie("nyttig_session");
  ASSERT_EQ(client.Delete("/api/v1/sessions/current").status, 204);
  EXPECT_THAT(client.SetCookieHeader("nyttig_session"), HasSubstr("Max-Age=0"));
  TestClient replay = NewClient();
  http::Response r = replay.Send(
      {.target = "/api/v1/me", .headers = {{"Cookie", "nyttig_session=" + old_cookie}}});
  EXPECT_EQ(r.status, 401);
}

TEST_P(HttpSecurityTest, BearerCallNeedsNoCsrfToken) {
  std::int64_t org = CreateOrganisation("Exempelby kommun", "karin@exempelby.se");
  std::string token = PersonalToken("eva@example.se", {"read", "write"});
  TestClient script = NewClient();
  script.UseBearer(token);
  http::Response r =
      script.PostJson("/api/v1/organisations/" + std::to_string(org) + "/membership-requests",
                      R"({"message": "Hej"})",
                      /*send_csrf=*/false);
  EXPECT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(CountRows("accounts_membership_requests"), 1);
}

TEST_P(HttpSecurityTest, ReadOnlyTokenCannotChangeAnything) {
  std::int64_t org = CreateOrganisation("Exempelby kommun", "karin@exempelby.se");
  std::string token = PersonalToken("eva@example.se", {"read"});
  TestClient script = NewClient();
  script.UseBearer(token);
  EXPECT_EQ(script.Get("/api/v1/me").status, 200);
  const std::int64_t requests = CountRows("accounts_membership_requests");
  http::Response r = script.PostJson(
      "/api/v1/organisations/" + std::to_string(org) + "/membership-requests", R"({})");
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(CountRows("accounts_membership_requests"), requests);
}

TEST_P(HttpSecurityTest, AdminTokenWithReadScopeCannotEditTheOrganisation) {
  std::int64_t org = CreateOrganisation("Exempelby kommun", "karin@exempelby.se");
  TestClient karin = LoggedInExisting("karin@exempelby.se");
  json created =
      BodyJson(karin.PostJson("/api/v1/tokens", R"({"name": "BI", "scopes": ["read"]})"));
  TestClient script = NewClient();
  script.UseBearer(created.value("token", ""));
  const std::string target = "/api/v1/organisations/" + std::to_string(org);
  EXPECT_EQ(script.Get(target + "/members").status, 200);
  EXPECT_EQ(script.PatchJson(target, R"({"description": "Ändrad"})").status, 403);
  EXPECT_EQ(BodyJson(NewClient().Get(target)).value("description", "x"), "");
}

TEST_P(HttpSecurityTest, TokensCannotMintTokens) {
  std::string token = PersonalToken("eva@example.se", {"read", "write", "admin"});
  TestClient script = NewClient();
  script.UseBearer(token);
  EXPECT_EQ(script.PostJson("/api/v1/tokens", R"({"name": "x", "scopes": ["read"]})").status, 403);
  EXPECT_EQ(CountRows("accounts_api_tokens"), 1);
}

TEST_P(HttpSecurityTest, RevokedTokenIs401) {
  TestClient owner = LoggedIn("eva@example.se");
  json created =
      BodyJson(owner.PostJson("/api/v1/tokens", R"({"name": "BI", "scopes": ["read"]})"));
  TestClient script = NewClient();
  script.UseBearer(created.value("token", ""));
  ASSERT_EQ(script.Get("/api/v1/me").status, 200);
  ASSERT_EQ(owner.Delete("/api/v1/tokens/" + std::to_string(created.value("id", 0))).status, 204);
  http::Response r = script.Get("/api/v1/me");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(BodyJson(r).value("type", ""), "/problems/unauthenticated");
}

TEST_P(HttpSecurityTest, ExpiredTokenIs401) {
  std::string token = PersonalToken("eva@example.se", {"read"}, /*days=*/1);
  TestClient script = NewClient();
  script.UseBearer(token);
  ASSERT_EQ(script.Get("/api/v1/me").status, 200);
  clock_.Advance(std::chrono::hours(25));
  EXPECT_EQ(script.Get("/api/v1/me").status, 401);
}

TEST_P(HttpSecurityTest, TheTokenIsShownOnceAndStoredHashed) {
  std::string token = PersonalToken("eva@example.se", {"read"});
  ASSERT_TRUE(token.starts_with("nyt_")) << token;
  TestClient owner = LoggedInExisting("eva@example.se");
  http::Response list = owner.Get("/api/v1/tokens");
  ASSERT_EQ(list.status, 200);
  EXPECT_THAT(list.body, Not(HasSubstr(token)));
  auto stored = app().db().ReadValue<std::string>([](db::Tx& tx) -> StatusOr<std::string> {
    std::string hash;
    tx.sql() << "SELECT token_hash FROM accounts_api_tokens", soci::into(hash);
    return hash;
  });
  ASSERT_TRUE(stored.ok());
  EXPECT_THAT(*stored, Not(HasSubstr(token)));
}

TEST_P(HttpSecurityTest, MalformedAuthorizationIs401) {
  TestClient client = NewClient();
  EXPECT_EQ(
      client.Send({.target = "/api/v1/me", .headers = {{"Authorization", "Basic eDp5"}}}).status,
      401);
  EXPECT_EQ(client.Send({.target = "/api/v1/me", .headers = {{"Authorization", "Bearer nyt_nope"}}})
                .status,
            401);
}

TEST_P(HttpSecurityTest, LogInThrottlingAnswers429WithRetryAfter) {
  Register("eva@example.se");
  TestClient client = NewClient();
  const std::string wrong =
      json{{"email", "eva@example.se"}, {"password", "fel-lösenord-1"}}.dump();
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_EQ(client.PostJson("/api/v1/sessions", wrong).status, 401) << attempt;
  }
  // Now even the right password waits.
  http::Response r = client.PostJson(
      "/api/v1/sessions", json{{"email", "eva@example.se"}, {"password", kPassword}}.dump());
  ASSERT_EQ(r.status, 429) << r.body;
  EXPECT_EQ(BodyJson(r).value("type", ""), "/problems/too-many-requests");
  const int retry = std::stoi(std::string(r.headers.Get("Retry-After").value_or("0")));
  EXPECT_GT(retry, 0);
  EXPECT_LE(retry, 900);
  EXPECT_EQ(CountRows("accounts_sessions"), 0);
  // After the wait, the right password works again.
  clock_.Advance(std::chrono::seconds(retry));
  EXPECT_TRUE(client.LogIn("eva@example.se", kPassword)) << client.last().body;
}

TEST_P(HttpSecurityTest, ThrottledLogInPageSays429WithRetryAfter) {
  Register("eva@example.se");
  TestClient browser = NewClient();
  browser.Get("/login");
  for (int attempt = 0; attempt < 5; ++attempt) {
    browser.PostForm("/login", {{"email", "eva@example.se"}, {"password", "fel-lösenord-1"}});
  }
  http::Response r =
      browser.PostForm("/login", {{"email", "eva@example.se"}, {"password", kPassword}});
  EXPECT_EQ(r.status, 429);
  EXPECT_TRUE(r.headers.Get("Retry-After").has_value());
  EXPECT_THAT(std::string(r.headers.Get("Content-Type").value_or("")), HasSubstr("text/html"));
}

TEST_P(HttpSecurityTest, LanguageSwitchSetsACookieAndChangesThePage) {
  TestClient browser = NewClient();
  http::Response swedish = browser.Get("/login");
  EXPECT_THAT(swedish.body, HasSubstr("<html lang=\"sv\""));
  EXPECT_THAT(swedish.body, HasSubstr("Logga in"));
  http::Response english = browser.Get("/login?lang=en");
  EXPECT_THAT(english.body, HasSubstr("<html lang=\"en\""));
  EXPECT_THAT(english.body, HasSubstr("Log in"));
  EXPECT_THAT(browser.SetCookieHeader("nyttig_lang"), HasSubstr("nyttig_lang=en"));
  // Remembered: the next page without ?lang is English too.
  EXPECT_THAT(browser.Get("/").body, HasSubstr("<html lang=\"en\""));
  EXPECT_THAT(browser.Get("/?lang=sv").body, HasSubstr("<html lang=\"sv\""));
}

TEST_P(HttpSecurityTest, AcceptLanguageChoosesEnglishWithoutACookie) {
  TestClient browser = NewClient();
  http::Response r =
      browser.Send({.target = "/", .headers = {{"Accept-Language", "en-GB,en;q=0.8"}}});
  EXPECT_THAT(r.body, HasSubstr("<html lang=\"en\""));
  // An unknown language is ignored, not remembered.
  http::Response unknown = browser.Get("/?lang=xx");
  EXPECT_THAT(unknown.body, HasSubstr("<html lang=\"sv\""));
  EXPECT_EQ(browser.SetCookieHeader("nyttig_lang"), "");
}

NYTTIG_INSTANTIATE_ENGINES(HttpSecurityTest);

}  // namespace
}  // namespace nyttig::app::testing
