// The knowledge module's HTTP surface: the document library and document
// pages, the case bank (cases, adoptions, spread) and the JSON API under
// /api/v1/documents, /api/v1/cases and /api/v1/adoptions, with open-data
// exports (JSON and CSV). Handlers parse, call a service, render.
#pragma once

#include "accounts/organisation_service.h"
#include "core/clock.h"
#include "knowledge/case_service.h"
#include "knowledge/document_service.h"
#include "web/context.h"
#include "web/renderer.h"

namespace nyttig::knowledge {

struct KnowledgeRouteDeps {
  DocumentService& documents;
  CaseService& cases;
  accounts::OrganisationService& organisations;
  const web::Renderer& renderer;
  const Clock& clock;  // today's date as the adoption form's default
};

void RegisterKnowledgeRoutes(web::Router& router, const KnowledgeRouteDeps& deps);

// Split by resource; each registers its own routes.
void RegisterDocumentRoutes(web::Router& router, const KnowledgeRouteDeps& deps);
void RegisterCaseRoutes(web::Router& router, const KnowledgeRouteDeps& deps);
void RegisterKnowledgeApi(web::Router& router, const KnowledgeRouteDeps& deps);

// JSON shapes shared by the API and the exports.
nlohmann::json DocumentJson(const Document& d, bool with_transcript);
nlohmann::json CaseJson(const Case& c);
nlohmann::json AdoptionJson(const Adoption& a);

}  // namespace nyttig::knowledge
