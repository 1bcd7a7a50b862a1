#include "accounts/secrets.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <set>

#include "core/text.h"

namespace nyttig::accounts {
namespace {

std::string ToHex(const unsigned char* bytes, size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

// A handful of the most used passwords of 10+ characters; a real
// deny-list is a later refinement (see docs/operations.md).
bool IsCommonPassword(std::string_view lower) {
  static const std::set<std::string, std::less<>> kCommon = {
      "1234567890", "12345678910", "0123456789", "qwertyuiop", "password123", "lösenord123",
      "losenord123", "sommar2024", "sommar2025", "sommar2026", "vinter2026", "qwerty1234",
      "1q2w3e4r5t", "abcdefghij", "iloveyou12", "passw0rd123", "password1234", "välkommen1",
      "valkommen123", "hejsan1234"};
  return kCommon.count(lower) > 0;
}

}  // namespace

Status InitSodium() {
  if (sodium_init() < 0) return InternalError("libsodium could not be initialised");
  return Status::Ok();
}

StatusOr<std::string> HashPassword(std::string_view password, const PasswordHashOptions& options) {
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), options.ops_limit,
                            options.mem_limit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return ResourceExhaustedError("out of memory while hashing a password");
  }
  return std::string(out.data());
}

bool VerifyPassword(std::string_view password, const std::string& encoded_hash) {
  return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

std::string PasswordWeakness(std::string_view password, std::string_view email) {
  size_t chars = Utf8Length(password);
  if (chars < kMinPasswordChars) return "accounts.password.too_short";
  if (chars > kMaxPasswordChars) return "accounts.password.too_long";
  std::string lower = AsciiLower(password);
  if (IsCommonPassword(lower)) return "accounts.password.common";
  if (!email.empty() && lower == AsciiLower(email)) return "accounts.password.is_email";
  std::set<char> distinct(password.begin(), password.end());
  if (distinct.size() <= 2) return "accounts.password.too_simple";
  return "";
}

std::string NewToken(std::string_view prefix) {
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)> b64{};
  sodium_bin2base64(b64.data(), b64.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return std::string(prefix) + b64.data();
}

std::string HashToken(std::string_view token) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(token.data()),
                     token.size());
  return ToHex(digest.data(), digest.size());
}

std::string KeyedHash(std::string_view key, std::string_view message) {
  std::array<unsigned char, 32> digest{};
  std::array<unsigned char, crypto_generichash_KEYBYTES_MAX> key_bytes{};
  crypto_generichash(key_bytes.data(), key_bytes.size(),
                     reinterpret_cast<const unsigned char*>(key.data()), key.size(), nullptr, 0);
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                     key_bytes.data(), key_bytes.size());
  return ToHex(digest.data(), digest.size());
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace nyttig::accounts
