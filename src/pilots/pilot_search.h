// How a pilot appears in search: pilots::ToSearchDocument maps a pilot to the
// record the search index takes (search/search_document.h, header-only, so
// this module does not link search). The search module calls it when it
// indexes; kind "pilot", url /pilots/{id}.
#pragma once

#include <functional>

#include "db/database.h"
#include "pilots/pilot.h"
#include "search/search_document.h"

namespace nyttig::pilots {

// Published pilots are public; others are for the organisation's staff.
// Facets: "state" (planned, running, …), "design", "outcome" once decided.
search::SearchDocument ToSearchDocument(const Pilot& pilot);

// Visits the document of every pilot on the caller's transaction (reindex).
Status ForEachSearchDocument(db::Tx& tx,
                             const std::function<Status(const search::SearchDocument&)>& fn);

}  // namespace nyttig::pilots
