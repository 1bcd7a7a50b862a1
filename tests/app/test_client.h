// TestClient: a browser or API client for in-process HTTP tests. It builds
// Requests (method, target, headers, body), sends them through App::Handle,
// keeps a cookie jar from Set-Cookie headers, and remembers the CSRF token
// (from a JSON log-in or a page's `csrf_token` hidden field) to send it back
// on state-changing requests, as a browser page or a script would.
//
//   TestClient browser(app);
//   browser.Get("/login");                       // picks up nyttig_csrf and the form token
//   auto r = browser.PostForm("/login", {{"email", e}, {"password", p}});
//   TestClient api(app);
//   ASSERT_TRUE(api.LogIn(e, p));               // POST /api/v1/sessions
//   api.PostJson("/api/v1/organisations/1/units", R"({"name": "IT"})");
//
// Thread-safety: one client per thread.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/app.h"
#include "http/message.h"

namespace nyttig::app::testing {

// One request as a test describes it.
struct Call {
  http::Method method = http::Method::kGet;
  std::string target;
  std::string body;
  std::string content_type;  // none when empty
  std::vector<std::pair<std::string, std::string>> headers;
  bool send_csrf = true;  // add X-CSRF-Token when the client knows one
};

class TestClient {
 public:
  explicit TestClient(App& app, std::string client_address = "192.0.2.10");

  http::Response Send(const Call& call);
  http::Response Get(const std::string& target);
  http::Response PostJson(const std::string& target, const std::string& body,
                          bool send_csrf = true);
  http::Response PatchJson(const std::string& target, const std::string& body);
  http::Response Delete(const std::string& target, bool send_csrf = true);
  // An urlencoded form post; adds the csrf_token field when `send_csrf`.
  http::Response PostForm(const std::string& target,
                          std::vector<std::pair<std::string, std::string>> fields,
                          bool send_csrf = true);

  // Logs in through POST /api/v1/sessions; keeps the session cookie and the
  // returned csrf_token. False (with the response in last()) on failure.
  bool LogIn(const std::string& email, const std::string& password);

  // Sends `Authorization: Bearer <token>` from now on (and no cookies).
  void UseBearer(std::string token) { bearer_ = std::move(token); }

  const std::map<std::string, std::string>& cookies() const { return cookies_; }
  std::optional<std::string> Cookie(const std::string& name) const;
  const std::string& csrf_token() const { return csrf_token_; }
  void set_csrf_token(std::string token) { csrf_token_ = std::move(token); }
  // The raw Set-Cookie header for `name` in the last response ("" if none).
  std::string SetCookieHeader(const std::string& name) const;
  const http::Response& last() const { return last_; }

 private:
  void Remember(const http::Response& response);

  App& app_;
  std::string client_address_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_token_;
  std::optional<std::string> bearer_;
  http::Response last_;
};

// The body as JSON (discarded when it is not JSON).
nlohmann::json BodyJson(const http::Response& response);

// The value of the first `<input … name="csrf_token" value="…">` in a page.
std::optional<std::string> CsrfFieldOf(const std::string& html);

}  // namespace nyttig::app::testing
