#include "backup/manifest.h"

#include <nlohmann/json.hpp>

#include "backup/tar.h"
#include "storage/sha256.h"

namespace nyttig::backup {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;  // keeps "format" first for people reading the manifest

constexpr std::string_view kFormatName = "nyttig-backup";
constexpr std::string_view kDatabaseIncluded = "included";
constexpr std::string_view kDatabaseAdvised = "pg_dump advised";

std::string DialectName(db::Dialect dialect) {
  return dialect == db::Dialect::kSqlite ? "sqlite" : "postgresql";
}

StatusOr<db::Dialect> ParseDialect(const std::string& name) {
  if (name == "sqlite") return db::Dialect::kSqlite;
  if (name == "postgresql") return db::Dialect::kPostgres;
  return InvalidArgumentError("manifest: unknown dialect \"" + name + "\"");
}

StatusOr<ManifestEntry> ParseEntry(const json& item) {
  ManifestEntry entry{item.at("path").get<std::string>(), item.at("size").get<std::uint64_t>(),
                      item.at("sha256").get<std::string>()};
  if (!IsSafeArchiveName(entry.path) || entry.path == kManifestName) {
    return InvalidArgumentError("manifest: unsafe entry path \"" + entry.path + "\"");
  }
  if (!storage::IsSha256Hex(entry.sha256)) {
    return InvalidArgumentError("manifest: malformed sha256 for \"" + entry.path + "\"");
  }
  return entry;
}

// Fills `manifest` from `doc`; nlohmann throws on a missing or mistyped
// member, which the caller turns into kInvalidArgument.
Status FromJson(const json& doc, BackupManifest& manifest) {
  if (doc.at("format").get<std::string>() != kFormatName) {
    return InvalidArgumentError("manifest: not a Nyttig backup");
  }
  manifest.format_version = doc.at("format_version").get<int>();
  if (manifest.format_version < 1 || manifest.format_version > kBackupFormatVersion) {
    return InvalidArgumentError(
        "manifest: format version " + std::to_string(manifest.format_version) +
        " is not supported by this Nyttig (up to " + std::to_string(kBackupFormatVersion) + ")");
  }
  manifest.created_at = doc.at("created_at").get<std::string>();
  manifest.nyttig_version = doc.at("nyttig_version").get<std::string>();
  ASSIGN_OR_RETURN(manifest.dialect, ParseDialect(doc.at("dialect").get<std::string>()));
  manifest.schema_version = doc.at("schema_version").get<int>();
  manifest.database_included = doc.at("database").get<std::string>() == kDatabaseIncluded;
  manifest.database_advice = doc.value("database_advice", "");
  manifest.file_count = doc.at("file_count").get<std::uint64_t>();
  for (const json& item : doc.at("entries")) {
    ASSIGN_OR_RETURN(ManifestEntry entry, ParseEntry(item));
    manifest.entries.push_back(std::move(entry));
  }
  return Status::Ok();
}

Status CheckCounts(const BackupManifest& manifest) {
  std::uint64_t files = 0;
  bool has_database = false;
  for (const ManifestEntry& entry : manifest.entries) {
    if (entry.path.starts_with(kFilesPrefix)) ++files;
    if (entry.path == kDatabaseEntryName) has_database = true;
  }
  if (files != manifest.file_count) {
    return InvalidArgumentError("manifest: file_count " + std::to_string(manifest.file_count) +
                                " but " + std::to_string(files) + " file entries");
  }
  if (has_database != manifest.database_included) {
    return InvalidArgumentError("manifest: \"database\" disagrees with the entries");
  }
  return Status::Ok();
}

}  // namespace

std::string FileEntryName(std::string_view sha256) {
  return std::string(kFilesPrefix) + std::string(sha256.substr(0, 2)) + "/" +
         std::string(sha256.substr(2, 2)) + "/" + std::string(sha256);
}

bool IsFileEntryName(std::string_view name) {
  std::size_t last_slash = name.rfind('/');
  if (last_slash == std::string_view::npos) return false;
  std::string_view hash = name.substr(last_slash + 1);
  return storage::IsSha256Hex(hash) && name == FileEntryName(hash);
}

std::string ManifestToJson(const BackupManifest& manifest) {
  ordered_json entries = ordered_json::array();
  for (const ManifestEntry& entry : manifest.entries) {
    entries.push_back({{"path", entry.path}, {"size", entry.size}, {"sha256", entry.sha256}});
  }
  ordered_json doc = {
      {"format", kFormatName},
      {"format_version", manifest.format_version},
      {"created_at", manifest.created_at},
      {"nyttig_version", manifest.nyttig_version},
      {"dialect", DialectName(manifest.dialect)},
      {"schema_version", manifest.schema_version},
      {"database", manifest.database_included ? kDatabaseIncluded : kDatabaseAdvised},
      {"database_advice", manifest.database_advice},
      {"file_count", manifest.file_count},
      {"entries", std::move(entries)},
  };
  return doc.dump(2) + "\n";
}

StatusOr<BackupManifest> ParseManifest(std::string_view text) {
  BackupManifest manifest;
  try {
    json doc = json::parse(text);
    RETURN_IF_ERROR(FromJson(doc, manifest));
  } catch (const json::exception& e) {
    return InvalidArgumentError(std::string("manifest: ") + e.what());
  }
  RETURN_IF_ERROR(CheckCounts(manifest));
  return manifest;
}

}  // namespace nyttig::backup
