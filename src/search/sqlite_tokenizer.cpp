#include "search/sqlite_tokenizer.h"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "search/analyzer/named_analyzers.h"

namespace nyttig::search {
namespace {

using sqlite_api::Fts5Tokenizer;
using sqlite_api::fts5_api;
using sqlite_api::fts5_tokenizer;
using sqlite_api::sqlite3;

struct TokenizerModule {
  std::shared_ptr<CompoundSplitter> splitter;
};

struct TokenizerInstance {
  std::unique_ptr<Analyzer> words;
};

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

int CreateTokenizer(void* context, const char** args, int arg_count, Fts5Tokenizer** out) {
  try {
    auto* module = static_cast<TokenizerModule*>(context);
    StatusOr<NamedAnalyzer> named = FindNamedAnalyzer(arg_count > 0 ? args[0] : "");
    if (!named.ok()) return SQLITE_ERROR;
    StatusOr<std::unique_ptr<Analyzer>> words =
        Analyzer::Create(named->fields.front().options, module->splitter);
    if (!words.ok()) return SQLITE_ERROR;
    auto* instance = new TokenizerInstance{std::move(words).value()};
    *out = reinterpret_cast<Fts5Tokenizer*>(instance);
    return SQLITE_OK;
  } catch (...) {
    return SQLITE_NOMEM;
  }
}

void DeleteTokenizer(Fts5Tokenizer* tokenizer) {
  delete reinterpret_cast<TokenizerInstance*>(tokenizer);
}

int Tokenize(Fts5Tokenizer* tokenizer, void* callback_context, int flags, const char* text,
             int length, TokenCallback emit) {
  if (length <= 0) return SQLITE_OK;
  if (flags & FTS5_TOKENIZE_QUERY) {  // already analysed by match_expression
    return emit(callback_context, 0, text, length, 0, length);
  }
  try {
    auto* instance = reinterpret_cast<TokenizerInstance*>(tokenizer);
    for (const Token& token :
         instance->words->Analyze(std::string_view(text, length), AnalyzeMode::kDocument)) {
      int rc = emit(callback_context, token.colocated ? FTS5_TOKEN_COLOCATED : 0,
                    token.text.data(), static_cast<int>(token.text.size()),
                    static_cast<int>(token.begin), static_cast<int>(token.end));
      if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
  } catch (...) {
    return SQLITE_NOMEM;
  }
}

void DeleteModule(void* context) { delete static_cast<TokenizerModule*>(context); }

fts5_api* Fts5Api(sqlite3* connection) {
  fts5_api* api = nullptr;
  sqlite_api::sqlite3_stmt* statement = nullptr;
  if (sqlite_api::sqlite3_prepare_v2(connection, "SELECT fts5(?1)", -1, &statement, nullptr) ==
      SQLITE_OK) {
    sqlite_api::sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr",
                                     nullptr);
    sqlite_api::sqlite3_step(statement);
  }
  sqlite_api::sqlite3_finalize(statement);
  return api;
}

}  // namespace

Status EnsureFts5Tokenizer(db::Tx& tx, std::shared_ptr<CompoundSplitter> splitter) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(tx.sql().get_backend());
  fts5_api* api = Fts5Api(backend->conn_);
  if (api == nullptr) return InternalError("SQLite has no FTS5");
  void* existing_context = nullptr;
  fts5_tokenizer existing{};
  if (api->xFindTokenizer(api, kFts5TokenizerName, &existing_context, &existing) == SQLITE_OK) {
    return Status::Ok();
  }
  static fts5_tokenizer kTokenizer{CreateTokenizer, DeleteTokenizer, Tokenize};
  auto* module = new TokenizerModule{std::move(splitter)};
  if (api->xCreateTokenizer(api, kFts5TokenizerName, module, &kTokenizer, DeleteModule) !=
      SQLITE_OK) {
    delete module;
    return InternalError("cannot register the FTS5 tokenizer");
  }
  return Status::Ok();
}

}  // namespace nyttig::search
