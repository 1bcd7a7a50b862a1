// The "nyttig" FTS5 tokenizer: SQLite's full-text index fed by our Swedish
// analyzer (see analyzer/analyzer.h), registered through fts5_api.
//
// Document text is analysed with the words field of the named analyzer given
// as the tokenizer's argument (tokenize = "nyttig 'stem+compounds+ngram3'");
// compound parts and digit groups are emitted FTS5_TOKEN_COLOCATED. Query
// text is taken as it is: the search module analyses queries itself and
// hands FTS5 one quoted, already analysed term per string (match_expression.h).
//
// A custom tokenizer lives on a connection, not in the database file, so it
// must be registered on every connection that touches search_fts. The index
// calls EnsureFts5Tokenizer before each use (a lookup when it is already
// there), which keeps the db module and the migrations free of search.
//
// Thread-safety: as SQLite connections; the shared splitter is thread-safe.
#pragma once

#include <memory>

#include "core/status.h"
#include "db/database.h"
#include "search/analyzer/compound_splitter.h"

namespace nyttig::search {

inline constexpr char kFts5TokenizerName[] = "nyttig";

// Registers the tokenizer on the SQLite connection behind `tx` unless it is
// there already. Fails with kInternal when FTS5 is unavailable.
Status EnsureFts5Tokenizer(db::Tx& tx, std::shared_ptr<CompoundSplitter> splitter);

}  // namespace nyttig::search
