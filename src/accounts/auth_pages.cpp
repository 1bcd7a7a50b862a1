// Pages for registering, logging in and out, resetting a password and the
// person's own profile. Forms post back to the same URL; on an error the
// page is shown again with an error summary and what was typed (never the
// password).
#include <nlohmann/json.hpp>

#include "accounts/routes.h"
#include "web/page.h"

namespace nyttig::accounts {
namespace {

http::Response RedirectToLogin(const http::Request& r) {
  return http::Response::Redirect("/login?next=" + http::PercentEncode(r.target));
}

// Only local paths are followed after log-in, never another site.
std::string SafeNext(const std::string& next) {
  if (next.size() > 1 && next[0] == '/' && next[1] != '/' && next[1] != '\\') return next;
  return "/";
}

http::Response RegisterPost(const AccountRouteDeps& deps, const http::Request& r,
                            web::RequestContext& ctx) {
  web::FormFields form = web::ParseForm(r);
  RegisterInput input{form["email"], form["display_name"], form["password"], ctx.language};
  auto person = deps.accounts.Register(input, ctx.actor);
  if (!person.ok()) {
    nlohmann::json data = {
        {"title", ctx.T("accounts.register.title")},
        {"form", {{"email", input.email}, {"display_name", input.display_name}}}};
    data.update(web::FormErrors(person.status(), ctx));
    return web::HtmlPage(deps.renderer, "accounts/register", 400, data, r, ctx);
  }
  // Registering logs the person in, so the next step is one click away.
  auto login = deps.accounts.Login(input.email, input.password, ctx.actor);
  if (!login.ok()) return http::Response::Redirect("/login");
  ctx.set_cookies.push_back(
      SessionCookie(deps, login->session_token));
  return http::Response::Redirect("/profile?welcome=1");
}

http::Response LoginPost(const AccountRouteDeps& deps, const http::Request& r,
                         web::RequestContext& ctx) {
  web::FormFields form = web::ParseForm(r);
  auto login = deps.accounts.Login(form["email"], form["password"], ctx.actor);
  if (!login.ok()) {
    nlohmann::json data = {{"title", ctx.T("accounts.login.title")},
                           {"form", {{"email", form["email"]}, {"next", form["next"]}}}};
    Status shown = login.status();
    if (shown.invalid_parameters().empty()) {
      // Point the summary at the e-mail field; say the same for both mistakes.
      shown.AddInvalid(
          "email", shown.message(), "",
          {{"seconds", std::to_string(shown.retry_after_seconds().value_or(0))},
           {"minutes", std::to_string((shown.retry_after_seconds().value_or(0) + 59) / 60)}});
    }
    data.update(web::FormErrors(shown, ctx));
    http::Response response = web::HtmlPage(
        deps.renderer, "accounts/login",
        login.status().code() == StatusCode::kResourceExhausted ? 429 : 401, data, r, ctx);
    if (auto retry = login.status().retry_after_seconds()) {
      response.headers.Set("Retry-After", std::to_string(*retry));
    }
    return response;
  }
  ctx.set_cookies.push_back(
      SessionCookie(deps, login->session_token));
  return http::Response::Redirect(SafeNext(form["next"]));
}

http::Response ProfilePage(const AccountRouteDeps& deps, const http::Request& r,
                           web::RequestContext& ctx, int status = 200,
                           nlohmann::json extra = nlohmann::json::object()) {
  if (!ctx.actor.person_id) return RedirectToLogin(r);
  auto person = deps.accounts.GetPerson(*ctx.actor.person_id);
  if (!person.ok()) return web::ApiError(person.status(), r, ctx);
  nlohmann::json memberships = nlohmann::json::array();
  for (const Membership& m : ctx.actor.memberships) {
    memberships.push_back({{"organisation", m.organisation_name},
                           {"slug", m.organisation_slug},
                           {"role", ctx.T("role." + std::string(RoleName(m.role)))},
                           {"unit", m.unit_name}});
  }
  nlohmann::json requests = nlohmann::json::array();
  if (auto mine = deps.organisations.MyRequests(ctx.actor); mine.ok()) {
    for (const MembershipRequest& q : *mine) {
      if (q.state != RequestState::kPending) continue;
      requests.push_back({{"organisation", q.organisation_name}});
    }
  }
  nlohmann::json data = {
      {"title", ctx.T("accounts.profile.title")},
      {"form", {{"display_name", person->display_name}, {"locale", person->locale}}},
      {"email", person->email},
      {"is_sv", person->locale == "sv"},
      {"memberships", memberships},
      {"has_memberships", !memberships.empty()},
      {"pending_requests", requests},
      {"has_pending_requests", !requests.empty()},
      {"welcome", r.Query("welcome").has_value()}};
  data.update(extra);
  return web::HtmlPage(deps.renderer, "accounts/profile", status, data, r, ctx);
}

http::Response ProfilePost(const AccountRouteDeps& deps, const http::Request& r,
                           web::RequestContext& ctx) {
  if (!ctx.actor.person_id) return RedirectToLogin(r);
  web::FormFields form = web::ParseForm(r);
  auto updated = deps.accounts.UpdateProfile(ctx.actor, form["display_name"], form["locale"]);
  if (!updated.ok()) return ProfilePage(deps, r, ctx, 400, web::FormErrors(updated.status(), ctx));
  return http::Response::Redirect("/profile?saved=1");
}

http::Response PasswordPost(const AccountRouteDeps& deps, const http::Request& r,
                            web::RequestContext& ctx) {
  if (!ctx.actor.person_id) return RedirectToLogin(r);
  web::FormFields form = web::ParseForm(r);
  Status changed =
      deps.accounts.ChangePassword(ctx.actor, form["current_password"], form["new_password"]);
  if (!changed.ok()) return ProfilePage(deps, r, ctx, 400, web::FormErrors(changed, ctx));
  return ProfilePage(deps, r, ctx, 200, {{"notice", ctx.T("accounts.password.changed")}});
}

http::Response ForgotPost(const AccountRouteDeps& deps, const http::Request& r,
                          web::RequestContext& ctx) {
  web::FormFields form = web::ParseForm(r);
  Status requested = deps.accounts.RequestPasswordReset(form["email"], ctx.actor);
  nlohmann::json data = {{"title", ctx.T("accounts.forgot.title")},
                         {"form", {{"email", form["email"]}}}};
  if (!requested.ok()) {
    data.update(web::FormErrors(requested, ctx));
    return web::HtmlPage(deps.renderer, "accounts/forgot", 400, data, r, ctx);
  }
  data["sent"] = true;
  return web::HtmlPage(deps.renderer, "accounts/forgot", 200, data, r, ctx);
}

http::Response ResetPost(const AccountRouteDeps& deps, const http::Request& r,
                         web::RequestContext& ctx) {
  web::FormFields form = web::ParseForm(r);
  Status reset = deps.accounts.ResetPassword(form["token"], form["password"], ctx.actor);
  nlohmann::json data = {{"title", ctx.T("accounts.reset.title")}, {"token", form["token"]}};
  if (!reset.ok()) {
    data.update(web::FormErrors(reset, ctx));
    return web::HtmlPage(deps.renderer, "accounts/reset", 400, data, r, ctx);
  }
  return http::Response::Redirect("/login?reset=1");
}

}  // namespace

std::string SessionCookie(const AccountRouteDeps& deps, const std::string& token) {
  const int max_age = deps.accounts.options().session_max_days * 86400;
  return http::FormatSetCookie(kSessionCookieName, token,
                               {.max_age_seconds = max_age, .secure = deps.secure_cookies});
}

std::string ExpiredSessionCookie(const AccountRouteDeps& deps) {
  return http::FormatSetCookie(kSessionCookieName, "",
                               {.max_age_seconds = 0, .secure = deps.secure_cookies});
}

void RegisterAuthPages(web::Router& router, const AccountRouteDeps& deps) {
  router.Get("/register", [deps](const http::Request& r, web::RequestContext& ctx) {
    if (ctx.actor.person_id) return http::Response::Redirect("/profile");
    return web::HtmlPage(deps.renderer, "accounts/register", 200,
                         {{"title", ctx.T("accounts.register.title")}}, r, ctx);
  });
  router.Post("/register", [deps](const http::Request& r, web::RequestContext& ctx) {
    return RegisterPost(deps, r, ctx);
  });
  router.Get("/login", [deps](const http::Request& r, web::RequestContext& ctx) {
    nlohmann::json data = {{"title", ctx.T("accounts.login.title")},
                           {"form", {{"next", r.Query("next").value_or("")}}}};
    if (r.Query("reset")) data["notice"] = ctx.T("accounts.reset.done");
    return web::HtmlPage(deps.renderer, "accounts/login", 200, data, r, ctx);
  });
  router.Post("/login", [deps](const http::Request& r, web::RequestContext& ctx) {
    return LoginPost(deps, r, ctx);
  });
  router.Post("/logout", [deps](const http::Request&, web::RequestContext& ctx) {
    if (ctx.session_token) deps.accounts.Logout(*ctx.session_token, ctx.actor).IgnoreError();
    ctx.set_cookies.push_back(ExpiredSessionCookie(deps));
    return http::Response::Redirect("/?logged_out=1");
  });
  router.Get("/password/forgot", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::HtmlPage(deps.renderer, "accounts/forgot", 200,
                         {{"title", ctx.T("accounts.forgot.title")}}, r, ctx);
  });
  router.Post("/password/forgot", [deps](const http::Request& r, web::RequestContext& ctx) {
    return ForgotPost(deps, r, ctx);
  });
  router.Get("/password/reset", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::HtmlPage(
        deps.renderer, "accounts/reset", 200,
        {{"title", ctx.T("accounts.reset.title")}, {"token", r.Query("token").value_or("")}}, r,
        ctx);
  });
  router.Post("/password/reset", [deps](const http::Request& r, web::RequestContext& ctx) {
    return ResetPost(deps, r, ctx);
  });
  router.Get("/profile", [deps](const http::Request& r, web::RequestContext& ctx) {
    nlohmann::json extra = nlohmann::json::object();
    if (r.Query("saved")) extra["notice"] = ctx.T("accounts.profile.saved");
    return ProfilePage(deps, r, ctx, 200, extra);
  });
  router.Post("/profile", [deps](const http::Request& r, web::RequestContext& ctx) {
    return ProfilePost(deps, r, ctx);
  });
  router.Post("/profile/password", [deps](const http::Request& r, web::RequestContext& ctx) {
    return PasswordPost(deps, r, ctx);
  });
}

void RegisterAccountRoutes(web::Router& router, const AccountRouteDeps& deps) {
  RegisterAuthPages(router, deps);
  RegisterOrganisationPages(router, deps);
  RegisterTokenAndAuditPages(router, deps);
  RegisterAccountsApi(router, deps);
}

}  // namespace nyttig::accounts
