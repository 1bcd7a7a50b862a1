// Reading JSON request bodies at the edge: malformed JSON, invalid UTF-8,
// wrong types, missing and unknown members all become one kInvalidArgument
// Status listing every problem, before any service is called.
//
//   ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(request));
//   JsonFields fields(body, {"name", "kind", "website"});
//   std::string name = fields.RequiredString("name", 200);
//   std::optional<std::string> site = fields.OptionalString("website", 500);
//   RETURN_IF_ERROR(fields.status());
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "core/status.h"
#include "http/message.h"

namespace nyttig::http {

// Parses the body as a JSON object. Fails (kInvalidArgument) on a wrong
// Content-Type, invalid UTF-8, malformed JSON or a non-object.
StatusOr<nlohmann::json> ParseJsonObject(const Request& request);

// Typed, validated access to an object's members. Each accessor records a
// problem instead of failing, so one response lists them all. Lengths are
// counted in characters (code points) and strings are trimmed.
class JsonFields {
 public:
  JsonFields(const nlohmann::json& object, std::initializer_list<std::string_view> allowed);

  std::string RequiredString(const std::string& name, size_t max_chars);
  std::optional<std::string> OptionalString(const std::string& name, size_t max_chars);
  std::optional<std::int64_t> OptionalInt(const std::string& name, std::int64_t min,
                                          std::int64_t max);
  std::int64_t RequiredInt(const std::string& name, std::int64_t min, std::int64_t max);
  std::optional<bool> OptionalBool(const std::string& name);
  // An RFC 3339 time ("2026-11-28T14:03:00Z"), as seconds since the epoch.
  std::optional<UnixSeconds> OptionalTime(const std::string& name);

  // OK, or kInvalidArgument with every recorded problem.
  Status status() const;

 private:
  const nlohmann::json* Find(const std::string& name) const;
  std::optional<std::string> StringAt(const std::string& name, size_t max_chars, bool required);

  const nlohmann::json& object_;
  Status status_;
};

}  // namespace nyttig::http
