#include "backup/tar.h"

#include <algorithm>
#include <array>

namespace nyttig::backup {
namespace {

using Block = std::array<char, kTarBlockBytes>;

// Field offsets and widths of the ustar header (IEEE 1003.1, "ustar Interchange Format").
struct Field {
  std::size_t offset;
  std::size_t width;
};
constexpr Field kName{0, 100};
constexpr Field kMode{100, 8};
constexpr Field kUid{108, 8};
constexpr Field kGid{116, 8};
constexpr Field kSize{124, 12};
constexpr Field kMtime{136, 12};
constexpr Field kChecksum{148, 8};
constexpr std::size_t kTypeOffset = 156;
constexpr Field kMagic{257, 6};
constexpr Field kVersion{263, 2};
constexpr Field kUname{265, 32};
constexpr Field kGname{297, 32};
constexpr Field kPrefix{345, 155};

constexpr std::size_t kRecordBytes = 20 * kTarBlockBytes;  // the POSIX default blocking factor
constexpr std::size_t kChunkBytes = 1 << 16;
constexpr std::uint64_t kMode644 = 0644;
constexpr unsigned char kBase256Flag = 0x80;

std::uint64_t PaddingFor(std::uint64_t size) {
  return (kTarBlockBytes - size % kTarBlockBytes) % kTarBlockBytes;
}

void PutText(Block& block, Field field, std::string_view text) {
  std::copy_n(text.begin(), std::min(text.size(), field.width), block.begin() + field.offset);
}

// width-1 octal digits and a NUL, as every tar reads.
void PutOctal(Block& block, Field field, std::uint64_t value) {
  for (std::size_t i = field.width - 1; i-- > 0;) {
    block[field.offset + i] = static_cast<char>('0' + (value & 7));
    value >>= 3;
  }
  block[field.offset + field.width - 1] = '\0';
}

// Sizes that do not fit 11 octal digits (8 GiB and more) use GNU's base-256
// form: high bit of the first byte set, the value big-endian in the rest.
void PutSize(Block& block, std::uint64_t size) {
  constexpr std::uint64_t kOctalLimit = 1ULL << 33;
  if (size < kOctalLimit) return PutOctal(block, kSize, size);
  for (std::size_t i = 0; i < kSize.width; ++i) {
    std::size_t shift = 8 * (kSize.width - 1 - i);
    block[kSize.offset + i] = shift >= 64 ? '\0' : static_cast<char>((size >> shift) & 0xff);
  }
  block[kSize.offset] = static_cast<char>(block[kSize.offset] | kBase256Flag);
}

std::uint64_t ChecksumOf(const Block& block) {
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < block.size(); ++i) {
    bool in_field = i >= kChecksum.offset && i < kChecksum.offset + kChecksum.width;
    sum += in_field ? static_cast<unsigned char>(' ') : static_cast<unsigned char>(block[i]);
  }
  return sum;
}

// Splits a name longer than the name field at a '/' so that the part before
// fits the prefix field and the part after the name field.
StatusOr<std::pair<std::string, std::string>> SplitName(const std::string& name) {
  if (name.size() <= kName.width) return std::pair<std::string, std::string>{"", name};
  for (std::size_t slash = name.find('/'); slash != std::string::npos;
       slash = name.find('/', slash + 1)) {
    if (slash <= kPrefix.width && name.size() - slash - 1 <= kName.width) {
      return std::pair<std::string, std::string>{name.substr(0, slash), name.substr(slash + 1)};
    }
  }
  return InvalidArgumentError("tar: name \"" + name +
                              "\" does not fit ustar (at most 255 bytes, split at a '/' "
                              "into 155 + 100)");
}

StatusOr<Block> BuildHeader(const std::string& name, std::uint64_t size, UnixSeconds mtime) {
  if (!IsSafeArchiveName(name)) {
    return InvalidArgumentError("tar: unsafe or too long entry name \"" + name + "\"");
  }
  ASSIGN_OR_RETURN(auto parts, SplitName(name));
  Block block{};
  PutText(block, kName, parts.second);
  PutText(block, kPrefix, parts.first);
  PutOctal(block, kMode, kMode644);
  PutOctal(block, kUid, 0);
  PutOctal(block, kGid, 0);
  PutSize(block, size);
  PutOctal(block, kMtime, static_cast<std::uint64_t>(std::max<UnixSeconds>(mtime, 0)));
  block[kTypeOffset] = '0';
  PutText(block, kMagic, std::string_view("ustar\0", 6));
  PutText(block, kVersion, "00");
  PutText(block, kUname, "nyttig");
  PutText(block, kGname, "nyttig");
  // Six octal digits, NUL, space: the historical layout every reader accepts.
  PutOctal(block, Field{kChecksum.offset, 7}, ChecksumOf(block));
  block[kChecksum.offset + 7] = ' ';
  return block;
}

std::string FieldText(const Block& block, Field field) {
  std::string_view raw(block.data() + field.offset, field.width);
  return std::string(raw.substr(0, raw.find('\0')));
}

StatusOr<std::uint64_t> ParseNumber(const Block& block, Field field, const std::string& what) {
  auto first = static_cast<unsigned char>(block[field.offset]);
  std::uint64_t value = 0;
  if (first & kBase256Flag) {
    for (std::size_t i = 0; i < field.width; ++i) {
      auto byte = static_cast<unsigned char>(block[field.offset + i]);
      if (i == 0) byte &= static_cast<unsigned char>(~kBase256Flag);
      if (value >> 56) return InvalidArgumentError("tar: " + what + " is too large");
      value = (value << 8) | byte;
    }
    return value;
  }
  std::string text = FieldText(block, field);
  std::size_t start = text.find_first_not_of(' ');
  std::size_t end = text.find_last_not_of(' ');
  if (start == std::string::npos) return std::uint64_t{0};
  for (char c : text.substr(start, end - start + 1)) {
    if (c < '0' || c > '7') return InvalidArgumentError("tar: " + what + " is not a number");
    value = value * 8 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

bool IsZeroBlock(const Block& block) {
  return std::all_of(block.begin(), block.end(), [](char c) { return c == '\0'; });
}

// The entry a header block describes; refuses what a backup never holds.
StatusOr<TarEntry> ParseHeader(const Block& block) {
  std::string name = FieldText(block, kName);
  std::string prefix = FieldText(block, kPrefix);
  if (!prefix.empty()) name = prefix + "/" + name;
  ASSIGN_OR_RETURN(std::uint64_t stored_sum, ParseNumber(block, kChecksum, "checksum"));
  if (stored_sum != ChecksumOf(block)) {
    return InvalidArgumentError("tar: header checksum mismatch at \"" + name + "\"");
  }
  if (FieldText(block, Field{kMagic.offset, 5}) != "ustar") {
    return InvalidArgumentError("tar: not a ustar archive (entry \"" + name + "\")");
  }
  char type = block[kTypeOffset];
  if (type != '0' && type != '\0' && type != '5') {
    return InvalidArgumentError("tar: entry \"" + name + "\" has type '" + std::string(1, type) +
                                "'; only regular files and folders are accepted");
  }
  TarEntry entry;
  entry.is_directory = type == '5';
  if (entry.is_directory && name.ends_with('/')) name.pop_back();
  if (!IsSafeArchiveName(name)) {
    return InvalidArgumentError("tar: unsafe entry name \"" + name + "\"");
  }
  entry.name = std::move(name);
  ASSIGN_OR_RETURN(entry.size, ParseNumber(block, kSize, "size of \"" + entry.name + "\""));
  ASSIGN_OR_RETURN(std::uint64_t mtime, ParseNumber(block, kMtime, "mtime"));
  entry.mtime = static_cast<UnixSeconds>(mtime);
  if (entry.is_directory) entry.size = 0;
  return entry;
}

}  // namespace

bool IsSafeArchiveName(std::string_view name) {
  if (name.empty() || name.size() > kTarMaxNameBytes || name.front() == '/') return false;
  if (name.find('\0') != std::string_view::npos || name.find('\\') != std::string_view::npos) {
    return false;
  }
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = std::min(name.find('/', start), name.size());
    std::string_view part = name.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

Status TarWriter::Emit(std::string_view bytes) {
  RETURN_IF_ERROR(sink_(bytes));
  bytes_written_ += bytes.size();
  return Status::Ok();
}

Status TarWriter::AddFile(const std::string& name, std::string_view bytes, UnixSeconds mtime) {
  RETURN_IF_ERROR(BeginFile(name, bytes.size(), mtime));
  RETURN_IF_ERROR(WriteBody(bytes));
  return EndFile();
}

Status TarWriter::BeginFile(const std::string& name, std::uint64_t size, UnixSeconds mtime) {
  if (body_left_) return FailedPreconditionError("tar: BeginFile inside an unfinished entry");
  ASSIGN_OR_RETURN(Block header, BuildHeader(name, size, mtime));
  RETURN_IF_ERROR(Emit(std::string_view(header.data(), header.size())));
  body_left_ = size;
  body_size_ = size;
  return Status::Ok();
}

Status TarWriter::WriteBody(std::string_view chunk) {
  if (!body_left_ || chunk.size() > *body_left_) {
    return FailedPreconditionError("tar: entry content is longer than its declared size");
  }
  *body_left_ -= chunk.size();
  return Emit(chunk);
}

Status TarWriter::EndFile() {
  if (!body_left_ || *body_left_ != 0) {
    return FailedPreconditionError("tar: entry content is shorter than its declared size");
  }
  body_left_.reset();
  static constexpr Block kZeros{};
  return Emit(std::string_view(kZeros.data(), PaddingFor(body_size_)));
}

Status TarWriter::Finish() {
  if (body_left_) return FailedPreconditionError("tar: Finish inside an unfinished entry");
  static constexpr Block kZeros{};
  RETURN_IF_ERROR(Emit(std::string_view(kZeros.data(), kZeros.size())));
  RETURN_IF_ERROR(Emit(std::string_view(kZeros.data(), kZeros.size())));
  while (bytes_written_ % kRecordBytes != 0) {
    RETURN_IF_ERROR(Emit(std::string_view(kZeros.data(), kZeros.size())));
  }
  return Status::Ok();
}

Status TarReader::ReadExactly(std::uint64_t bytes, const ByteSink& sink) {
  std::string buffer(kChunkBytes, '\0');
  while (bytes > 0) {
    auto want = static_cast<std::streamsize>(std::min<std::uint64_t>(bytes, buffer.size()));
    in_.read(buffer.data(), want);
    if (in_.gcount() != want) {
      return InvalidArgumentError("tar: archive is truncated inside \"" + current_name_ + "\"");
    }
    bytes -= static_cast<std::uint64_t>(want);
    RETURN_IF_ERROR(sink(std::string_view(buffer.data(), static_cast<std::size_t>(want))));
  }
  return Status::Ok();
}

Status TarReader::ReadBody(const ByteSink& sink) {
  std::uint64_t size = body_left_;
  body_left_ = 0;  // read or failed: either way Next must not skip it again
  return ReadExactly(size, sink);
}

StatusOr<std::optional<TarEntry>> TarReader::Next() {
  RETURN_IF_ERROR(
      ReadExactly(body_left_ + padding_, [](std::string_view) { return Status::Ok(); }));
  body_left_ = padding_ = 0;
  Block block{};
  in_.read(block.data(), block.size());
  if (in_.gcount() != static_cast<std::streamsize>(block.size())) {
    return InvalidArgumentError(
        current_name_.empty() ? "tar: archive is empty or truncated"
                              : "tar: archive is truncated (no end-of-archive marker after \"" +
                                    current_name_ + "\")");
  }
  if (IsZeroBlock(block)) {
    in_.read(block.data(), block.size());
    if (in_.gcount() != static_cast<std::streamsize>(block.size()) || !IsZeroBlock(block)) {
      return InvalidArgumentError("tar: damaged end-of-archive marker");
    }
    return std::optional<TarEntry>();
  }
  ASSIGN_OR_RETURN(TarEntry entry, ParseHeader(block));
  current_name_ = entry.name;
  body_left_ = entry.size;
  padding_ = PaddingFor(entry.size);
  return std::optional<TarEntry>(std::move(entry));
}

}  // namespace nyttig::backup
