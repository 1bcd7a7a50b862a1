// What the search index gets about a dialogue (search/search_document.h,
// header-only: the dialogue module does not link the search module). The
// dialogue service upserts it in every write that changes it and when the
// dialogue opens or closes (see DialogueService::SetSearchSink); reindex
// visits every dialogue through the service.
//
//   search::SearchDocument doc = dialogue::ToSearchDocument(d, accepted, now);
#pragma once

#include <optional>
#include <vector>

#include "db/database.h"
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

// ToSearchDocument with the dialogue's accepted statements read on `tx`.
StatusOr<search::SearchDocument> LoadSearchDocument(db::Tx& tx, const Dialogue& dialogue,
                                                    UnixSeconds now);

// The next moment after `now` at which the document changes without a write
// (the dialogue opens: audience and state; it closes: state), or nullopt
// when it will not change by itself any more.
std::optional<UnixSeconds> NextSearchChange(const Dialogue& dialogue, UnixSeconds now);

}  // namespace nyttig::dialogue
