// Reads the SweFAQ retrieval benchmark (SuperLim 2, JSON lines; see
// shared/data/swefaq/README.md) into a corpus and its queries.
//
// Each line holds `question`, `candidate_answers` (the answers of one FAQ
// category) and `label`, the index of the question's own answer among them.
// The corpus is every distinct answer text of the file, in order of first
// appearance; each question is a query whose one relevant document is
// candidate_answers[label].
//
// Thread-safety: pure functions.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "core/status.h"

namespace nyttig::search {

struct SwefaqQuery {
  std::string question;
  int relevant_document = 0;  // index into SwefaqCollection::documents
};

struct SwefaqCollection {
  std::vector<std::string> documents;
  std::vector<SwefaqQuery> queries;
};

// Parses JSON lines; blank lines are skipped. Fails with kInvalidArgument,
// naming the line, on invalid JSON, a missing or mistyped field or a label
// outside candidate_answers.
StatusOr<SwefaqCollection> ParseSwefaq(std::istream& in);

// Reads and parses the file at `path`; kNotFound when it cannot be opened.
StatusOr<SwefaqCollection> ReadSwefaqFile(const std::string& path);

}  // namespace nyttig::search
