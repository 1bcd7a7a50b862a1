// The knowledge module's command-line work (CONTRACTS.md, "Command line"):
//   nyttig import documents DIR [--org ORG] [--manifest FILE]
//   nyttig documents eval-related --pages DIR --related FILE
// main.cpp parses the options and calls these; JSON goes to `out`, progress
// and per-file reasons to `err`. They return the process exit code.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "accounts/organisation_service.h"
#include "knowledge/document_service.h"

namespace nyttig::knowledge {

struct ImportDocumentsArgs {
  std::string dir;
  std::string org;       // id or slug; "" = the shared library
  std::string manifest;  // "" = none
};

// Imports every file under args.dir (recursively, in path order). Files
// already imported (same bytes) are skipped and still listed in the
// manifest; unreadable ones are reported per file on `err` and skipped.
// Prints {"imported", "already_there", "skipped", "related"} on `out`.
// Exit 0 when the folder was walked (even with skipped files), 1 when it
// cannot be read or the database fails, 2 for an unknown organisation.
int RunImportDocuments(const ImportDocumentsArgs& args, DocumentService& documents,
                       accounts::OrganisationService& organisations, std::ostream& out,
                       std::ostream& err, bool progress_bar);

struct EvalRelatedArgs {
  std::string pages;
  std::string related;  // JSON lines {"page", "related": [paths]}
};

// Imports every page through RunImportDocuments' path into the (throw-away)
// library behind `documents`, recomputes the related lists and prints
// {"pages", "queries", "recall10", "mrr10"}.
int RunEvalRelated(const EvalRelatedArgs& args, DocumentService& documents, std::ostream& out,
                   std::ostream& err);

}  // namespace nyttig::knowledge
