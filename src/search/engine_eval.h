// `nyttig search eval` through the real engine: the SweFAQ benchmark
// (analyzer/eval_command.h) run by SearchIndex on SQLite FTS5 or PostgreSQL,
// so that the platform's own matching, statistics and BM25 are measured.
//
// Every distinct answer becomes a public document in a throw-away index (a
// temporary SQLite file, or a temporary schema in the PostgreSQL database
// given, dropped afterwards); every question runs as an any-word query
// (SearchRequest::match_any), as the in-memory evaluation does.
//
//   EngineEvalArgs args{.swefaq_jsonl = "swefaq_dev.jsonl", .db_url = "postgresql://…"};
//   int exit_code = RunEngineEvalCommand(args, std::cout, std::cerr);
//
// Thread-safety: each call is independent.
#pragma once

#include <ostream>
#include <string>

#include "search/analyzer/eval_command.h"

namespace nyttig::search {

struct EngineEvalArgs {
  std::string swefaq_jsonl;
  std::string analyzer;  // empty = the platform default
  std::string db_url;    // postgresql://… = a temporary schema there; otherwise a temporary SQLite file
};

// Writes {"queries","documents","ndcg10","mrr10","recall10","recall100",
// "analyzer","engine"} to `out`. Exit codes as RunSearchEvalCommand.
int RunEngineEvalCommand(const EngineEvalArgs& args, std::ostream& out, std::ostream& err);

// The evaluation itself, for tests.
StatusOr<SearchEvalResult> EvaluateEngine(const SwefaqCollection& collection,
                                          const NamedAnalyzer& named,
                                          std::shared_ptr<CompoundSplitter> splitter,
                                          const std::string& db_url);

}  // namespace nyttig::search
