#include "app/test_client.h"

#include "core/text.h"

namespace nyttig::app::testing {
namespace {

constexpr std::string_view kFormType = "application/x-www-form-urlencoded";

std::string FormBody(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += http::PercentEncode(name) + "=" + http::PercentEncode(value);
  }
  return body;
}

}  // namespace

TestClient::TestClient(App& app, std::string client_address)
    : app_(app), client_address_(std::move(client_address)) {}

http::Response TestClient::Send(const Call& call) {
  http::Request request;
  request.method = call.method;
  request.target = call.target;
  if (!http::ParseTarget(call.target, request)) request.path = call.target;
  request.client_address = client_address_;
  request.body = call.body;
  if (!call.content_type.empty()) request.headers.Set("Content-Type", call.content_type);
  if (bearer_) {
    request.headers.Set("Authorization", "Bearer " + *bearer_);
  } else if (!cookies_.empty()) {
    std::string header;
    for (const auto& [name, value] : cookies_) {
      header += (header.empty() ? "" : "; ") + name + "=" + value;
    }
    request.headers.Set("Cookie", header);
  }
  const bool is_form = call.content_type.starts_with(kFormType);
  if (call.send_csrf && !is_form && http::IsUnsafe(call.method) && !csrf_token_.empty()) {
    request.headers.Set("X-CSRF-Token", csrf_token_);
  }
  for (const auto& [name, value] : call.headers) request.headers.Set(name, value);
  http::Response response = app_.Handle(request);
  Remember(response);
  return response;
}

void TestClient::Remember(const http::Response& response) {
  for (const auto& [name, value] : response.headers.all()) {
    if (AsciiLower(name) != "set-cookie") continue;
    std::string_view pair = std::string_view(value).substr(0, value.find(';'));
    size_t eq = pair.find('=');
    std::string cookie(pair.substr(0, eq));
    std::string cookie_value(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
    if (cookie_value.empty() || value.find("Max-Age=0") != std::string::npos) {
      cookies_.erase(cookie);
    } else {
      cookies_[cookie] = cookie_value;
    }
  }
  if (response.headers.Get("Content-Type").value_or("").starts_with("text/html")) {
    if (auto token = CsrfFieldOf(response.body)) csrf_token_ = *token;
  }
  last_ = response;
}

http::Response TestClient::Get(const std::string& target) {
  return Send({.method = http::Method::kGet, .target = target});
}

http::Response TestClient::PostJson(const std::string& target, const std::string& body,
                                    bool send_csrf) {
  return Send({.method = http::Method::kPost,
               .target = target,
               .body = body,
               .content_type = "application/json",
               .send_csrf = send_csrf});
}

http::Response TestClient::PatchJson(const std::string& target, const std::string& body) {
  return Send({.method = http::Method::kPatch,
               .target = target,
               .body = body,
               .content_type = "application/json"});
}

http::Response TestClient::Delete(const std::string& target, bool send_csrf) {
  return Send({.method = http::Method::kDelete, .target = target, .send_csrf = send_csrf});
}

http::Response TestClient::PostForm(const std::string& target,
                                    std::vector<std::pair<std::string, std::string>> fields,
                                    bool send_csrf) {
  if (send_csrf) fields.emplace_back("csrf_token", csrf_token_);
  return Send({.method = http::Method::kPost,
               .target = target,
               .body = FormBody(fields),
               .content_type = std::string(kFormType),
               .headers = {{"Accept", "text/html"}}});
}

bool TestClient::LogIn(const std::string& email, const std::string& password) {
  http::Response r =
      PostJson("/api/v1/sessions", nlohmann::json{{"email", email}, {"password", password}}.dump());
  if (r.status != 201) return false;
  csrf_token_ = BodyJson(r).value("csrf_token", "");
  return !csrf_token_.empty();
}

std::optional<std::string> TestClient::Cookie(const std::string& name) const {
  auto it = cookies_.find(name);
  if (it == cookies_.end()) return std::nullopt;
  return it->second;
}

std::string TestClient::SetCookieHeader(const std::string& name) const {
  for (const auto& [header, value] : last_.headers.all()) {
    if (AsciiLower(header) == "set-cookie" && value.starts_with(name + "=")) return value;
  }
  return "";
}

nlohmann::json BodyJson(const http::Response& response) {
  return nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
}

std::optional<std::string> CsrfFieldOf(const std::string& html) {
  constexpr std::string_view kField = "name=\"csrf_token\" value=\"";
  size_t at = html.find(kField);
  if (at == std::string::npos) return std::nullopt;
  at += kField.size();
  size_t end = html.find('"', at);
  if (end == std::string::npos) return std::nullopt;
  return html.substr(at, end - at);
}

}  // namespace nyttig::app::testing
