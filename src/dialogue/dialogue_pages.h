// Helpers shared by the dialogue module's page files (dialogue_pages.cpp,
// results_page.cpp, organiser_pages.cpp). Internal to the module.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "dialogue/routes.h"

namespace nyttig::dialogue {

// Mustache sections treat "" as true, so optional texts are null when empty.
nlohmann::json Optional(const std::string& text);
// The organisations in which the actor may open dialogues.
std::vector<std::int64_t> OrganisedOrganisations(const accounts::Actor& actor);
// {id, question, organisation, organisation_slug, is_open, status, closes_at}.
nlohmann::json DialogueSummary(const DialogueRouteDeps& deps, const Dialogue& d,
                               const web::RequestContext& ctx);

void RegisterResultsPage(web::Router& router, const DialogueRouteDeps& deps);
void RegisterOrganiserPages(web::Router& router, const DialogueRouteDeps& deps);

}  // namespace nyttig::dialogue
