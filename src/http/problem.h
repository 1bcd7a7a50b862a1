// Problem responses (RFC 9457, application/problem+json): the one place that
// maps a Status code to an HTTP status.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "http/message.h"

namespace nyttig::http {

// The HTTP status for a Status code (kOk → 200).
int HttpStatusFor(StatusCode code);

// Turns a message key with {placeholder} arguments into text for the reader;
// the identity when no catalogue is at hand.
using Translate = std::function<std::string(
    std::string_view key, const std::vector<std::pair<std::string, std::string>>& args)>;

// A problem+json response for a failed Status: type, title, status, detail,
// instance, and invalid_parameters for validation errors. kInternal never
// shows its message (it may hold SQL or paths); the caller logs it.
// kResourceExhausted with retry_after sets Retry-After.
Response ProblemResponse(const Status& status, std::string_view instance,
                         const Translate& translate = nullptr);

// A problem for a bare HTTP status (404 for an unknown path, 405, 413 …).
Response ProblemForHttpStatus(int http_status, std::string detail, std::string_view instance);

}  // namespace nyttig::http
