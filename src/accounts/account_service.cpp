#include "accounts/account_service.h"

#include <regex>

#include "accounts/organisation_store.h"
#include "accounts/person_store.h"
#include "accounts/session_store.h"
#include "core/text.h"
#include "i18n/catalog.h"

namespace nyttig::accounts {
namespace {


std::string ThrottleKeyForAccount(const std::string& email) { return "account:" + email; }
std::string ThrottleKeyForAddress(const std::string& address) { return "address:" + address; }

// Validates the fields of a registration; collects every problem.
Status ValidateRegistration(const RegisterInput& input, const std::string& email) {
  Status problems = InvalidArgumentError("validation.failed");
  // In the order of the form's fields, so the error summary reads top-down.
  std::string_view name = Trim(input.display_name);
  if (name.empty()) problems.AddInvalid("display_name", "accounts.display_name.required");
  if (Utf8Length(name) > kMaxDisplayNameChars) {
    problems.AddInvalid("display_name", "accounts.display_name.too_long", "",
                        {{"max", std::to_string(kMaxDisplayNameChars)}});
  }
  if (Trim(input.email).empty()) {
    problems.AddInvalid("email", "accounts.email.required");
  } else if (email.empty()) {
    problems.AddInvalid("email", "accounts.email.invalid", input.email);
  }
  if (std::string weak = PasswordWeakness(input.password, email); !weak.empty()) {
    problems.AddInvalid("password", weak, "", {{"min", std::to_string(kMinPasswordChars)}});
  }
  if (input.locale != "sv" && input.locale != "en") {
    problems.AddInvalid("locale", "accounts.locale.invalid", input.locale);
  }
  return problems.invalid_parameters().empty() ? Status::Ok() : problems;
}

Status WeakPasswordError(const std::string& field, const std::string& reason) {
  Status s = InvalidArgumentError("validation.failed");
  s.AddInvalid(field, reason, "", {{"min", std::to_string(kMinPasswordChars)}});
  return s;
}

// A fixed argon2id hash to verify against when the e-mail is unknown, so
// that a wrong address takes as long as a wrong password.
const std::string& DummyHash(const PasswordHashOptions& options) {
  static const std::string hash = HashPassword("not a real password", options).value();
  return hash;
}

}  // namespace

std::string NormaliseEmail(std::string_view email) {
  static const std::regex kEmail(R"(^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$)");
  std::string lower = AsciiLower(Trim(email));
  if (lower.size() > kMaxEmailChars || !IsValidUtf8(lower) || !std::regex_match(lower, kEmail)) {
    return "";
  }
  return lower;
}

AccountService::AccountService(db::Database& db, const Clock& clock, const audit::AuditLog& audit,
                               const mail::Outbox& outbox, AccountOptions options)
    : db_(db), clock_(clock), audit_(audit), outbox_(outbox), options_(std::move(options)) {}

StatusOr<Person> AccountService::CreatePerson(db::Tx& tx, const RegisterInput& input,
                                              const std::string& hash, bool platform_admin) {
  std::string email = NormaliseEmail(input.email);
  Person person{.display_name = std::string(Trim(input.display_name)),
                .email = email,
                .locale = input.locale,
                .platform_admin = platform_admin,
                .created_at = clock_.Now()};
  ASSIGN_OR_RETURN(person.id, PersonStore::Insert(tx, person));
  ASSIGN_OR_RETURN(std::int64_t identity,
                   PersonStore::InsertIdentity(tx, person.id, std::string(kLocalIssuer), email,
                                               person.created_at));
  RETURN_IF_ERROR(PersonStore::SetLocalPassword(tx, identity, hash, person.created_at));
  return person;
}

StatusOr<Person> AccountService::Register(const RegisterInput& input, const Actor& origin) {
  std::string email = NormaliseEmail(input.email);
  RETURN_IF_ERROR(ValidateRegistration(input, email));
  // Hash before the transaction: argon2id must not hold SQLite's write lock.
  ASSIGN_OR_RETURN(std::string hash, HashPassword(input.password, options_.password_hash));
  StatusOr<Person> created = db_.WriteValue<Person>([&](db::Tx& tx) -> StatusOr<Person> {
    if (PersonStore::FindByEmail(tx, email).ok()) {
      Status taken = AlreadyExistsError("accounts.email.taken");
      taken.AddInvalid("email", "accounts.email.taken", email);
      return taken;
    }
    ASSIGN_OR_RETURN(Person person, CreatePerson(tx, input, hash, false));
    Actor self = origin;
    self.person_id = person.id;
    RETURN_IF_ERROR(audit_.Append(tx, MakeAuditEvent(self, std::nullopt, "account.register",
                                                     "person", std::to_string(person.id)))
                        .status());
    return person;
  });
  // Two registrations racing for one address: the unique index decides.
  if (created.status().code() == StatusCode::kAlreadyExists &&
      created.status().invalid_parameters().empty()) {
    Status taken = AlreadyExistsError("accounts.email.taken");
    taken.AddInvalid("email", "accounts.email.taken", email);
    return taken;
  }
  return created;
}

StatusOr<Person> AccountService::CreatePlatformAdmin(const RegisterInput& input) {
  std::string email = NormaliseEmail(input.email);
  RETURN_IF_ERROR(ValidateRegistration(input, email));
  ASSIGN_OR_RETURN(std::string hash, HashPassword(input.password, options_.password_hash));
  return db_.WriteValue<Person>([&](db::Tx& tx) -> StatusOr<Person> {
    ASSIGN_OR_RETURN(Person person, CreatePerson(tx, input, hash, true));
    audit::AuditEvent event = MakeAuditEvent(Actor::Anonymous(), std::nullopt,
                                             "account.create_platform_admin", "person",
                                             std::to_string(person.id));
    event.actor_role = "system";
    RETURN_IF_ERROR(audit_.Append(tx, event).status());
    return person;
  });
}

Status AccountService::CheckThrottle(db::Tx& tx, const std::string& email,
                                     const std::string& address) {
  const UnixSeconds now = clock_.Now(), since = now - options_.throttle_window_seconds;
  struct Limit {
    std::string key;
    int max;
  };
  for (const Limit& limit : {Limit{ThrottleKeyForAccount(email), options_.max_failures_per_account},
                             Limit{ThrottleKeyForAddress(address), options_.max_failures_per_address}}) {
    ASSIGN_OR_RETURN(auto counted, SessionStore::CountLoginFailures(tx, limit.key, since));
    if (counted.first >= limit.max) {
      int wait = static_cast<int>(counted.second + options_.throttle_window_seconds - now);
      return ResourceExhaustedError("accounts.login.throttled").SetRetryAfter(std::max(wait, 1));
    }
  }
  return Status::Ok();
}

StatusOr<LoginResult> AccountService::Login(const std::string& email_input,
                                            const std::string& password, const Actor& origin) {
  const std::string email = NormaliseEmail(email_input);
  const std::string address = origin.client_address.empty() ? "unknown" : origin.client_address;
  // Phase 1, read: the throttle and the stored hash.
  std::optional<LocalCredential> credential;
  RETURN_IF_ERROR(db_.Read([&](db::Tx& tx) -> Status {
    RETURN_IF_ERROR(CheckThrottle(tx, email, address));
    auto found = PersonStore::FindLocalCredential(tx, email);
    if (found.ok()) credential = std::move(found).value();
    return Status::Ok();
  }));
  // Phase 2, outside any transaction: argon2id takes long enough that
  // holding SQLite's write lock for it would queue every other writer.
  const bool verified = VerifyPassword(
      password, credential ? credential->password_hash : DummyHash(options_.password_hash));
  // Phase 3, write: the failure (committed, so it counts) or the session.
  const UnixSeconds now = clock_.Now();
  if (!verified || !credential) {
    RETURN_IF_ERROR(db_.Write([&](db::Tx& tx) -> Status {
      RETURN_IF_ERROR(SessionStore::RecordLoginFailure(tx, ThrottleKeyForAccount(email), now));
      RETURN_IF_ERROR(SessionStore::RecordLoginFailure(tx, ThrottleKeyForAddress(address), now));
      RETURN_IF_ERROR(SessionStore::PruneLoginFailures(tx, now - options_.throttle_window_seconds));
      return audit_.Append(tx, MakeAuditEvent(origin, std::nullopt, "account.login_failed", "person", ""))
          .status();
    }));
    return UnauthenticatedError("accounts.login.wrong");
  }
  return db_.WriteValue<LoginResult>([&](db::Tx& tx) -> StatusOr<LoginResult> {
    RETURN_IF_ERROR(SessionStore::ClearLoginFailures(tx, ThrottleKeyForAccount(email)));
    RETURN_IF_ERROR(PersonStore::TouchIdentity(tx, credential->identity_id, now));
    LoginResult login{NewToken(), {}};
    ASSIGN_OR_RETURN(login.person, PersonStore::Find(tx, credential->person_id));
    RETURN_IF_ERROR(SessionStore::InsertSession(tx, HashToken(login.session_token),
                                                login.person.id, now,
                                                now + options_.session_idle_days * kDay)
                        .status());
    Actor self = origin;
    self.person_id = login.person.id;
    RETURN_IF_ERROR(audit_.Append(tx, MakeAuditEvent(self, std::nullopt, "account.login", "person",
                                                     std::to_string(login.person.id)))
                        .status());
    return login;
  });
}

Status AccountService::Logout(const std::string& session_token, const Actor& actor) {
  return db_.Write([&](db::Tx& tx) -> Status {
    RETURN_IF_ERROR(SessionStore::RevokeSession(tx, HashToken(session_token), clock_.Now()));
    if (!actor.person_id) return Status::Ok();
    return audit_.Append(tx, MakeAuditEvent(actor, std::nullopt, "account.logout", "person",
                                            std::to_string(*actor.person_id)))
        .status();
  });
}

StatusOr<Actor> AccountService::ActorForPerson(PersonId person_id, AuthMethod method) {
  return db_.ReadValue<Actor>([&](db::Tx& tx) -> StatusOr<Actor> {
    ASSIGN_OR_RETURN(Person person, PersonStore::Find(tx, person_id));
    Actor actor;
    actor.person_id = person.id;
    actor.display_name = person.display_name;
    actor.platform_admin = person.platform_admin;
    actor.method = method;
    ASSIGN_OR_RETURN(actor.memberships, OrganisationStore::MembershipsOfPerson(tx, person.id));
    return actor;
  });
}

StatusOr<Actor> AccountService::ResolveSession(const std::string& session_token,
                                               const Actor& origin) {
  const UnixSeconds now = clock_.Now();
  const std::string hash = HashToken(session_token);
  StatusOr<SessionRow> session = db_.ReadValue<SessionRow>(
      [&](db::Tx& tx) { return SessionStore::FindLiveSession(tx, hash, now); });
  if (session.status().code() == StatusCode::kNotFound) {
    return UnauthenticatedError("accounts.session.expired");
  }
  RETURN_IF_ERROR(session.status());
  // Slide the expiry at most once a minute, so reads stay reads.
  if (now - session->last_seen_at >= 60) {
    UnixSeconds expires = std::min(now + options_.session_idle_days * kDay,
                                   session->created_at + options_.session_max_days * kDay);
    RETURN_IF_ERROR(db_.Write(
        [&](db::Tx& tx) { return SessionStore::TouchSession(tx, session->id, now, expires); }));
  }
  ASSIGN_OR_RETURN(Actor actor, ActorForPerson(session->person_id, AuthMethod::kSession));
  actor.session_id = session->id;
  actor.client_address = origin.client_address;
  actor.user_agent = origin.user_agent;
  return actor;
}

Status AccountService::ChangePassword(const Actor& actor, const std::string& current,
                                      const std::string& replacement) {
  if (!actor.person_id || actor.method != AuthMethod::kSession) {
    return UnauthenticatedError("accounts.login.required");
  }
  return db_.Write([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(LocalCredential credential,
                     PersonStore::FindLocalCredentialOfPerson(tx, *actor.person_id));
    ASSIGN_OR_RETURN(Person person, PersonStore::Find(tx, *actor.person_id));
    if (!VerifyPassword(current, credential.password_hash)) {
      Status wrong = InvalidArgumentError("validation.failed");
      wrong.AddInvalid("current_password", "accounts.password.current_wrong");
      return wrong;
    }
    if (std::string weak = PasswordWeakness(replacement, person.email); !weak.empty()) {
      return WeakPasswordError("new_password", weak);
    }
    ASSIGN_OR_RETURN(std::string hash, HashPassword(replacement, options_.password_hash));
    const UnixSeconds now = clock_.Now();
    RETURN_IF_ERROR(PersonStore::SetLocalPassword(tx, credential.identity_id, hash, now));
    // Whoever else knew the old password is logged out everywhere.
    RETURN_IF_ERROR(SessionStore::RevokeOtherSessions(tx, person.id, actor.session_id, now));
    return audit_.Append(tx, MakeAuditEvent(actor, std::nullopt, "account.change_password",
                                            "person", std::to_string(person.id)))
        .status();
  });
}

Status AccountService::RequestPasswordReset(const std::string& email_input, const Actor& origin) {
  const std::string email = NormaliseEmail(email_input);
  if (email.empty()) {
    Status bad = InvalidArgumentError("validation.failed");
    bad.AddInvalid("email", "accounts.email.invalid", email_input);
    return bad;
  }
  return db_.Write([&](db::Tx& tx) -> Status {
    auto person = PersonStore::FindByEmail(tx, email);
    if (!person.ok()) return Status::Ok();  // say nothing about who has an account
    const UnixSeconds now = clock_.Now();
    const std::string token = NewToken();
    RETURN_IF_ERROR(SessionStore::InsertPasswordReset(
        tx, HashToken(token), person->id, now, now + options_.reset_token_minutes * 60));
    const i18n::Catalog& text = i18n::Catalogs::Builtin().For(person->locale);
    std::string link = options_.public_base_url + "/password/reset?token=" + token;
    i18n::Args args = {{"name", person->display_name},
                       {"link", link},
                       {"minutes", std::to_string(options_.reset_token_minutes)}};
    std::string body = text.Get("mail.password_reset.body", args);
    // The link is the point of this mail: keep it even when a catalogue lacks
    // the message or a translation lost its {link}.
    if (body.find(link) == std::string::npos) body += "\n\n" + link + "\n";
    RETURN_IF_ERROR(outbox_.Enqueue(tx, email, text.Get("mail.password_reset.subject", args), body)
                        .status());
    return audit_.Append(tx, MakeAuditEvent(origin, std::nullopt, "account.password_reset_requested",
                                            "person", std::to_string(person->id)))
        .status();
  });
}

Status AccountService::ResetPassword(const std::string& token, const std::string& replacement,
                                     const Actor& origin) {
  return db_.Write([&](db::Tx& tx) -> Status {
    const UnixSeconds now = clock_.Now();
    auto person_id = SessionStore::ConsumePasswordReset(tx, HashToken(token), now);
    if (!person_id.ok()) {
      Status bad = InvalidArgumentError("validation.failed");
      bad.AddInvalid("token", "accounts.reset.invalid_token");
      return bad;
    }
    ASSIGN_OR_RETURN(Person person, PersonStore::Find(tx, *person_id));
    if (std::string weak = PasswordWeakness(replacement, person.email); !weak.empty()) {
      return WeakPasswordError("password", weak);
    }
    ASSIGN_OR_RETURN(LocalCredential credential,
                     PersonStore::FindLocalCredentialOfPerson(tx, person.id));
    ASSIGN_OR_RETURN(std::string hash, HashPassword(replacement, options_.password_hash));
    RETURN_IF_ERROR(PersonStore::SetLocalPassword(tx, credential.identity_id, hash, now));
    RETURN_IF_ERROR(SessionStore::RevokeAllSessions(tx, person.id, now));
    Actor self = origin;
    self.person_id = person.id;
    return audit_.Append(tx, MakeAuditEvent(self, std::nullopt, "account.password_reset",
                                            "person", std::to_string(person.id)))
        .status();
  });
}

StatusOr<Person> AccountService::UpdateProfile(const Actor& actor, const std::string& display_name,
                                               const std::string& locale) {
  if (!actor.person_id || !actor.CanWrite()) return UnauthenticatedError("accounts.login.required");
  Status problems = InvalidArgumentError("validation.failed");
  std::string name(Trim(display_name));
  if (name.empty()) problems.AddInvalid("display_name", "accounts.display_name.required");
  if (Utf8Length(name) > kMaxDisplayNameChars) {
    problems.AddInvalid("display_name", "accounts.display_name.too_long", "",
                        {{"max", std::to_string(kMaxDisplayNameChars)}});
  }
  if (locale != "sv" && locale != "en") problems.AddInvalid("locale", "accounts.locale.invalid", locale);
  if (!problems.invalid_parameters().empty()) return problems;
  return db_.WriteValue<Person>([&](db::Tx& tx) -> StatusOr<Person> {
    RETURN_IF_ERROR(PersonStore::UpdateProfile(tx, *actor.person_id, name, locale));
    RETURN_IF_ERROR(audit_.Append(tx, MakeAuditEvent(actor, std::nullopt, "account.update_profile",
                                                     "person", std::to_string(*actor.person_id)))
                        .status());
    return PersonStore::Find(tx, *actor.person_id);
  });
}

StatusOr<Person> AccountService::GetPerson(PersonId id) {
  return db_.ReadValue<Person>([&](db::Tx& tx) { return PersonStore::Find(tx, id); });
}

}  // namespace nyttig::accounts
