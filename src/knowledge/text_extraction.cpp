#include "knowledge/text_extraction.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <fstream>
#include <memory>
#include <mutex>
#include <regex>

#include "core/text.h"
#include "storage/content_type.h"

namespace nyttig::knowledge {
namespace {

Status Reason(std::string_view key) { return InvalidArgumentError(std::string(key)); }

// poppler prints parse errors of broken files to stderr; the import reports
// them per file instead.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  });
}

// Collapses runs of blank lines and trailing spaces, so transcripts read
// evenly whatever the source's layout.
std::string Tidy(std::string_view text) {
  std::string out;
  size_t blank_run = 2;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line(Trim(text.substr(pos, nl - pos)));
    pos = nl + 1;
    if (line.empty()) {
      if (blank_run++ == 0) out += '\n';
      continue;
    }
    blank_run = 0;
    out += line;
    out += '\n';
  }
  return std::string(Trim(out));
}

bool HasLetters(std::string_view text) {
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) return true;
  }
  return false;
}

std::string FirstHeading(std::string_view transcript) {
  size_t pos = 0;
  while (pos < transcript.size()) {
    size_t nl = transcript.find('\n', pos);
    if (nl == std::string_view::npos) nl = transcript.size();
    std::string_view line = transcript.substr(pos, nl - pos);
    if (!line.empty() && line[0] == '#') {
      size_t text_start = line.find_first_not_of("# ");
      if (text_start != std::string_view::npos) return std::string(line.substr(text_start));
    }
    pos = nl + 1;
  }
  return {};
}

std::string PdfTitle(poppler::document& doc) {
  poppler::byte_array bytes = doc.info_key("Title").to_utf8();
  return std::string(Trim(std::string(bytes.begin(), bytes.end())));
}

StatusOr<Extracted> ExtractPdf(std::unique_ptr<poppler::document> doc) {
  if (!doc) return Reason(kCorrupt);
  if (doc->is_locked()) return Reason(kEncrypted);
  Extracted out{.content_type = "application/pdf"};
  out.page_count = doc->pages();
  if (out.page_count <= 0) return Reason(kCorrupt);  // poppler gave up on the structure
  std::string text;
  for (int page_idx = 0; page_idx < out.page_count; ++page_idx) {
    // One page object at a time: poppler frees it with the unique_ptr.
    std::unique_ptr<poppler::page> page(doc->create_page(page_idx));
    if (!page) continue;
    poppler::byte_array utf8 = page->text().to_utf8();
    text.append(utf8.begin(), utf8.end());
    text += "\n\n";
  }
  if (!HasLetters(text)) return Reason(kNoText);
  out.transcript = Tidy(text);
  out.title = PdfTitle(*doc);
  return out;
}

StatusOr<Extracted> FromText(std::string_view content_type, std::string_view bytes) {
  Extracted out{.content_type = std::string(content_type)};
  // Not UTF-8: read it as windows-1252, which older Swedish pages and text
  // files use, so that no invalid byte reaches the database.
  std::string decoded;
  if (!IsValidUtf8(bytes)) {
    decoded = Windows1252ToUtf8(bytes);
    bytes = decoded;
  }
  if (content_type == "text/html") {
    out.transcript = HtmlToTranscript(bytes);
  } else {
    out.transcript = MarkdownToTranscript(bytes);
  }
  if (!HasLetters(out.transcript)) return Reason(kNoText);
  out.title = FirstHeading(out.transcript);
  return out;
}

StatusOr<Extracted> ExtractSniffed(std::string_view head, const std::filesystem::path* path,
                                   std::string_view bytes) {
  std::string_view type = storage::SniffContentType(head);
  if (type == "application/pdf") {
    SilencePoppler();
    if (path) return ExtractPdf(std::unique_ptr<poppler::document>(
        poppler::document::load_from_file(path->string())));
    return ExtractPdf(std::unique_ptr<poppler::document>(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size()))));
  }
  if (type == "text/html" || type == "text/plain") return FromText(type, bytes);
  return Reason(kUnsupported);
}

}  // namespace

StatusOr<Extracted> ExtractBytes(std::string_view bytes) {
  return ExtractSniffed(bytes.substr(0, storage::kSniffBytes), nullptr, bytes);
}

StatusOr<Extracted> ExtractFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot read " + path.string());
  std::string head(storage::kSniffBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (storage::SniffContentType(head) == "application/pdf") {
    return ExtractSniffed(head, &path, {});
  }
  // Text formats are read whole: they are small next to PDFs, and HTML
  // needs the whole input to drop scripts that span chunks.
  std::string bytes = head;
  bytes.append(std::istreambuf_iterator<char>(in), {});
  return ExtractSniffed(head, nullptr, bytes);
}

std::string HeadingAnchor(std::string_view heading) { return Slugify(heading); }

}  // namespace nyttig::knowledge
