#include "storage/content_type.h"

#include <array>
#include <cctype>
#include <string>

namespace nyttig::storage {
namespace {

struct Magic {
  std::size_t offset;
  std::string_view bytes;
  std::string_view type;
};

using namespace std::string_view_literals;

// Signatures from the formats' specifications (PDF 1.7 §7.5.2, PNG §5.2,
// JFIF/EXIF SOI marker, GIF89a, RIFF/WebP, RFC 1952, POSIX ustar, the
// Compound File Binary format).
constexpr std::array kMagics = {
    Magic{0, "%PDF-"sv, "application/pdf"sv},
    Magic{0, "\x89PNG\r\n\x1a\n"sv, "image/png"sv},
    Magic{0, "\xff\xd8\xff"sv, "image/jpeg"sv},
    Magic{0, "GIF87a"sv, "image/gif"sv},
    Magic{0, "GIF89a"sv, "image/gif"sv},
    Magic{0, "{\\rtf"sv, "application/rtf"sv},
    Magic{0, "\x1f\x8b"sv, "application/gzip"sv},
    Magic{0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"sv, "application/x-ole-storage"sv},
    Magic{257, "ustar"sv, "application/x-tar"sv},
};

bool HasAt(std::string_view bytes, std::size_t offset, std::string_view magic) {
  return bytes.size() >= offset + magic.size() && bytes.substr(offset, magic.size()) == magic;
}

// An OpenDocument file starts with an uncompressed entry "mimetype" whose
// content is the media type (ODF 1.2 part 3, §3.3), at offset 38.
std::string_view SniffOpenDocument(std::string_view bytes) {
  constexpr std::string_view kPrefix = "application/vnd.oasis.opendocument.";
  if (!HasAt(bytes, 30, "mimetype") || !HasAt(bytes, 38, kPrefix)) return {};
  std::string_view rest = bytes.substr(38 + kPrefix.size());
  if (rest.starts_with("text")) return "application/vnd.oasis.opendocument.text";
  if (rest.starts_with("spreadsheet")) return "application/vnd.oasis.opendocument.spreadsheet";
  if (rest.starts_with("presentation")) return "application/vnd.oasis.opendocument.presentation";
  return {};
}

// Office Open XML packages name their main part's folder in an early local
// file header; Office writes [Content_Types].xml first and the folders soon
// after, well within the sniffed prefix.
std::string_view SniffZip(std::string_view bytes) {
  if (std::string_view odf = SniffOpenDocument(bytes); !odf.empty()) return odf;
  if (bytes.find("word/") != std::string_view::npos) {
    return "application/"
           "vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  if (bytes.find("xl/") != std::string_view::npos) {
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  if (bytes.find("ppt/") != std::string_view::npos) {
    return "application/"
           "vnd.openxmlformats-officedocument.presentationml.presentation";
  }
  return "application/zip";
}

std::string LowerAsciiPrefix(std::string_view bytes, std::size_t n) {
  std::string out(bytes.substr(0, n));
  for (char &c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Markup is recognised after leading white space and a UTF-8 byte-order mark,
// as browsers do (WHATWG MIME Sniffing §7.1) — the case that matters for XSS.
std::string_view SniffMarkup(std::string_view bytes) {
  if (bytes.starts_with("\xef\xbb\xbf")) bytes.remove_prefix(3);
  std::size_t start = bytes.find_first_not_of(" \t\r\n\f");
  if (start == std::string_view::npos) return {};
  std::string head = LowerAsciiPrefix(bytes.substr(start), kSniffBytes);
  if (head.starts_with("<!doctype html") || head.starts_with("<html") ||
      head.starts_with("<script") || head.starts_with("<body")) {
    return "text/html";
  }
  if (head.starts_with("<svg")) return "image/svg+xml";
  if (head.starts_with("<?xml")) {
    return head.find("<svg") != std::string::npos ? "image/svg+xml" : "application/xml";
  }
  return {};
}

// Length of the UTF-8 sequence starting at `lead`, or 0 when it cannot lead.
int Utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

bool IsTextControl(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f;
}

// Valid UTF-8 without control characters. A sequence cut off by the sniff
// window's end is accepted: the window, not the file, ends there.
bool LooksLikeText(std::string_view bytes, bool truncated) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    auto lead = static_cast<unsigned char>(bytes[i]);
    int length = Utf8SequenceLength(lead);
    if (length == 0 || (length == 1 && IsTextControl(lead))) return false;
    if (i + static_cast<std::size_t>(length) > bytes.size()) return truncated;
    for (int k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(bytes[i + k]) & 0xc0) != 0x80) return false;
    }
    i += static_cast<std::size_t>(length);
  }
  return true;
}

}  // namespace

std::string_view SniffContentType(std::string_view bytes) {
  if (bytes.empty()) return "application/octet-stream";
  bool truncated = bytes.size() > kSniffBytes;
  bytes = bytes.substr(0, kSniffBytes);
  for (const Magic &magic : kMagics) {
    if (HasAt(bytes, magic.offset, magic.bytes)) return magic.type;
  }
  if (HasAt(bytes, 0, "RIFF") && HasAt(bytes, 8, "WEBP")) return "image/webp";
  if (HasAt(bytes, 0, "PK\x03\x04")) return SniffZip(bytes);
  if (std::string_view markup = SniffMarkup(bytes); !markup.empty()) return markup;
  if (LooksLikeText(bytes, truncated)) return "text/plain";
  return "application/octet-stream";
}

}  // namespace nyttig::storage
