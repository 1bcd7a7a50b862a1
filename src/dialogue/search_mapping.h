// What the search index gets about a dialogue (search/search_document.h,
// header-only: the dialogue module does not link the search module). The
// search helper's SearchSource for dialogues calls this; the dialogue
// service does not yet upsert on every change (see the module notes).
//
//   search::SearchDocument doc = dialogue::ToSearchDocument(d, accepted, now);
#pragma once

#include <vector>

#include "dialogue/dialogue.h"
#include "search/search_document.h"

namespace nyttig::dialogue {

// kind "dialogue", the dialogue's organisation, public once it has opened
// (kNobody before, so that it stays out of results), title = the question,
// body = the introduction and the accepted statements (never pending or
// rejected ones, never who wrote them), url /dialogues/{id}, facet "state"
// (open / closed), date = opening.
search::SearchDocument ToSearchDocument(const Dialogue& dialogue,
                                        const std::vector<Statement>& statements,
                                        UnixSeconds now);

}  // namespace nyttig::dialogue
