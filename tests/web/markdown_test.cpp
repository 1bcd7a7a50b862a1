// Markdown written by people renders to safe HTML: no raw HTML, no script
// links, no <h1>, invalid UTF-8 replaced; plain text keeps the words only.
#include "web/markdown.h"

#include <gtest/gtest.h>

namespace nyttig::web {
namespace {

bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(MarkdownTest, RendersEmphasisListsAndLinks) {
  std::string html = RenderMarkdown("Vi vill **pröva** detta:\n\n- färre resor\n- [mer](https://exempel.se)");
  EXPECT_TRUE(Contains(html, "<strong>pröva</strong>")) << html;
  EXPECT_TRUE(Contains(html, "<li>färre resor</li>")) << html;
  EXPECT_TRUE(Contains(html, "<a href=\"https://exempel.se\">mer</a>")) << html;
}

TEST(MarkdownTest, NeverPassesRawHtmlThrough) {
  std::string html = RenderMarkdown("Hej <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>");
  EXPECT_FALSE(Contains(html, "<script")) << html;
  EXPECT_FALSE(Contains(html, "<img")) << html;
  EXPECT_FALSE(Contains(html, "onerror=alert")) << html;
}

TEST(MarkdownTest, DropsScriptLinkTargets) {
  std::string html = RenderMarkdown("[klicka](javascript:alert(1)) [bild](data:text/html;base64,PHNjcmlwdD4=)");
  EXPECT_FALSE(Contains(html, "javascript:")) << html;
  EXPECT_FALSE(Contains(html, "data:text/html")) << html;
  EXPECT_TRUE(Contains(html, "klicka")) << html;
}

TEST(MarkdownTest, UserHeadingsStartBelowThePageHeading) {
  std::string html = RenderMarkdown("# Bakgrund\n\n## Detaljer\n\n###### Djupt");
  EXPECT_TRUE(Contains(html, "<h2>Bakgrund</h2>")) << html;
  EXPECT_TRUE(Contains(html, "<h3>Detaljer</h3>")) << html;
  EXPECT_TRUE(Contains(html, "<h6>Djupt</h6>")) << html;
  EXPECT_FALSE(Contains(html, "<h1")) << html;
  EXPECT_TRUE(Contains(RenderMarkdown("# Rubrik", {.min_heading_level = 3}), "<h3>Rubrik</h3>"));
}

TEST(MarkdownTest, RendersTablesAndStrikethrough) {
  std::string html = RenderMarkdown("| enhet | antal |\n| --- | --- |\n| Norr | 12 |\n\n~~gammalt~~");
  EXPECT_TRUE(Contains(html, "<table>")) << html;
  EXPECT_TRUE(Contains(html, "<td>Norr</td>")) << html;
  EXPECT_TRUE(Contains(html, "<del>gammalt</del>")) << html;
}

TEST(MarkdownTest, ReplacesInvalidUtf8) {
  std::string html = RenderMarkdown(std::string("trasig \xC3\x28 text"));
  EXPECT_TRUE(Contains(html, "\xEF\xBF\xBD")) << html;  // U+FFFD
  EXPECT_FALSE(Contains(html, "\xC3\x28")) << html;
}

TEST(MarkdownTest, EscapesTextThatLooksLikeMarkup) {
  std::string html = RenderMarkdown("a < b & c > d");
  EXPECT_TRUE(Contains(html, "a &lt; b &amp; c &gt; d")) << html;
}

TEST(MarkdownTest, PlainTextKeepsWordsWithoutMarkup) {
  std::string text = MarkdownToPlainText("# Rubrik\n\nEtt **viktigt** ord och [en länk](https://x.se).");
  EXPECT_TRUE(Contains(text, "Rubrik")) << text;
  EXPECT_TRUE(Contains(text, "Ett viktigt ord och en länk.")) << text;
  EXPECT_FALSE(Contains(text, "**")) << text;
  EXPECT_FALSE(Contains(text, "https://x.se")) << text;
  EXPECT_EQ(MarkdownToPlainText(""), "");
}

}  // namespace
}  // namespace nyttig::web
