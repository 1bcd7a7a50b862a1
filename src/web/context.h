// RequestContext: the per-request state every page and API handler gets
// next to the Request — who is asking, in which language, and the CSRF token
// to put into forms. Built by the application pipeline (app/pipeline.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.h"
#include "http/message.h"
#include "http/router.h"
#include "i18n/catalog.h"

namespace nyttig::web {

struct RequestContext {
  accounts::Actor actor;
  std::string language = "sv";
  const i18n::Catalog* messages = nullptr;
  std::string csrf_token;               // for forms and X-CSRF-Token
  std::optional<std::string> session_token;  // the cookie's value, when logged in by session
  bool secure = false;                  // served over TLS (cookies get Secure)
  // Cookies to add to whatever response the handler returns.
  std::vector<std::string> set_cookies;

  std::string T(std::string_view key, const i18n::Args& args = {}) const {
    return messages ? messages->Get(key, args) : std::string(key);
  }
};

using Router = http::Router<RequestContext>;
using Handler = Router::Handler;

}  // namespace nyttig::web
