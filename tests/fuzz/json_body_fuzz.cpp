// libFuzzer target: a JSON request body (http::ParseJsonObject) and typed
// member access (http::JsonFields) accept or reject any bytes with a Status.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.h"
#include "http/json_body.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  nyttig::http::Request request;
  request.method = nyttig::http::Method::kPost;
  request.headers.Add("Content-Type", "application/json; charset=utf-8");
  request.body.assign(reinterpret_cast<const char*>(data), size);
  auto body = nyttig::http::ParseJsonObject(request);
  if (!body.ok()) {
    FUZZ_CHECK(body.status().code() == nyttig::StatusCode::kInvalidArgument);
    return 0;
  }
  FUZZ_CHECK(body->is_object());
  // The member names of the organisation API, with a limit as the routes use them.
  nyttig::http::JsonFields fields(*body, {"name", "kind", "website", "limit", "public"});
  (void)fields.RequiredString("name", 200);
  (void)fields.OptionalString("website", 500);
  (void)fields.OptionalInt("limit", 1, 100);
  (void)fields.RequiredInt("kind", -5, 5);
  (void)fields.OptionalBool("public");
  const nyttig::Status status = fields.status();
  FUZZ_CHECK(status.ok() || status.code() == nyttig::StatusCode::kInvalidArgument);
  return 0;
}
