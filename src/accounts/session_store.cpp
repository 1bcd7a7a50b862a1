#include "accounts/session_store.h"

#include <soci/soci.h>

#include "db/row.h"

namespace nyttig::accounts {
namespace {

constexpr const char* kTokenSelect =
    "SELECT id, name, token_prefix, person_id, organisation_id, scopes, created_by, created_at, "
    "expires_at, last_used_at, revoked_at FROM accounts_api_tokens ";

ApiTokenRow TokenFromRow(const soci::row& r) {
  return ApiTokenRow{.id = db::Int(r, 0),
                     .name = db::Text(r, 1),
                     .token_prefix = db::Text(r, 2),
                     .person_id = db::OptInt(r, 3),
                     .organisation_id = db::OptInt(r, 4),
                     .scopes = db::Text(r, 5),
                     .created_by = db::Int(r, 6),
                     .created_at = db::Int(r, 7),
                     .expires_at = db::Int(r, 8),
                     .last_used_at = db::OptInt(r, 9),
                     .revoked_at = db::OptInt(r, 10)};
}

std::vector<ApiTokenRow> Tokens(soci::rowset<soci::row>& rows) {
  std::vector<ApiTokenRow> out;
  for (const soci::row& r : rows) out.push_back(TokenFromRow(r));
  return out;
}

}  // namespace

StatusOr<std::int64_t> SessionStore::InsertSession(db::Tx& tx, const std::string& token_hash,
                                                   PersonId person, UnixSeconds now,
                                                   UnixSeconds expires_at) {
  long long id = 0, pid = person, at = now, exp = expires_at;
  tx.sql() << "INSERT INTO accounts_sessions(token_hash, person_id, created_at, last_seen_at, "
              "expires_at) VALUES (:h, :p, :t, :t2, :e) RETURNING id",
      soci::use(token_hash, "h"), soci::use(pid, "p"), soci::use(at, "t"), soci::use(at, "t2"),
      soci::use(exp, "e"), soci::into(id);
  return id;
}

StatusOr<SessionRow> SessionStore::FindLiveSession(db::Tx& tx, const std::string& token_hash,
                                                   UnixSeconds now) {
  long long at = now;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT s.id, s.person_id, s.created_at, s.last_seen_at, s.expires_at "
                           "FROM accounts_sessions s JOIN accounts_persons p ON p.id = s.person_id "
                           "WHERE s.token_hash = :h AND s.revoked_at IS NULL AND s.expires_at > :t "
                           "AND p.disabled_at IS NULL AND p.erased_at IS NULL",
       soci::use(token_hash), soci::use(at));
  for (const soci::row& r : rows) {
    return SessionRow{db::Int(r, 0), db::Int(r, 1), db::Int(r, 2), db::Int(r, 3), db::Int(r, 4)};
  }
  return NotFoundError("no live session");
}

Status SessionStore::TouchSession(db::Tx& tx, std::int64_t id, UnixSeconds now,
                                  UnixSeconds expires_at) {
  long long sid = id, at = now, exp = expires_at;
  tx.sql() << "UPDATE accounts_sessions SET last_seen_at = :t, expires_at = :e WHERE id = :id",
      soci::use(at), soci::use(exp), soci::use(sid);
  return Status::Ok();
}

Status SessionStore::RevokeSession(db::Tx& tx, const std::string& token_hash, UnixSeconds now) {
  long long at = now;
  tx.sql() << "UPDATE accounts_sessions SET revoked_at = :t WHERE token_hash = :h AND "
              "revoked_at IS NULL",
      soci::use(at), soci::use(token_hash);
  return Status::Ok();
}

Status SessionStore::RevokeAllSessions(db::Tx& tx, PersonId person, UnixSeconds now) {
  long long at = now, pid = person;
  tx.sql() << "UPDATE accounts_sessions SET revoked_at = :t WHERE person_id = :p AND "
              "revoked_at IS NULL",
      soci::use(at), soci::use(pid);
  return Status::Ok();
}

Status SessionStore::RevokeOtherSessions(db::Tx& tx, PersonId person,
                                         std::optional<std::int64_t> keep, UnixSeconds now) {
  if (!keep) return RevokeAllSessions(tx, person, now);
  long long at = now, pid = person, kept = *keep;
  tx.sql() << "UPDATE accounts_sessions SET revoked_at = :t WHERE person_id = :p AND "
              "id <> :k AND revoked_at IS NULL",
      soci::use(at), soci::use(pid), soci::use(kept);
  return Status::Ok();
}

Status SessionStore::InsertPasswordReset(db::Tx& tx, const std::string& token_hash,
                                         PersonId person, UnixSeconds now,
                                         UnixSeconds expires_at) {
  long long pid = person, at = now, exp = expires_at;
  tx.sql() << "INSERT INTO accounts_password_resets(person_id, token_hash, created_at, "
              "expires_at) VALUES (:p, :h, :t, :e)",
      soci::use(pid), soci::use(token_hash), soci::use(at), soci::use(exp);
  return Status::Ok();
}

