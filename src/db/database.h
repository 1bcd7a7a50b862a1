// Database: a pool of SOCI sessions over SQLite (embedded default) or
// PostgreSQL, with transactions that turn library exceptions into Status.
//
//   ASSIGN_OR_RETURN(auto db, Database::Open({.url = "sqlite:data/nyttig.db"}));
//   Status s = db->Write([&](Tx& tx) -> Status {
//     tx.sql() << "INSERT INTO core_meta(key, value) VALUES (:k, :v)", soci::use(k), soci::use(v);
//     return Status::Ok();
//   });
//
// One SQL code path serves both engines: write portable SQL (RETURNING,
// ON CONFLICT, integer seconds for time, INTEGER 0/1 for booleans) and ask
// tx.dialect() only where the engines truly differ.
//
// SOCI's use() binds by reference: bind named variables, never temporaries.
//
// Thread-safety: Database is safe to share between threads; each Read/Write
// takes its own pooled session. A Tx must not leave the callback it was
// given to.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"

namespace soci {
class session;
class connection_pool;
}  // namespace soci

namespace nyttig::db {

enum class Dialect { kSqlite, kPostgres };

struct DatabaseOptions {
  // "sqlite:PATH", a plain file path (SQLite), or "postgresql://…".
  std::string url;
  int pool_size = 8;              // sessions; size for the HTTP thread pool + jobs
  int busy_timeout_ms = 5000;     // SQLite: wait this long for a write lock
};

// A transaction in progress. Stores take `Tx&` as their first parameter.
class Tx {
 public:
  Tx(soci::session& sql, Dialect dialect) : sql_(sql), dialect_(dialect) {}
  soci::session& sql() { return sql_; }
  Dialect dialect() const { return dialect_; }

 private:
  soci::session& sql_;
  Dialect dialect_;
};

class Database {
 public:
  // Opens the pool and configures every session (SQLite: WAL, foreign keys,
  // busy timeout). Fails with kInvalidArgument for an unknown URL scheme and
  // kUnavailable when the database cannot be reached.
  static StatusOr<std::unique_ptr<Database>> Open(const DatabaseOptions& options);

  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const { return dialect_; }
  // The URL the database was opened with, passwords removed (for logs).
  const std::string& redacted_url() const { return redacted_url_; }
  // SQLite: the database file; empty for PostgreSQL.
  const std::string& sqlite_path() const { return sqlite_path_; }

  // Runs `fn` in a write transaction (SQLite: BEGIN IMMEDIATE, so concurrent
  // writers queue on the busy timeout instead of failing on lock upgrade).
  // Commits when `fn` returns OK; rolls back when it returns an error or
  // throws. Database errors become Status: a unique-constraint violation
  // kAlreadyExists, a lock or connection failure kUnavailable, anything
  // else kInternal.
  Status Write(const std::function<Status(Tx&)>& fn);

  // Like Write, for reading only (a consistent snapshot on both engines).
  Status Read(const std::function<Status(Tx&)>& fn);

  // Value-returning forms.
  template <typename T>
  StatusOr<T> WriteValue(const std::function<StatusOr<T>(Tx&)>& fn) {
    return Capture<T>(fn, true);
  }
  template <typename T>
  StatusOr<T> ReadValue(const std::function<StatusOr<T>(Tx&)>& fn) {
    return Capture<T>(fn, false);
  }

  // Runs `fn` with a pooled session outside any transaction (migrations,
  // maintenance). Exceptions become Status as in Write.
  Status WithSession(const std::function<Status(Tx&)>& fn);

  // Executes a script of several statements natively (sqlite3_exec / PQexec).
  // Used for migrations; the caller controls the transaction.
  static Status ExecScript(Tx& tx, const std::string& script);

 private:
  Database() = default;
  Status Run(const std::function<Status(Tx&)>& fn, bool write);

  template <typename T>
  StatusOr<T> Capture(const std::function<StatusOr<T>(Tx&)>& fn, bool write) {
    std::optional<T> result;
    Status s = Run(
        [&](Tx& tx) -> Status {
          StatusOr<T> r = fn(tx);
          if (!r.ok()) return r.status();
          result.emplace(std::move(r).value());
          return Status::Ok();
        },
        write);
    if (!s.ok()) return s;
    return std::move(*result);
  }

  Dialect dialect_ = Dialect::kSqlite;
  std::string redacted_url_;
  std::string sqlite_path_;
  int pool_size_ = 0;
  std::unique_ptr<soci::connection_pool> pool_;
};

// Removes the password from a PostgreSQL URL or conninfo for logging.
std::string RedactDatabaseUrl(const std::string& url);

// Turns "postgresql://user:pass@host:port/db?sslmode=require" into libpq
// key=value form ("host='host' port='port' …"), which is what SOCI passes on
// intact (it mangles URLs). Fails with kInvalidArgument on a malformed URL.
StatusOr<std::string> PostgresUrlToConninfo(const std::string& url);

}  // namespace nyttig::db
