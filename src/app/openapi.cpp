#include "app/openapi.h"

#include <cstdlib>
#include <iostream>

#include <nlohmann/json.hpp>

#include "core/embedded.h"

namespace nyttig::embedded {
std::span<const EmbeddedFile> ApiDocs();
}

namespace nyttig::app {
namespace {

using nlohmann::json;

constexpr std::string_view kBaseDocument = "openapi.json";

Status AddEntries(json& into, const json& from, const std::string& what, const std::string& part) {
  if (!from.is_object()) return InvalidArgumentError(part + ": " + what + " is not an object");
  for (const auto& [name, value] : from.items()) {
    if (into.contains(name)) {
      return AlreadyExistsError(part + ": " + what + " " + name + " is defined twice");
    }
    into[name] = value;
  }
  return Status::Ok();
}

Status MergePart(json& doc, const json& part, const std::string& name) {
  if (!part.is_object()) return InvalidArgumentError(name + " is not a JSON object");
  if (part.contains("tags")) {
    for (const json& tag : part["tags"]) doc["tags"].push_back(tag);
  }
  if (part.contains("paths")) RETURN_IF_ERROR(AddEntries(doc["paths"], part["paths"], "path", name));
  if (part.contains("components")) {
    for (const auto& [section, entries] : part["components"].items()) {
      RETURN_IF_ERROR(
          AddEntries(doc["components"][section], entries, "components/" + section, name));
    }
  }
  return Status::Ok();
}

}  // namespace

StatusOr<std::string> MergeOpenApi(
    std::string_view base, const std::vector<std::pair<std::string, std::string>>& parts) {
  json doc = json::parse(base, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return InvalidArgumentError("openapi.json is not a JSON object");
  }
  for (const auto& [name, text] : parts) {
    json part = json::parse(text, nullptr, false);
    if (part.is_discarded()) return InvalidArgumentError(name + " is not valid JSON");
    RETURN_IF_ERROR(MergePart(doc, part, name));
  }
  return doc.dump(2);
}

const std::string& OpenApiDocument() {
  static const std::string* document = [] {
    std::string_view base = "{}";
    std::vector<std::pair<std::string, std::string>> parts;
    for (const EmbeddedFile& file : embedded::ApiDocs()) {
      if (file.path == kBaseDocument) {
        base = file.content;
      } else if (file.path.ends_with(".json")) {
        parts.emplace_back(std::string(file.path), std::string(file.content));
      }
    }
    auto merged = MergeOpenApi(base, parts);
    if (!merged.ok()) {
      std::cerr << "fatal: " << merged.status().ToString() << "\n";
      std::abort();
    }
    return new std::string(std::move(merged).value());
  }();
  return *document;
}

}  // namespace nyttig::app
