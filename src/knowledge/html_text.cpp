// HTML and Markdown to transcripts (text_extraction.h). A small scanner, not
// a full HTML parser: it only has to find text, headings and block breaks,
// and to drop everything that is not text — script and style content above
// all, so that nothing executable is ever stored or shown.
#include <algorithm>
#include <cctype>
#include <string>

#include "core/text.h"
#include "knowledge/text_extraction.h"

namespace nyttig::knowledge {
namespace {

constexpr std::string_view kSkippedElements[] = {"script", "style", "template", "noscript",
                                                 "svg",    "head",  "iframe",   "object"};
constexpr std::string_view kBlockElements[] = {
    "p",     "div",   "br",     "li",    "tr",         "section", "article", "ul",
    "ol",    "table", "header", "footer", "blockquote", "main",   "nav",     "aside",
    "title", "dd",    "dt",     "pre",   "hr",         "figure",  "td",      "th"};

template <size_t N>
bool In(const std::string_view (&names)[N], std::string_view name) {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// An entity's code point as UTF-8; what cannot be a character (NUL,
// surrogates, beyond U+10FFFF) becomes U+FFFD.
void AppendCodePoint(std::string& out, unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  AppendUtf8(out, static_cast<char32_t>(cp));
}

// Decodes the entity starting at html[pos] == '&'; returns the characters
// consumed (0 when it is not an entity, and the '&' stays as it is).
size_t DecodeEntity(std::string_view html, size_t pos, std::string& out) {
  size_t semi = html.find(';', pos);
  if (semi == std::string_view::npos || semi - pos > 10) return 0;
  std::string_view name = html.substr(pos + 1, semi - pos - 1);
  static const std::pair<std::string_view, std::string_view> kNamed[] = {
      {"amp", "&"},   {"lt", "<"},      {"gt", ">"},      {"quot", "\""},
      {"apos", "'"},  {"nbsp", " "},    {"ndash", "–"},   {"mdash", "—"},
      {"aring", "å"}, {"auml", "ä"},    {"ouml", "ö"},    {"Aring", "Å"},
      {"Auml", "Ä"},  {"Ouml", "Ö"},    {"eacute", "é"},  {"hellip", "…"}};
  for (const auto& [entity, text] : kNamed) {
    if (name == entity) {
      out += text;
      return semi - pos + 1;
    }
  }
  if (name.size() < 2 || name[0] != '#') return 0;
  bool hex = name[1] == 'x' || name[1] == 'X';
  std::string digits(name.substr(hex ? 2 : 1));
  if (digits.empty() || digits.size() > 7) return 0;
  char* end = nullptr;
  unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
  if (*end != '\0') return 0;
  AppendCodePoint(out, cp);
  return semi - pos + 1;
}

struct Tag {
  std::string name;  // lower-case, without '/'
  bool closing = false;
  size_t end = 0;    // index after '>'
};

Tag ReadTag(std::string_view html, size_t pos) {
  Tag tag;
  size_t i = pos + 1;
  if (i < html.size() && html[i] == '/') {
    tag.closing = true;
    ++i;
  }
  while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])))) {
    tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i])));
    ++i;
  }
  // Attribute values may hold '>' inside quotes.
  char quote = 0;
  for (; i < html.size(); ++i) {
    char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      break;
    }
  }
  tag.end = std::min(i + 1, html.size());
  return tag;
}

// Index after the element `name` that starts before `pos` closes, or the end.
size_t SkipElement(std::string_view html, size_t pos, const std::string& name) {
  std::string lower(html.substr(pos));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  size_t close = lower.find("</" + name);
  if (close == std::string::npos) return html.size();
  size_t gt = lower.find('>', close);
  return gt == std::string::npos ? html.size() : pos + gt + 1;
}

int HeadingLevel(const std::string& name) {
  if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
  return 0;
}

class HtmlScanner {
 public:
  explicit HtmlScanner(std::string_view html) : html_(html) {}

  std::string Run() {
    size_t pos = 0;
    while (pos < html_.size()) {
      char c = html_[pos];
      if (c == '<') {
        pos = OnTag(pos);
      } else if (c == '&') {
        size_t used = DecodeEntity(html_, pos, out_);
        if (used == 0) out_ += '&';
        pos += used ? used : 1;
      } else {
        bool space = c == '\n' || c == '\r' || c == '\t';
        out_ += space ? ' ' : c;  // HTML whitespace is not layout
        ++pos;
      }
    }
    return out_;
  }

 private:
  size_t OnTag(size_t pos) {
    if (html_.substr(pos, 4) == "<!--") {
      size_t end = html_.find("-->", pos + 4);
      return end == std::string_view::npos ? html_.size() : end + 3;
    }
    Tag tag = ReadTag(html_, pos);
    if (tag.name.empty()) return tag.end;  // <!DOCTYPE>, stray '<'
    if (!tag.closing && In(kSkippedElements, tag.name)) return SkipElement(html_, tag.end, tag.name);
    if (int level = HeadingLevel(tag.name)) {
      out_ += tag.closing ? "\n\n" : "\n\n" + std::string(static_cast<size_t>(level), '#') + " ";
    } else if (In(kBlockElements, tag.name)) {
      out_ += '\n';
    }
    return tag.end;
  }

  std::string_view html_;
  std::string out_;
};

std::string CollapseSpaces(std::string_view line) {
  std::string out;
  bool space = false;
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Removes inline Markdown markup from one line: emphasis marks, code ticks,
// link and image syntax (the link text stays).
std::string StripInlineMarkdown(std::string_view line) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c == '*' || c == '`' || (c == '_' && (i == 0 || line[i - 1] == ' '))) continue;
    if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') continue;
    if (c == '[' || (c == ']' && (i + 1 >= line.size() || line[i + 1] != '('))) continue;
    if (c == ']') {  // "](url)": skip the address
      size_t close = line.find(')', i);
      i = close == std::string_view::npos ? line.size() : close;
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

std::string HtmlToTranscript(std::string_view html) {
  std::string text = HtmlScanner(html).Run();
  std::string out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    out += CollapseSpaces(std::string_view(text).substr(pos, nl - pos));
    out += '\n';
    pos = nl + 1;
  }
  return MarkdownToTranscript(out);
}

std::string MarkdownToTranscript(std::string_view markdown) {
  std::string out;
  size_t pos = 0;
  int blank_run = 2;
  while (pos <= markdown.size()) {
    size_t nl = markdown.find('\n', pos);
    if (nl == std::string_view::npos) nl = markdown.size();
    std::string_view raw = Trim(markdown.substr(pos, nl - pos));
    pos = nl + 1;
    if (raw.empty()) {
      if (blank_run++ == 0) out += '\n';
      continue;
    }
    if (raw[0] == '#') {
      size_t hashes = std::min<size_t>(raw.find_first_not_of('#'), 6);
      std::string_view heading = Trim(raw.substr(std::min(raw.find_first_not_of('#'), raw.size())));
      if (heading.empty()) continue;
      if (blank_run == 0) out += '\n';
      out += std::string(hashes, '#') + " " + StripInlineMarkdown(heading) + "\n\n";
      blank_run = 1;
      continue;
    }
    if (raw.find_first_not_of("-=*_ ") == std::string_view::npos) continue;  // rules, underlines
    if (raw[0] == '>') raw = Trim(raw.substr(1));
    blank_run = 0;
    out += StripInlineMarkdown(raw);
    out += '\n';
  }
  return std::string(Trim(out));
}

}  // namespace nyttig::knowledge
