// Router: maps a method and a path to a handler, capturing path parameters.
//
//   Router<Ctx> router;
//   router.Get("/api/v1/organisations/{id:int}", [](const Request& r, Ctx& c) { … });
//   RouteMatch<Ctx> m = router.Find(Method::kGet, "/api/v1/organisations/7");
//   // m.status is 200 with m.params["id"] == "7", 404 when no pattern
//   // matches, 405 (with m.allow) when the path matches for other methods.
//
// Patterns are '/'-separated literal segments and captures: `{name}` takes
// one non-empty segment, `{name:int}` only a positive decimal integer (so
// "/ideas/new" can live beside "/ideas/{id:int}"). A literal segment beats a
// capture. A trailing slash is significant.
//
// The context type is the application's per-request state (who is asking, the
// language …), so that this module knows nothing of accounts.
// Thread-safety: register routes before serving; Find is then const and safe
// from many threads.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace nyttig::http {

// One parsed pattern; non-template so the matching lives in router.cpp.
class PathPattern {
 public:
  explicit PathPattern(std::string_view pattern);
  // Matches `path`, filling `params`; returns the match's specificity
  // (higher is more literal) or -1 when it does not match.
  int Match(std::string_view path, std::map<std::string, std::string>& params) const;
  const std::string& text() const { return text_; }

 private:
  struct Segment {
    std::string literal;  // empty for a capture
    std::string capture;
    bool integer = false;
  };
  std::string text_;
  std::vector<Segment> segments_;
};

template <typename Context>
struct RouteMatch {
  using Handler = std::function<Response(const Request&, Context&)>;
  int status = 404;
  const Handler* handler = nullptr;
  std::map<std::string, std::string> params;
  std::string pattern;  // the matched pattern, e.g. for metrics labels
  std::string allow;    // for 405: "GET, POST"
};

template <typename Context>
class Router {
 public:
  using Handler = std::function<Response(const Request&, Context&)>;

  void Add(Method method, std::string_view pattern, Handler handler) {
    routes_.push_back({method, PathPattern(pattern), std::move(handler)});
  }
  void Get(std::string_view p, Handler h) { Add(Method::kGet, p, std::move(h)); }
  void Post(std::string_view p, Handler h) { Add(Method::kPost, p, std::move(h)); }
  void Put(std::string_view p, Handler h) { Add(Method::kPut, p, std::move(h)); }
  void Patch(std::string_view p, Handler h) { Add(Method::kPatch, p, std::move(h)); }
  void Delete(std::string_view p, Handler h) { Add(Method::kDelete, p, std::move(h)); }

  // Every registered route as (method, pattern), in registration order; for
  // checks such as "the OpenAPI document covers every API route".
  std::vector<std::pair<Method, std::string>> Routes() const {
    std::vector<std::pair<Method, std::string>> out;
    for (const Route& route : routes_) out.emplace_back(route.method, route.pattern.text());
    return out;
  }

  // HEAD is answered by the GET route.
  RouteMatch<Context> Find(Method method, std::string_view path) const {
    RouteMatch<Context> best;
    int best_score = -1;
    std::vector<std::string_view> allowed;
    Method wanted = method == Method::kHead ? Method::kGet : method;
    for (const Route& route : routes_) {
      std::map<std::string, std::string> params;
      int score = route.pattern.Match(path, params);
      if (score < 0) continue;
      if (route.method != wanted) {
        allowed.push_back(MethodName(route.method));
        continue;
      }
      if (score > best_score) {
        best_score = score;
        best.status = 200;
        best.handler = &route.handler;
        best.params = std::move(params);
        best.pattern = route.pattern.text();
      }
    }
    if (best_score < 0 && !allowed.empty()) {
      best.status = 405;
      for (std::string_view name : allowed) {
        if (best.allow.find(name) != std::string::npos) continue;
        best.allow += (best.allow.empty() ? "" : ", ") + std::string(name);
      }
    }
    return best;
  }

 private:
  struct Route {
    Method method;
    PathPattern pattern;
    Handler handler;
  };
  std::vector<Route> routes_;
};

}  // namespace nyttig::http
