#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace nyttig {
namespace {

// Decodes one code point at `pos` and advances past it; returns -1 on
// malformed input (pos is then unchanged).
std::int32_t DecodeOne(std::string_view s, size_t& pos) {
  const auto lead = static_cast<unsigned char>(s[pos]);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  int extra = (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
  if (extra < 0 || pos + extra >= s.size()) return -1;
  std::int32_t cp = lead & (0x3F >> extra);
  for (int i = 1; i <= extra; ++i) {
    const auto c = static_cast<unsigned char>(s[pos + i]);
    if ((c & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (c & 0x3F);
  }
  static constexpr std::int32_t kMinForLength[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  pos += extra + 1;
  return cp;
}

// Base ASCII letter of a Latin-1 / Latin Extended-A letter, or 0.
char BaseLetter(std::int32_t cp) {
  // U+00C0..U+00FF; generated from Unicode decompositions (Æ→a, Ø→o, Þ→t,
  // ß→s; × and ÷ are not letters).
  static constexpr char kLatin1[] =
      "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  // U+0100..U+017F (Latin Extended-A), the same way.
  static constexpr char kExtA[] =
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkk"
      "llllllllllnnnnnn\0nnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  static_assert(sizeof(kLatin1) == 64 + 1 && sizeof(kExtA) == 128 + 1);
  if (cp >= 0x100 && cp <= 0x17F) return kExtA[cp - 0x100];
  return 0;
}

char32_t LowerCodePoint(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x100 && cp <= 0x137 && cp != 0x130) return cp | 1;    // pairs: even upper
  if (cp >= 0x139 && cp <= 0x148) return (cp & 1) ? cp + 1 : cp;   // pairs: odd upper
  if (cp >= 0x14A && cp <= 0x177) return cp | 1;
  if (cp == 0x178) return 0xFF;
  if (cp >= 0x179 && cp <= 0x17E) return (cp & 1) ? cp + 1 : cp;
  return cp;
}

}  // namespace

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string Utf8ToLower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    std::int32_t cp = DecodeOne(text, pos);
    if (cp < 0) {
      ++pos;
      continue;
    }
    AppendUtf8(out, LowerCodePoint(static_cast<char32_t>(cp)));
  }
  return out;
}

bool IsValidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (DecodeOne(text, pos) < 0) return false;
  }
  return true;
}

size_t Utf8Length(std::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string Slugify(std::string_view name) {
  std::string out;
  bool pending_hyphen = false;
  size_t pos = 0;
  while (pos < name.size()) {
    std::int32_t cp = DecodeOne(name, pos);
    if (cp < 0) {
      ++pos;  // skip a malformed byte
      continue;
    }
    char c = 0;
    if (cp < 0x80 && std::isalnum(cp)) c = static_cast<char>(std::tolower(cp));
    else if (cp >= 0x80) c = BaseLetter(cp);
    if (c == 0) {
      // A combining mark (U+0300..U+036F) is dropped; anything else separates.
      if (!(cp >= 0x300 && cp <= 0x36F)) pending_hyphen = !out.empty();
      continue;
    }
    if (pending_hyphen) out += '-';
    pending_hyphen = false;
    out += c;
  }
  return out;
}

std::string_view Trim(std::string_view text) {
  const char* ws = " \t\r\n\f\v";
  size_t start = text.find_first_not_of(ws);
  if (start == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(ws);
  return text.substr(start, end - start + 1);
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<double> ParseLocalNumber(std::string_view text) {
  std::string number(Trim(text));
  std::replace(number.begin(), number.end(), ',', '.');  // the Swedish decimal comma
  const char* begin = number.data();
  const char* end = number.data() + number.size();
  if (begin != end && *begin == '+') ++begin;
  double value = 0;
  auto [parsed_end, ec] = std::from_chars(begin, end, value);
  if (begin == end || ec != std::errc() || parsed_end != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::string Windows1252ToUtf8(std::string_view bytes) {
  // 0x80–0x9F are windows-1252's additions to Latin-1; the five it leaves
  // undefined keep their own value, as browsers decode them.
  static constexpr char16_t kHigh[32] = {
      0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    AppendUtf8(out, byte >= 0x80 && byte < 0xA0 ? kHigh[byte - 0x80] : char32_t(byte));
  }
  return out;
}

}  // namespace nyttig
