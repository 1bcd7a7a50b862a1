#include "search/engine_eval.h"

#include <soci/soci.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "db/migrations.h"
#include "search/analyzer/relevance_metrics.h"
#include "search/search_index.h"
#include "search/search_service.h"

namespace nyttig::search {
namespace {

constexpr int kSearchMigration = 6;  // db/migrations/0006_search.*.sql
constexpr size_t kTopTen = 10;
constexpr int kTopHundred = 100;
constexpr double kReportedPrecision = 1e4;
constexpr UnixSeconds kAnswerDate = 1'780'000'000;

// A throw-away database with only the search tables: a temporary SQLite
// file, or a temporary schema in PostgreSQL. Removed with the object.
class ScratchDatabase {
 public:
  static StatusOr<std::unique_ptr<ScratchDatabase>> Open(const std::string& url) {
    std::unique_ptr<ScratchDatabase> scratch(new ScratchDatabase);
    const std::string suffix = std::to_string(getpid()) + "_" + std::to_string(std::rand());
    scratch->postgres_ = url.starts_with("postgres");
    if (scratch->postgres_) {
      scratch->schema_ = "nyttig_eval_" + suffix;
    } else {
      // Always a fresh file of our own: the platform's database is never touched.
      scratch->file_ =
          (std::filesystem::temp_directory_path() / ("nyttig-eval-" + suffix + ".db")).string();
    }
    // One session, so that the search_path set below holds for every transaction.
    ASSIGN_OR_RETURN(scratch->db_, db::Database::Open({.url = scratch->postgres_ ? url
                                                                                : scratch->file_,
                                                       .pool_size = 1}));
    RETURN_IF_ERROR(scratch->CreateTables());
    return scratch;
  }

  ~ScratchDatabase() {
    if (postgres_ && db_) {
      db_->WithSession([&](db::Tx& tx) {
           tx.sql() << "DROP SCHEMA " + schema_ + " CASCADE";
           return Status::Ok();
         }).IgnoreError();
    }
    db_.reset();
    if (!postgres_ && !file_.empty()) {
      std::error_code ignored;
      for (const char* extension : {"", "-wal", "-shm"}) std::filesystem::remove(file_ + extension, ignored);
    }
  }

  db::Database& db() { return *db_; }

 private:
  ScratchDatabase() = default;

  Status CreateTables() {
    ASSIGN_OR_RETURN(std::vector<db::Migration> migrations, db::BuiltinMigrations(db_->dialect()));
    return db_->WithSession([&](db::Tx& tx) -> Status {
      if (postgres_) {
        tx.sql() << "CREATE SCHEMA " + schema_;
        tx.sql() << "SET search_path TO " + schema_;
      }
      for (const db::Migration& migration : migrations) {
        if (migration.version == kSearchMigration) return db::Database::ExecScript(tx, migration.sql);
      }
      return InternalError("no search migration");
    });
  }

  bool postgres_ = false;
  std::string schema_;
  std::string file_;
  std::unique_ptr<db::Database> db_;
};

Status IndexAnswers(db::Database& db, SearchIndex& index, const SwefaqCollection& collection) {
  return db.Write([&](db::Tx& tx) -> Status {
    for (size_t doc_idx = 0; doc_idx < collection.documents.size(); ++doc_idx) {
      SearchDocument document;
      document.kind = "answer";
      document.id = static_cast<std::int64_t>(doc_idx) + 1;
      document.audience = Audience::kPublic;
      document.body = collection.documents[doc_idx];
      document.date = kAnswerDate;
      RETURN_IF_ERROR(index.Upsert(tx, document));
    }
    return Status::Ok();
  });
}

StatusOr<std::vector<int>> Rank(db::Database& db, SearchIndex& index, const std::string& question) {
  SearchRequest request{.query = question, .match_any = true, .page = 1, .limit = kTopHundred};
  ASSIGN_OR_RETURN(SearchResults results, db.ReadValue<SearchResults>([&](db::Tx& tx) {
    return index.Search(tx, request, Visibility{});
  }));
  std::vector<int> ranking;
  for (const SearchHit& hit : results.items) ranking.push_back(static_cast<int>(hit.id - 1));
  return ranking;
}

double Rounded(double value) { return std::round(value * kReportedPrecision) / kReportedPrecision; }

}  // namespace

StatusOr<SearchEvalResult> EvaluateEngine(const SwefaqCollection& collection,
                                          const NamedAnalyzer& named,
                                          std::shared_ptr<CompoundSplitter> splitter,
                                          const std::string& db_url) {
  ASSIGN_OR_RETURN(std::unique_ptr<ScratchDatabase> scratch, ScratchDatabase::Open(db_url));
  ASSIGN_OR_RETURN(std::unique_ptr<SearchIndex> index,
                   SearchIndex::Create({.analyzer = named.name}, std::move(splitter)));
  RETURN_IF_ERROR(IndexAnswers(scratch->db(), *index, collection));
  SearchEvalResult result;
  result.analyzer = named.name;
  result.queries = collection.queries.size();
  result.documents = collection.documents.size();
  for (const SwefaqQuery& query : collection.queries) {
    ASSIGN_OR_RETURN(std::vector<int> ranking, Rank(scratch->db(), *index, query.question));
    const std::unordered_set<int> relevant{query.relevant_document};
    result.ndcg10 += NdcgAtK(ranking, relevant, kTopTen);
    result.mrr10 += ReciprocalRankAtK(ranking, relevant, kTopTen);
    result.recall10 += RecallAtK(ranking, relevant, kTopTen);
    result.recall100 += RecallAtK(ranking, relevant, kTopHundred);
  }
  const double count = result.queries == 0 ? 1.0 : static_cast<double>(result.queries);
  result.ndcg10 /= count;
  result.mrr10 /= count;
  result.recall10 /= count;
  result.recall100 /= count;
  return result;
}

int RunEngineEvalCommand(const EngineEvalArgs& args, std::ostream& out, std::ostream& err) {
  StatusOr<NamedAnalyzer> named = FindNamedAnalyzer(args.analyzer);
  if (!named.ok()) {
    err << "search eval: " << named.status().message() << "\n";
    return 2;
  }
  StatusOr<SwefaqCollection> collection = ReadSwefaqFile(args.swefaq_jsonl);
  if (collection.ok() && collection->queries.empty()) {
    collection = InvalidArgumentError("no questions in " + args.swefaq_jsonl);
  }
  StatusOr<std::shared_ptr<CompoundSplitter>> splitter = SharedSwedishSplitter();
  StatusOr<SearchEvalResult> result =
      !collection.ok() ? StatusOr<SearchEvalResult>(collection.status())
      : !splitter.ok() ? StatusOr<SearchEvalResult>(splitter.status())
                       : EvaluateEngine(*collection, *named, *splitter, args.db_url);
  if (!result.ok()) {
    err << "search eval: " << result.status().message() << "\n";
    return 1;
  }
  nlohmann::ordered_json json;
  json["queries"] = result->queries;
  json["documents"] = result->documents;
  json["ndcg10"] = Rounded(result->ndcg10);
  json["mrr10"] = Rounded(result->mrr10);
  json["recall10"] = Rounded(result->recall10);
  json["recall100"] = Rounded(result->recall100);
  json["analyzer"] = result->analyzer;
  json["engine"] = args.db_url.starts_with("postgres") ? "postgresql" : "sqlite";
  out << json.dump() << "\n";
  return 0;
}

}  // namespace nyttig::search
