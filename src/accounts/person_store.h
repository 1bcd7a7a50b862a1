// SQL for people, their log-in identities and local credentials
// (tables accounts_persons, accounts_identities, accounts_local_credentials).
// Every function runs inside the caller's transaction; no rules live here.
#pragma once

#include <optional>
#include <string>

#include "accounts/accounts.h"
#include "core/status.h"
#include "db/database.h"

namespace nyttig::accounts {

inline constexpr std::string_view kLocalIssuer = "local";

struct LocalCredential {
  std::int64_t identity_id = 0;
  PersonId person_id = 0;
  std::string password_hash;
};

class PersonStore {
 public:
  // Inserts a person; returns the new id. kAlreadyExists when the e-mail is taken.
  static StatusOr<PersonId> Insert(db::Tx& tx, const Person& person);
  static StatusOr<Person> Find(db::Tx& tx, PersonId id);              // kNotFound
  static StatusOr<Person> FindByEmail(db::Tx& tx, const std::string& email);  // kNotFound
  static Status SetPlatformAdmin(db::Tx& tx, PersonId id, bool admin);
  static Status UpdateProfile(db::Tx& tx, PersonId id, const std::string& display_name,
                              const std::string& locale);

  // Adds a log-in identity (issuer + subject). kAlreadyExists when taken.
  static StatusOr<std::int64_t> InsertIdentity(db::Tx& tx, PersonId person,
                                               const std::string& issuer,
                                               const std::string& subject, UnixSeconds now);
  static Status SetLocalPassword(db::Tx& tx, std::int64_t identity_id,
                                 const std::string& password_hash, UnixSeconds now);
  // The local identity for an e-mail address; kNotFound when there is none.
  static StatusOr<LocalCredential> FindLocalCredential(db::Tx& tx, const std::string& email);
  static StatusOr<LocalCredential> FindLocalCredentialOfPerson(db::Tx& tx, PersonId person);
  static Status TouchIdentity(db::Tx& tx, std::int64_t identity_id, UnixSeconds now);
  static StatusOr<std::int64_t> CountPersons(db::Tx& tx);
};

}  // namespace nyttig::accounts
