// Small, real PDF files made in code: the demo library's documents and the
// tests' fixtures (no binary files in the repository).
//
//   std::string pdf = MakeTextPdf({"Sida ett", "Sida två"}, "Min rapport");
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

namespace nyttig::knowledge {

// A PDF with one page per entry of `pages`; each entry's lines ('\n') are
// set one under the other. Text is UTF-8 limited to Latin-1 characters
// (Swedish letters included). `title` goes into the document information.
std::string MakeTextPdf(const std::vector<std::string>& pages, const std::string& title = "");

// A PDF whose only page shows a grey image and has no text layer, like a scan.
std::string MakeImageOnlyPdf();

}  // namespace nyttig::knowledge
