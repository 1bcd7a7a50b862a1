// FileStore: uploaded files, stored by content address (the SHA-256 of their
// bytes), behind one small interface so that a shared volume or an object
// store can replace the local folder when several instances run.
//
//   std::unique_ptr<FileStore> store = OpenLocalFileStore(data_dir / "files");
//   ASSIGN_OR_RETURN(StoredFile f, store->Put(upload_bytes));
//   // keep f.sha256 in the module's own row; later:
//   ASSIGN_OR_RETURN(std::string bytes, store->Get(f.sha256));
//
// The local store keeps a file at ROOT/ab/cd/<sha256 hex> (the first two
// pairs of hex digits spread files over 65536 folders). Writes are atomic:
// bytes go to a temp file under ROOT/.incoming/, are fsynced, and are renamed
// into place, so a crash never leaves a half file under its hash.
//
// Every method that takes a hash rejects anything but 64 lower-case hex
// digits with kInvalidArgument: a hash can never name a path outside ROOT.
//
// Thread-safety: a FileStore is safe to share between threads (and between
// processes on the same folder): concurrent Puts of the same bytes produce
// one file, and a reader sees either no file or the whole file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace nyttig::storage {

struct StoredFile {
  std::string sha256;      // 64 lower-case hex digits
  std::uint64_t size = 0;  // bytes
  bool operator==(const StoredFile &) const = default;
};

class FileStore {
 public:
  virtual ~FileStore() = default;

  // Stores `bytes`; storing the same bytes again changes nothing and returns
  // the same StoredFile. Fails with kUnavailable when the disk refuses.
  virtual StatusOr<StoredFile> Put(std::string_view bytes) = 0;

  // Like Put, for the contents of the file at `source`, read in chunks so
  // that big files never sit in memory. kNotFound when `source` is missing.
  virtual StatusOr<StoredFile> PutFile(const std::filesystem::path &source) = 0;

  // The bytes stored under `sha256`. kNotFound when there are none;
  // kInvalidArgument for a malformed hash; kInternal when verification on
  // read is on and the bytes no longer match their hash.
  virtual StatusOr<std::string> Get(std::string_view sha256) const = 0;

  // Streams the bytes stored under `sha256` to `sink` in chunks (for backups
  // and downloads of big files); stops at and returns the sink's first
  // error. Fails like Get.
  virtual Status Read(std::string_view sha256,
                      const std::function<Status(std::string_view chunk)> &sink) const = 0;

  // True when bytes are stored under `sha256` (false for a malformed hash).
  virtual bool Exists(std::string_view sha256) const = 0;

  // Deletes the bytes stored under `sha256` (retention rules). kNotFound
  // when there are none; kInvalidArgument for a malformed hash.
  virtual Status Remove(std::string_view sha256) = 0;

  // Calls `fn` for every stored file, in ascending hash order; stops at and
  // returns the first error `fn` returns.
  virtual Status ForEach(const std::function<Status(const StoredFile &)> &fn) const = 0;
};

struct LocalFileStoreOptions {
  // Re-hash on every Get/Read and fail with kInternal on a mismatch: catches
  // bit rot and tampering at the cost of hashing each read (~1 GB/s).
  bool verify_on_read = false;
};

// A FileStore over the folder `root`, created on the first Put. Opening
// never fails; errors surface on use.
std::unique_ptr<FileStore> OpenLocalFileStore(std::filesystem::path root,
                                              LocalFileStoreOptions options = {});

}  // namespace nyttig::storage
