// The HTTP surface of the assessment and participation slices of the ideas
// module: the JSON API (/api/v1/ideas/{id}/assessment, …/reviewers,
// …/review, …/legal-checklist, …/comments, …/supports, …/follow and
// /api/v1/organisations/{id}/idea-criteria) and the pages
// (/ideas/{id}/assessment, /ideas/{id}/discussion, /ideas/board) and the
// similar ideas (/api/v1/ideas/similar and the fragment /ideas/similar).
// Handlers parse, call the services, render. Shapes:
// docs/api/paths/ideas_participation.json.
#pragma once

#include <nlohmann/json.hpp>

#include "accounts/organisation_service.h"
#include "ideas/assessment_service.h"
#include "ideas/idea_service.h"
#include "ideas/participation_service.h"
#include "ideas/similar_ideas.h"
#include "web/context.h"
#include "web/renderer.h"

namespace nyttig::ideas {

struct ParticipationRouteDeps {
  IdeaService& ideas;
  AssessmentService& assessment;
  ParticipationService& participation;
  SimilarIdeaFinder& similar;
  accounts::OrganisationService& organisations;
  const web::Renderer& renderer;
  const Clock& clock;
};

void RegisterParticipationRoutes(web::Router& router, const ParticipationRouteDeps& deps);
void RegisterAssessmentApi(web::Router& router, const ParticipationRouteDeps& deps);
void RegisterParticipationApi(web::Router& router, const ParticipationRouteDeps& deps);
void RegisterAssessmentPages(web::Router& router, const ParticipationRouteDeps& deps);
void RegisterDiscussionPages(web::Router& router, const ParticipationRouteDeps& deps);
void RegisterBoardPages(web::Router& router, const ParticipationRouteDeps& deps);
void RegisterSimilarIdeaRoutes(web::Router& router, const ParticipationRouteDeps& deps);

// JSON shapes.
nlohmann::json CriterionJson(const Criterion& criterion);
nlohmann::json AssessmentJson(const Assessment& assessment);
nlohmann::json CommentJson(const Comment& comment);
nlohmann::json ParticipationJson(const Participation& participation);

}  // namespace nyttig::ideas
