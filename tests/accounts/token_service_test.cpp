// TokenService: personal and service API tokens, on SQLite and PostgreSQL.
#include "accounts/token_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "accounts/accounts_test_support.h"

namespace nyttig::accounts {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

class TokenServiceTest : public AccountsTest {
protected:
  void SetUp() override {
    AccountsTest::SetUp();
    platform_admin_ = PlatformAdmin();
    const Actor &platform_admin = platform_admin_;
    org_a_ = *organisations_->CreateOrganisation(
        platform_admin, {.name = "Åre kommun", .kind = "municipality"});
    org_b_ = *organisations_->CreateOrganisation(
        platform_admin, {.name = "Berg kommun", .kind = "municipality"});
    Person anna = Register("anna@are.se");
    EXPECT_TRUE(organisations_
                    ->GrantRole(platform_admin, org_a_.id, "anna@are.se",
                                Role::kAdmin, {})
                    .ok());
    anna_ = SessionActor(anna.id);
    bertil_ = SessionActor(Register("bertil@exempel.se", "Bertil Berg").id);
  }

  CreatedToken Personal(const Actor &actor, std::vector<std::string> scopes,
                        int days = 90) {
    StatusOr<CreatedToken> token =
        tokens_->CreatePersonalToken(actor, {.name = "BI-verktyg",
                                             .scopes = std::move(scopes),
                                             .expires_in_days = days});
    EXPECT_TRUE(token.ok()) << token.status().ToString();
    return token.ok() ? *token : CreatedToken{};
  }

  CreatedToken Service(OrganisationId org, std::vector<std::string> scopes) {
    StatusOr<CreatedToken> token = tokens_->CreateServiceToken(
        anna_, org, {.name = "Diarium", .scopes = std::move(scopes)});
    EXPECT_TRUE(token.ok()) << token.status().ToString();
    return token.ok() ? *token : CreatedToken{};
  }

  StatusCode BearerCode(const std::string &secret) {
    return tokens_->ResolveBearer(secret, Origin()).status().code();
  }

