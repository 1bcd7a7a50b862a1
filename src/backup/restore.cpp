// `nyttig restore`: a backup archive back into an empty data folder, checked
// in full in a temp folder before anything is renamed into place.
#include <algorithm>
#include <cerrno>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "backup/backup.h"
#include "backup/manifest.h"
#include "backup/scratch_dir.h"
#include "backup/shell_advice.h"
#include "backup/sqlite_snapshot.h"
#include "backup/tar.h"
#include "db/migrations.h"
#include "storage/atomic_file.h"
#include "storage/sha256.h"

namespace nyttig::backup {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kMaxManifestBytes = 256ULL
                                            << 20;  // ~1.5 M entries; refuses a bogus size early
constexpr std::string_view kDefaultSqliteName = "nyttig.db";
constexpr std::string_view kScratchPrefix = ".nyttig-restore-";

struct Target {
  bool postgres = false;
  fs::path sqlite_path;
  std::string redacted_url;
};

Target TargetOf(const fs::path& data_dir, const std::string& db_url) {
  if (db_url.starts_with("postgresql://") || db_url.starts_with("postgres://")) {
    return {true, {}, db::RedactDatabaseUrl(db_url)};
  }
  // The same URL forms Database::Open accepts for SQLite.
  std::string path = db_url;
  for (std::string_view scheme : {"sqlite://", "sqlite:"}) {
    if (path.starts_with(scheme)) {
      path = path.substr(scheme.size());
      break;
    }
  }
  if (path.empty()) return {false, data_dir / kDefaultSqliteName, {}};
  return {false, fs::path(path), {}};
}

Status CheckEmptyTarget(const fs::path& data_dir, const Target& target) {
  std::error_code ec;
  if (fs::exists(data_dir, ec) && !fs::is_directory(data_dir, ec)) {
    return FailedPreconditionError("data folder " + data_dir.string() + " is not a folder");
  }
  if (fs::is_directory(data_dir, ec) && !fs::is_empty(data_dir, ec)) {
    std::string first = fs::directory_iterator(data_dir)->path().filename().string();
    return FailedPreconditionError("data folder " + data_dir.string() +
                                   " is not empty (it holds \"" + first +
                                   "\"); restore only fills an empty data folder");
  }
  if (target.postgres) return Status::Ok();
  for (std::string_view suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::path path = target.sqlite_path.string() + std::string(suffix);
    if (fs::exists(path, ec)) {
      return FailedPreconditionError("database file " + path.string() +
                                     " already exists; restore never overwrites a database");
    }
  }
  return Status::Ok();
}

// Writes the current entry's body to the same name under `scratch`
// (fsynced) and returns what it held.
StatusOr<ManifestEntry> ExtractEntry(TarReader& reader, const TarEntry& entry,
                                     const fs::path& scratch) {
  ASSIGN_OR_RETURN(auto writer, storage::AtomicFileWriter::Create(scratch / ".incoming"));
  storage::Sha256Hasher hasher;
  RETURN_IF_ERROR(reader.ReadBody([&](std::string_view chunk) {
    hasher.Update(chunk);
    return writer->Write(chunk);
  }));
  ManifestEntry found{entry.name, entry.size, hasher.FinishHex()};
  if (IsFileEntryName(entry.name) && !entry.name.ends_with(found.sha256)) {
    return InvalidArgumentError("archive entry " + entry.name + " does not match its hash");
  }
  RETURN_IF_ERROR(writer->Commit(scratch / entry.name));
  return found;
}

StatusOr<std::string> ReadManifestBody(TarReader& reader, const TarEntry& entry) {
  if (entry.size > kMaxManifestBytes)
    return InvalidArgumentError("manifest.json is implausibly large");
  std::string text;
  RETURN_IF_ERROR(reader.ReadBody([&](std::string_view chunk) {
    text.append(chunk);
    return Status::Ok();
  }));
  return text;
}

struct Extracted {
  std::optional<std::string> manifest_json;
  std::map<std::string, ManifestEntry> entries;  // by path
};

// Unpacks every entry into `scratch`, refusing any name a backup of ours
// never holds, so nothing can land outside the temp folder.
StatusOr<Extracted> ExtractArchive(std::istream& in, const fs::path& scratch) {
  TarReader reader(in);
  Extracted out;
  while (true) {
    ASSIGN_OR_RETURN(std::optional<TarEntry> entry, reader.Next());
    if (!entry) break;
    // Folders appear when an operator re-packs an unpacked backup by hand.
    if (entry->is_directory && (entry->name + "/").starts_with(kFilesPrefix)) continue;
    if (out.entries.contains(entry->name) || (entry->name == kManifestName && out.manifest_json)) {
      return InvalidArgumentError("archive holds " + entry->name + " twice");
    }
    if (entry->name == kManifestName) {
      ASSIGN_OR_RETURN(out.manifest_json, ReadManifestBody(reader, *entry));
    } else if (entry->name == kDatabaseEntryName || IsFileEntryName(entry->name)) {
      ASSIGN_OR_RETURN(ManifestEntry found, ExtractEntry(reader, *entry, scratch));
      out.entries.emplace(found.path, std::move(found));
    } else {
      return InvalidArgumentError("archive holds an unexpected entry \"" + entry->name + "\"");
    }
  }
  if (!out.manifest_json) return InvalidArgumentError("archive holds no manifest.json");
  return out;
}

Status VerifyEntries(const BackupManifest& manifest, const Extracted& extracted) {
  for (const ManifestEntry& expected : manifest.entries) {
    auto found = extracted.entries.find(expected.path);
    if (found == extracted.entries.end()) {
      return InvalidArgumentError("archive lacks " + expected.path + ", listed in the manifest");
    }
    if (found->second != expected) {
      return InvalidArgumentError("checksum or size mismatch for " + expected.path);
    }
  }
  if (extracted.entries.size() != manifest.entries.size()) {
    return InvalidArgumentError("archive holds entries that the manifest does not list");
  }
  return Status::Ok();
}

Status CheckFitsTarget(const BackupManifest& manifest, const Target& target) {
  if (manifest.database_included && target.postgres) {
    return FailedPreconditionError("the backup holds a SQLite database but --db names PostgreSQL");
  }
  if (!manifest.database_included && !target.postgres) {
    return FailedPreconditionError(
        "the backup was taken from PostgreSQL and holds no database; restore it with "
        "--db postgresql://… and pg_restore");
  }
  ASSIGN_OR_RETURN(std::vector<db::Migration> builtin, db::BuiltinMigrations(manifest.dialect));
  int known = builtin.empty() ? 0 : builtin.back().version;
  if (manifest.schema_version > known) {
    return FailedPreconditionError(
        "the backup's schema version " + std::to_string(manifest.schema_version) +
        " is newer than this Nyttig knows (" + std::to_string(known) +
        "); restore with the version that made it (" + manifest.nyttig_version + ") or newer");
  }
  return Status::Ok();
}

Status RenameDurably(const fs::path& from, const fs::path& to) {
  RETURN_IF_ERROR(storage::CreateDirectoriesDurably(to.parent_path()));
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec == std::errc::cross_device_link) {
    // A SQLite target on another file system: copy it there atomically.
    ASSIGN_OR_RETURN(auto writer, storage::AtomicFileWriter::Create(to.parent_path()));
    RETURN_IF_ERROR(
        storage::ReadFileChunks(from, [&](std::string_view c) { return writer->Write(c); }));
    return writer->Commit(to);
  }
  if (ec)
    return UnavailableError("cannot move " + from.string() + " to " + to.string() + ": " +
                            ec.message());
  return storage::FsyncDirectory(to.parent_path());
}

