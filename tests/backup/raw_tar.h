// Test helpers that build tar entries by hand, independently of TarWriter,
// so that the reader is checked against the format and can be fed entries
// that our writer refuses to make (traversal names, links).
#pragma once

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

namespace nyttig::backup::testing {

inline void PutField(std::string& header, std::size_t offset, const std::string& text) {
  std::copy(text.begin(), text.end(), header.begin() + static_cast<std::ptrdiff_t>(offset));
}

inline std::string Octal(std::size_t width, unsigned long long value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%0*llo", static_cast<int>(width - 1), value);
  return buffer;
}

// One ustar entry: header (with a correct checksum) and padded content.
inline std::string RawEntry(const std::string& name, const std::string& content, char type = '0') {
  std::string header(512, '\0');
  PutField(header, 0, name.substr(0, 100));
  PutField(header, 100, Octal(8, 0644));
  PutField(header, 108, Octal(8, 0));
  PutField(header, 116, Octal(8, 0));
  PutField(header, 124, Octal(12, content.size()));
  PutField(header, 136, Octal(12, 0));
  header[156] = type;
  PutField(header, 257,
           std::string("ustar\0"
                       "00",
                       8));
  PutField(header, 148, "        ");
  unsigned sum = 0;
  for (char c : header) sum += static_cast<unsigned char>(c);
  PutField(header, 148, Octal(7, sum));
  std::string padded = content + std::string((512 - content.size() % 512) % 512, '\0');
  return header + padded;
}

inline std::string EndMarker() { return std::string(1024, '\0'); }

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void WriteAll(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace nyttig::backup::testing
