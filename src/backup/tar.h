// A small POSIX ustar (pax "ustar" interchange format, IEEE 1003.1) writer
// and reader: the container of `nyttig backup`, so that operators can
// inspect a backup with `tar tf` and unpack it by hand in an emergency.
//
//   TarWriter tar([&](std::string_view bytes) { return out->Write(bytes); });
//   RETURN_IF_ERROR(tar.AddFile("manifest.json", json, now));
//   RETURN_IF_ERROR(tar.Finish());
//
//   TarReader reader(in);
//   while (true) {
//     ASSIGN_OR_RETURN(std::optional<TarEntry> entry, reader.Next());
//     if (!entry) break;
//     RETURN_IF_ERROR(reader.ReadBody(sink));
//   }
//
// Only regular files and folders are written or read. Names up to 255 bytes
// use the ustar prefix field; longer ones are refused, never truncated.
// Sizes of 8 GiB and more use the base-256 size encoding that GNU tar and
// bsdtar read. The reader refuses anything a backup of ours never holds:
// links, devices, pax or GNU extension headers, absolute names, ".." or "."
// components, bad checksums, and an archive that ends before its end marker.
//
// Thread-safety: one writer or reader per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"

namespace nyttig::backup {

inline constexpr std::size_t kTarBlockBytes = 512;
inline constexpr std::size_t kTarMaxNameBytes = 255;  // prefix (155) + '/' + name (100)

struct TarEntry {
  std::string name;
  std::uint64_t size = 0;  // bytes; 0 for a folder
  bool is_directory = false;
  UnixSeconds mtime = 0;
};

using ByteSink = std::function<Status(std::string_view bytes)>;

// True when `name` is relative, has no empty, "." or ".." component, no NUL
// or backslash, and fits ustar: a name that cannot leave the folder it is
// unpacked into.
bool IsSafeArchiveName(std::string_view name);

class TarWriter {
 public:
  // Archive bytes go to `sink` in order; the writer keeps no file.
  explicit TarWriter(ByteSink sink) : sink_(std::move(sink)) {}

  // Adds a regular file with `bytes` as content. kInvalidArgument for a name
  // that is unsafe or too long for ustar.
  Status AddFile(const std::string& name, std::string_view bytes, UnixSeconds mtime);

  // Streams a regular file of exactly `size` bytes: BeginFile, WriteBody any
  // number of times, EndFile. EndFile fails with kFailedPrecondition when the
  // bodies did not add up to `size` (the source changed meanwhile).
  Status BeginFile(const std::string& name, std::uint64_t size, UnixSeconds mtime);
  Status WriteBody(std::string_view chunk);
  Status EndFile();

  // Writes the end-of-archive marker and pads to a whole 10240-byte record.
  Status Finish();

  std::uint64_t bytes_written() const { return bytes_written_; }

 private:
  Status Emit(std::string_view bytes);

  ByteSink sink_;
  std::uint64_t bytes_written_ = 0;
  std::optional<std::uint64_t> body_left_;  // set between BeginFile and EndFile
  std::uint64_t body_size_ = 0;
};

class TarReader {
 public:
  explicit TarReader(std::istream& in) : in_(in) {}

  // The next entry's header (skipping any unread body of the previous one),
  // or nullopt at the end-of-archive marker. kInvalidArgument for a damaged,
  // truncated or unsupported archive; the message names the entry.
  StatusOr<std::optional<TarEntry>> Next();

  // Streams the current entry's content to `sink`. kInvalidArgument when the
  // archive ends inside it.
  Status ReadBody(const ByteSink& sink);

 private:
  // Reads exactly `bytes` bytes into `sink`; kInvalidArgument when the archive ends first.
  Status ReadExactly(std::uint64_t bytes, const ByteSink& sink);

  std::istream& in_;
  std::uint64_t body_left_ = 0;  // unread content of the current entry
  std::uint64_t padding_ = 0;    // zero bytes after it up to the block boundary
  std::string current_name_;
};

}  // namespace nyttig::backup
