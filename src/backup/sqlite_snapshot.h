// A consistent copy of a live SQLite database, taken with SQLite's online
// backup API on a connection of its own, so the server keeps writing while
// the copy is made and the copy still shows one committed state.
//
// Thread-safety: independent calls may run concurrently.
#pragma once

#include <filesystem>
#include <string>

#include "core/status.h"

namespace nyttig::backup {

struct SqliteSnapshot {
  int schema_version = 0;  // highest applied migration; 0 when none
};

// Copies the database file `source` to `dest` (created; must not exist),
// leaves the copy in rollback-journal mode so that it is one self-contained
// file, and checks it with PRAGMA integrity_check. kNotFound when `source`
// does not exist, kUnavailable when it stays locked, kInternal when the copy
// fails its integrity check.
StatusOr<SqliteSnapshot> SnapshotSqlite(const std::string& source,
                                        const std::filesystem::path& dest);

// OK when PRAGMA integrity_check of the database file `path` says "ok";
// kInvalidArgument with SQLite's findings (or when it is no database).
Status CheckSqliteIntegrity(const std::filesystem::path& path);

}  // namespace nyttig::backup
