// Routes every operator relies on: /healthz, /readyz, /metrics, /static/…,
// /api/v1/api-info and /api/v1/openapi.json.
#pragma once

#include "app/metrics.h"
#include "audit/audit_log.h"
#include "db/database.h"
#include "web/context.h"
#include "web/static_files.h"

namespace nyttig::app {

struct SystemRouteDeps {
  db::Database& db;
  const web::StaticFiles& static_files;
  Metrics& metrics;
  const audit::AuditLog& audit;
};

void RegisterSystemRoutes(web::Router& router, SystemRouteDeps deps);

}  // namespace nyttig::app
