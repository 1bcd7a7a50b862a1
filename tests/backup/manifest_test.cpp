#include "backup/manifest.h"

#include <gtest/gtest.h>

#include "storage/sha256.h"

namespace nyttig::backup {
namespace {

BackupManifest Sample() {
  std::string hash = storage::Sha256Hex("file");
  BackupManifest m;
  m.created_at = "2026-11-28T14:03:00Z";
  m.nyttig_version = "0.1.0";
  m.schema_version = 3;
  m.database_included = true;
  m.file_count = 1;
  m.entries = {{"database.sqlite", 4096, storage::Sha256Hex("db")}, {FileEntryName(hash), 4, hash}};
  return m;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(BackupManifestTest, RoundTripsThroughJson) {
  EXPECT_EQ(ParseManifest(ManifestToJson(Sample())).value(), Sample());
}

TEST(BackupManifestTest, PlacesFilesLikeTheLocalStore) {
  std::string hash = storage::Sha256Hex("x");
  EXPECT_EQ(FileEntryName(hash),
            "files/" + hash.substr(0, 2) + "/" + hash.substr(2, 2) + "/" + hash);
  EXPECT_TRUE(IsFileEntryName(FileEntryName(hash)));
  EXPECT_FALSE(IsFileEntryName("files/00/00/" + hash));
  EXPECT_FALSE(IsFileEntryName("files/../" + hash));
  EXPECT_FALSE(IsFileEntryName(hash));
}

TEST(BackupManifestTest, RefusesMalformedJsonAndMissingMembers) {
  EXPECT_EQ(ParseManifest("{not json").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseManifest("{}").status().code(), StatusCode::kInvalidArgument);
  std::string json = ManifestToJson(Sample());
  EXPECT_EQ(ParseManifest(Replace(json, "\"schema_version\": 3", "\"schema_version\": \"3\""))
                .status()
                .code(),
            StatusCode::kInvalidArgument);
}

TEST(BackupManifestTest, RefusesANewerFormatVersion) {
  std::string json =
      Replace(ManifestToJson(Sample()), "\"format_version\": 1", "\"format_version\": 2");
  StatusOr<BackupManifest> m = ParseManifest(json);
  EXPECT_EQ(m.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(m.status().message().find("format version 2"), std::string::npos);
}

TEST(BackupManifestTest, RefusesUnsafePathsAndBadChecksums) {
  std::string json = ManifestToJson(Sample());
  EXPECT_FALSE(ParseManifest(Replace(json, "\"database.sqlite\"", "\"../database.sqlite\"")).ok());
  EXPECT_FALSE(ParseManifest(Replace(json, "\"database.sqlite\"", "\"/database.sqlite\"")).ok());
  EXPECT_FALSE(ParseManifest(Replace(json, storage::Sha256Hex("db"), "abc")).ok());
}

TEST(BackupManifestTest, RefusesCountsThatDisagreeWithTheEntries) {
  std::string json = ManifestToJson(Sample());
  EXPECT_FALSE(ParseManifest(Replace(json, "\"file_count\": 1", "\"file_count\": 2")).ok());
  EXPECT_FALSE(ParseManifest(Replace(json, "\"included\"", "\"pg_dump advised\"")).ok());
}

}  // namespace
}  // namespace nyttig::backup
