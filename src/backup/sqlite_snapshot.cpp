#include "backup/sqlite_snapshot.h"

#include <sqlite3.h>

#include <memory>
#include <vector>

namespace nyttig::backup {
namespace {

namespace fs = std::filesystem;

constexpr int kBusyTimeoutMs = 5000;  // wait for a writer's checkpoint, as the server does
constexpr int kBusyRetries = 100;     // × kRetrySleepMs: give up after ~10 s of locks
constexpr int kRetrySleepMs = 100;

struct CloseSqlite {
  void operator()(sqlite3* handle) const { sqlite3_close_v2(handle); }
};
using SqliteHandle = std::unique_ptr<sqlite3, CloseSqlite>;

StatusOr<SqliteHandle> OpenSqlite(const fs::path& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  SqliteHandle handle(raw);
  if (rc != SQLITE_OK) {
    std::string why = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    return UnavailableError("cannot open SQLite database " + path.string() + ": " + why);
  }
  sqlite3_busy_timeout(handle.get(), kBusyTimeoutMs);
  return handle;
}

// First column of every row of `sql`.
StatusOr<std::vector<std::string>> QueryColumn(sqlite3* handle, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
    return InvalidArgumentError(std::string(sqlite3_errmsg(handle)));
  }
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
  std::vector<std::string> values;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt.get(), 0);
    values.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
  }
  if (rc != SQLITE_DONE) return InvalidArgumentError(std::string(sqlite3_errmsg(handle)));
  return values;
}

Status IntegrityOf(sqlite3* handle, const fs::path& path) {
  StatusOr<std::vector<std::string>> findings = QueryColumn(handle, "PRAGMA integrity_check");
  if (!findings.ok()) {
    return InvalidArgumentError(path.string() +
                                " is no SQLite database: " + findings.status().message());
  }
  if (findings->size() == 1 && findings->front() == "ok") return Status::Ok();
  std::string first = findings->empty() ? "no answer" : findings->front();
  return InvalidArgumentError(path.string() + " fails PRAGMA integrity_check: " + first);
}

// One step over all pages (-1): the whole copy is read in one read
// transaction, which in WAL mode never blocks the server's writers and never
// has to restart because of them, and so shows exactly one committed state.
Status CopyPages(sqlite3* source, sqlite3* dest) {
  sqlite3_backup* backup = sqlite3_backup_init(dest, "main", source, "main");
  if (!backup) return InternalError(std::string("sqlite3_backup_init: ") + sqlite3_errmsg(dest));
  int rc = SQLITE_OK;
  for (int attempt = 0; attempt < kBusyRetries; ++attempt) {
    rc = sqlite3_backup_step(backup, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    sqlite3_sleep(kRetrySleepMs);
  }
  sqlite3_backup_finish(backup);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    return UnavailableError("the database stayed locked; try the backup again");
  }
  if (rc != SQLITE_DONE)
    return InternalError(std::string("sqlite3_backup_step: ") + sqlite3_errstr(rc));
  return Status::Ok();
}

int SchemaVersionOf(sqlite3* handle) {
  // A database that was never migrated has no schema_migrations table.
  StatusOr<std::vector<std::string>> rows =
      QueryColumn(handle, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return rows.ok() && !rows->empty() ? std::stoi(rows->front()) : 0;
}

}  // namespace

StatusOr<SqliteSnapshot> SnapshotSqlite(const std::string& source, const fs::path& dest) {
  std::error_code ec;
  if (!fs::is_regular_file(source, ec)) return NotFoundError("no SQLite database at " + source);
  // Read-write (never create): a read-only connection cannot always open a
  // WAL database whose -shm file it may not write.
  ASSIGN_OR_RETURN(SqliteHandle from, OpenSqlite(source, SQLITE_OPEN_READWRITE));
  if (fs::exists(dest, ec)) return AlreadyExistsError(dest.string() + " already exists");
  ASSIGN_OR_RETURN(SqliteHandle to, OpenSqlite(dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  RETURN_IF_ERROR(CopyPages(from.get(), to.get()));
  from.reset();
  // The copy inherits WAL mode from the source; switch it to a rollback
  // journal so that the archived file needs no -wal companion.
  StatusOr<std::vector<std::string>> mode = QueryColumn(to.get(), "PRAGMA journal_mode = DELETE");
  if (!mode.ok())
    return InternalError("cannot leave WAL mode in the copy: " + mode.status().message());
  Status integrity = IntegrityOf(to.get(), dest);
  if (!integrity.ok()) return InternalError(integrity.message());
  return SqliteSnapshot{SchemaVersionOf(to.get())};
}

Status CheckSqliteIntegrity(const fs::path& path) {
  ASSIGN_OR_RETURN(SqliteHandle handle, OpenSqlite(path, SQLITE_OPEN_READONLY));
  return IntegrityOf(handle.get(), path);
}

}  // namespace nyttig::backup
