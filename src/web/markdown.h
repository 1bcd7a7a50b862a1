// Markdown written by people (idea descriptions, cases, comments) rendered
// to HTML safely: CommonMark with GitHub's tables, strikethrough and
// autolinks (cmark-gfm), raw HTML and dangerous link schemes (javascript:,
// data: …) never pass through, headings shifted so that user text never
// produces an <h1> (the page owns it).
//
//   page["description_html"] = web::RenderMarkdown(idea.description);
//   // template: {{{description_html}}}
//
// Also: PlainText(markdown) for search and summaries (markup removed).
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace nyttig::web {

struct MarkdownOptions {
  int min_heading_level = 2;  // "# x" renders as <h2> (or this level)
};

// Returns safe HTML for `markdown`. Invalid UTF-8 is replaced, never passed on.
std::string RenderMarkdown(std::string_view markdown, const MarkdownOptions& options = {});

// The text of `markdown` without markup, paragraphs separated by blank
// lines: for search documents, snippets and e-mail.
std::string MarkdownToPlainText(std::string_view markdown);

}  // namespace nyttig::web
