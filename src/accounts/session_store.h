// SQL for sessions, password-reset tokens, failed log-ins and API tokens
// (tables accounts_sessions, accounts_password_resets,
// accounts_login_failures, accounts_api_tokens). Tokens are looked up only
// by their hash. Runs inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "core/status.h"
#include "db/database.h"

namespace nyttig::accounts {

struct SessionRow {
  std::int64_t id = 0;
  PersonId person_id = 0;
  UnixSeconds created_at = 0;
  UnixSeconds last_seen_at = 0;
  UnixSeconds expires_at = 0;
};

struct ApiTokenRow {
  std::int64_t id = 0;
  std::string name;
  std::string token_prefix;
  std::optional<PersonId> person_id;
  std::optional<OrganisationId> organisation_id;
  std::string scopes;  // space-separated
  PersonId created_by = 0;
  UnixSeconds created_at = 0;
  UnixSeconds expires_at = 0;
  std::optional<UnixSeconds> last_used_at;
  std::optional<UnixSeconds> revoked_at;
};

class SessionStore {
 public:
  static StatusOr<std::int64_t> InsertSession(db::Tx& tx, const std::string& token_hash,
                                              PersonId person, UnixSeconds now,
                                              UnixSeconds expires_at);
  // A live session (not revoked, not expired at `now`); kNotFound otherwise.
  static StatusOr<SessionRow> FindLiveSession(db::Tx& tx, const std::string& token_hash,
                                              UnixSeconds now);
  static Status TouchSession(db::Tx& tx, std::int64_t id, UnixSeconds now, UnixSeconds expires_at);
  static Status RevokeSession(db::Tx& tx, const std::string& token_hash, UnixSeconds now);
  static Status RevokeAllSessions(db::Tx& tx, PersonId person, UnixSeconds now);
  // Revokes every session of `person` except `keep` (all when nullopt).
  static Status RevokeOtherSessions(db::Tx& tx, PersonId person, std::optional<std::int64_t> keep,
                                    UnixSeconds now);

  static Status InsertPasswordReset(db::Tx& tx, const std::string& token_hash, PersonId person,
                                    UnixSeconds now, UnixSeconds expires_at);
  // Marks a live reset token used and returns its person; kNotFound when the
  // token is unknown, used or expired.
  static StatusOr<PersonId> ConsumePasswordReset(db::Tx& tx, const std::string& token_hash,
                                                 UnixSeconds now);

  static Status RecordLoginFailure(db::Tx& tx, const std::string& key, UnixSeconds now);
  // Failures for `key` after `since` (exclusive), and the oldest of them (for
  // Retry-After: the oldest stops counting at oldest + window).
  static StatusOr<std::pair<int, UnixSeconds>> CountLoginFailures(db::Tx& tx,
                                                                  const std::string& key,
                                                                  UnixSeconds since);
  static Status ClearLoginFailures(db::Tx& tx, const std::string& key);
  static Status PruneLoginFailures(db::Tx& tx, UnixSeconds before);

  static StatusOr<std::int64_t> InsertApiToken(db::Tx& tx, const ApiTokenRow& row,
                                               const std::string& token_hash);
  // A live token (not revoked, not expired, and for a personal token its
  // person neither disabled nor erased); kNotFound otherwise.
  static StatusOr<ApiTokenRow> FindLiveApiToken(db::Tx& tx, const std::string& token_hash,
                                                UnixSeconds now);
  static StatusOr<ApiTokenRow> FindApiToken(db::Tx& tx, std::int64_t id);
  static StatusOr<std::vector<ApiTokenRow>> ApiTokensOfPerson(db::Tx& tx, PersonId person);
  static StatusOr<std::vector<ApiTokenRow>> ApiTokensOfOrganisation(db::Tx& tx,
                                                                   OrganisationId org);
  static Status TouchApiToken(db::Tx& tx, std::int64_t id, UnixSeconds now);
  static Status RevokeApiToken(db::Tx& tx, std::int64_t id, UnixSeconds now);
};

}  // namespace nyttig::accounts
