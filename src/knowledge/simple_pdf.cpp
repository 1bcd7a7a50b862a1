// A minimal PDF writer (PDF 1.4, uncompressed, Helvetica with
// WinAnsiEncoding): enough for the demo library's generated documents and
// for the tests' real PDFs, without a PDF library.
#include "knowledge/simple_pdf.h"

#include <cstdio>
#include <vector>

namespace nyttig::knowledge {
namespace {

// UTF-8 → the Latin-1 bytes that WinAnsiEncoding shows, escaped for a PDF string.
std::string PdfString(const std::string& utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c == 0xC3 && i + 1 < utf8.size()) {
      c = static_cast<unsigned char>(0xC0 | (static_cast<unsigned char>(utf8[++i]) & 0x3F));
    }
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += static_cast<char>(c);
  }
  return out;
}

class PdfBuilder {
 public:
  int Add(const std::string& body) {
    objects_.push_back(body);
    return static_cast<int>(objects_.size());
  }
  void Set(int id, const std::string& body) { objects_[static_cast<size_t>(id - 1)] = body; }
  std::string Finish(int root, int info) {
    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<size_t> offsets;
    for (size_t obj_idx = 0; obj_idx < objects_.size(); ++obj_idx) {
      offsets.push_back(pdf.size());
      pdf += std::to_string(obj_idx + 1) + " 0 obj\n" + objects_[obj_idx] + "\nendobj\n";
    }
    size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects_.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t offset : offsets) {
      char line[32];
      std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
      pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects_.size() + 1) + " /Root " +
           std::to_string(root) + " 0 R" + (info ? " /Info " + std::to_string(info) + " 0 R" : "") +
           " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
  }

 private:
  std::vector<std::string> objects_;
};

std::string Stream(const std::string& dict_extra, const std::string& data) {
  return "<< /Length " + std::to_string(data.size()) + dict_extra + " >>\nstream\n" + data +
         "\nendstream";
}

}  // namespace

std::string MakeTextPdf(const std::vector<std::string>& pages, const std::string& title) {
  PdfBuilder b;
  int catalog = b.Add("");
  int page_tree = b.Add("");
  int font = b.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  std::string kids;
  for (const std::string& text : pages) {
    std::string content = "BT /F1 12 Tf 14 TL 72 770 Td";
    size_t pos = 0;
    while (pos <= text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      content += " (" + PdfString(text.substr(pos, nl - pos)) + ") Tj T*";
      pos = nl + 1;
    }
    content += " ET";
    int stream = b.Add(Stream("", content));
    int page = b.Add("<< /Type /Page /Parent " + std::to_string(page_tree) +
                     " 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 " +
                     std::to_string(font) + " 0 R >> >> /Contents " + std::to_string(stream) + " 0 R >>");
    kids += std::to_string(page) + " 0 R ";
  }
  b.Set(catalog, "<< /Type /Catalog /Pages " + std::to_string(page_tree) + " 0 R >>");
  b.Set(page_tree, "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  int info = title.empty() ? 0 : b.Add("<< /Title (" + PdfString(title) + ") >>");
  return b.Finish(catalog, info);
}

std::string MakeImageOnlyPdf() {
  PdfBuilder b;
  int catalog = b.Add("");
  int page_tree = b.Add("");
  std::string pixels(64 * 64, '\x80');
  int image = b.Add(Stream(" /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace "
                           "/DeviceGray /BitsPerComponent 8", pixels));
  int stream = b.Add(Stream("", "q 400 0 0 400 100 300 cm /Im1 Do Q"));
  int page = b.Add("<< /Type /Page /Parent " + std::to_string(page_tree) +
                   " 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 " +
                   std::to_string(image) + " 0 R >> >> /Contents " + std::to_string(stream) + " 0 R >>");
  b.Set(catalog, "<< /Type /Catalog /Pages " + std::to_string(page_tree) + " 0 R >>");
  b.Set(page_tree, "<< /Type /Pages /Kids [" + std::to_string(page) + " 0 R] /Count 1 >>");
  return b.Finish(catalog, 0);
}

}  // namespace nyttig::knowledge
