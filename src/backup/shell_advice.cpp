#include "backup/shell_advice.h"

namespace nyttig::backup {
namespace {

std::string DumpPath(const std::filesystem::path& archive) { return archive.string() + ".pgdump"; }

constexpr std::string_view kPasswordNote =
    "  (the URL is shown without its password: give it through ~/.pgpass or PGPASSWORD, "
    "not on the command line)\n";

}  // namespace

std::string ShellQuote(std::string_view text) {
  std::string quoted = "'";
  for (char c : text) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

std::string PgDumpAdvice(const std::string& redacted_url, const std::filesystem::path& archive) {
  // Files are immutable under their hash, so a dump taken before the file
  // archive never names a file that the archive lacks.
  return "nyttig backup: the PostgreSQL database is not in " + archive.string() +
         "; dump it with pg_dump BEFORE the file backup, so that every file the dump names is "
         "in the archive:\n  pg_dump --format=custom --no-owner --file=" +
         ShellQuote(DumpPath(archive)) + " " + ShellQuote(redacted_url) + "\n" +
         std::string(kPasswordNote);
}

std::string PgRestoreAdvice(const std::string& redacted_url, const std::filesystem::path& archive) {
  return "nyttig restore: the PostgreSQL database is not in " + archive.string() +
         "; restore its dump into the empty database with:\n  pg_restore --no-owner "
         "--exit-on-error --dbname=" +
         ShellQuote(redacted_url) + " " + ShellQuote(DumpPath(archive)) +
         "\n  then run `nyttig migrate`.\n" + std::string(kPasswordNote);
}

}  // namespace nyttig::backup
