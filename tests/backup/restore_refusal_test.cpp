// Every way `nyttig restore` must refuse an archive or a target, and that a
// refusal leaves the data folder as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <utility>
#include <vector>

#include "backup/backup.h"
#include "backup/manifest.h"
#include "backup/raw_tar.h"
#include "backup/tar.h"
#include "storage/file_store.h"
#include "support/test_database.h"

namespace nyttig::backup {
namespace {

namespace fs = std::filesystem;
using Entries = std::vector<std::pair<std::string, std::string>>;

constexpr std::string_view kAttachment = "bilaga: protokoll från nämndens sammanträde";

class RestoreRefusalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto test_db = nyttig::testing::TestDatabase::Create(nyttig::testing::Engine::kSqlite);
    ASSERT_TRUE(test_db.ok()) << test_db.status().ToString();
    test_db_ = std::move(test_db).value();
    ASSERT_TRUE(storage::OpenLocalFileStore(dir() / "data" / "files")->Put(kAttachment).ok());
    std::ostringstream out, err;
    ASSERT_EQ(
        RunBackupCommand(test_db_->db(), dir() / "data", (dir() / "good.tar").string(), out, err),
        0)
        << err.str();
    good_ = testing::ReadAll((dir() / "good.tar").string());
  }

  fs::path dir() const { return fs::path(tmp_.path()); }
  fs::path target() const { return dir() / "target"; }

  int Restore(const std::string& archive_bytes, const std::string& url = "") {
    testing::WriteAll((dir() / "candidate.tar").string(), archive_bytes);
    std::ostringstream out;
    err_.str("");
    int rc = RunRestoreCommand(target(), url, (dir() / "candidate.tar").string(), out, err_);
    if (rc != 0) {
      EXPECT_EQ(out.str(), "") << "no JSON summary after a refusal";
    }
    return rc;
  }

  void ExpectErr(const std::string& part) const {
    EXPECT_NE(err_.str().find(part), std::string::npos) << err_.str();
  }

  // The refused restore left nothing behind, not even the data folder.
  void ExpectUntouched() const {
    EXPECT_FALSE(fs::exists(target())) << "restore left " << target();
    EXPECT_FALSE(fs::exists(dir() / "x"));
  }

  Entries GoodEntries() const {
    std::istringstream in(good_);
    TarReader reader(in);
    Entries entries;
    for (auto e = reader.Next(); e.ok() && e->has_value(); e = reader.Next()) {
      std::string content;
      EXPECT_TRUE(reader
                      .ReadBody([&](std::string_view c) {
                        content.append(c);
                        return Status::Ok();
                      })
                      .ok());
      entries.emplace_back((*e)->name, content);
    }
    return entries;
  }

  // A well-formed archive of `entries`, with `raw` (hand-made entries our
  // writer would refuse) before the end marker.
  static std::string Pack(const Entries& entries, const std::string& raw = "") {
    std::string bytes;
    TarWriter tar([&](std::string_view b) {
      bytes.append(b);
      return Status::Ok();
    });
    for (const auto& [name, content] : entries) EXPECT_TRUE(tar.AddFile(name, content, 0).ok());
    return bytes + raw + testing::EndMarker();
  }

  std::string WithManifest(const std::function<void(std::string&)>& edit) const {
    Entries entries = GoodEntries();
    edit(entries.back().second);
    return Pack(entries);
  }

  nyttig::testing::TempDir tmp_;
  std::unique_ptr<nyttig::testing::TestDatabase> test_db_;
  std::string good_;
  std::ostringstream err_;
};

TEST_F(RestoreRefusalTest, TheUntamperedArchiveRestores) {
  ASSERT_EQ(Restore(good_), 0) << err_.str();
  EXPECT_TRUE(fs::exists(target() / "nyttig.db"));
}

TEST_F(RestoreRefusalTest, RefusesANonEmptyDataFolder) {
  fs::create_directories(target());
  testing::WriteAll((target() / "keep.txt").string(), "mine");
  EXPECT_EQ(Restore(good_), 1);
  ExpectErr("not empty");
  EXPECT_EQ(std::distance(fs::directory_iterator(target()), fs::directory_iterator()), 1);
}

TEST_F(RestoreRefusalTest, RefusesToOverwriteAnExistingDatabase) {
  testing::WriteAll((dir() / "elsewhere.db").string(), "precious");
  EXPECT_EQ(Restore(good_, "sqlite:" + (dir() / "elsewhere.db").string()), 1);
  ExpectErr("already exists");
  EXPECT_EQ(testing::ReadAll((dir() / "elsewhere.db").string()), "precious");
  ExpectUntouched();
}

