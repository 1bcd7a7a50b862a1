// Renderer: server-side HTML from the mustache templates in web/templates
// (compiled into the binary). Handlers build a JSON value and name a page;
// the renderer puts the page inside the layout, resolves partials, and
// translates `{{#t}}message.key{{/t}}` sections through the request's
// catalogue ({name} placeholders in a message are filled from the data and
// escaped like any other value).
//
//   std::string html = renderer.Page("accounts/login", data, ctx);
//
// Thread-safety: immutable after construction; Page() may run on any thread.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "web/context.h"

namespace nyttig::web {

class Renderer {
 public:
  // Parses every embedded template; fails (kInternal) naming the first
  // template with a syntax error, so a broken template stops start-up.
  static StatusOr<std::unique_ptr<Renderer>> LoadBuiltin();
  ~Renderer();

  // Renders pages/<page>.mustache into layout.mustache. `data` is merged
  // with the common layout data (language, user, navigation, csrf token).
  std::string Page(std::string_view page, nlohmann::json data, const RequestContext& ctx,
                   const http::Request& request) const;

  // Renders a template without the layout (htmx fragments, mail bodies).
  std::string Fragment(std::string_view name, const nlohmann::json& data,
                       const RequestContext& ctx) const;

  bool Has(std::string_view name) const;

 private:
  Renderer() = default;
  std::map<std::string, std::string, std::less<>> sources_;  // name → template text
};

}  // namespace nyttig::web
