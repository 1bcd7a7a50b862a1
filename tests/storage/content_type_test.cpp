#include "storage/content_type.h"

#include <gtest/gtest.h>

#include <string>

namespace nyttig::storage {
namespace {

using namespace std::string_literals;

TEST(ContentTypeTest, RecognisesDocumentsAndImagesByMagicBytes) {
  EXPECT_EQ(SniffContentType("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "application/pdf");
  EXPECT_EQ(SniffContentType("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"s), "image/png");
  EXPECT_EQ(SniffContentType("\xff\xd8\xff\xe0\0\x10JFIF"s), "image/jpeg");
  EXPECT_EQ(SniffContentType("GIF89a\x01\0\x01\0"s), "image/gif");
  EXPECT_EQ(SniffContentType("RIFF\x24\0\0\0WEBPVP8 "s), "image/webp");
  EXPECT_EQ(SniffContentType("\x1f\x8b\x08\0"s), "application/gzip");
  EXPECT_EQ(SniffContentType("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0"s), "application/x-ole-storage");
}

TEST(ContentTypeTest, IgnoresWhatTheNameWouldSay) {
  // A PDF named like text, text that mentions PDF: content decides.
  EXPECT_EQ(SniffContentType("notes.txt says %PDF-1.7"), "text/plain");
  EXPECT_EQ(SniffContentType("%PDF-1.4 report.txt"), "application/pdf");
}

TEST(ContentTypeTest, TellsOfficeAndOpenDocumentZipsApart) {
  std::string header = "PK\x03\x04"s + std::string(26, '\0');
  EXPECT_EQ(SniffContentType(header + "[Content_Types].xml...PK\x03\x04...word/document.xml"),
            "application/"
            "vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(SniffContentType(header + "[Content_Types].xml xl/workbook.xml"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(SniffContentType(header + "mimetypeapplication/vnd.oasis.opendocument.text"),
            "application/vnd.oasis.opendocument.text");
  EXPECT_EQ(SniffContentType(header + "data.csv"), "application/zip");
}

TEST(ContentTypeTest, FlagsMarkupThatCanCarryScript) {
  EXPECT_EQ(SniffContentType("  <!DOCTYPE html><html>"), "text/html");
  EXPECT_EQ(SniffContentType("\xef\xbb\xbf<HTML><body>"), "text/html");
  EXPECT_EQ(SniffContentType("<?xml version=\"1.0\"?>\n<svg "
                             "xmlns=\"http://www.w3.org/2000/svg\">"),
            "image/svg+xml");
  EXPECT_EQ(SniffContentType("<?xml version=\"1.0\"?><remiss/>"), "application/xml");
}

TEST(ContentTypeTest, PlainTextIsValidUtf8WithoutControlCharacters) {
  EXPECT_EQ(SniffContentType("Förslag: cykelställ vid Åby skola\r\n\tmer"), "text/plain");
  EXPECT_EQ(SniffContentType("text\0with a NUL"s), "application/octet-stream");
  EXPECT_EQ(SniffContentType("latin-1 \xe5\xe4\xf6"), "application/octet-stream");
  EXPECT_EQ(SniffContentType("overlong \xc0\xaf"), "application/octet-stream");
}

TEST(ContentTypeTest, AcceptsAUtf8SequenceCutByTheSniffWindow) {
  std::string text(kSniffBytes - 1, 'a');
  text += "ö and more";  // "ö" straddles the window's end
  EXPECT_EQ(SniffContentType(text), "text/plain");
  EXPECT_EQ(SniffContentType(text.substr(0, kSniffBytes)), "application/octet-stream");
}

TEST(ContentTypeTest, UnknownAndEmptyAreOctetStream) {
  EXPECT_EQ(SniffContentType(""), "application/octet-stream");
  EXPECT_EQ(SniffContentType("\x7f"
                             "ELF\x02\x01\x01"),
            "application/octet-stream");
}

}  // namespace
}  // namespace nyttig::storage
