// Passwords and tokens (libsodium).
//
// Passwords are hashed with argon2id (libsodium's encoded form carries the
// salt and parameters, so they can be raised later without a migration).
// Session, reset and API tokens are 256 random bits, shown to their owner
// once and stored only as a SHA-256 hash: a database leak yields no usable
// token.
// Thread-safety: all functions are thread-safe once InitSodium() has run.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace nyttig::accounts {

// Initialises libsodium; call once at start-up (idempotent). Fails when the
// library cannot initialise (no entropy source).
Status InitSodium();

struct PasswordHashOptions {
  // libsodium's "interactive" limits by default: ~64 MiB and a fraction of a
  // second per hash. Tests lower them to keep the suite fast.
  unsigned long long ops_limit = 2;
  size_t mem_limit = 64u << 20;  // bytes
};

inline constexpr PasswordHashOptions kFastPasswordHashForTests{1, 8u << 10};

StatusOr<std::string> HashPassword(std::string_view password, const PasswordHashOptions& options);
bool VerifyPassword(std::string_view password, const std::string& encoded_hash);

inline constexpr size_t kMinPasswordChars = 10;
inline constexpr size_t kMaxPasswordChars = 256;

// The strength rule: at least kMinPasswordChars characters, at most
// kMaxPasswordChars, not one of the most common passwords, not the e-mail
// address, and more than two distinct characters. Returns a message key
// ("accounts.password.too_short", …) or "" when the password is acceptable.
std::string PasswordWeakness(std::string_view password, std::string_view email);

// 32 random bytes, URL-safe base64 without padding (43 characters), with an
// optional readable prefix ("nyt_" for API tokens).
std::string NewToken(std::string_view prefix = "");

// Hex SHA-256 of a token, the form stored in the database.
std::string HashToken(std::string_view token);

// Keyed hash (BLAKE2b) of `message` under `key`, hex; for CSRF tokens bound
// to a session.
std::string KeyedHash(std::string_view key, std::string_view message);

// Constant-time comparison of two strings.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace nyttig::accounts
