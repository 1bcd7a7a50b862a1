// Demo content for the knowledge bank (`nyttig demo`): a small document
// library with PDFs generated here, published cases of Exempelby kommun and
// of real municipalities from the register, adoptions across several
// organisations and regions, and one draft. Idempotent: cases are found by
// organisation and title, documents by their bytes.
#pragma once

#include "accounts/actor.h"
#include "accounts/organisation_service.h"
#include "knowledge/case_service.h"
#include "knowledge/document_service.h"

namespace nyttig::knowledge {

struct KnowledgeDemoSummary {
  int documents_created = 0;
  int cases_created = 0;
  int adoptions_created = 0;
};

// `admin` is a platform admin (the demo acts for every organisation).
StatusOr<KnowledgeDemoSummary> LoadDemo(DocumentService& documents, CaseService& cases,
                                        accounts::OrganisationService& organisations,
                                        const accounts::Actor& admin);

}  // namespace nyttig::knowledge
