#include "search/analyzer/utf8.h"

namespace nyttig::search {
namespace {

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length and payload bits of a lead byte; 0 length for bytes that cannot start
// a sequence (continuation bytes, 0xC0/0xC1 overlong leads, 0xF5..0xFF).
int SequenceLength(unsigned char lead, char32_t& bits) {
  if (lead < 0x80) { bits = lead; return 1; }
  if (lead >= 0xC2 && lead <= 0xDF) { bits = lead & 0x1F; return 2; }
  if (lead >= 0xE0 && lead <= 0xEF) { bits = lead & 0x0F; return 3; }
  if (lead >= 0xF0 && lead <= 0xF4) { bits = lead & 0x07; return 4; }
  return 0;
}

bool IsScalarValue(char32_t cp) { return cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF); }

char32_t MinimumForLength(int length) {
  switch (length) {
    case 2: return 0x80;
    case 3: return 0x800;
    default: return 0x10000;
  }
}

}  // namespace

char32_t DecodeUtf8(std::string_view text, size_t& pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  char32_t cp = 0;
  const int length = SequenceLength(lead, cp);
  if (length == 1) { ++pos; return cp; }
  if (length == 0 || pos + length > text.size()) { ++pos; return kReplacementChar; }
  for (int byte_idx = 1; byte_idx < length; ++byte_idx) {
    const auto byte = static_cast<unsigned char>(text[pos + byte_idx]);
    if (!IsContinuation(byte)) { ++pos; return kReplacementChar; }
    cp = (cp << 6) | (byte & 0x3F);
  }
  // Overlong forms and surrogates are invalid; skip only the lead byte so the
  // following bytes are examined on their own.
  if (cp < MinimumForLength(length) || !IsScalarValue(cp)) { ++pos; return kReplacementChar; }
  pos += length;
  return cp;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (!IsScalarValue(cp)) cp = kReplacementChar;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

char32_t ToLower(char32_t cp) {
  if (cp >= U'A' && cp <= U'Z') return cp + 32;
  if (cp < 0xC0) return cp;
  if (cp <= 0xDE) return cp == 0xD7 ? cp : cp + 32;  // À..Þ except ×
  if (cp >= 0x100 && cp <= 0x137) return cp == 0x130 ? U'i' : (cp | 1);  // pairs, capital even
  if (cp >= 0x139 && cp <= 0x148) return (cp % 2 == 1) ? cp + 1 : cp;  // Ĺ..ň, capital odd
  if (cp >= 0x14A && cp <= 0x177) return cp | 1;
  if (cp == 0x178) return 0xFF;  // Ÿ
  if (cp >= 0x179 && cp <= 0x17E) return (cp % 2 == 1) ? cp + 1 : cp;
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;  // Greek
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;                  // Cyrillic А..Я
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;                  // Ѐ..Џ
  return cp;
}

char32_t ToUpper(char32_t cp) {
  if (cp >= U'a' && cp <= U'z') return cp - 32;
  if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7) return cp - 32;
  if (cp == 0xFF) return 0x178;  // ÿ
  // Latin Extended-A capitals sit just before their small letters.
  if (cp > 0x100 && cp <= 0x17F && ToLower(cp - 1) == cp) return cp - 1;
  if (cp >= 0x3B1 && cp <= 0x3CB && cp != 0x3C2) return cp - 32;
  if (cp >= 0x430 && cp <= 0x44F) return cp - 32;
  if (cp >= 0x450 && cp <= 0x45F) return cp - 80;
  return cp;
}

std::string ToLowerUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) AppendUtf8(ToLower(DecodeUtf8(text, pos)), out);
  return out;
}

size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    DecodeUtf8(text, pos);
    ++count;
  }
  return count;
}

bool IsIgnorableInWord(char32_t cp) {
  return cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF;
}

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z') || IsDigit(cp);
  }
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;  // ª µ º
  if (cp < 0x250) return cp != 0xD7 && cp != 0xF7;              // × ÷
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE6F) return false;  // compatibility punctuation
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // fullwidth punctuation
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;  // specials incl. U+FFFD
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji and pictographs
  return !IsIgnorableInWord(cp);
}

}  // namespace nyttig::search
