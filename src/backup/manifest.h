// manifest.json of a backup archive: what it holds and the SHA-256 of every
// other entry, so that restore can refuse a damaged archive before anything
// reaches the data folder.
//
//   {"format": "nyttig-backup", "format_version": 1,
//    "created_at": "2026-11-28T14:03:00Z", "nyttig_version": "0.1.0",
//    "dialect": "sqlite", "schema_version": 3,
//    "database": "included",            // or "pg_dump advised"
//    "database_advice": "",             // PostgreSQL: the pg_dump command line
//    "file_count": 2,
//    "entries": [{"path": "database.sqlite", "size": 4096, "sha256": "…"},
//                {"path": "files/ab/cd/abcd…", "size": 10, "sha256": "abcd…"}]}
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "db/database.h"

namespace nyttig::backup {

inline constexpr int kBackupFormatVersion = 1;
inline constexpr std::string_view kManifestName = "manifest.json";
inline constexpr std::string_view kDatabaseEntryName = "database.sqlite";
inline constexpr std::string_view kFilesPrefix = "files/";

struct ManifestEntry {
  std::string path;        // name in the archive
  std::uint64_t size = 0;  // bytes
  std::string sha256;
  bool operator==(const ManifestEntry&) const = default;
};

struct BackupManifest {
  int format_version = kBackupFormatVersion;
  std::string created_at;  // RFC 3339, UTC
  std::string nyttig_version;
  db::Dialect dialect = db::Dialect::kSqlite;
  int schema_version = 0;              // highest applied migration
  bool database_included = false;      // false: PostgreSQL, dumped separately with pg_dump
  std::string database_advice;         // the pg_dump command line when not included
  std::uint64_t file_count = 0;        // stored files (entries under files/)
  std::vector<ManifestEntry> entries;  // every entry but the manifest itself
  bool operator==(const BackupManifest&) const = default;
};

// "files/ab/cd/<sha256>": where a stored file sits in the archive (and,
// below the data folder, on disk).
std::string FileEntryName(std::string_view sha256);

// True for exactly the names FileEntryName makes from a valid hash.
bool IsFileEntryName(std::string_view name);

// The manifest as pretty-printed JSON.
std::string ManifestToJson(const BackupManifest& manifest);

// Parses and checks a manifest: kInvalidArgument naming the problem for
// malformed JSON, a missing or mistyped member, another format, a newer
// format version, an unsafe entry path, a malformed checksum, or a
// file_count that disagrees with the entries.
StatusOr<BackupManifest> ParseManifest(std::string_view json);

}  // namespace nyttig::backup
