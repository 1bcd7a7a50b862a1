// Files for the import tests: writing bytes to disk and an encrypted copy of
// a PDF made with qpdf. The PDFs themselves come from knowledge/simple_pdf.h.
#pragma once

#include <string>

#include "knowledge/simple_pdf.h"

namespace nyttig::knowledge::testing {

using knowledge::MakeImageOnlyPdf;
using knowledge::MakeTextPdf;

// Writes `bytes` to `path`.
void WriteFile(const std::string& path, const std::string& bytes);

// Encrypts the PDF at `in` into `out` with a user password (qpdf, AES-256).
// Returns false when qpdf fails.
bool EncryptPdf(const std::string& in, const std::string& out);

}  // namespace nyttig::knowledge::testing
