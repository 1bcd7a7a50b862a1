// The OpenAPI document served at /api/v1/openapi.json: valid JSON, OpenAPI
// 3.x, and complete — every route registered under /api/v1/ is documented,
// and every operation has a description and an example for each response.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>

#include "app/app_test_fixture.h"
#include "app/openapi.h"

namespace nyttig::app::testing {
namespace {

using nlohmann::json;

// "/api/v1/organisations/{id:int}" → "/organisations/{id}" (OpenAPI's form,
// relative to the server URL /api/v1).
std::string OpenApiPath(const std::string& pattern) {
  std::string out;
  for (size_t at = 0; at < pattern.size(); ++at) {
    if (pattern[at] == ':') {
      at = pattern.find('}', at) - 1;
      continue;
    }
    out += pattern[at];
  }
  return out.substr(std::string_view("/api/v1").size());
}

std::string Lower(std::string_view text) {
  std::string out;
  for (char c : text) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// True when a response object (after following a $ref into
// components/responses) carries an example for its media type, or has no
// body at all (204).
bool HasExample(const json& doc, const json& response) {
  const json* r = &response;
  if (r->contains("$ref")) {
    std::string ref = (*r)["$ref"];
    std::string name = ref.substr(ref.rfind('/') + 1);
    r = &doc["components"]["responses"][name];
  }
  if (!r->contains("content")) return true;
  for (const auto& [type, media] : (*r)["content"].items()) {
    if (!media.contains("example") && !media.contains("examples")) return false;
  }
  return true;
}

class OpenApiTest : public AppHttpTest {
 protected:
  json Document() {
    TestClient client = NewClient();
    http::Response r = client.Get("/api/v1/openapi.json");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.headers.Get("Content-Type").value_or(""), "application/json");
    return BodyJson(r);
  }
};

TEST_P(OpenApiTest, IsOpenApi3Json) {
  json doc = Document();
  ASSERT_TRUE(doc.is_object());
  EXPECT_TRUE(doc.value("openapi", "").starts_with("3.")) << doc.value("openapi", "");
  EXPECT_FALSE(doc["info"].value("description", "").empty());
  EXPECT_EQ(doc["servers"][0]["url"], "/api/v1");
  for (const char* schema : {"Problem", "ValidationProblem", "Person", "Organisation", "Unit",
                             "Membership", "MembershipRequest", "ApiToken", "AuditEntry"}) {
    EXPECT_TRUE(doc["components"]["schemas"].contains(schema)) << schema;
  }
  EXPECT_TRUE(doc["components"]["securitySchemes"].contains("sessionCookie"));
  EXPECT_TRUE(doc["components"]["securitySchemes"].contains("csrfHeader"));
  EXPECT_TRUE(doc["components"]["securitySchemes"].contains("bearerToken"));
}

TEST_P(OpenApiTest, EveryApiRouteIsDocumented) {
  json doc = Document();
  ASSERT_TRUE(doc.contains("paths"));
  int api_routes = 0;
  for (const auto& [method, pattern] : app().router().Routes()) {
    if (!pattern.starts_with("/api/v1/")) continue;
    ++api_routes;
    const std::string path = OpenApiPath(pattern);
    const std::string verb = Lower(http::MethodName(method));
    ASSERT_TRUE(doc["paths"].contains(path)) << "missing path " << path;
    EXPECT_TRUE(doc["paths"][path].contains(verb)) << "missing " << verb << " " << path;
  }
  EXPECT_GE(api_routes, 25);
}

TEST_P(OpenApiTest, NothingIsDocumentedThatDoesNotExist) {
  json doc = Document();
  std::set<std::pair<std::string, std::string>> registered;
  for (const auto& [method, pattern] : app().router().Routes()) {
    if (pattern.starts_with("/api/v1/")) {
      registered.insert({OpenApiPath(pattern), Lower(http::MethodName(method))});
    }
  }
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [verb, operation] : item.items()) {
      if (verb == "parameters") continue;
      EXPECT_TRUE(registered.count({path, verb})) << verb << " " << path << " is not a route";
    }
  }
}

