// `nyttig backup`: database snapshot and stored files into one ustar archive.
#include "backup/backup.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "backup/manifest.h"
#include "backup/scratch_dir.h"
#include "backup/shell_advice.h"
#include "backup/sqlite_snapshot.h"
#include "backup/tar.h"
#include "core/time_format.h"
#include "db/migrations.h"
#include "storage/atomic_file.h"
#include "storage/file_store.h"
#include "storage/sha256.h"

namespace nyttig::backup {
namespace {

namespace fs = std::filesystem;

using ChunkReader = std::function<Status(const ByteSink&)>;

// Streams one entry of known size into the archive and returns its
// manifest line, hashed from the very bytes that went into the archive.
StatusOr<ManifestEntry> AddStreamedEntry(TarWriter& tar, const std::string& name,
                                         std::uint64_t size, UnixSeconds mtime,
                                         const ChunkReader& read) {
  RETURN_IF_ERROR(tar.BeginFile(name, size, mtime));
  storage::Sha256Hasher hasher;
  RETURN_IF_ERROR(read([&](std::string_view chunk) {
    hasher.Update(chunk);
    return tar.WriteBody(chunk);
  }));
  RETURN_IF_ERROR(tar.EndFile());
  return ManifestEntry{name, size, hasher.FinishHex()};
}

// The snapshot is made next to the archive (not in the data folder), where
// the operator has chosen to have room for a copy.
Status AddSqliteDatabase(db::Database& db, const fs::path& scratch_parent, TarWriter& tar,
                         BackupManifest& manifest, UnixSeconds now) {
  ASSIGN_OR_RETURN(auto scratch, ScratchDir::Create(scratch_parent, ".nyttig-backup-"));
  fs::path copy = scratch->path() / kDatabaseEntryName;
  ASSIGN_OR_RETURN(SqliteSnapshot snapshot, SnapshotSqlite(db.sqlite_path(), copy));
  manifest.schema_version = snapshot.schema_version;
  manifest.database_included = true;
  ASSIGN_OR_RETURN(
      ManifestEntry entry,
      AddStreamedEntry(tar, std::string(kDatabaseEntryName), fs::file_size(copy), now,
                       [&](const ByteSink& sink) { return storage::ReadFileChunks(copy, sink); }));
  manifest.entries.push_back(std::move(entry));
  return Status::Ok();
}

Status DescribePostgres(db::Database& db, const fs::path& file, BackupManifest& manifest) {
  ASSIGN_OR_RETURN(std::vector<int> applied, db::AppliedMigrations(db));
  manifest.schema_version = applied.empty() ? 0 : *std::max_element(applied.begin(), applied.end());
  manifest.database_included = false;
  manifest.database_advice = PgDumpAdvice(db.redacted_url(), file);
  return Status::Ok();
}

// Files are immutable under their hash, so copying them after the database
// snapshot gives every row that names a file its bytes.
Status AddStoredFiles(const fs::path& files_root, TarWriter& tar, BackupManifest& manifest,
                      UnixSeconds now) {
  std::unique_ptr<storage::FileStore> store = storage::OpenLocalFileStore(files_root);
  return store->ForEach([&](const storage::StoredFile& file) -> Status {
    ASSIGN_OR_RETURN(
        ManifestEntry entry,
        AddStreamedEntry(tar, FileEntryName(file.sha256), file.size, now,
                         [&](const ByteSink& sink) { return store->Read(file.sha256, sink); }));
    if (entry.sha256 != file.sha256) {
      return InternalError("stored file " + file.sha256 + " is corrupt (its bytes hash to " +
                           entry.sha256 + "); no backup was written");
    }
    manifest.entries.push_back(std::move(entry));
    ++manifest.file_count;
    return Status::Ok();
  });
}

}  // namespace

StatusOr<BackupSummary> CreateBackup(db::Database& db, const fs::path& data_dir,
                                     const fs::path& file, const Clock& clock) {
  const fs::path target = fs::absolute(file);
  const UnixSeconds now = clock.Now();
  ASSIGN_OR_RETURN(auto writer, storage::AtomicFileWriter::Create(target.parent_path()));
  TarWriter tar([&](std::string_view bytes) { return writer->Write(bytes); });
  BackupManifest manifest;
  manifest.created_at = FormatRfc3339(now);
  manifest.nyttig_version = NYTTIG_VERSION;
  manifest.dialect = db.dialect();
  if (db.dialect() == db::Dialect::kSqlite) {
    RETURN_IF_ERROR(AddSqliteDatabase(db, target.parent_path(), tar, manifest, now));
  } else {
    RETURN_IF_ERROR(DescribePostgres(db, target, manifest));
  }
  RETURN_IF_ERROR(AddStoredFiles(data_dir / "files", tar, manifest, now));
  RETURN_IF_ERROR(tar.AddFile(std::string(kManifestName), ManifestToJson(manifest), now));
  RETURN_IF_ERROR(tar.Finish());
  RETURN_IF_ERROR(writer->Commit(target));
  return BackupSummary{target.string(), tar.bytes_written(), manifest.file_count,
                       manifest.database_included, manifest.database_advice};
}

int RunBackupCommand(db::Database& db, const fs::path& data_dir, const std::string& file,
                     std::ostream& out, std::ostream& err) {
  SystemClock clock;
  StatusOr<BackupSummary> summary = CreateBackup(db, data_dir, file, clock);
  if (!summary.ok()) {
    err << "nyttig backup: " << summary.status().message() << "\n";
    return 1;
  }
  if (!summary->database_included) err << summary->database_advice;
  nlohmann::json doc = {{"file", summary->file},
                        {"bytes", summary->bytes},
                        {"files", summary->files},
                        {"database", summary->database_included ? "included" : "pg_dump advised"}};
  out << doc.dump() << "\n";
  return 0;
}

}  // namespace nyttig::backup
