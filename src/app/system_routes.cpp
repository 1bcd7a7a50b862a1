#include "app/system_routes.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "app/openapi.h"
#include "db/migrations.h"
#include "web/page.h"

namespace nyttig::app {
namespace {

// Ready when the database answers and every migration is applied.
Status CheckReady(db::Database& db) {
  ASSIGN_OR_RETURN(std::vector<int> applied, db::AppliedMigrations(db));
  ASSIGN_OR_RETURN(std::vector<db::Migration> builtin, db::BuiltinMigrations(db.dialect()));
  if (applied.size() < builtin.size())
    return UnavailableError("migrations pending: run `nyttig migrate`");
  return Status::Ok();
}

}  // namespace

void RegisterSystemRoutes(web::Router& router, SystemRouteDeps deps) {
  router.Get("/healthz", [](const http::Request&, web::RequestContext&) {
    return http::Response::Text(200, "ok\n");
  });
  router.Get("/readyz", [deps](const http::Request&, web::RequestContext&) {
    Status ready = CheckReady(deps.db);
    return ready.ok() ? http::Response::Text(200, "ready\n")
                      : http::Response::Text(503, "not ready: " + ready.message() + "\n");
  });
  router.Get("/metrics", [deps](const http::Request&, web::RequestContext&) {
    return http::Response::Text(200, deps.metrics.Render(),
                                "text/plain; version=0.0.4; charset=utf-8");
  });
  router.Get("/static/{path}", [deps](const http::Request& r, web::RequestContext&) {
    return deps.static_files.Serve(r.Param("path"), r);
  });
  router.Get("/static/vendor/{path}", [deps](const http::Request& r, web::RequestContext&) {
    return deps.static_files.Serve("vendor/" + r.Param("path"), r);
  });
  router.Get("/favicon.ico", [](const http::Request&, web::RequestContext&) {
    return http::Response::Redirect("/static/favicon.svg", 301);
  });
  router.Get("/api/v1/api-info", [](const http::Request&, web::RequestContext&) {
    return web::Json(200, {{"api_name", "nyttig"},
                           {"api_version", "1.0.0"},
                           {"api_released", "2026-11-28"},
                           {"api_documentation", "/api/v1/openapi.json"},
                           {"api_status", "active"}});
  });
  router.Get("/api/v1/openapi.json", [](const http::Request&, web::RequestContext&) {
    return http::Response::Text(200, OpenApiDocument(), "application/json");
  });
}

}  // namespace nyttig::app
