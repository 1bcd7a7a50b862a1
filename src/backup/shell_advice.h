// The pg_dump / pg_restore command lines that `nyttig backup` and
// `nyttig restore` print for PostgreSQL, whose database they leave to the
// PostgreSQL tools (a dump taken by the server's own tools is the one an
// operator can trust and restore across versions).
//
// Thread-safety: pure functions.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace nyttig::backup {

// `text` quoted for a POSIX shell ('it'\''s').
std::string ShellQuote(std::string_view text);

// Advice for `nyttig backup FILE` on PostgreSQL: run pg_dump (custom format)
// to FILE.pgdump first. `redacted_url` has its password removed; the advice
// says where the password goes instead. Ends with a newline.
std::string PgDumpAdvice(const std::string& redacted_url, const std::filesystem::path& archive);

// Advice for `nyttig restore FILE` on PostgreSQL: pg_restore FILE.pgdump.
std::string PgRestoreAdvice(const std::string& redacted_url, const std::filesystem::path& archive);

}  // namespace nyttig::backup
