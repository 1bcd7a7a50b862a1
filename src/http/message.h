// Request and Response: Nyttig's own small HTTP message types. Every module
// sees only these (and Router); the HTTP library stays inside server.cpp.
//
// Thread-safety: plain values, owned by the thread handling the request.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nyttig::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view MethodName(Method m);
Method ParseMethod(std::string_view name);

// True for methods that change state (and so need a CSRF token when sent
// with a cookie).
inline bool IsUnsafe(Method m) {
  return m != Method::kGet && m != Method::kHead && m != Method::kOptions;
}

// Header names compare case-insensitively; the first value wins on lookup.
class Headers {
 public:
  void Add(std::string name, std::string value);
  void Set(std::string name, std::string value);  // replaces all of that name
  std::optional<std::string_view> Get(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& all() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

struct Request {
  Method method = Method::kGet;
  std::string target;   // as received: path and query, e.g. "/ideas?page=2"
  std::string path;     // decoded path without query, e.g. "/ideas"
  std::multimap<std::string, std::string> query;  // decoded
  Headers headers;
  std::string body;
  std::string client_address;
  std::string request_id;
  std::map<std::string, std::string> path_params;  // filled by the router

  std::optional<std::string_view> Header(std::string_view name) const { return headers.Get(name); }
  // The first value of a query parameter.
  std::optional<std::string> Query(const std::string& name) const;
  // A cookie's value from the Cookie header.
  std::optional<std::string> Cookie(std::string_view name) const;
  // A path parameter captured by the route pattern ("" when absent).
  const std::string& Param(const std::string& name) const;
  // True when the client sent a form (application/x-www-form-urlencoded).
  bool IsForm() const;
  // True when the client prefers HTML (a browser) over JSON.
  bool WantsHtml() const;
};

struct CookieOptions {
  int max_age_seconds = -1;  // -1: a session cookie; 0: delete
  bool http_only = true;
  bool secure = false;       // set when served over TLS
  std::string same_site = "Lax";
  std::string path = "/";
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  static Response Text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
  static Response Html(int status, std::string body);
  // See other (303) after a form post, or a plain redirect.
  static Response Redirect(std::string location, int status = 303);
  void SetCookie(std::string_view name, std::string_view value, const CookieOptions& options);
};

// The value of a Set-Cookie header ("name=value; Path=/; Max-Age=…; HttpOnly;
// Secure; SameSite=Lax"), the one place cookies are formatted.
std::string FormatSetCookie(std::string_view name, std::string_view value,
                            const CookieOptions& options);

// Percent-decodes a URL component; '+' becomes a space when `form` is true.
// Returns nullopt on a malformed escape.
std::optional<std::string> PercentDecode(std::string_view text, bool form);
std::string PercentEncode(std::string_view text);
// Like PercentEncode, but keeps '/' so that a path stays readable.
std::string PercentEncodePath(std::string_view path);

// Parses "a=1&b=2" (query strings and urlencoded forms). Malformed pairs are
// skipped, never fatal.
std::multimap<std::string, std::string> ParseUrlEncoded(std::string_view text);

// Splits a request target into path and query; fills the Request's fields.
// Returns false when the path is malformed (bad escape, not absolute).
bool ParseTarget(std::string_view target, Request& request);

}  // namespace nyttig::http
