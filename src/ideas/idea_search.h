// What the search index knows of an idea: ideas::ToSearchDocument maps one
// idea to the shared search::SearchDocument (audience by visibility,
// anonymity, publication; facets for area, SDG, value type and stage kind),
// and ForEachSearchDocument visits every idea for `nyttig reindex`.
// The search module calls these; the ideas module does not link it.
#pragma once

#include <functional>

#include "ideas/idea.h"
#include "ideas/idea_service.h"
#include "search/search_document.h"

namespace nyttig::ideas {

// Public ideas: kPublic; internal: kOrganisation; anonymous: kCoordinators
// (only they may see them); unpublished or culled: kNobody.
search::SearchDocument ToSearchDocument(const Idea& idea);

Status ForEachSearchDocument(IdeaService& ideas,
                             const std::function<Status(const search::SearchDocument&)>& fn);
// The same on the caller's transaction (a reindex runs in its own).
Status ForEachSearchDocument(db::Tx& tx,
                             const std::function<Status(const search::SearchDocument&)>& fn);

}  // namespace nyttig::ideas