Status PlaceRestored(const fs::path& scratch, const fs::path& data_dir, const Target& target,
                     const BackupManifest& manifest) {
  if (manifest.database_included) {
    fs::path copy = scratch / kDatabaseEntryName;
    Status integrity = CheckSqliteIntegrity(copy);
    if (!integrity.ok()) return InvalidArgumentError("restored database: " + integrity.message());
    RETURN_IF_ERROR(RenameDurably(copy, target.sqlite_path));
  }
  std::error_code ec;
  if (fs::is_directory(scratch / "files", ec)) {
    RETURN_IF_ERROR(RenameDurably(scratch / "files", data_dir / "files"));
  }
  return Status::Ok();
}

StatusOr<RestoreSummary> RestoreInto(const fs::path& data_dir, const Target& target,
                                     const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return NotFoundError("cannot open backup " + file.string());
  ASSIGN_OR_RETURN(auto scratch, ScratchDir::Create(data_dir, kScratchPrefix));
  ASSIGN_OR_RETURN(Extracted extracted, ExtractArchive(in, scratch->path()));
  ASSIGN_OR_RETURN(BackupManifest manifest, ParseManifest(*extracted.manifest_json));
  RETURN_IF_ERROR(VerifyEntries(manifest, extracted));
  RETURN_IF_ERROR(CheckFitsTarget(manifest, target));
  RETURN_IF_ERROR(PlaceRestored(scratch->path(), data_dir, target, manifest));
  RestoreSummary summary{
      file.string(), manifest.file_count, manifest.database_included, {}, manifest.schema_version};
  if (target.postgres) summary.database_advice = PgRestoreAdvice(target.redacted_url, file);
  return summary;
}

}  // namespace

StatusOr<RestoreSummary> RestoreBackup(const fs::path& data_dir, const std::string& db_url,
                                       const fs::path& file) {
  Target target = TargetOf(data_dir, db_url);
  RETURN_IF_ERROR(CheckEmptyTarget(data_dir, target));
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return NotFoundError("no backup file " + file.string());
  bool created = !fs::exists(data_dir, ec);
  RETURN_IF_ERROR(storage::CreateDirectoriesDurably(data_dir));
  StatusOr<RestoreSummary> summary = RestoreInto(data_dir, target, file);
  // A refused restore leaves the data folder as it found it, absent included.
  if (!summary.ok() && created) fs::remove(data_dir, ec);
  return summary;
}

int RunRestoreCommand(const fs::path& data_dir, const std::string& db_url, const std::string& file,
                      std::ostream& out, std::ostream& err) {
  StatusOr<RestoreSummary> summary = RestoreBackup(data_dir, db_url, file);
  if (!summary.ok()) {
    err << "nyttig restore: " << summary.status().message() << "\n";
    return 1;
  }
  if (!summary->database_restored) err << summary->database_advice;
  nlohmann::json doc = {
      {"file", summary->file},
      {"files", summary->files},
      {"database", summary->database_restored ? "restored" : "pg_restore advised"},
      {"schema_version", summary->schema_version}};
  out << doc.dump() << "\n";
  return 0;
}

}  // namespace nyttig::backup