  Actor platform_admin_;
  Organisation org_a_;
  Organisation org_b_;
  Actor anna_;   // admin of A
  Actor bertil_; // citizen
};

TEST_P(TokenServiceTest, APersonalTokenIsShownOnceAndStoredHashed) {
  CreatedToken token = Personal(anna_, {"read", "write"});
  EXPECT_TRUE(token.secret.starts_with("nyt_")) << token.secret;
  EXPECT_EQ(token.secret.size(), 4u + 43u);
  EXPECT_TRUE(token.secret.starts_with(token.token.token_prefix));
  EXPECT_EQ(token.token.scopes, "read write");
  EXPECT_EQ(token.token.person_id, anna_.person_id);
  EXPECT_EQ(token.token.expires_at, clock_.Now() + 90 * 86400);
  std::vector<std::string> stored =
      TextValues("accounts_api_tokens", "token_hash, token_prefix, name");
  EXPECT_THAT(stored, ElementsAre(HashToken(token.secret),
                                  token.token.token_prefix, "BI-verktyg"));
  EXPECT_EQ(AuditActions().front(), "token.create");
  for (const std::string &text : AuditText()) {
    EXPECT_EQ(text.find(token.secret), std::string::npos) << text;
  }
  // Listing shows the token without its secret.
  StatusOr<std::vector<ApiTokenRow>> listed =
      tokens_->ListPersonalTokens(anna_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->at(0).id, token.token.id);
}

TEST_P(TokenServiceTest, ScopesAndFieldsAreValidated) {
  StatusOr<CreatedToken> bad = tokens_->CreatePersonalToken(
      anna_,
      {.name = " ", .scopes = {"read", "superuser"}, .expires_in_days = 400});
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(InvalidFields(bad.status()),
              UnorderedElementsAre("name:accounts.token.name.required",
                                   "scopes:accounts.token.scope.invalid",
                                   "expires_in_days:validation.out_of_range"));
  StatusOr<CreatedToken> none =
      tokens_->CreatePersonalToken(anna_, {.name = "x", .scopes = {}});
  EXPECT_THAT(InvalidFields(none.status()),
              ElementsAre("scopes:accounts.token.scope.required"));
  EXPECT_EQ(Count("accounts_api_tokens"), 0);
}

TEST_P(TokenServiceTest, RepeatedScopesAreStoredOnce) {
  CreatedToken token = Personal(anna_, {"write", "read", "write"});
  EXPECT_EQ(token.token.scopes, "write read");
}

TEST_P(TokenServiceTest, APersonalTokenActsAsItsPersonWithItsScopes) {
  CreatedToken token = Personal(anna_, {"read"});
  StatusOr<Actor> actor = tokens_->ResolveBearer(token.secret, Origin());
  ASSERT_TRUE(actor.ok()) << actor.status().ToString();
  EXPECT_EQ(actor->person_id, anna_.person_id);
  EXPECT_EQ(actor->method, AuthMethod::kToken);
  EXPECT_THAT(actor->scopes, ElementsAre(TokenScope::kRead));
  EXPECT_TRUE(actor->HasRole(org_a_.id, Role::kAdmin));
  EXPECT_FALSE(actor->CanWrite());
  EXPECT_EQ(actor->service_organisation, std::nullopt);
}

TEST_P(TokenServiceTest, AServiceTokenActsOnlyForItsOrganisation) {
  CreatedToken token = Service(org_a_.id, {"read", "write"});
  EXPECT_EQ(token.token.organisation_id, org_a_.id);
  EXPECT_EQ(token.token.person_id, std::nullopt);
  StatusOr<Actor> actor = tokens_->ResolveBearer(token.secret, Origin());
  ASSERT_TRUE(actor.ok()) << actor.status().ToString();
  EXPECT_EQ(actor->person_id, std::nullopt);
  EXPECT_EQ(actor->service_organisation, org_a_.id);
  EXPECT_TRUE(actor->authenticated());
  EXPECT_TRUE(organisations_->ListMembers(*actor, org_a_.id, {1, 20}).ok());
  EXPECT_EQ(
      organisations_->ListMembers(*actor, org_b_.id, {1, 20}).status().code(),
      StatusCode::kPermissionDenied);
  EXPECT_TRUE(
      organisations_->CreateUnit(*actor, org_a_.id, "Kansliet", {}).ok());
  EXPECT_EQ(organisations_->CreateUnit(*actor, org_b_.id, "Kansliet", {})
                .status()
                .code(),
            StatusCode::kPermissionDenied);
}

TEST_P(TokenServiceTest, OnlyTheOrganisationsAdminCreatesServiceTokens) {
  EXPECT_EQ(tokens_
                ->CreateServiceToken(bertil_, org_a_.id,
                                     {.name = "x", .scopes = {"read"}})
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(tokens_
                ->CreateServiceToken(anna_, org_b_.id,
                                     {.name = "x", .scopes = {"read"}})
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(tokens_->ListServiceTokens(bertil_, org_a_.id).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("accounts_api_tokens"), 0);
}

TEST_P(TokenServiceTest, ATokenExpiresByTheClock) {
  CreatedToken token = Personal(anna_, {"read"}, 1);
  clock_.Advance(std::chrono::hours(24) - std::chrono::seconds(1));
  EXPECT_EQ(BearerCode(token.secret), StatusCode::kOk);
  clock_.Advance(std::chrono::seconds(1));
  EXPECT_EQ(BearerCode(token.secret), StatusCode::kUnauthenticated);
}

TEST_P(TokenServiceTest, AnUnknownTokenIsUnauthenticated) {
  Personal(anna_, {"read"});
  EXPECT_EQ(BearerCode("nyt_gissning"), StatusCode::kUnauthenticated);
  EXPECT_EQ(BearerCode(""), StatusCode::kUnauthenticated);
}

TEST_P(TokenServiceTest, RevokingEndsTheTokenAndIsIdempotent) {
  CreatedToken token = Personal(anna_, {"read"});
  ASSERT_TRUE(tokens_->RevokeToken(anna_, token.token.id).ok());
  EXPECT_EQ(BearerCode(token.secret), StatusCode::kUnauthenticated);
  EXPECT_TRUE(tokens_->RevokeToken(anna_, token.token.id).ok());
  StatusOr<std::vector<ApiTokenRow>> listed =
      tokens_->ListPersonalTokens(anna_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->at(0).revoked_at, clock_.Now());
  EXPECT_THAT(AuditActions(), ::testing::Contains("token.revoke"));
  ExpectAuditChainsVerify();
}

TEST_P(TokenServiceTest, AnotherPersonCannotRevokeYourTokenNorLearnItExists) {
  CreatedToken token = Personal(anna_, {"read"});
  Status s = tokens_->RevokeToken(bertil_, token.token.id);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(tokens_->RevokeToken(bertil_, token.token.id + 1000).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(BearerCode(token.secret), StatusCode::kOk);
}

TEST_P(TokenServiceTest,
       AnAdminOfAnotherOrganisationCannotRevokeAServiceToken) {
  CreatedToken token = Service(org_a_.id, {"read"});
  Person admin_b = Register("admin@berg.se", "Admin Berg");
  ASSERT_TRUE(organisations_
                  ->GrantRole(platform_admin_, org_b_.id, "admin@berg.se",
                              Role::kAdmin, {})
                  .ok());
  Actor admin_of_b = SessionActor(admin_b.id);
  ASSERT_TRUE(admin_of_b.HasRole(org_b_.id, Role::kAdmin));
  EXPECT_EQ(tokens_->RevokeToken(admin_of_b, token.token.id).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(BearerCode(token.secret), StatusCode::kOk);
  ASSERT_TRUE(tokens_->RevokeToken(anna_, token.token.id).ok());
  EXPECT_EQ(BearerCode(token.secret), StatusCode::kUnauthenticated);
}

TEST_P(TokenServiceTest, ATokenCannotMintTokens) {
  CreatedToken admin_token = Personal(anna_, {"admin"});
  StatusOr<Actor> via_token =
      tokens_->ResolveBearer(admin_token.secret, Origin());
  ASSERT_TRUE(via_token.ok());
  EXPECT_EQ(
      tokens_
          ->CreatePersonalToken(*via_token, {.name = "x", .scopes = {"read"}})
          .status()
          .code(),
      StatusCode::kPermissionDenied);
  EXPECT_EQ(tokens_
                ->CreateServiceToken(*via_token, org_a_.id,
                                     {.name = "x", .scopes = {"read"}})
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  CreatedToken service = Service(org_a_.id, {"admin"});
  StatusOr<Actor> as_service = tokens_->ResolveBearer(service.secret, Origin());
  ASSERT_TRUE(as_service.ok());
  EXPECT_EQ(tokens_
                ->CreateServiceToken(*as_service, org_a_.id,
                                     {.name = "x", .scopes = {"read"}})
                .status()
                .code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("accounts_api_tokens"), 2);
}

TEST_P(TokenServiceTest, APersonalTokenOfADisabledPersonStopsWorking) {
  CreatedToken token = Personal(bertil_, {"read"});
  Execute("UPDATE accounts_persons SET disabled_at = 1 WHERE id = " +
          std::to_string(*bertil_.person_id));
  EXPECT_EQ(BearerCode(token.secret), StatusCode::kUnauthenticated);
}

TEST_P(TokenServiceTest, UsingATokenRecordsWhenItWasLastUsed) {
  CreatedToken token = Personal(anna_, {"read"});
  clock_.Advance(std::chrono::minutes(5));
  ASSERT_EQ(BearerCode(token.secret), StatusCode::kOk);
  EXPECT_EQ(tokens_->ListPersonalTokens(anna_)->at(0).last_used_at,
            clock_.Now());
}

NYTTIG_INSTANTIATE_ENGINES(TokenServiceTest);

} // namespace
} // namespace nyttig::accounts
