// Numbered schema migrations, applied in order, each in its own transaction
// and recorded in `schema_migrations`.
//
// Files are `db/migrations/NNNN_name.sql` (portable SQL), compiled into the
// binary. Where the engines truly differ a migration may come as
// `NNNN_name.sqlite.sql` and `NNNN_name.postgresql.sql` instead. Two
// placeholders keep most migrations portable:
//   @ID@    the auto-increment primary key column type
//   @BLOB@  a byte string column type
// A module owns its tables; their names start with the module's name.
//
// Several instances may start at once on PostgreSQL: each migration takes an
// advisory lock and re-checks that it is still pending.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"

namespace nyttig::db {

struct Migration {
  int version = 0;
  std::string name;  // file name without number and extension
  std::string sql;   // placeholders already expanded for the dialect
};

// The migrations compiled into the binary, for `dialect`, in version order.
// Fails with kInternal on a malformed file name or a duplicate version.
StatusOr<std::vector<Migration>> BuiltinMigrations(Dialect dialect);

// Expands @ID@ and @BLOB@ for `dialect`.
std::string ExpandPlaceholders(const std::string& sql, Dialect dialect);

// Versions recorded as applied (empty on a fresh database).
StatusOr<std::vector<int>> AppliedMigrations(Database& db);

// Applies every migration of `migrations` not yet recorded; returns how many
// were applied. Stops at the first failure, leaving that migration's
// changes rolled back and earlier ones in place.
StatusOr<int> ApplyMigrations(Database& db, const std::vector<Migration>& migrations,
                              const Clock& clock);

}  // namespace nyttig::db
