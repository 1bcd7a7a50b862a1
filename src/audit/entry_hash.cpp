#include "audit/entry_hash.h"

#include <sodium.h>

#include <array>
#include <string>

#include "core/text.h"

namespace nyttig::audit {
namespace {

constexpr std::array<std::string_view, 10> kCredentialWords = {
    "password",      "passwd",  "token",  "secret",      "cookie",
    "authorization", "api_key", "apikey", "private_key", "credential"};

void AppendNetstring(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ',';
}

// Walks the whole value: a credential can hide in a nested object.
Status CheckValue(const nlohmann::json& value, const std::string& path) {
  if (value.is_number_float()) {
    return InvalidArgumentError("audit details: floating-point number at " + path +
                                "; store it as a string or an integer");
  }
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      if (IsCredentialKey(key)) {
        return InvalidArgumentError("audit details must not hold credentials: key '" + key +
                                    "' at " + path);
      }
      RETURN_IF_ERROR(CheckValue(child, path + "." + key));
    }
  } else if (value.is_array()) {
    for (std::size_t idx = 0; idx < value.size(); ++idx) {
      RETURN_IF_ERROR(CheckValue(value[idx], path + "[" + std::to_string(idx) + "]"));
    }
  }
  return Status::Ok();
}

}  // namespace

ChainedFields ChainedFieldsOf(const AuditEntry& entry) {
  return {.chain_id = entry.chain_id,
          .seq = entry.seq,
          .occurred_at = entry.occurred_at,
          .actor = entry.actor,
          .actor_role = entry.actor_role,
          .action = entry.action,
          .entity_type = entry.entity_type,
          .entity_id = entry.entity_id,
          .details = entry.details,
          .prev_hash = entry.prev_hash};
}

std::string HashPreimage(const ChainedFields& fields) {
  std::string out;
  out.reserve(256 + fields.details.size());
  AppendNetstring(out, kHashFormatTag);
  AppendNetstring(out, std::to_string(fields.chain_id));
  AppendNetstring(out, std::to_string(fields.seq));
  AppendNetstring(out, std::to_string(fields.occurred_at));
  AppendNetstring(out, fields.actor);
  AppendNetstring(out, fields.actor_role);
  AppendNetstring(out, fields.action);
  AppendNetstring(out, fields.entity_type);
  AppendNetstring(out, fields.entity_id);
  AppendNetstring(out, fields.details);
  AppendNetstring(out, fields.prev_hash);
  return out;
}

std::string ComputeEntryHash(const ChainedFields& fields) {
  const std::string preimage = HashPreimage(fields);
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(preimage.data()),
                     preimage.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

bool IsCredentialKey(std::string_view key) {
  const std::string lower = AsciiLower(key);
  for (std::string_view word : kCredentialWords) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

StatusOr<std::string> CanonicalDetails(const nlohmann::json& details) {
  if (details.is_null()) return std::string("{}");
  if (!details.is_object()) return InvalidArgumentError("audit details must be a JSON object");
  RETURN_IF_ERROR(CheckValue(details, "details"));
  std::string text;
  try {
    // nlohmann's object is a std::map, so keys come out in byte order.
    text = details.dump();
  } catch (const nlohmann::json::exception& e) {
    return InvalidArgumentError(std::string("audit details are not valid UTF-8: ") + e.what());
  }
  if (text.size() > kMaxDetailsBytes) {
    return InvalidArgumentError("audit details exceed " + std::to_string(kMaxDetailsBytes) +
                                " bytes");
  }
  return text;
}

}  // namespace nyttig::audit
