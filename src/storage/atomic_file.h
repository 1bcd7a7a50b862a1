// AtomicFileWriter: writes a file so that it appears at its final path
// whole or not at all, even across a crash (temp file in a folder on the same
// file system, fsync, rename, fsync of the folder).
//
//   ASSIGN_OR_RETURN(auto w, AtomicFileWriter::Create(dir / ".incoming"));
//   RETURN_IF_ERROR(w->Write(bytes));
//   RETURN_IF_ERROR(w->Commit(dir / "final"));
//
// The temp folder must be on the same file system as the target (rename(2)
// is only atomic there); a writer that is destroyed without Commit removes
// its temp file. Thread-safety: one writer per thread; writers never share
// temp files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string_view>

#include "core/status.h"

namespace nyttig::storage {

class AtomicFileWriter {
 public:
  // Creates a fresh temp file in `temp_dir`, creating the folder if needed.
  // kUnavailable when the file system refuses.
  static StatusOr<std::unique_ptr<AtomicFileWriter>> Create(const std::filesystem::path &temp_dir);

  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter &) = delete;
  AtomicFileWriter &operator=(const AtomicFileWriter &) = delete;

  // Appends `bytes`. kUnavailable on a write error (e.g. disk full).
  Status Write(std::string_view bytes);

  // Flushes to disk and renames onto `target` (replacing a file there),
  // creating its folder if needed. The writer is spent afterwards.
  Status Commit(const std::filesystem::path &target);

  std::uint64_t bytes_written() const { return bytes_written_; }

 private:
  AtomicFileWriter(int fd, std::filesystem::path temp_path)
      : fd_(fd), temp_path_(std::move(temp_path)) {}
  void Discard();

  int fd_ = -1;
  std::filesystem::path temp_path_;
  std::uint64_t bytes_written_ = 0;
};

// fsyncs the folder `dir`, which makes a rename or create inside it durable.
Status FsyncDirectory(const std::filesystem::path &dir);

// Creates `dir` and its parents and fsyncs each created folder's parent, so
// that a later rename into `dir` survives a crash.
Status CreateDirectoriesDurably(const std::filesystem::path &dir);

// Streams the file at `path` to `sink` in chunks of at most 64 KiB.
// kNotFound when it does not exist; the sink's first error stops it.
Status ReadFileChunks(const std::filesystem::path &path,
                      const std::function<Status(std::string_view chunk)> &sink);

}  // namespace nyttig::storage
