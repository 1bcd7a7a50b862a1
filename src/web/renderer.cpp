#include "web/renderer.h"

#include <kainjow/mustache.hpp>

#include "core/embedded.h"
#include "http/message.h"

namespace nyttig::web {
namespace {

namespace mst = kainjow::mustache;

mst::data ToMustache(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mst::data out{mst::data::type::object};
      for (const auto& [key, item] : value.items()) out.set(key, ToMustache(item));
      return out;
    }
    case nlohmann::json::value_t::array: {
      mst::data out{mst::data::type::list};
      for (const auto& item : value) out.push_back(ToMustache(item));
      return out;
    }
    case nlohmann::json::value_t::string:
      return mst::data(value.get<std::string>());
    case nlohmann::json::value_t::boolean:
      return mst::data(value.get<bool>());
    case nlohmann::json::value_t::null:
      return mst::data(false);
    default:
      return mst::data(value.dump());
  }
}

// "Välkommen, {name}" → "Välkommen, {{name}}": the message's placeholders
// become mustache variables, rendered (and escaped) from the page data.
std::string PlaceholdersToMustache(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    size_t close = text[i] == '{' ? text.find('}', i) : std::string::npos;
    if (close != std::string::npos && close > i + 1 && text.find_first_of(" {", i + 1) > close) {
      out += "{{" + text.substr(i + 1, close - i - 1) + "}}";
      i = close;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string NameOf(std::string_view path) {
  if (path.ends_with(".mustache")) path.remove_suffix(9);
  return std::string(path);
}

struct NavItem {
  const char* href;
  const char* label_key;
};

// In UX.md's order (Idéer · Dialoger · Försök · Kunskapsbank · Sök), then
// the organisations; modules add their entry as they land — a link to a
// page that does not exist yet would only frustrate.
constexpr NavItem kNavigation[] = {
    {"/ideas", "ideas.nav"},
    {"/dialogues", "dialogue.nav"},
    {"/pilots", "pilots.nav.menu"},
    {"/cases", "knowledge.nav"},
    {"/search", "nav.search"},
    {"/organisations", "nav.organisations"},
};

// The same page in the other language: the request's query is kept (a
// search, a page number), only `lang` is replaced. Form posts are not
// repeated: their page links back to its own address.
std::string LanguageSwitchHref(const http::Request& request, const std::string& language) {
  std::string href = http::PercentEncodePath(request.path) + "?";
  for (const auto& [key, value] : request.query) {
    if (key == "lang") continue;
    href += http::PercentEncode(key) + "=" + http::PercentEncode(value) + "&";
  }
  return href + "lang=" + language;
}

nlohmann::json LayoutData(const RequestContext& ctx, const http::Request& request) {
  nlohmann::json nav = nlohmann::json::array();
  for (const NavItem& item : kNavigation) {
    bool current =
        request.path == item.href || request.path.starts_with(std::string(item.href) + "/");
    nav.push_back({{"href", item.href}, {"label", ctx.T(item.label_key)}, {"current", current}});
  }
  const std::string other = ctx.language == "sv" ? "en" : "sv";
  nlohmann::json layout = {
      {"lang", ctx.language},
      {"csrf_token", ctx.csrf_token},
      {"nav", nav},
      {"lang_switch",
       {{"href", request.method == http::Method::kGet ? LanguageSwitchHref(request, other)
                                                       : "/?lang=" + other},
        {"lang", other},
        {"label", other == "en" ? "English" : "Svenska"}}},
      {"current_path", request.path},
  };
  if (ctx.actor.person_id) {
    layout["user"] = {{"name", ctx.actor.display_name},
                      {"platform_admin", ctx.actor.platform_admin}};
  }
  return layout;
}

}  // namespace

Renderer::~Renderer() = default;

StatusOr<std::unique_ptr<Renderer>> Renderer::LoadBuiltin() {
  std::unique_ptr<Renderer> renderer(new Renderer());
  for (const EmbeddedFile& file : embedded::WebTemplates()) {
    if (!file.path.ends_with(".mustache")) continue;
    std::string source(file.content);
    mst::mustache parsed(source);
    if (!parsed.is_valid()) {
      return InternalError("template " + std::string(file.path) + ": " + parsed.error_message());
    }
    renderer->sources_.emplace(NameOf(file.path), std::move(source));
  }
  if (!renderer->Has("layout")) return InternalError("web/templates/layout.mustache is missing");
  return renderer;
}

bool Renderer::Has(std::string_view name) const { return sources_.count(name) > 0; }

std::string Renderer::Fragment(std::string_view name, const nlohmann::json& data,
                               const RequestContext& ctx) const {
  auto it = sources_.find(name);
  if (it == sources_.end()) return "<!-- missing template " + std::string(name) + " -->";
  mst::data view = ToMustache(data);
  view.set("t", mst::lambda{[&ctx](const std::string& key) {
             return PlaceholdersToMustache(ctx.T(std::string(mst::trim(key))));
           }});
  for (const auto& [partial_name, source] : sources_) {
    if (!partial_name.starts_with("partials/")) continue;
    const std::string* text = &source;
    view.set(partial_name.substr(9), mst::partial{[text] { return *text; }});
  }
  mst::mustache tmpl(it->second);
  return tmpl.render(view);
}

std::string Renderer::Page(std::string_view page, nlohmann::json data, const RequestContext& ctx,
                           const http::Request& request) const {
  nlohmann::json layout = LayoutData(ctx, request);
  for (auto& [key, value] : layout.items()) {
    if (!data.contains(key)) data[key] = value;
  }
  data["content"] = Fragment("pages/" + std::string(page), data, ctx);
  return Fragment("layout", data, ctx);
}

}  // namespace nyttig::web
