#include "web/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace nyttig::web {
namespace {

// CMARK_OPT_UNSAFE is deliberately absent: without it cmark-gfm replaces raw
// HTML with a comment and drops javascript:, vbscript:, file: and most data:
// link targets. VALIDATE_UTF8 replaces invalid bytes with U+FFFD.
constexpr int kOptions = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink"};

struct NodeFree {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct ParserFree {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
struct CharFree {
  void operator()(char* text) const { free(text); }  // allocated by cmark's default allocator
};

void RegisterExtensionsOnce() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

struct Parsed {
  std::unique_ptr<cmark_parser, ParserFree> parser;  // owns the extension list
  std::unique_ptr<cmark_node, NodeFree> document;
};

Parsed Parse(std::string_view markdown) {
  RegisterExtensionsOnce();
  Parsed parsed{std::unique_ptr<cmark_parser, ParserFree>(cmark_parser_new(kOptions)), nullptr};
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parsed.parser.get(), extension);
    }
  }
  cmark_parser_feed(parsed.parser.get(), markdown.data(), markdown.size());
  parsed.document.reset(cmark_parser_finish(parsed.parser.get()));
  return parsed;
}

// The page owns <h1> (and usually the level below it): user headings start
// at min_heading_level and keep their relative order.
void ShiftHeadings(cmark_node* document, int min_level) {
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
      int level = cmark_node_get_heading_level(node) + min_level - 1;
      cmark_node_set_heading_level(node, std::clamp(level, 1, 6));
    }
  }
  cmark_iter_free(iter);
}

std::string Take(char* rendered) {
  std::unique_ptr<char, CharFree> owned(rendered);
  return owned ? std::string(owned.get()) : std::string();
}

}  // namespace

std::string RenderMarkdown(std::string_view markdown, const MarkdownOptions& options) {
  Parsed parsed = Parse(markdown);
  ShiftHeadings(parsed.document.get(), std::clamp(options.min_heading_level, 1, 6));
  return Take(cmark_render_html(parsed.document.get(), kOptions,
                                cmark_parser_get_syntax_extensions(parsed.parser.get())));
}

std::string MarkdownToPlainText(std::string_view markdown) {
  Parsed parsed = Parse(markdown);
  std::string text = Take(cmark_render_plaintext(parsed.document.get(), kOptions, 0));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace nyttig::web
