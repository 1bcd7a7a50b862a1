#include "db/database.h"

#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <cctype>
#include <regex>

namespace nyttig::db {
namespace {

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// Classifies a SOCI exception into a Status code. Constraint and lock
// failures are expected under concurrency and get their own codes so callers
// can answer 409 or retry.
Status FromSociError(const soci::soci_error& e) {
  std::string what = e.what();
  if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    std::string state = pg->sqlstate();
    if (state == "23505") return AlreadyExistsError(what);
    if (state == "40001" || state == "40P01" || StartsWith(state, "08") ||
        StartsWith(state, "57")) {
      return UnavailableError(what);
    }
    return InternalError(what);
  }
  if (auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    int rc = lite->result();
    if (what.find("UNIQUE constraint failed") != std::string::npos) {
      return AlreadyExistsError(what);
    }
    if (rc == 5 /* SQLITE_BUSY */ || rc == 6 /* SQLITE_LOCKED */) return UnavailableError(what);
    return InternalError(what);
  }
  if (e.get_error_category() == soci::soci_error::connection_error) {
    return UnavailableError(what);
  }
  return InternalError(what);
}

std::string SqlitePathFromUrl(const std::string& url) {
  if (StartsWith(url, "sqlite://")) return url.substr(9);
  if (StartsWith(url, "sqlite:")) return url.substr(7);
  return url;
}

// After a failure the transaction is rolled back; a failing rollback (the
// connection is gone) is logged, since the original error is what matters.
void RollbackQuietly(soci::session& sql) {
  try {
    sql << "ROLLBACK";
  } catch (const std::exception& rollback_error) {
    spdlog::warn("rollback failed: {}", rollback_error.what());
  }
}

void ConfigureSqlite(soci::session& sql, int busy_timeout_ms) {
  sql << "PRAGMA busy_timeout = " + std::to_string(busy_timeout_ms);
  sql << "PRAGMA journal_mode = WAL";
  sql << "PRAGMA synchronous = NORMAL";  // durable at checkpoints; safe with WAL
  sql << "PRAGMA foreign_keys = ON";
}

std::string PercentDecodeUrlPart(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

void AppendConninfo(std::string& out, std::string_view key, const std::string& value) {
  if (value.empty()) return;
  std::string quoted;
  for (char c : value) {
    if (c == '\\' || c == '\'') quoted += '\\';
    quoted += c;
  }
  if (!out.empty()) out += ' ';
  out += std::string(key) + "='" + quoted + "'";
}

}  // namespace

StatusOr<std::string> PostgresUrlToConninfo(const std::string& url) {
  static const std::regex kUrl(
      R"(^postgres(?:ql)?://(?:([^:@/]*)(?::([^@/]*))?@)?(\[[^\]]*\]|[^:/?]*)(?::(\d+))?(?:/([^?]*))?(?:\?(.*))?$)");
  std::smatch m;
  if (!std::regex_match(url, m, kUrl)) {
    return InvalidArgumentError("malformed PostgreSQL URL: " + RedactDatabaseUrl(url));
  }
  std::string out;
  std::string host = m[3].str();
  if (host.size() > 1 && host.front() == '[') host = host.substr(1, host.size() - 2);
  AppendConninfo(out, "host", PercentDecodeUrlPart(host));
  AppendConninfo(out, "port", m[4].str());
  AppendConninfo(out, "user", PercentDecodeUrlPart(m[1].str()));
  AppendConninfo(out, "password", PercentDecodeUrlPart(m[2].str()));
  AppendConninfo(out, "dbname", PercentDecodeUrlPart(m[5].str()));
  std::string query = m[6].str();
  for (size_t start = 0; start < query.size();) {
    size_t amp = query.find('&', start);
    std::string pair = query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    size_t eq = pair.find('=');
    if (eq != std::string::npos) {
      AppendConninfo(out, PercentDecodeUrlPart(pair.substr(0, eq)), PercentDecodeUrlPart(pair.substr(eq + 1)));
    }
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return out;
}

std::string RedactDatabaseUrl(const std::string& url) {
  // postgresql://user:secret@host/db → postgresql://user:***@host/db
  static const std::regex kUserInfo(R"(^([a-z]+://[^:/@]*):[^@]*@)");
  static const std::regex kConninfo(R"((password\s*=\s*)\S+)");
  std::string out = std::regex_replace(url, kUserInfo, "$1:***@");
  return std::regex_replace(out, kConninfo, "$1***");
}

StatusOr<std::unique_ptr<Database>> Database::Open(const DatabaseOptions& options) {
  std::unique_ptr<Database> db(new Database());
  db->redacted_url_ = RedactDatabaseUrl(options.url);
  db->pool_size_ = std::max(1, options.pool_size);
  db->pool_ = std::make_unique<soci::connection_pool>(db->pool_size_);
  bool postgres = StartsWith(options.url, "postgresql://") || StartsWith(options.url, "postgres://");
  if (!postgres && options.url.find("://") != std::string::npos &&
      !StartsWith(options.url, "sqlite://")) {
    return InvalidArgumentError("unknown database URL scheme in " + db->redacted_url_ +
                                " (use a file path, sqlite:PATH or postgresql://…)");
  }
  db->dialect_ = postgres ? Dialect::kPostgres : Dialect::kSqlite;
  if (!postgres) db->sqlite_path_ = SqlitePathFromUrl(options.url);
  std::string conninfo;
  if (postgres) {
    ASSIGN_OR_RETURN(conninfo, PostgresUrlToConninfo(options.url));
  }
  try {
    for (int i = 0; i < db->pool_size_; ++i) {
      soci::session& sql = db->pool_->at(i);
      if (postgres) {
        sql.open(soci::postgresql, conninfo);
      } else {
        sql.open(soci::sqlite3, "db=" + db->sqlite_path_);
        ConfigureSqlite(sql, options.busy_timeout_ms);
      }
    }
  } catch (const soci::soci_error& e) {
    return UnavailableError("cannot open database " + db->redacted_url_ + ": " + e.what());
  }
  return db;
}

Database::~Database() = default;

Status Database::Run(const std::function<Status(Tx&)>& fn, bool write) {
  soci::session sql(*pool_);
  Tx tx(sql, dialect_);
  bool open = false;
  try {
    sql << (write && dialect_ == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
    open = true;
    Status s = fn(tx);
    if (s.ok()) {
      sql << "COMMIT";
      open = false;
      return s;
    }
    sql << "ROLLBACK";
    return s;
  } catch (const soci::soci_error& e) {
    if (open) RollbackQuietly(sql);
    return FromSociError(e);
  } catch (const std::exception& e) {
    if (open) RollbackQuietly(sql);
    return InternalError(std::string("unexpected exception in transaction: ") + e.what());
  }
}

Status Database::Write(const std::function<Status(Tx&)>& fn) { return Run(fn, true); }
Status Database::Read(const std::function<Status(Tx&)>& fn) { return Run(fn, false); }

Status Database::WithSession(const std::function<Status(Tx&)>& fn) {
  soci::session sql(*pool_);
  Tx tx(sql, dialect_);
  try {
    return fn(tx);
  } catch (const soci::soci_error& e) {
    return FromSociError(e);
  } catch (const std::exception& e) {
    return InternalError(e.what());
  }
}

Status Database::ExecScript(Tx& tx, const std::string& script) {
  soci::details::session_backend* backend = tx.sql().get_backend();
  if (tx.dialect() == Dialect::kSqlite) {
    auto* lite = static_cast<soci::sqlite3_session_backend*>(backend);
    char* error = nullptr;
    int rc = sqlite_api::sqlite3_exec(lite->conn_, script.c_str(), nullptr, nullptr, &error);
    if (rc != 0) {
      std::string message = error ? error : "unknown error";
      sqlite_api::sqlite3_free(error);
      return InternalError("SQL script failed: " + message);
    }
    return Status::Ok();
  }
  auto* pg = static_cast<soci::postgresql_session_backend*>(backend);
  PGresult* result = PQexec(pg->conn_, script.c_str());
  ExecStatusType st = PQresultStatus(result);
  std::string message = PQresultErrorMessage(result);
  PQclear(result);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
    return InternalError("SQL script failed: " + message);
  }
  return Status::Ok();
}

}  // namespace nyttig::db
