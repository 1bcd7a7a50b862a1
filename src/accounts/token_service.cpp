#include "accounts/token_service.h"

#include <algorithm>
#include <sstream>

#include "accounts/permissions.h"
#include "accounts/secrets.h"
#include "core/text.h"

namespace nyttig::accounts {
namespace {

constexpr size_t kMaxTokenNameChars = 100;

std::vector<TokenScope> ParseScopes(const std::string& text) {
  std::vector<TokenScope> scopes;
  std::istringstream in(text);
  for (std::string word; in >> word;) {
    if (auto scope = ParseTokenScope(word)) scopes.push_back(*scope);
  }
  return scopes;
}

StatusOr<std::string> ValidateTokenInput(const TokenInput& input) {
  Status problems = InvalidArgumentError("validation.failed");
  std::string name(Trim(input.name));
  if (name.empty()) problems.AddInvalid("name", "accounts.token.name.required");
  if (Utf8Length(name) > kMaxTokenNameChars) {
    problems.AddInvalid("name", "validation.too_long", "", {{"max", std::to_string(kMaxTokenNameChars)}});
  }
  std::string scopes;
  for (const std::string& s : input.scopes) {
    if (!ParseTokenScope(s)) {
      problems.AddInvalid("scopes", "accounts.token.scope.invalid", s);
    } else if (scopes.find(s) == std::string::npos) {
      scopes += (scopes.empty() ? "" : " ") + s;
    }
  }
  if (input.scopes.empty()) problems.AddInvalid("scopes", "accounts.token.scope.required");
  if (input.expires_in_days < 1 || input.expires_in_days > kMaxTokenDays) {
    problems.AddInvalid("expires_in_days", "validation.out_of_range",
                        std::to_string(input.expires_in_days),
                        {{"min", "1"}, {"max", std::to_string(kMaxTokenDays)}});
  }
  if (!problems.invalid_parameters().empty()) return problems;
  return scopes;
}

}  // namespace

TokenService::TokenService(db::Database& db, const Clock& clock, const audit::AuditLog& audit,
                           AccountService& accounts)
    : db_(db), clock_(clock), audit_(audit), accounts_(accounts) {}

StatusOr<CreatedToken> TokenService::Create(const Actor& actor, ApiTokenRow row,
                                            const TokenInput& input) {
  ASSIGN_OR_RETURN(row.scopes, ValidateTokenInput(input));
  row.name = std::string(Trim(input.name));
  row.created_by = *actor.person_id;
  row.created_at = clock_.Now();
  row.expires_at = row.created_at + std::int64_t(input.expires_in_days) * 86400;
  CreatedToken created{row, NewToken(kTokenPrefix)};
  created.token.token_prefix = created.secret.substr(0, kTokenPrefix.size() + 6);
  return db_.WriteValue<CreatedToken>([&](db::Tx& tx) -> StatusOr<CreatedToken> {
    ASSIGN_OR_RETURN(created.token.id,
                     SessionStore::InsertApiToken(tx, created.token, HashToken(created.secret)));
    RETURN_IF_ERROR(audit_
                        .Append(tx, MakeAuditEvent(actor, row.organisation_id, "token.create",
                                                   "api_token", std::to_string(created.token.id),
                                                   {{"scopes", row.scopes}, {"name", row.name}}))
                        .status());
    return created;
  });
}

StatusOr<CreatedToken> TokenService::CreatePersonalToken(const Actor& actor,
                                                         const TokenInput& input) {
  if (!CanManagePersonalTokens(actor)) return DenyAccess(actor, "accounts.token.denied");
  ApiTokenRow row;
  row.person_id = actor.person_id;
  return Create(actor, row, input);
}

StatusOr<CreatedToken> TokenService::CreateServiceToken(const Actor& actor, OrganisationId org,
                                                        const TokenInput& input) {
  if (!CanManageServiceTokens(actor, org)) return DenyAccess(actor, "accounts.token.denied");
  ApiTokenRow row;
  row.organisation_id = org;
  return Create(actor, row, input);
}

StatusOr<std::vector<ApiTokenRow>> TokenService::ListPersonalTokens(const Actor& actor) {
  if (!CanManagePersonalTokens(actor)) return DenyAccess(actor, "accounts.token.denied");
  return db_.ReadValue<std::vector<ApiTokenRow>>(
      [&](db::Tx& tx) { return SessionStore::ApiTokensOfPerson(tx, *actor.person_id); });
}

StatusOr<std::vector<ApiTokenRow>> TokenService::ListServiceTokens(const Actor& actor,
                                                                  OrganisationId org) {
  if (!CanManageServiceTokens(actor, org)) return DenyAccess(actor, "accounts.token.denied");
  return db_.ReadValue<std::vector<ApiTokenRow>>(
      [&](db::Tx& tx) { return SessionStore::ApiTokensOfOrganisation(tx, org); });
}

Status TokenService::RevokeToken(const Actor& actor, std::int64_t token_id) {
  return db_.Write([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(ApiTokenRow token, SessionStore::FindApiToken(tx, token_id));
    bool own = token.person_id && actor.person_id == token.person_id &&
               CanManagePersonalTokens(actor);
    bool managed = token.organisation_id && CanManageServiceTokens(actor, *token.organisation_id);
    if (!own && !managed) return NotFoundError("accounts.token.not_found");
    RETURN_IF_ERROR(SessionStore::RevokeApiToken(tx, token_id, clock_.Now()));
    return audit_
        .Append(tx, MakeAuditEvent(actor, token.organisation_id, "token.revoke", "api_token",
                                   std::to_string(token_id)))
        .status();
  });
}

StatusOr<Actor> TokenService::ResolveBearer(const std::string& token, const Actor& origin) {
  const UnixSeconds now = clock_.Now();
  StatusOr<ApiTokenRow> row = db_.ReadValue<ApiTokenRow>(
      [&](db::Tx& tx) { return SessionStore::FindLiveApiToken(tx, HashToken(token), now); });
  if (row.status().code() == StatusCode::kNotFound) {
    return UnauthenticatedError("accounts.token.invalid");
  }
  RETURN_IF_ERROR(row.status());
  if (!row->last_used_at || now - *row->last_used_at >= 60) {
    RETURN_IF_ERROR(db_.Write([&](db::Tx& tx) { return SessionStore::TouchApiToken(tx, row->id, now); }));
  }
  Actor actor;
  if (row->person_id) {
    ASSIGN_OR_RETURN(actor, accounts_.ActorForPerson(*row->person_id, AuthMethod::kToken));
  } else {
    actor.method = AuthMethod::kToken;
    actor.service_organisation = row->organisation_id;
    actor.display_name = row->name;
  }
  actor.scopes = ParseScopes(row->scopes);
  actor.client_address = origin.client_address;
  actor.user_agent = origin.user_agent;
  return actor;
}

}  // namespace nyttig::accounts
