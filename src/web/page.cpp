#include "web/page.h"

#include "http/problem.h"
#include "web/renderer.h"

namespace nyttig::web {

FormFields ParseForm(const http::Request& request) {
  FormFields fields;
  for (auto& [key, value] : http::ParseUrlEncoded(request.body)) fields[key] = value;
  return fields;
}

nlohmann::json FormErrors(const Status& status, const RequestContext& ctx) {
  nlohmann::json summary = nlohmann::json::array();
  nlohmann::json by_field = nlohmann::json::object();
  for (const InvalidParameter& p : status.invalid_parameters()) {
    std::string text = ctx.T(p.reason, p.args);
    if (by_field.contains(p.name)) continue;  // the first message per field
    by_field[p.name] = text;
    summary.push_back({{"href", "#field-" + p.name}, {"text", text}});
  }
  if (summary.empty() && !status.ok()) {
    summary.push_back({{"href", "#main"}, {"text", ErrorText(status, ctx)}});
  }
  return {{"error_summary", summary}, {"errors", by_field}, {"has_errors", !summary.empty()}};
}

std::string ErrorText(const Status& status, const RequestContext& ctx) {
  const std::string& key = status.message();
  if (ctx.messages && ctx.messages->Has(key)) return ctx.T(key);
  switch (status.code()) {
    case StatusCode::kNotFound:
      return ctx.T("error.not_found");
    case StatusCode::kPermissionDenied:
      return ctx.T("error.forbidden");
    case StatusCode::kUnauthenticated:
      return ctx.T("error.unauthenticated");
    case StatusCode::kResourceExhausted:
      return ctx.T("error.too_many");
    case StatusCode::kInvalidArgument:
      return ctx.T("error.invalid");
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition:
      return ctx.T("error.conflict");
    default:
      return ctx.T("error.internal");
  }
}

http::Response ApiError(const Status& status, const http::Request& request,
                        const RequestContext& ctx) {
  http::Translate translate = [&ctx](std::string_view key, const i18n::Args& args) {
    if (ctx.messages && ctx.messages->Has(key)) return ctx.T(key, args);
    return std::string(key);
  };
  return http::ProblemResponse(status, request.path, translate);
}

http::Response HtmlPage(const Renderer& renderer, std::string_view page, int status,
                        nlohmann::json data, const http::Request& request,
                        const RequestContext& ctx) {
  return http::Response::Html(status, renderer.Page(page, std::move(data), ctx, request));
}

http::Response ErrorPage(const Renderer& renderer, const Status& status,
                         const http::Request& request, const RequestContext& ctx) {
  int http_status = http::HttpStatusFor(status.code());
  if (http_status == 401) {
    return http::Response::Redirect("/login?next=" + http::PercentEncode(request.target));
  }
  std::string text = ErrorText(status, ctx);
  return HtmlPage(renderer, "error", http_status, {{"title", text}, {"message", text}}, request,
                  ctx);
}

nlohmann::json PageLinks(const std::string& base, int page, std::int64_t total, int limit) {
  const std::int64_t pages = std::max<std::int64_t>(1, (total + limit - 1) / limit);
  if (pages <= 1 && page <= 1) return nullptr;
  nlohmann::json links = {{"page", page}, {"pages", pages}, {"open", false}};
  if (page > 1) links["prev"] = base + "page=" + std::to_string(page - 1);
  if (page < pages) links["next"] = base + "page=" + std::to_string(page + 1);
  return links;
}

nlohmann::json OpenPageLinks(const std::string& base, int page, bool has_next) {
  if (page <= 1 && !has_next) return nullptr;
  nlohmann::json links = {{"page", page}, {"open", true}};
  if (page > 1) links["prev"] = base + "page=" + std::to_string(page - 1);
  if (has_next) links["next"] = base + "page=" + std::to_string(page + 1);
  return links;
}

std::string PageBase(const http::Request& request) {
  std::string base = request.path + "?";
  for (const auto& [key, value] : request.query) {
    if (key != "page" && key != "lang" && !value.empty()) {
      base += http::PercentEncode(key) + "=" + http::PercentEncode(value) + "&";
    }
  }
  return base;
}

http::Response Json(int status, const nlohmann::json& body) {
  return http::Response::Text(status, body.dump(), "application/json");
}

std::int64_t PathId(const http::Request& request, const char* name) {
  return std::stoll(request.Param(name));
}

}  // namespace nyttig::web
