// Helpers that every page handler uses: reading form posts, turning a
// validation Status into an error summary and per-field messages (UX.md:
// "Errors help"), and answering errors as pages for browsers and as
// problem+json for API clients.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "http/message.h"
#include "web/context.h"

namespace nyttig::web {

using FormFields = std::map<std::string, std::string>;

// The fields of an urlencoded form post (the last value of a repeated name wins).
FormFields ParseForm(const http::Request& request);

// {"error_summary": [{"href": "#field-email", "text": "…"}],
//  "errors": {"email": "…"}} with messages in the request's language.
nlohmann::json FormErrors(const Status& status, const RequestContext& ctx);

// The message for a Status in the reader's language (its own key, or a
// generic text per code).
std::string ErrorText(const Status& status, const RequestContext& ctx);

// An API error: problem+json with messages in the request's language.
http::Response ApiError(const Status& status, const http::Request& request,
                        const RequestContext& ctx);

// JSON response with the given status.
http::Response Json(int status, const nlohmann::json& body);

// Runs `body` (returning StatusOr<http::Response>) and answers a failure as
// problem+json: the shape of every API handler.
template <typename F>
http::Response ApiAnswer(const http::Request& request, RequestContext& ctx, F body) {
  StatusOr<http::Response> response = body();
  if (!response.ok()) return ApiError(response.status(), request, ctx);
  return std::move(response).value();
}

// Runs `body` (returning StatusOr<nlohmann::json>) and answers the value as
// JSON with `status`, or a failure as problem+json.
template <typename F>
http::Response ApiJson(const http::Request& request, RequestContext& ctx, int status, F body) {
  StatusOr<nlohmann::json> result = body();
  if (!result.ok()) return ApiError(result.status(), request, ctx);
  return Json(status, *result);
}

// A path parameter declared `{name:int}`. The router admits only positive
// integers of at most 18 digits there, so the conversion cannot fail.
std::int64_t PathId(const http::Request& request, const char* name = "id");

// Links for a paged list (partials/page_links): "Sida 2 av 5" with previous
// and next. `base` ends in '?' or '&'; "page=N" is appended. Null when
// everything fits on one page, so nothing is shown.
nlohmann::json PageLinks(const std::string& base, int page, std::int64_t total, int limit);
// The same for a list whose total was not counted to the end (ideas count
// at most a thousand): "Sida 60" with previous, and next when `has_next`.
nlohmann::json OpenPageLinks(const std::string& base, int page, bool has_next);
// The request's own list address for PageLinks: its path and every query
// parameter but the page and the language, ending in '?' or '&', so that a
// page link keeps every filter the person chose.
std::string PageBase(const http::Request& request);

class Renderer;

// An HTML page: `page` rendered inside the layout.
http::Response HtmlPage(const Renderer& renderer, std::string_view page, int status,
                        nlohmann::json data, const http::Request& request,
                        const RequestContext& ctx);

// A failed Status as a page: 401 sends the person to log in (and back
// here afterwards); anything else shows the error page with the HTTP status
// of the code and a message in the reader's language.
http::Response ErrorPage(const Renderer& renderer, const Status& status,
                         const http::Request& request, const RequestContext& ctx);

}  // namespace nyttig::web