TEST_F(RestoreRefusalTest, RefusesATruncatedArchive) {
  std::size_t after_manifest = good_.find_last_not_of('\0') + 1;
  for (std::size_t cut : {std::size_t{0}, std::size_t{100}, std::size_t{700}, good_.size() / 3,
                          good_.size() / 2, after_manifest}) {
    EXPECT_EQ(Restore(good_.substr(0, cut)), 1) << cut;
    ExpectErr("truncated");
    ExpectUntouched();
  }
}

TEST_F(RestoreRefusalTest, RefusesAFlippedByteInAStoredFile) {
  std::string bad = good_;
  bad[bad.find(kAttachment) + 3] ^= 0x20;
  EXPECT_EQ(Restore(bad), 1);
  ExpectErr("does not match its hash");
  ExpectUntouched();
}

TEST_F(RestoreRefusalTest, RefusesAFlippedByteInTheDatabase) {
  std::string bad = good_;
  bad[512 + 2000] ^= 0x01;  // database.sqlite is the first entry
  EXPECT_EQ(Restore(bad), 1);
  ExpectErr("mismatch for database.sqlite");
  ExpectUntouched();
}

TEST_F(RestoreRefusalTest, RefusesABadManifest) {
  EXPECT_EQ(Restore(WithManifest([](std::string& m) { m = "{\"format\": "; })), 1);
  ExpectErr("manifest");
  ExpectUntouched();
}

TEST_F(RestoreRefusalTest, RefusesAnArchiveWithoutManifest) {
  Entries entries = GoodEntries();
  entries.pop_back();
  EXPECT_EQ(Restore(Pack(entries)), 1);
  ExpectErr("no manifest.json");
  ExpectUntouched();
}

TEST_F(RestoreRefusalTest, RefusesEntriesTheManifestDoesNotList) {
  Entries entries = GoodEntries();
  std::string extra = "smuggled";
  storage::StoredFile f{storage::OpenLocalFileStore(dir() / "scratch")->Put(extra).value()};
  entries.insert(entries.begin(), {FileEntryName(f.sha256), extra});
  EXPECT_EQ(Restore(Pack(entries)), 1);
  ExpectErr("does not list");
  ExpectUntouched();
}

TEST_F(RestoreRefusalTest, RefusesTraversalAndAbsoluteEntries) {
  for (std::string name : {"../x", "../../x", "files/../../x", "/tmp/x"}) {
    EXPECT_EQ(Restore(Pack(GoodEntries(), testing::RawEntry(name, "evil"))), 1) << name;
    ExpectErr("unsafe entry name");
    ExpectUntouched();
  }
  EXPECT_EQ(Restore(Pack({{"notes/x", "unexpected"}})), 1);
  ExpectErr("unexpected entry");
}

TEST_F(RestoreRefusalTest, RefusesLinks) {
  EXPECT_EQ(Restore(Pack(GoodEntries(), testing::RawEntry("files/link", "", '2'))), 1);
  ExpectErr("only regular files and folders");
  ExpectUntouched();
}

TEST_F(RestoreRefusalTest, RefusesASqliteBackupForPostgres) {
  EXPECT_EQ(Restore(good_, "postgresql://nyttig:secret@localhost:1/nyttig"), 1);
  ExpectErr("names PostgreSQL");
  EXPECT_EQ(err_.str().find("secret"), std::string::npos);
  ExpectUntouched();
}

TEST_F(RestoreRefusalTest, RefusesABackupFromANewerSchema) {
  std::string archive = WithManifest([](std::string& m) {
    std::size_t at = m.find("\"schema_version\": ");
    m.replace(at, m.find(',', at) - at, "\"schema_version\": 9999");
  });
  EXPECT_EQ(Restore(archive), 1);
  ExpectErr("newer than this Nyttig knows");
  ExpectUntouched();
}

TEST_F(RestoreRefusalTest, RefusesAMissingBackupFile) {
  std::ostringstream out;
  EXPECT_EQ(RunRestoreCommand(target(), "", (dir() / "nope.tar").string(), out, err_), 1);
  ExpectErr("no backup file");
  ExpectUntouched();
}

}  // namespace
}  // namespace nyttig::backup
