#include "knowledge/text_extraction.h"

#include <gtest/gtest.h>

#include "core/text.h"
#include "knowledge/pdf_fixture.h"
#include "support/test_database.h"

namespace nyttig::knowledge {
namespace {

using testing::MakeImageOnlyPdf;
using testing::MakeTextPdf;
using testing::WriteFile;

class TextExtractionTest : public ::testing::Test {
 protected:
  std::string Path(const std::string& name) { return dir_.path() + "/" + name; }
  nyttig::testing::TempDir dir_;
};

TEST_F(TextExtractionTest, ReadsEveryPageOfATextPdf) {
  WriteFile(Path("strategi.pdf"),
            MakeTextPdf({"Digitaliseringsstrategi för Exempelby", "Mål: färre pappersblanketter"},
                        "Strategi 2026"));
  auto e = ExtractFile(Path("strategi.pdf"));
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->content_type, "application/pdf");
  EXPECT_EQ(e->page_count, 2);
  EXPECT_EQ(e->title, "Strategi 2026");
  EXPECT_NE(e->transcript.find("Digitaliseringsstrategi för Exempelby"), std::string::npos);
  EXPECT_NE(e->transcript.find("färre pappersblanketter"), std::string::npos);
}

TEST_F(TextExtractionTest, ScannedPdfWithoutTextLayerSaysNoTextFound) {
  WriteFile(Path("skannad.pdf"), MakeImageOnlyPdf());
  auto e = ExtractFile(Path("skannad.pdf"));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(), kNoText);
}

TEST_F(TextExtractionTest, EncryptedPdfIsReportedAsEncrypted) {
  WriteFile(Path("plain.pdf"), MakeTextPdf({"Hemlig plan"}));
  ASSERT_TRUE(testing::EncryptPdf(Path("plain.pdf"), Path("locked.pdf")));
  auto e = ExtractFile(Path("locked.pdf"));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(), kEncrypted);
}

TEST_F(TextExtractionTest, TruncatedPdfIsReportedAsCorrupt) {
  std::string pdf = MakeTextPdf({"Rapport"});
  WriteFile(Path("broken.pdf"), pdf.substr(0, 40) + "trasig svans utan objekt");
  auto e = ExtractFile(Path("broken.pdf"));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(), kCorrupt);
}

TEST_F(TextExtractionTest, ThreeHundredPagePdfIsReadPageByPage) {
  std::vector<std::string> pages;
  for (int page = 1; page <= 300; ++page) pages.push_back("Sida " + std::to_string(page) + " av planen");
  WriteFile(Path("lang.pdf"), MakeTextPdf(pages));
  auto e = ExtractFile(Path("lang.pdf"));
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->page_count, 300);
  EXPECT_NE(e->transcript.find("Sida 1 av planen"), std::string::npos);
  EXPECT_NE(e->transcript.find("Sida 300 av planen"), std::string::npos);
}

TEST_F(TextExtractionTest, HtmlKeepsTextAndHeadingsAndDropsScriptsAndMarkup) {
  std::string html =
      "<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style></head><body>"
      "<h1>Policy för &aring;teranv&auml;ndning</h1><script>alert('xss')</script>"
      "<p onclick=\"evil()\">Vi <b>sorterar</b> &amp; lagar.</p><SCRIPT src=x></SCRIPT>"
      "<h2>Ansvar</h2><p>Alla förvaltningar.</p><!-- <script>dold()</script> --></body></html>";
  WriteFile(Path("policy.txt"), html);  // the extension lies; the bytes are HTML
  auto e = ExtractFile(Path("policy.txt"));
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->content_type, "text/html");
  EXPECT_EQ(e->title, "Policy för återanvändning");
  EXPECT_NE(e->transcript.find("# Policy för återanvändning"), std::string::npos);
  EXPECT_NE(e->transcript.find("## Ansvar"), std::string::npos);
  EXPECT_NE(e->transcript.find("Vi sorterar & lagar."), std::string::npos);
  for (const char* never : {"alert", "<", "evil", "color:red", "dold"}) {
    EXPECT_EQ(e->transcript.find(never), std::string::npos) << never;
  }
}

// Older pages are often windows-1252: read as such, never stored as invalid
// UTF-8 (PostgreSQL refuses it; JSON answers could not be written).
TEST_F(TextExtractionTest, Windows1252HtmlIsReadAsSwedishText) {
  std::string html = "<html><body><h1>Riktlinje f\xF6r \xE5tervinning</h1><p>"
                     + std::string(9000, ' ') + "G\xE4ller fr\xE5n 1 juli \x96 i hela kommunen.</p></body></html>";
  WriteFile(Path("riktlinje.html"), html);
  auto e = ExtractFile(Path("riktlinje.html"));
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_TRUE(IsValidUtf8(e->transcript));
  EXPECT_EQ(e->title, "Riktlinje för återvinning");
  EXPECT_NE(e->transcript.find("Gäller från 1 juli – i hela kommunen."), std::string::npos)
      << e->transcript;
}

TEST_F(TextExtractionTest, MarkdownKeepsHeadingsAndDropsInlineMarkup) {
  WriteFile(Path("plan.md"), "# Handlingsplan\n\nVi gör **tre** saker, se [länken](https://x.se).\n\n## Steg 1\n- Kartlägg\n");
  auto e = ExtractFile(Path("plan.md"));
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->title, "Handlingsplan");
  EXPECT_NE(e->transcript.find("Vi gör tre saker, se länken."), std::string::npos);
  EXPECT_NE(e->transcript.find("## Steg 1"), std::string::npos);
}

TEST_F(TextExtractionTest, ImageDisguisedAsPdfIsUnsupported) {
  std::string png = "\x89PNG\r\n\x1a\n" + std::string(64, '\0');
  WriteFile(Path("rapport.pdf"), png);
  auto e = ExtractFile(Path("rapport.pdf"));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(), kUnsupported);
}

TEST_F(TextExtractionTest, PdfDisguisedAsTextIsReadAsPdf) {
  WriteFile(Path("anteckning.txt"), MakeTextPdf({"Protokoll från nämnden"}));
  auto e = ExtractFile(Path("anteckning.txt"));
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->content_type, "application/pdf");
  EXPECT_NE(e->transcript.find("Protokoll från nämnden"), std::string::npos);
}

TEST(HeadingAnchorTest, IsAsciiSlug) { EXPECT_EQ(HeadingAnchor("Mål och syfte"), "mal-och-syfte"); }

}  // namespace
}  // namespace nyttig::knowledge
