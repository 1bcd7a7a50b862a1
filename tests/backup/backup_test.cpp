#include "backup/backup.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "backup/manifest.h"
#include "backup/raw_tar.h"
#include "backup/tar.h"
#include "core/time_format.h"
#include "storage/file_store.h"
#include "support/test_database.h"

namespace nyttig::backup {
namespace {

namespace fs = std::filesystem;
using nyttig::testing::Engine;
using nyttig::testing::EngineTest;
using nyttig::testing::TempDir;

constexpr int kRowsPerTransaction = 10;

class BackupTest : public EngineTest {
 protected:
  fs::path data_dir() const { return fs::path(dir_.path()) / "data"; }
  fs::path archive() const { return fs::path(dir_.path()) / "backup.tar"; }
  fs::path restore_dir() const { return fs::path(dir_.path()) / "restored"; }

  // A table of the test's own, plus a one-row tally kept equal to its row
  // count in the same transaction: a consistent copy keeps them equal.
  void CreateTables() {
    ASSERT_TRUE(db().WithSession([](db::Tx& tx) {
                      tx.sql() << "CREATE TABLE backup_rows (n INTEGER NOT NULL)";
                      tx.sql() << "CREATE TABLE backup_tally (total INTEGER NOT NULL)";
                      tx.sql() << "INSERT INTO backup_tally(total) VALUES (0)";
                      return Status::Ok();
                    })
                    .ok());
  }

  Status InsertBatch(int batch) {
    return db().Write([&](db::Tx& tx) {
      for (int row_idx = 0; row_idx < kRowsPerTransaction; ++row_idx) {
        int n = batch * kRowsPerTransaction + row_idx;
        tx.sql() << "INSERT INTO backup_rows(n) VALUES (:n)", soci::use(n);
      }
      tx.sql() << "UPDATE backup_tally SET total = total + " + std::to_string(kRowsPerTransaction);
      return Status::Ok();
    });
  }

  std::string PutFile(const std::string& bytes) {
    return storage::OpenLocalFileStore(data_dir() / "files")->Put(bytes)->sha256;
  }

  int Backup(std::string* out_text = nullptr, std::string* err_text = nullptr) {
    std::ostringstream out, err;
    int rc = RunBackupCommand(db(), data_dir(), archive().string(), out, err);
    if (out_text) *out_text = out.str();
    if (err_text) *err_text = err.str();
    return rc;
  }

