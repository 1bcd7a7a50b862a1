// The HTTP surface of challenges: the JSON API (/api/v1/challenges…,
// /api/v1/challenge-invitations) and the pages (/challenges, /challenges/new,
// /challenges/{id}, …/edit, …/ideas/new, …/results), and what the search
// index knows of a challenge. Handlers parse, call ChallengeService, render.
// Shapes: docs/api/paths/ideas_challenges.json.
#pragma once

#include <nlohmann/json.hpp>

#include "accounts/organisation_service.h"
#include "ideas/challenge_service.h"
#include "ideas/idea_service.h"
#include "search/search_document.h"
#include "web/context.h"
#include "web/renderer.h"

namespace nyttig::ideas {

struct ChallengeRouteDeps {
  ChallengeService& challenges;
  IdeaService& ideas;
  accounts::OrganisationService& organisations;
  const web::Renderer& renderer;
  const Clock& clock;
};

void RegisterChallengeRoutes(web::Router& router, const ChallengeRouteDeps& deps);
void RegisterChallengesApi(web::Router& router, const ChallengeRouteDeps& deps);
void RegisterChallengePages(web::Router& router, const ChallengeRouteDeps& deps);
void RegisterChallengeFormPages(web::Router& router, const ChallengeRouteDeps& deps);

// JSON shape of a challenge; `now` gives its phase.
nlohmann::json ChallengeJson(const Challenge& challenge, UnixSeconds now);

// Search: kind "challenge", public once a public challenge is published,
// for its lead's members while a published staff challenge, nobody as a draft.
search::SearchDocument ChallengeSearchDocument(const Challenge& challenge);
Status ForEachChallengeDocument(db::Tx& tx,
                               const std::function<Status(const search::SearchDocument&)>& fn);

}  // namespace nyttig::ideas
