#include "http/json_body.h"

#include <algorithm>

#include "core/text.h"
#include "core/time_format.h"

namespace nyttig::http {

StatusOr<nlohmann::json> ParseJsonObject(const Request& request) {
  auto type = request.Header("Content-Type");
  if (!type || !type->starts_with("application/json")) {
    return InvalidArgumentError("the body must be JSON (Content-Type: application/json)");
  }
  if (!IsValidUtf8(request.body)) return InvalidArgumentError("the body is not valid UTF-8");
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (body.is_discarded()) return InvalidArgumentError("the body is not well-formed JSON");
  if (!body.is_object()) return InvalidArgumentError("the body must be a JSON object");
  return body;
}

JsonFields::JsonFields(const nlohmann::json& object,
                       std::initializer_list<std::string_view> allowed)
    : object_(object) {
  for (const auto& [key, value] : object_.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      status_.AddInvalid(key, "validation.unknown_field");
    }
  }
}

const nlohmann::json* JsonFields::Find(const std::string& name) const {
  auto it = object_.find(name);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> JsonFields::StringAt(const std::string& name, size_t max_chars,
                                                bool required) {
  const nlohmann::json* value = Find(name);
  if (value == nullptr) {
    if (required) status_.AddInvalid(name, "validation.required");
    return std::nullopt;
  }
  if (!value->is_string()) {
    status_.AddInvalid(name, "validation.not_string", value->dump());
    return std::nullopt;
  }
  std::string text(Trim(value->get_ref<const std::string&>()));
  if (required && text.empty()) {
    status_.AddInvalid(name, "validation.required");
    return std::nullopt;
  }
  if (Utf8Length(text) > max_chars) {
    status_.AddInvalid(name, "validation.too_long", text.substr(0, 80),
                       {{"max", std::to_string(max_chars)}});
    return std::nullopt;
  }
  return text;
}

std::string JsonFields::RequiredString(const std::string& name, size_t max_chars) {
  return StringAt(name, max_chars, true).value_or("");
}

std::optional<std::string> JsonFields::OptionalString(const std::string& name, size_t max_chars) {
  return StringAt(name, max_chars, false);
}

std::optional<std::int64_t> JsonFields::OptionalInt(const std::string& name, std::int64_t min,
                                                     std::int64_t max) {
  const nlohmann::json* value = Find(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer()) {
    status_.AddInvalid(name, "validation.not_integer", value->dump());
    return std::nullopt;
  }
  // Unsigned JSON numbers beyond int64 are rejected by the range check.
  if (value->is_number_unsigned() && value->get<std::uint64_t>() > std::uint64_t(max)) {
    status_.AddInvalid(name, "validation.out_of_range", value->dump(),
                       {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
    return std::nullopt;
  }
  std::int64_t number = value->get<std::int64_t>();
  if (number < min || number > max) {
    status_.AddInvalid(name, "validation.out_of_range", value->dump(),
                       {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
    return std::nullopt;
  }
  return number;
}

std::int64_t JsonFields::RequiredInt(const std::string& name, std::int64_t min, std::int64_t max) {
  if (Find(name) == nullptr) {
    status_.AddInvalid(name, "validation.required");
    return 0;
  }
  return OptionalInt(name, min, max).value_or(0);
}

std::optional<bool> JsonFields::OptionalBool(const std::string& name) {
  const nlohmann::json* value = Find(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    status_.AddInvalid(name, "validation.not_boolean", value->dump());
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<UnixSeconds> JsonFields::OptionalTime(const std::string& name) {
  const nlohmann::json* value = Find(name);
  if (value == nullptr) return std::nullopt;
  std::optional<UnixSeconds> t;
  if (value->is_string()) t = ParseRfc3339(value->get_ref<const std::string&>());
  if (!t) status_.AddInvalid(name, "validation.not_time", value->dump());
  return t;
}

Status JsonFields::status() const {
  if (status_.invalid_parameters().empty()) return Status::Ok();
  Status out = InvalidArgumentError("validation.failed");
  for (const InvalidParameter& p : status_.invalid_parameters()) {
    out.AddInvalid(p.name, p.reason, p.value, p.args);
  }
  return out;
}

}  // namespace nyttig::http
