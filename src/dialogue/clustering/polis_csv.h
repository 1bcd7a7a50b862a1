// Reads a Polis export (`comments.csv`, `votes.csv`, as in
// /work/shared/data/polis/) into ConversationVotes.
//
//   ASSIGN_OR_RETURN(ConversationVotes votes,
//                    ReadPolisExport("export/comments.csv", "export/votes.csv"));
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "core/status.h"
#include "dialogue/clustering/conversation_votes.h"
#include "dialogue/clustering/csv_reader.h"

namespace nyttig::dialogue {

// Moderated-out comment ids of a parsed `comments.csv`: `moderated` = -1, or
// `is-meta` true where that column exists (polis-method.md 1.3). Fails with
// kInvalidArgument naming the line when a column is missing or a value is
// not an integer (or boolean).
StatusOr<std::vector<int64_t>> ModeratedOutComments(const CsvTable& comments);

// Vote events of a parsed `votes.csv` (columns `timestamp`, `comment-id`,
// `voter-id`, `vote`); the timestamp orders repeated votes. Fails with
// kInvalidArgument naming the line when a column is missing, a value is not
// an integer or a vote is not -1, 0 or 1.
StatusOr<std::vector<VoteEvent>> VoteEvents(const CsvTable& votes);

// Reads both files. Fails with kNotFound when a file cannot be opened and
// kInvalidArgument when one is malformed (the message names file and line).
StatusOr<ConversationVotes> ReadPolisExport(const std::string& comments_csv,
                                            const std::string& votes_csv);

}  // namespace nyttig::dialogue
