// The ideas module's HTTP surface: the JSON API under /api/v1/ideas… and
// /api/v1/organisations/{id}/idea-…, and the pages (/ideas, /ideas/{id},
// /ideas/new, /me/ideas, the public idea box under /o/{slug}/ideas/…).
// Handlers parse, call IdeaService, render.
#pragma once

#include <nlohmann/json.hpp>

#include "accounts/organisation_service.h"
#include "http/message.h"
#include "ideas/idea_service.h"
#include "web/context.h"
#include "web/renderer.h"

namespace nyttig::ideas {

struct IdeaRouteDeps {
  IdeaService& ideas;
  accounts::OrganisationService& organisations;
  const web::Renderer& renderer;
  const Clock& clock;
};

void RegisterIdeaRoutes(web::Router& router, const IdeaRouteDeps& deps);
void RegisterIdeasApi(web::Router& router, const IdeaRouteDeps& deps);
void RegisterIdeaPages(web::Router& router, const IdeaRouteDeps& deps);
void RegisterIdeaBoxPages(web::Router& router, const IdeaRouteDeps& deps);

// JSON shapes (docs/api/paths/ideas.json).
nlohmann::json IdeaJson(const Idea& idea);
nlohmann::json StageJson(const Stage& stage);
nlohmann::json EventJson(const IdeaEvent& event);
nlohmann::json AttachmentJson(const Attachment& attachment);
nlohmann::json SettingsJson(const IdeaSettings& settings);

// The list filter from a query string (?organisation_id, stage_id,
// stage_kind, area, sdg, value_type, sort, mine, overdue, page, limit),
// shared by the API and the list page; `now` decides what is overdue.
// kInvalidArgument naming each bad parameter.
StatusOr<IdeaFilter> ParseIdeaFilter(const http::Request& request, const accounts::Actor& actor,
                                     UnixSeconds now);

}  // namespace nyttig::ideas
