// Content-type sniffing by magic bytes, for the upload checks of other
// modules: what a file IS, never what its name or the browser claims.
//
//   std::string_view type = SniffContentType(upload_bytes);
//   if (!IsAllowedAttachment(type)) return InvalidArgumentError(...);
//
// Recognised: application/pdf, image/png, image/jpeg, image/gif, image/webp,
// image/svg+xml, text/html, application/xml, application/rtf,
// application/gzip, application/x-tar, application/zip, the OOXML and
// OpenDocument formats (docx, xlsx, pptx, odt, ods, odp), the old Office
// compound file (application/x-ole-storage), text/plain (valid UTF-8 without
// control characters) and otherwise application/octet-stream.
//
// Note for callers: image/svg+xml and text/html can carry script; serve them
// as attachments or refuse them.
//
// Thread-safety: pure function.
#pragma once

#include <string_view>

namespace nyttig::storage {

// Only the first 8 KiB are examined; pass the whole upload or its start.
inline constexpr std::size_t kSniffBytes = 8192;

// The media type of `bytes` judged by their content. An empty input is
// application/octet-stream.
std::string_view SniffContentType(std::string_view bytes);

}  // namespace nyttig::storage
