#include "storage/sha256.h"

#include <array>
#include <mutex>

namespace nyttig::storage {
namespace {

// libsodium must be initialised once before use; its hashing does not need
// the random generator, but sodium_init() is the documented precondition.
void EnsureSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // the library cannot work at all
  });
}

}  // namespace

bool IsSha256Hex(std::string_view text) {
  if (text.size() != kSha256HexLength) return false;
  for (char c : text) {
    bool digit = c >= '0' && c <= '9';
    bool lower_hex = c >= 'a' && c <= 'f';
    if (!digit && !lower_hex) return false;
  }
  return true;
}

Sha256Hasher::Sha256Hasher() {
  EnsureSodium();
  crypto_hash_sha256_init(&state_);
}

void Sha256Hasher::Update(std::string_view bytes) {
  crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char *>(bytes.data()),
                            bytes.size());
}

std::string Sha256Hasher::FinishHex() {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state_, digest.data());
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();  // sodium_bin2hex writes a terminating NUL
  return hex;
}

std::string Sha256Hex(std::string_view bytes) {
  Sha256Hasher hasher;
  hasher.Update(bytes);
  return hasher.FinishHex();
}

}  // namespace nyttig::storage
