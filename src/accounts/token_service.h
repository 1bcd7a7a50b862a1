// TokenService: API tokens for integrations (diarium, BI tools).
// A personal token acts as its person; a service token acts for one
// organisation. Both are shown once at creation, stored hashed, scoped
// (read / write / admin), expire, can be revoked, and are sent as
// `Authorization: Bearer <token>`.
// Thread-safety: safe to share.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/account_service.h"
#include "accounts/actor.h"
#include "accounts/session_store.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "db/database.h"

namespace nyttig::accounts {

inline constexpr int kMaxTokenDays = 366;
inline constexpr std::string_view kTokenPrefix = "nyt_";

struct TokenInput {
  std::string name;
  std::vector<std::string> scopes;  // "read", "write", "admin"
  int expires_in_days = 90;
};

struct CreatedToken {
  ApiTokenRow token;
  std::string secret;  // shown once; never stored
};

class TokenService {
 public:
  TokenService(db::Database& db, const Clock& clock, const audit::AuditLog& audit,
               AccountService& accounts);

  StatusOr<CreatedToken> CreatePersonalToken(const Actor& actor, const TokenInput& input);
  StatusOr<CreatedToken> CreateServiceToken(const Actor& actor, OrganisationId org,
                                            const TokenInput& input);
  StatusOr<std::vector<ApiTokenRow>> ListPersonalTokens(const Actor& actor);
  StatusOr<std::vector<ApiTokenRow>> ListServiceTokens(const Actor& actor, OrganisationId org);
  // Revokes a token (idempotent). kNotFound unless the token is the actor's
  // own or one they manage, so that others' token ids reveal nothing.
  Status RevokeToken(const Actor& actor, std::int64_t token_id);

  // The Actor for a live bearer token; kUnauthenticated otherwise.
  StatusOr<Actor> ResolveBearer(const std::string& token, const Actor& origin);

 private:
  StatusOr<CreatedToken> Create(const Actor& actor, ApiTokenRow row, const TokenInput& input);

  db::Database& db_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  AccountService& accounts_;
};

}  // namespace nyttig::accounts
