// Text extraction for the document library: PDF (poppler-cpp, page by page),
// HTML (scripts, styles and markup dropped), Markdown and plain text, each
// turned into a transcript — plain text whose lines starting with '#' are
// headings — so that the document page can show it readably with linkable
// headings and the index can analyse it.
//
//   ASSIGN_OR_RETURN(Extracted e, ExtractFile("/import/strategi.pdf"));
//
// The type is sniffed from the bytes (storage/content_type.h), never taken
// from the extension. Failures say why, per file, as a catalogue key in the
// Status message ("knowledge.extract.no_text", ".encrypted", ".corrupt",
// ".unsupported", ".empty").
//
// Thread-safety: pure functions (poppler documents are local to each call).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/status.h"

namespace nyttig::knowledge {

struct Extracted {
  std::string content_type;  // sniffed, e.g. "application/pdf"
  std::string title;         // the first heading, or the PDF's title; may be empty
  std::string transcript;    // plain text; '#'-lines are headings
  int page_count = 0;        // PDF pages, 0 otherwise
};

// The reasons a file yields no document, as catalogue keys.
inline constexpr std::string_view kNoText = "knowledge.extract.no_text";
inline constexpr std::string_view kEncrypted = "knowledge.extract.encrypted";
inline constexpr std::string_view kCorrupt = "knowledge.extract.corrupt";
inline constexpr std::string_view kUnsupported = "knowledge.extract.unsupported";

// Extracts the text of the file at `path`. A PDF is read by poppler from the
// file, one page at a time, so memory stays bounded by the largest page and
// the transcript. Fails with kInvalidArgument and one of the keys above, or
// kNotFound when the file cannot be read.
StatusOr<Extracted> ExtractFile(const std::filesystem::path& path);

// The same for bytes already in memory (uploads).
StatusOr<Extracted> ExtractBytes(std::string_view bytes);

// HTML → transcript: <script>, <style>, <template>, comments and every tag
// dropped, entities decoded, h1–h6 turned into '#' lines, blocks into
// paragraphs. Never keeps markup.
std::string HtmlToTranscript(std::string_view html);

// Markdown → transcript: headings kept as '#' lines, other markup removed.
std::string MarkdownToTranscript(std::string_view markdown);

// The anchor of a heading on the document page ("Mål och syfte" → "mal-och-syfte").
std::string HeadingAnchor(std::string_view heading);

}  // namespace nyttig::knowledge
