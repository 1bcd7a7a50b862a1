// AccountService: registering, logging in and out, sessions, passwords and
// password resets; and turning a session cookie or bearer token into an
// Actor.
//
//   AccountService accounts(db, clock, audit_log, outbox, {});
//   ASSIGN_OR_RETURN(Person p, accounts.Register({...}, actor));
//   ASSIGN_OR_RETURN(LoginResult login, accounts.Login(email, password, actor));
//   // login.session_token goes into the cookie; only its hash is stored.
//   ASSIGN_OR_RETURN(Actor who, accounts.ResolveSession(cookie_value, origin));
//
// Every change runs in one transaction with its audit record.
// Thread-safety: safe to share; holds no per-request state.
#pragma once

#include <optional>
#include <string>

#include "accounts/accounts.h"
#include "accounts/actor.h"
#include "accounts/secrets.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"
#include "mail/outbox.h"

namespace nyttig::accounts {

struct AccountOptions {
  PasswordHashOptions password_hash;
  int session_idle_days = 14;          // days without use before a session ends
  int session_max_days = 60;           // days after log-in when it ends anyway
  int reset_token_minutes = 60;        // minutes a password-reset link works
  int throttle_window_seconds = 900;   // seconds failed log-ins are counted over
  int max_failures_per_account = 5;    // then that account waits
  int max_failures_per_address = 30;   // then that client address waits
  std::string public_base_url = "http://127.0.0.1:8080";  // for links in mail
};

// The cookie that carries a session token in browsers.
inline constexpr std::string_view kSessionCookieName = "nyttig_session";

inline constexpr size_t kMaxDisplayNameChars = 120;
inline constexpr size_t kMaxEmailChars = 254;

struct RegisterInput {
  std::string email;
  std::string display_name;
  std::string password;
  std::string locale = "sv";
};

struct LoginResult {
  std::string session_token;  // for the cookie; never stored or logged
  Person person;
};

class AccountService {
 public:
  AccountService(db::Database& db, const Clock& clock, const audit::AuditLog& audit,
                 const mail::Outbox& outbox, AccountOptions options);
  AccountService(const AccountService&) = delete;
  AccountService& operator=(const AccountService&) = delete;

  // Creates a person with a local identity. kInvalidArgument lists every bad
  // field (message keys accounts.*); kAlreadyExists when the e-mail is taken.
  StatusOr<Person> Register(const RegisterInput& input, const Actor& origin);

  // Checks the password and opens a session. kUnauthenticated for a wrong
  // e-mail or password (the same message for both); kResourceExhausted with
  // retry_after when the account or the client address has too many recent
  // failures.
  StatusOr<LoginResult> Login(const std::string& email, const std::string& password,
                              const Actor& origin);

  // Ends the session (idempotent).
  Status Logout(const std::string& session_token, const Actor& actor);

  // The Actor for a live session, its expiry slid forward; kUnauthenticated
  // when the token is unknown, revoked or expired.
  StatusOr<Actor> ResolveSession(const std::string& session_token, const Actor& origin);

  // The Actor of a person (memberships loaded), e.g. for tokens and tests.
  StatusOr<Actor> ActorForPerson(PersonId person, AuthMethod method);

  // kUnauthenticated without a session; kInvalidArgument with field
  // "current_password" when `current` is wrong, "new_password" when the new
  // one is weak. Ends every other session of the person (all of them when
  // the actor carries no session_id).
  Status ChangePassword(const Actor& actor, const std::string& current,
                        const std::string& replacement);

  // Queues a reset link if the address belongs to someone. Always succeeds
  // for a well-formed address, so the answer never reveals who has an account.
  Status RequestPasswordReset(const std::string& email, const Actor& origin);

  // Sets a new password with a single-use token; ends all sessions.
  // kInvalidArgument with field "token" when it is unknown, used or expired.
  Status ResetPassword(const std::string& token, const std::string& replacement,
                       const Actor& origin);

  StatusOr<Person> UpdateProfile(const Actor& actor, const std::string& display_name,
                                 const std::string& locale);
  StatusOr<Person> GetPerson(PersonId id);

  // Creates a platform admin (for `nyttig demo` and first installation).
  StatusOr<Person> CreatePlatformAdmin(const RegisterInput& input);

  const AccountOptions& options() const { return options_; }

 private:
  Status CheckThrottle(db::Tx& tx, const std::string& email, const std::string& address);
  StatusOr<Person> CreatePerson(db::Tx& tx, const RegisterInput& input, const std::string& hash,
                                bool platform_admin);

  db::Database& db_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  const mail::Outbox& outbox_;
  AccountOptions options_;
};

// Lower-cases and trims an e-mail address; "" when it is not one.
std::string NormaliseEmail(std::string_view email);

}  // namespace nyttig::accounts
