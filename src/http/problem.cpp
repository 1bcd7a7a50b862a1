#include "http/problem.h"

#include <nlohmann/json.hpp>

namespace nyttig::http {
namespace {

struct ProblemKind {
  const char* type;  // a stable, documented identifier (docs/api/problems.md)
  const char* title;
};

ProblemKind KindFor(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument: return {"/problems/invalid-request", "Invalid request"};
    case StatusCode::kNotFound: return {"/problems/not-found", "Not found"};
    case StatusCode::kAlreadyExists: return {"/problems/conflict", "Already exists"};
    case StatusCode::kPermissionDenied: return {"/problems/forbidden", "Not allowed"};
    case StatusCode::kUnauthenticated: return {"/problems/unauthenticated", "Log-in required"};
    case StatusCode::kFailedPrecondition: return {"/problems/conflict", "Not possible now"};
    case StatusCode::kResourceExhausted: return {"/problems/too-many-requests", "Too many requests"};
    case StatusCode::kUnavailable: return {"/problems/unavailable", "Temporarily unavailable"};
    case StatusCode::kInternal:
    case StatusCode::kOk: break;
  }
  return {"/problems/internal", "Internal error"};
}

const char* TitleForHttpStatus(int status) {
  switch (status) {
    case 400: return "Bad request";
    case 404: return "Not found";
    case 405: return "Method not allowed";
    case 411: return "Length required";
    case 413: return "Request body too large";
    case 415: return "Unsupported media type";
    default: return "Error";
  }
}

// Distinct types let a client tell "too large" and "wrong method" from a
// malformed request without parsing the title.
const char* TypeForHttpStatus(int status) {
  switch (status) {
    case 404: return "/problems/not-found";
    case 405: return "/problems/method-not-allowed";
    case 413: return "/problems/payload-too-large";
    default: return "/problems/invalid-request";
  }
}

Response ProblemBody(int http_status, const nlohmann::json& body) {
  return Response::Text(http_status, body.dump(), "application/problem+json");
}

}  // namespace

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists: return 409;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kFailedPrecondition: return 409;
    case StatusCode::kResourceExhausted: return 429;
    case StatusCode::kUnavailable: return 503;
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

Response ProblemResponse(const Status& status, std::string_view instance,
                         const Translate& translate) {
  const int http_status = HttpStatusFor(status.code());
  const ProblemKind kind = KindFor(status.code());
  auto text = [&](const std::string& key,
                  const std::vector<std::pair<std::string, std::string>>& args) {
    return translate ? translate(key, args) : key;
  };
  nlohmann::json body = {{"type", kind.type},
                         {"title", kind.title},
                         {"status", http_status},
                         {"instance", std::string(instance)}};
  body["detail"] = status.code() == StatusCode::kInternal
                       ? std::string("An unexpected error occurred. It has been logged.")
                       : text(status.message(), {});
  if (!status.invalid_parameters().empty()) {
    nlohmann::json list = nlohmann::json::array();
    for (const InvalidParameter& p : status.invalid_parameters()) {
      list.push_back({{"name", p.name}, {"reason", text(p.reason, p.args)}, {"value", p.value}});
    }
    body["invalid_parameters"] = std::move(list);
  }
  Response response = ProblemBody(http_status, body);
  if (status.retry_after_seconds()) {
    response.headers.Set("Retry-After", std::to_string(*status.retry_after_seconds()));
  }
  return response;
}

Response ProblemForHttpStatus(int http_status, std::string detail, std::string_view instance) {
  const char* type = TypeForHttpStatus(http_status);
  return ProblemBody(http_status, {{"type", type},
                                   {"title", TitleForHttpStatus(http_status)},
                                   {"status", http_status},
                                   {"detail", std::move(detail)},
                                   {"instance", std::string(instance)}});
}

}  // namespace nyttig::http