  TempDir dir_;
};

TEST_P(BackupTest, RoundTripsStoredFilesByteForByte) {
  std::string binary;
  for (int i = 0; i < 70'000; ++i) binary += static_cast<char>(i % 256);
  std::vector<std::string> contents = {"", "hej", binary};
  std::vector<std::string> hashes;
  for (const std::string& c : contents) hashes.push_back(PutFile(c));
  std::string out;
  ASSERT_EQ(Backup(&out), 0);
  EXPECT_NE(out.find("\"files\":3"), std::string::npos) << out;

  std::ostringstream rout, rerr;
  std::string url = GetParam() == Engine::kSqlite ? "" : test_db().url();
  ASSERT_EQ(RunRestoreCommand(restore_dir(), url, archive().string(), rout, rerr), 0) << rerr.str();
  auto restored = storage::OpenLocalFileStore(restore_dir() / "files", {.verify_on_read = true});
  for (std::size_t file_idx = 0; file_idx < contents.size(); ++file_idx) {
    EXPECT_EQ(restored->Get(hashes[file_idx]).value(), contents[file_idx]);
  }
  std::set<std::string> left;
  for (const auto& entry : fs::directory_iterator(restore_dir())) {
    left.insert(entry.path().filename().string());
  }
  // No temp folder left behind; the database only where the archive held one.
  std::set<std::string> expected = {"files"};
  if (GetParam() == Engine::kSqlite) expected.insert("nyttig.db");
  EXPECT_EQ(left, expected);
}

TEST_P(BackupTest, ArchiveHoldsTheManifestWithEveryChecksum) {
  std::string hash = PutFile("bilaga");
  ASSERT_EQ(Backup(), 0);
  std::ifstream in(archive(), std::ios::binary);
  TarReader reader(in);
  std::vector<std::string> names;
  std::string json;
  for (auto entry = reader.Next(); entry.ok() && entry->has_value(); entry = reader.Next()) {
    names.push_back((*entry)->name);
    ASSERT_TRUE(reader
                    .ReadBody([&](std::string_view chunk) {
                      if ((*entry)->name == kManifestName) json.append(chunk);
                      return Status::Ok();
                    })
                    .ok());
  }
  EXPECT_EQ(names.back(), kManifestName);
  StatusOr<BackupManifest> manifest = ParseManifest(json);
  ASSERT_TRUE(manifest.ok()) << manifest.status().ToString() << json;
  EXPECT_EQ(manifest->file_count, 1u);
  EXPECT_TRUE(ParseRfc3339(manifest->created_at).has_value()) << manifest->created_at;
  EXPECT_EQ(manifest->created_at.size(), 20u);
  EXPECT_GE(manifest->schema_version, 1);
  EXPECT_EQ(manifest->database_included, GetParam() == Engine::kSqlite);
  EXPECT_EQ(manifest->entries.back().path, FileEntryName(hash));
  EXPECT_EQ(manifest->entries.back().sha256, hash);
}

TEST_P(BackupTest, PostgresBackupAdvisesPgDumpAndSqliteIncludesTheDatabase) {
  std::string out, err;
  ASSERT_EQ(Backup(&out, &err), 0) << err;
  if (GetParam() == Engine::kSqlite) {
    EXPECT_NE(out.find("\"database\":\"included\""), std::string::npos) << out;
    EXPECT_EQ(err, "");
    return;
  }
  EXPECT_NE(out.find("\"database\":\"pg_dump advised\""), std::string::npos) << out;
  EXPECT_NE(err.find("pg_dump --format=custom --no-owner --file='" + archive().string() +
                     ".pgdump' '" + db().redacted_url() + "'"),
            std::string::npos)
      << err;
}

TEST_P(BackupTest, PostgresRestorePutsFilesBackAndAdvisesPgRestore) {
  if (GetParam() == Engine::kSqlite) GTEST_SKIP() << "PostgreSQL only";
  std::string hash = PutFile("bilaga");
  ASSERT_EQ(Backup(), 0);
  std::ostringstream out, err;
  ASSERT_EQ(RunRestoreCommand(restore_dir(), test_db().url(), archive().string(), out, err), 0)
      << err.str();
  EXPECT_NE(out.str().find("\"database\":\"pg_restore advised\""), std::string::npos);
  EXPECT_NE(err.str().find("pg_restore --no-owner --exit-on-error --dbname='" +
                           db::RedactDatabaseUrl(test_db().url()) + "'"),
            std::string::npos)
      << err.str();
  EXPECT_TRUE(storage::OpenLocalFileStore(restore_dir() / "files")->Exists(hash));
}

NYTTIG_INSTANTIATE_ENGINES(BackupTest);

class SqliteBackupTest : public BackupTest {};

TEST_P(SqliteBackupTest, BackupWhileAnotherThreadWritesIsConsistent) {
  CreateTables();
  std::atomic<bool> stop{false};
  std::atomic<int> batches{0};
  std::thread writer([&] {
    for (int batch = 0; !stop; ++batch) {
      if (InsertBatch(batch).ok()) ++batches;
    }
  });
  while (batches < 20) std::this_thread::yield();
  int rc = Backup();
  int written_before_stop = batches;
  stop = true;
  writer.join();
  ASSERT_EQ(rc, 0);

  std::ostringstream out, err;
  ASSERT_EQ(RunRestoreCommand(restore_dir(), "", archive().string(), out, err), 0) << err.str();
  auto restored = db::Database::Open({.url = "sqlite:" + (restore_dir() / "nyttig.db").string()});
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  std::string integrity;
  int rows = -1, tally = -2;
  ASSERT_TRUE((*restored)
                  ->Read([&](db::Tx& tx) {
                    tx.sql() << "PRAGMA integrity_check", soci::into(integrity);
                    tx.sql() << "SELECT COUNT(*) FROM backup_rows", soci::into(rows);
                    tx.sql() << "SELECT total FROM backup_tally", soci::into(tally);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(integrity, "ok");
  EXPECT_EQ(rows, tally);
  EXPECT_EQ(rows % kRowsPerTransaction, 0);
  EXPECT_GE(rows, 20 * kRowsPerTransaction);
  EXPECT_LE(rows, (written_before_stop + 1) * kRowsPerTransaction);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, SqliteBackupTest, ::testing::Values(Engine::kSqlite),
                         nyttig::testing::EngineName);

}  // namespace
}  // namespace nyttig::backup
