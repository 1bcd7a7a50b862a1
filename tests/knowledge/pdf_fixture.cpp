#include "knowledge/pdf_fixture.h"

#include <cstdlib>
#include <fstream>

namespace nyttig::knowledge::testing {

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

bool EncryptPdf(const std::string& in, const std::string& out) {
  std::string command = "qpdf --encrypt hemligt hemligare 256 -- '" + in + "' '" + out + "'";
  return std::system(command.c_str()) == 0;
}

}  // namespace nyttig::knowledge::testing