StatusOr<PersonId> SessionStore::ConsumePasswordReset(db::Tx& tx, const std::string& token_hash,
                                                      UnixSeconds now) {
  long long at = now, person = 0, id = 0;
  soci::indicator found = soci::i_null;
  tx.sql() << "SELECT id, person_id FROM accounts_password_resets WHERE token_hash = :h AND "
              "used_at IS NULL AND expires_at > :t",
      soci::use(token_hash), soci::use(at), soci::into(id, found), soci::into(person);
  if (!tx.sql().got_data() || found == soci::i_null) return NotFoundError("no live reset token");
  tx.sql() << "UPDATE accounts_password_resets SET used_at = :t WHERE id = :id", soci::use(at),
      soci::use(id);
  return person;
}

Status SessionStore::RecordLoginFailure(db::Tx& tx, const std::string& key, UnixSeconds now) {
  long long at = now;
  tx.sql() << "INSERT INTO accounts_login_failures(throttle_key, failed_at) VALUES (:k, :t)",
      soci::use(key), soci::use(at);
  return Status::Ok();
}

StatusOr<std::pair<int, UnixSeconds>> SessionStore::CountLoginFailures(db::Tx& tx,
                                                                       const std::string& key,
                                                                       UnixSeconds since) {
  long long at = since, oldest = 0;
  int count = 0;
  soci::indicator oldest_ind = soci::i_null;
  tx.sql() << "SELECT COUNT(*), MIN(failed_at) FROM accounts_login_failures WHERE "
              "throttle_key = :k AND failed_at > :t",
      soci::use(key), soci::use(at), soci::into(count), soci::into(oldest, oldest_ind);
  return std::pair(count, oldest_ind == soci::i_null ? UnixSeconds{0} : UnixSeconds{oldest});
}

Status SessionStore::ClearLoginFailures(db::Tx& tx, const std::string& key) {
  tx.sql() << "DELETE FROM accounts_login_failures WHERE throttle_key = :k", soci::use(key);
  return Status::Ok();
}

Status SessionStore::PruneLoginFailures(db::Tx& tx, UnixSeconds before) {
  long long at = before;
  tx.sql() << "DELETE FROM accounts_login_failures WHERE failed_at < :t", soci::use(at);
  return Status::Ok();
}

StatusOr<std::int64_t> SessionStore::InsertApiToken(db::Tx& tx, const ApiTokenRow& t,
                                                    const std::string& token_hash) {
  long long id = 0, by = t.created_by, at = t.created_at, exp = t.expires_at;
  db::NullableInt person(t.person_id), org(t.organisation_id);
  tx.sql() << "INSERT INTO accounts_api_tokens(name, token_hash, token_prefix, person_id, "
              "organisation_id, scopes, created_by, created_at, expires_at) VALUES (:n, :h, :x, "
              ":p, :o, :s, :b, :t, :e) RETURNING id",
      soci::use(t.name), soci::use(token_hash), soci::use(t.token_prefix),
      soci::use(person.value, person.indicator), soci::use(org.value, org.indicator),
      soci::use(t.scopes), soci::use(by), soci::use(at), soci::use(exp), soci::into(id);
  return id;
}

StatusOr<ApiTokenRow> SessionStore::FindLiveApiToken(db::Tx& tx, const std::string& token_hash,
                                                     UnixSeconds now) {
  long long at = now;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kTokenSelect) +
                               "WHERE token_hash = :h AND revoked_at IS NULL AND expires_at > :t "
                               "AND (person_id IS NULL OR person_id IN (SELECT id FROM "
                               "accounts_persons WHERE disabled_at IS NULL AND erased_at IS NULL))",
       soci::use(token_hash), soci::use(at));
  for (const soci::row& r : rows) return TokenFromRow(r);
  return NotFoundError("no live API token");
}

StatusOr<ApiTokenRow> SessionStore::FindApiToken(db::Tx& tx, std::int64_t id) {
  long long tid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kTokenSelect) + "WHERE id = :id", soci::use(tid));
  for (const soci::row& r : rows) return TokenFromRow(r);
  return NotFoundError("no API token with id " + std::to_string(id));
}

StatusOr<std::vector<ApiTokenRow>> SessionStore::ApiTokensOfPerson(db::Tx& tx, PersonId person) {
  long long pid = person;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kTokenSelect) +
                               "WHERE person_id = :p ORDER BY created_at DESC, id DESC",
       soci::use(pid));
  return Tokens(rows);
}

StatusOr<std::vector<ApiTokenRow>> SessionStore::ApiTokensOfOrganisation(db::Tx& tx,
                                                                        OrganisationId org) {
  long long oid = org;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kTokenSelect) +
                               "WHERE organisation_id = :o ORDER BY created_at DESC, id DESC",
       soci::use(oid));
  return Tokens(rows);
}

Status SessionStore::TouchApiToken(db::Tx& tx, std::int64_t id, UnixSeconds now) {
  long long tid = id, at = now;
  tx.sql() << "UPDATE accounts_api_tokens SET last_used_at = :t WHERE id = :id", soci::use(at),
      soci::use(tid);
  return Status::Ok();
}

Status SessionStore::RevokeApiToken(db::Tx& tx, std::int64_t id, UnixSeconds now) {
  long long tid = id, at = now;
  tx.sql() << "UPDATE accounts_api_tokens SET revoked_at = :t WHERE id = :id AND "
              "revoked_at IS NULL",
      soci::use(at), soci::use(tid);
  return Status::Ok();
}

}  // namespace nyttig::accounts
