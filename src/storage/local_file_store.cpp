// The local FileStore: ROOT/ab/cd/<sha256>, temp files in ROOT/.incoming.
#include <algorithm>
#include <system_error>
#include <utility>
#include <vector>

#include "storage/atomic_file.h"
#include "storage/file_store.h"
#include "storage/sha256.h"

namespace nyttig::storage {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kIncomingDir = ".incoming";

bool IsHexPair(const std::string &name) {
  return name.size() == 2 && IsSha256Hex(name + std::string(kSha256HexLength - 2, '0'));
}

Status CheckHash(std::string_view sha256) {
  if (IsSha256Hex(sha256)) return Status::Ok();
  return InvalidArgumentError("not a SHA-256 hex digest: \"" +
                              std::string(sha256.substr(0, kSha256HexLength + 1)) + "\"");
}

// Names in `dir` that `keep` accepts, sorted, so that ForEach walks the store
// in hash order without holding every name of a big store in memory.
std::vector<std::string> SortedNames(const fs::path &dir, bool (*keep)(const std::string &)) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (keep(name)) names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  return names;
}

class LocalFileStore final : public FileStore {
 public:
  LocalFileStore(fs::path root, LocalFileStoreOptions options)
      : root_(std::move(root)), options_(options) {}

  StatusOr<StoredFile> Put(std::string_view bytes) override {
    StoredFile file{Sha256Hex(bytes), bytes.size()};
    if (Exists(file.sha256)) return file;  // idempotent: the same bytes are already there
    ASSIGN_OR_RETURN(auto writer, AtomicFileWriter::Create(root_ / kIncomingDir));
    RETURN_IF_ERROR(writer->Write(bytes));
    RETURN_IF_ERROR(writer->Commit(PathFor(file.sha256)));
    return file;
  }

  StatusOr<StoredFile> PutFile(const fs::path &source) override {
    ASSIGN_OR_RETURN(auto writer, AtomicFileWriter::Create(root_ / kIncomingDir));
    Sha256Hasher hasher;
    RETURN_IF_ERROR(ReadFileChunks(source, [&](std::string_view chunk) {
      hasher.Update(chunk);
      return writer->Write(chunk);
    }));
    StoredFile file{hasher.FinishHex(), writer->bytes_written()};
    // The hash is known only after reading, so the copy is made first; an
    // uncommitted writer removes it again.
    if (Exists(file.sha256)) return file;
    RETURN_IF_ERROR(writer->Commit(PathFor(file.sha256)));
    return file;
  }

  StatusOr<std::string> Get(std::string_view sha256) const override {
    std::string bytes;
    RETURN_IF_ERROR(Read(sha256, [&](std::string_view chunk) {
      bytes.append(chunk);
      return Status::Ok();
    }));
    return bytes;
  }

  Status Read(std::string_view sha256,
              const std::function<Status(std::string_view chunk)> &sink) const override {
    RETURN_IF_ERROR(CheckHash(sha256));
    Sha256Hasher hasher;
    Status read = ReadFileChunks(PathFor(sha256), [&](std::string_view chunk) {
      if (options_.verify_on_read) hasher.Update(chunk);
      return sink(chunk);
    });
    if (read.code() == StatusCode::kNotFound) {
      return NotFoundError("no stored file " + std::string(sha256));
    }
    RETURN_IF_ERROR(read);
    if (options_.verify_on_read && hasher.FinishHex() != sha256) {
      return InternalError("stored file " + std::string(sha256) +
                           " is corrupt: its bytes no longer match");
    }
    return Status::Ok();
  }

  bool Exists(std::string_view sha256) const override {
    std::error_code ec;
    return IsSha256Hex(sha256) && fs::is_regular_file(PathFor(sha256), ec);
  }

  Status Remove(std::string_view sha256) override {
    RETURN_IF_ERROR(CheckHash(sha256));
    std::error_code ec;
    if (fs::remove(PathFor(sha256), ec)) return Status::Ok();
    if (ec)
      return UnavailableError("cannot remove stored file " + std::string(sha256) + ": " +
                              ec.message());
    return NotFoundError("no stored file " + std::string(sha256));
  }

  Status ForEach(const std::function<Status(const StoredFile &)> &fn) const override {
    for (const std::string &first : SortedNames(root_, IsHexPair)) {
      for (const std::string &second : SortedNames(root_ / first, IsHexPair)) {
        RETURN_IF_ERROR(ForEachIn(root_ / first / second, first + second, fn));
      }
    }
    return Status::Ok();
  }

 private:
  fs::path PathFor(std::string_view sha256) const {
    return root_ / std::string(sha256.substr(0, 2)) / std::string(sha256.substr(2, 2)) /
           std::string(sha256);
  }

  // Files of one leaf folder; a name that does not belong there (wrong
  // prefix, stray file) is no stored file and is skipped.
  static Status ForEachIn(const fs::path &dir, const std::string &prefix,
                          const std::function<Status(const StoredFile &)> &fn) {
    for (const std::string &name :
         SortedNames(dir, [](const std::string &n) { return IsSha256Hex(n); })) {
      if (name.compare(0, prefix.size(), prefix) != 0) continue;
      std::error_code ec;
      std::uint64_t size = fs::file_size(dir / name, ec);
      if (ec) continue;  // removed meanwhile by a retention rule
      RETURN_IF_ERROR(fn(StoredFile{name, size}));
    }
    return Status::Ok();
  }

  fs::path root_;
  LocalFileStoreOptions options_;
};

}  // namespace

std::unique_ptr<FileStore> OpenLocalFileStore(fs::path root, LocalFileStoreOptions options) {
  return std::make_unique<LocalFileStore>(std::move(root), options);
}

}  // namespace nyttig::storage
