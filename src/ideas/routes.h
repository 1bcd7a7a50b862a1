// The ideas module's HTTP surface: the JSON API under /api/v1/ideas… and
// /api/v1/organisations/{id}/idea-…, and the pages (/ideas, /ideas/{id},
// /ideas/new, /me/ideas, the public idea box under /o/{slug}/ideas/…).
// Handlers parse, call IdeaService, render.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "accounts/organisation_service.h"
#include "http/message.h"
#include "ideas/idea_service.h"
#include "ideas/similar_ideas.h"
#include "web/context.h"
#include "web/renderer.h"

namespace nyttig::ideas {

// A record of another module that points at an idea (a pilot testing it),
// as the idea page lists it.
struct LinkedRecord {
  std::string title;
  std::string url;
  std::string status;  // in the reader's language, e.g. "Pågår"
};
// The records that `ctx.actor` may see pointing at an idea.
using LinkedRecords =
    std::function<StatusOr<std::vector<LinkedRecord>>(const web::RequestContext& ctx, IdeaId)>;

struct IdeaRouteDeps {
  IdeaService& ideas;
  accounts::OrganisationService& organisations;
  const web::Renderer& renderer;
  const Clock& clock;
  // The pilots that test an idea, for a section of its page. Filled by the
  // App, so that the ideas library never links the pilots module; empty =
  // no section.
  LinkedRecords linked_pilots = {};
  // Ideas that look alike, for the public idea box's check step (not owned;
  // nullptr = none).
  SimilarIdeaFinder* similar = nullptr;
};

void RegisterIdeaRoutes(web::Router& router, const IdeaRouteDeps& deps);
void RegisterIdeasApi(web::Router& router, const IdeaRouteDeps& deps);
void RegisterIdeaPages(web::Router& router, const IdeaRouteDeps& deps);
void RegisterIdeaBoxPages(web::Router& router, const IdeaRouteDeps& deps);

// The submit and edit form of an idea (pages/ideas/form.mustache).
struct IdeaForm {
  IdeaInput input;
  Status problems;  // OK: a fresh form
  bool editing = false;
  OrganisationId organisation = 0;  // preselected among the actor's organisations
  std::string action;               // where the form posts
  std::string cancel;               // where "Avbryt" leads
  // {"id", "title", "question"} of the challenge the idea answers; the idea's
  // organisation then follows from the challenge, so none is chosen.
  nlohmann::json challenge;
};
http::Response RenderIdeaForm(const web::Renderer& renderer, const http::Request& request,
                              web::RequestContext& ctx, const IdeaForm& form);

// JSON shapes (docs/api/paths/ideas.json).
nlohmann::json IdeaJson(const Idea& idea);
nlohmann::json StageJson(const Stage& stage);
nlohmann::json EventJson(const IdeaEvent& event);
nlohmann::json AttachmentJson(const Attachment& attachment);
nlohmann::json SettingsJson(const IdeaSettings& settings);

// Fills `in` from the members of an idea's JSON body that are present
// (absent ones keep their value) and `organisation_id` when given (a null
// counts as absent; nullptr: the member is not read). kInvalidArgument
// naming each bad member.
Status ReadIdeaInput(const nlohmann::json& body, IdeaInput& in,
                     std::optional<std::int64_t>* organisation_id = nullptr);

// The list filter from a query string (?organisation_id, stage_id,
// stage_kind, area, sdg, value_type, sort, mine, overdue, page, limit),
// shared by the API and the list page; `now` decides what is overdue.
// kInvalidArgument naming each bad parameter.
StatusOr<IdeaFilter> ParseIdeaFilter(const http::Request& request, const accounts::Actor& actor,
                                     UnixSeconds now);

}  // namespace nyttig::ideas
