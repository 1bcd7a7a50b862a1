#include "storage/atomic_file.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

namespace nyttig::storage {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kChunkBytes = 1 << 16;  // read buffer; large enough to amortise syscalls
constexpr mode_t kFileMode = 0640;            // uploads may hold personal data: no world read

Status Errno(std::string_view what, const fs::path &path) {
  return UnavailableError(std::string(what) + " " + path.string() + ": " + std::strerror(errno));
}

// 16 random hex digits, so that concurrent writers (threads or processes)
// never pick the same temp name.
std::string RandomSuffix() {
  std::array<unsigned char, 8> random{};
  randombytes_buf(random.data(), random.size());
  std::string hex(random.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), random.data(), random.size());
  hex.pop_back();
  return hex;
}

}  // namespace

StatusOr<std::unique_ptr<AtomicFileWriter>> AtomicFileWriter::Create(const fs::path &temp_dir) {
  if (sodium_init() < 0) return InternalError("libsodium cannot be initialised");
  RETURN_IF_ERROR(CreateDirectoriesDurably(temp_dir));
  fs::path temp_path = temp_dir / (".tmp-" + RandomSuffix());
  int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kFileMode);
  if (fd < 0) return Errno("cannot create", temp_path);
  return std::unique_ptr<AtomicFileWriter>(new AtomicFileWriter(fd, std::move(temp_path)));
}

AtomicFileWriter::~AtomicFileWriter() { Discard(); }

void AtomicFileWriter::Discard() {
  if (fd_ < 0) return;
  ::close(fd_);
  fd_ = -1;
  ::unlink(temp_path_.c_str());
}

Status AtomicFileWriter::Write(std::string_view bytes) {
  if (fd_ < 0) return FailedPreconditionError("write after commit");
  while (!bytes.empty()) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Errno("cannot write", temp_path_);
    bytes.remove_prefix(static_cast<std::size_t>(n));
    bytes_written_ += static_cast<std::uint64_t>(n);
  }
  return Status::Ok();
}

Status AtomicFileWriter::Commit(const fs::path &target) {
  if (fd_ < 0) return FailedPreconditionError("commit twice");
  if (::fsync(fd_) != 0) return Errno("cannot fsync", temp_path_);
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    ::unlink(temp_path_.c_str());
    return Errno("cannot close", temp_path_);
  }
  Status dirs = CreateDirectoriesDurably(target.parent_path());
  if (dirs.ok() && ::rename(temp_path_.c_str(), target.c_str()) != 0) {
    dirs = Errno("cannot rename onto", target);
  }
  if (!dirs.ok()) {
    ::unlink(temp_path_.c_str());
    return dirs;
  }
  return FsyncDirectory(target.parent_path());
}

Status FsyncDirectory(const fs::path &dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Errno("cannot open folder", dir);
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Errno("cannot fsync folder", dir);
  return Status::Ok();
}

Status CreateDirectoriesDurably(const fs::path &dir) {
  if (dir.empty()) return Status::Ok();
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return Status::Ok();
  RETURN_IF_ERROR(CreateDirectoriesDurably(dir.parent_path()));
  if (!fs::create_directory(dir, ec) && ec) {
    return UnavailableError("cannot create folder " + dir.string() + ": " + ec.message());
  }
  return dir.has_parent_path() ? FsyncDirectory(dir.parent_path()) : Status::Ok();
}

Status ReadFileChunks(const fs::path &path,
                      const std::function<Status(std::string_view chunk)> &sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return NotFoundError("no file " + path.string());
    return Errno("cannot open", path);
  }
  std::string buffer(kChunkBytes, '\0');
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    std::streamsize got = in.gcount();
    if (got > 0)
      RETURN_IF_ERROR(sink(std::string_view(buffer.data(), static_cast<std::size_t>(got))));
  }
  if (in.bad()) return Errno("cannot read", path);
  return Status::Ok();
}

}  // namespace nyttig::storage
