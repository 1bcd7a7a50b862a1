// SHA-256 of byte strings and streams (libsodium's crypto_hash_sha256), as
// lower-case hex: the name of a stored file and the checksum in backups.
//
//   std::string hex = Sha256Hex("hello");
//   Sha256Hasher h; h.Update(chunk1); h.Update(chunk2); std::string hex =
//   h.FinishHex();
//
// Thread-safety: Sha256Hex is safe from any thread; a Sha256Hasher belongs to
// one thread at a time.
#pragma once

#include <sodium.h>

#include <string>
#include <string_view>

namespace nyttig::storage {

inline constexpr std::size_t kSha256HexLength = 64;

// True when `text` is exactly 64 lower-case hex digits, the only form a
// content address may take (so it can never name a path outside the store).
bool IsSha256Hex(std::string_view text);

// Incremental SHA-256 for data that arrives in chunks.
class Sha256Hasher {
 public:
  Sha256Hasher();
  void Update(std::string_view bytes);
  // The digest as 64 lower-case hex digits. Call once.
  std::string FinishHex();

 private:
  crypto_hash_sha256_state state_;
};

// SHA-256 of `bytes` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace nyttig::storage
