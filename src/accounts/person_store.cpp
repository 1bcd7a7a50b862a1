#include "accounts/person_store.h"

#include <soci/soci.h>

#include "db/row.h"

namespace nyttig::accounts {
namespace {

constexpr const char* kPersonColumns =
    "id, display_name, email, locale, platform_admin, created_at FROM accounts_persons";

Person PersonFromRow(const soci::row& r) {
  return Person{.id = db::Int(r, 0),
                .display_name = db::Text(r, 1),
                .email = db::Text(r, 2),
                .locale = db::Text(r, 3),
                .platform_admin = db::Int(r, 4) != 0,
                .created_at = db::Int(r, 5)};
}

StatusOr<Person> FindOne(db::Tx& tx, const std::string& where, const std::string& value) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string("SELECT ") + kPersonColumns + " WHERE " + where +
                               " AND erased_at IS NULL",
       soci::use(value));
  for (const soci::row& r : rows) return PersonFromRow(r);
  return NotFoundError("no such person");
}

StatusOr<LocalCredential> FindCredential(db::Tx& tx, const std::string& where,
                                         const std::string& value) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT i.id, i.person_id, c.password_hash FROM accounts_identities i "
                           "JOIN accounts_local_credentials c ON c.identity_id = i.id "
                           "JOIN accounts_persons p ON p.id = i.person_id "
                           "WHERE i.issuer = 'local' AND p.disabled_at IS NULL AND "
                           "p.erased_at IS NULL AND " + where,
       soci::use(value));
  for (const soci::row& r : rows) {
    return LocalCredential{db::Int(r, 0), db::Int(r, 1), db::Text(r, 2)};
  }
  return NotFoundError("no local credential");
}

}  // namespace

StatusOr<PersonId> PersonStore::Insert(db::Tx& tx, const Person& p) {
  long long id = 0;
  int admin = p.platform_admin ? 1 : 0;
  long long created = p.created_at;
  tx.sql() << "INSERT INTO accounts_persons(display_name, email, locale, platform_admin, "
              "created_at) VALUES (:n, :e, :l, :a, :c) RETURNING id",
      soci::use(p.display_name), soci::use(p.email), soci::use(p.locale), soci::use(admin),
      soci::use(created), soci::into(id);
  return id;
}

StatusOr<Person> PersonStore::Find(db::Tx& tx, PersonId id) {
  return FindOne(tx, "id = CAST(:v AS BIGINT)", std::to_string(id));
}

StatusOr<Person> PersonStore::FindByEmail(db::Tx& tx, const std::string& email) {
  return FindOne(tx, "email = :v", email);
}

Status PersonStore::SetPlatformAdmin(db::Tx& tx, PersonId id, bool admin) {
  int flag = admin ? 1 : 0;
  long long pid = id;
  tx.sql() << "UPDATE accounts_persons SET platform_admin = :a WHERE id = :id", soci::use(flag),
      soci::use(pid);
  return Status::Ok();
}

Status PersonStore::UpdateProfile(db::Tx& tx, PersonId id, const std::string& display_name,
                                  const std::string& locale) {
  long long pid = id;
  tx.sql() << "UPDATE accounts_persons SET display_name = :n, locale = :l WHERE id = :id",
      soci::use(display_name), soci::use(locale), soci::use(pid);
  return Status::Ok();
}

StatusOr<std::int64_t> PersonStore::InsertIdentity(db::Tx& tx, PersonId person,
                                                   const std::string& issuer,
                                                   const std::string& subject, UnixSeconds now) {
  long long id = 0, pid = person, at = now;
  tx.sql() << "INSERT INTO accounts_identities(person_id, issuer, subject, created_at) "
              "VALUES (:p, :i, :s, :t) RETURNING id",
      soci::use(pid), soci::use(issuer), soci::use(subject), soci::use(at), soci::into(id);
  return id;
}

Status PersonStore::SetLocalPassword(db::Tx& tx, std::int64_t identity_id,
                                     const std::string& password_hash, UnixSeconds now) {
  long long iid = identity_id, at = now;
  tx.sql() << "INSERT INTO accounts_local_credentials(identity_id, password_hash, updated_at) "
              "VALUES (:i, :h, :t) ON CONFLICT (identity_id) DO UPDATE SET "
              "password_hash = excluded.password_hash, updated_at = excluded.updated_at",
      soci::use(iid), soci::use(password_hash), soci::use(at);
  return Status::Ok();
}

StatusOr<LocalCredential> PersonStore::FindLocalCredential(db::Tx& tx, const std::string& email) {
  return FindCredential(tx, "i.subject = :v", email);
}

StatusOr<LocalCredential> PersonStore::FindLocalCredentialOfPerson(db::Tx& tx, PersonId person) {
  return FindCredential(tx, "i.person_id = CAST(:v AS BIGINT)", std::to_string(person));
}

Status PersonStore::TouchIdentity(db::Tx& tx, std::int64_t identity_id, UnixSeconds now) {
  long long iid = identity_id, at = now;
  tx.sql() << "UPDATE accounts_identities SET last_login_at = :t WHERE id = :i", soci::use(at),
      soci::use(iid);
  return Status::Ok();
}

StatusOr<std::int64_t> PersonStore::CountPersons(db::Tx& tx) {
  long long n = 0;
  tx.sql() << "SELECT COUNT(*) FROM accounts_persons", soci::into(n);
  return n;
}

}  // namespace nyttig::accounts
