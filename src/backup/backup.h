// `nyttig backup FILE` and `nyttig restore FILE`: one archive holding a
// consistent copy of the database and every stored file, and the way back
// into an empty data folder.
//
// The archive is a plain POSIX ustar file (inspect it with `tar tf FILE`):
//   database.sqlite          SQLite only: an online-backup-API copy
//   files/ab/cd/<sha256>     the FileStore's files, as under DATA/files
//   manifest.json            last: versions, dialect, schema version and the
//                            SHA-256 of every other entry (see manifest.h)
// On PostgreSQL the database is not in the archive: the command prints the
// pg_dump (and on restore the pg_restore) command line to run alongside,
// and the manifest says so.
//
// Both commands write atomically: the archive appears under FILE only when
// complete; restore checks every entry against the manifest in a temp
// folder inside the data folder and only then renames into place, so a
// damaged archive leaves the data folder as it was.
//
// Thread-safety: a backup may run while the server serves from the same
// database and data folder; a restore needs the server stopped (it only
// accepts an empty data folder anyway).
#pragma once

#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"

namespace nyttig::backup {

struct BackupSummary {
  std::string file;
  std::uint64_t bytes = 0;         // archive size
  std::uint64_t files = 0;         // stored files in the archive
  bool database_included = false;  // false: PostgreSQL, pg_dump advised
  std::string database_advice;     // the pg_dump command line, PostgreSQL only
};

struct RestoreSummary {
  std::string file;
  std::uint64_t files = 0;         // stored files put back
  bool database_restored = false;  // false: PostgreSQL, pg_restore advised
  std::string database_advice;     // the pg_restore command line, PostgreSQL only
  int schema_version = 0;          // of the backup; `nyttig migrate` brings it up to date
};

// Writes the archive `file` from `db` and the stored files under
// `data_dir`/files. kNotFound when the SQLite file is missing, kUnavailable
// on a disk error or a database that stays locked, kInternal when a stored
// file no longer matches its hash (the archive is then not written).
StatusOr<BackupSummary> CreateBackup(db::Database& db, const std::filesystem::path& data_dir,
                                     const std::filesystem::path& file, const Clock& clock);

// Puts the archive `file` back into `data_dir`, which must be missing or
// empty; `db_url` names the target database as `--db` does (empty: SQLite
// at `data_dir`/nyttig.db). kFailedPrecondition when the data folder or the
// SQLite target is not empty or the backup does not fit the target (engine,
// newer schema); kInvalidArgument when the archive is damaged; kNotFound
// when it does not exist.
StatusOr<RestoreSummary> RestoreBackup(const std::filesystem::path& data_dir,
                                       const std::string& db_url,
                                       const std::filesystem::path& file);

// `nyttig backup FILE`: CreateBackup, then the JSON summary
// {"file", "bytes", "files", "database": "included"|"pg_dump advised"} on
// `out`; pg_dump advice and errors on `err`. Returns the exit code, 0 or 1.
int RunBackupCommand(db::Database& db, const std::filesystem::path& data_dir,
                     const std::string& file, std::ostream& out, std::ostream& err);

// `nyttig restore FILE`: RestoreBackup, then the JSON summary
// {"file", "files", "database": "restored"|"pg_restore advised",
// "schema_version"} on `out`; pg_restore advice and errors (with the
// reason for a refusal) on `err`. Returns the exit code, 0 or 1.
int RunRestoreCommand(const std::filesystem::path& data_dir, const std::string& db_url,
                      const std::string& file, std::ostream& out, std::ostream& err);

}  // namespace nyttig::backup
