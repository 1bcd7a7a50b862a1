// What the knowledge module hands the search index: cases (kind "case") and
// documents (kind "document") as search::SearchDocument. The knowledge
// services upsert them in their write transactions (SetSearchSink) and the
// App's reindex sources visit them all.
// search_document.h is header-only: this does not link the search module.
#pragma once

#include <functional>

#include "db/database.h"
#include "knowledge/case.h"
#include "knowledge/document.h"
#include "search/search_document.h"

namespace nyttig::knowledge {

// A published case is public; drafts and cases in review are kNobody (kept
// out of results, still reindexable). The body is the Markdown texts as
// plain text, then the results' metrics.
search::SearchDocument ToSearchDocument(const Case& c);

// A public document is public; an internal one is for its organisation's
// members. The body is the transcript without heading marks.
search::SearchDocument ToSearchDocument(const Document& d);

// Every case / every document of the platform as SearchDocuments, in id
// order, for a reindex: the body of a search::SearchSource's VisitAll
// (search::MakeSearchSource("case", VisitCaseSearchDocuments)). Stops at and
// returns the first error of `visit`.
using SearchVisitor = std::function<Status(const search::SearchDocument&)>;
Status VisitCaseSearchDocuments(db::Tx& tx, const SearchVisitor& visit);
Status VisitDocumentSearchDocuments(db::Tx& tx, const SearchVisitor& visit);

}  // namespace nyttig::knowledge
