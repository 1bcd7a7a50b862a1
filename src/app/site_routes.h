// Site pages that belong to no module: the start page, the accessibility
// statement (tillgänglighetsredogörelse) and its feedback form.
#pragma once

#include <string>

#include "core/clock.h"
#include "db/database.h"
#include "mail/outbox.h"
#include "web/context.h"
#include "web/renderer.h"
#include "ideas/challenge_service.h"

namespace nyttig::app {

// What the installation states about its accessibility, as the supervising
// agency (Digg) requires. Read from DATA/accessibility.json when present;
// the defaults describe Nyttig's own testing.
struct AccessibilityStatement {
  std::string organisation = "Nyttig";
  std::string compliance = "partial";  // full, partial, none
  std::string assessed_on = "2026-11-28";
  std::string updated_on = "2026-11-28";
  std::string method_sv = "Självskattning: automatiska tester med axe-core i webbläsare och manuell testning med tangentbord.";
  std::string method_en = "Self-assessment: automated axe-core tests in a browser and manual keyboard testing.";
  std::string contact_email = "";
  std::string response_days = "10";
};

struct SiteRouteDeps {
  db::Database& db;
  const Clock& clock;
  const web::Renderer& renderer;
  const mail::Outbox& outbox;
  AccessibilityStatement statement;
  ideas::ChallengeService& challenges;  // the open ones on the start page
};

void RegisterSiteRoutes(web::Router& router, SiteRouteDeps deps);

// Reads DATA/accessibility.json (missing file → defaults; malformed → error).
StatusOr<AccessibilityStatement> LoadAccessibilityStatement(const std::string& data_dir);

}  // namespace nyttig::app