TEST_P(OpenApiTest, EveryOperationHasADescriptionAndEveryResponseAnExample) {
  json doc = Document();
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [verb, operation] : item.items()) {
      if (verb == "parameters") continue;
      SCOPED_TRACE(verb + " " + path);
      EXPECT_FALSE(operation.value("description", "").empty());
      EXPECT_FALSE(operation.value("operationId", "").empty());
      ASSERT_TRUE(operation.contains("responses"));
      EXPECT_FALSE(operation["responses"].empty());
      for (const auto& [code, response] : operation["responses"].items()) {
        EXPECT_TRUE(HasExample(doc, response)) << "response " << code << " has no example";
      }
      if (operation.contains("requestBody")) {
        for (const auto& [type, media] : operation["requestBody"]["content"].items()) {
          EXPECT_TRUE(media.contains("schema")) << type;
          EXPECT_TRUE(media.contains("example") || media.contains("examples")) << type;
        }
      }
    }
  }
}

TEST_P(OpenApiTest, EveryReferenceResolves) {
  json doc = Document();
  std::vector<std::string> refs;
  std::function<void(const json&)> collect = [&](const json& node) {
    if (node.is_object()) {
      for (const auto& [key, value] : node.items()) {
        if (key == "$ref" && value.is_string()) refs.push_back(value);
        collect(value);
      }
    } else if (node.is_array()) {
      for (const json& value : node) collect(value);
    }
  };
  collect(doc);
  ASSERT_FALSE(refs.empty());
  for (const std::string& ref : refs) {
    ASSERT_TRUE(ref.starts_with("#/")) << ref;
    EXPECT_TRUE(doc.contains(json::json_pointer(ref.substr(1)))) << ref;
  }
}

NYTTIG_INSTANTIATE_ENGINES(OpenApiTest);

// Modules document their API in parts (docs/api/paths/<module>.json).
TEST(MergeOpenApiTest, AddsPathsComponentsAndTagsOfEveryPart) {
  auto merged = MergeOpenApi(
      R"({"tags": [{"name": "API"}], "paths": {"/a": {}}, "components": {"schemas": {"A": {}}}})",
      {{"paths/b.json", R"({"tags": [{"name": "B"}], "paths": {"/b": {"get": {}}},
                          "components": {"schemas": {"B": {}}, "responses": {"BOk": {}}}})"}});
  ASSERT_TRUE(merged.ok()) << merged.status().ToString();
  json doc = json::parse(*merged);
  EXPECT_TRUE(doc["paths"].contains("/a"));
  EXPECT_TRUE(doc["paths"]["/b"].contains("get"));
  EXPECT_TRUE(doc["components"]["schemas"].contains("A"));
  EXPECT_TRUE(doc["components"]["schemas"].contains("B"));
  EXPECT_TRUE(doc["components"]["responses"].contains("BOk"));
  EXPECT_EQ(doc["tags"].size(), 2u);
}

TEST(MergeOpenApiTest, RefusesAPathOrSchemaDefinedTwice) {
  std::string base = R"({"paths": {"/a": {}}, "components": {"schemas": {"A": {}}}})";
  auto path_twice = MergeOpenApi(base, {{"paths/x.json", R"({"paths": {"/a": {}}})"}});
  ASSERT_FALSE(path_twice.ok());
  EXPECT_NE(path_twice.status().message().find("/a"), std::string::npos);
  EXPECT_FALSE(
      MergeOpenApi(base, {{"paths/x.json", R"({"components": {"schemas": {"A": {}}}})"}}).ok());
  EXPECT_FALSE(MergeOpenApi(base, {{"paths/x.json", "{"}}).ok());
}

}  // namespace
}  // namespace nyttig::app::testing
