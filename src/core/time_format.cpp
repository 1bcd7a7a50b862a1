#include "core/time_format.h"

#include <cctype>
#include <chrono>

#include <fmt/format.h>

namespace nyttig {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

struct CivilTime {
  int year, month, day, hour, minute, second;
};

CivilTime ToCivil(UnixSeconds t) {
  const sys_days day_point{days{t >= 0 ? t / 86400 : (t - 86399) / 86400}};
  const year_month_day ymd{day_point};
  UnixSeconds secs_of_day = t - day_point.time_since_epoch().count() * 86400;
  return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())),
          int(secs_of_day / 3600), int(secs_of_day % 3600 / 60), int(secs_of_day % 60)};
}

// Reads exactly `width` digits at `pos`; advances pos.
std::optional<int> Digits(std::string_view s, size_t& pos, size_t width) {
  if (pos + width > s.size()) return std::nullopt;
  int value = 0;
  for (size_t i = 0; i < width; ++i) {
    char c = s[pos + i];
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += width;
  return value;
}

bool Expect(std::string_view s, size_t& pos, char c) {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

std::optional<UnixSeconds> ParseDate(std::string_view s, size_t& pos) {
  auto y = Digits(s, pos, 4);
  if (!y || !Expect(s, pos, '-')) return std::nullopt;
  auto m = Digits(s, pos, 2);
  if (!m || !Expect(s, pos, '-')) return std::nullopt;
  auto d = Digits(s, pos, 2);
  if (!d) return std::nullopt;
  year_month_day ymd{std::chrono::year{*y}, std::chrono::month{unsigned(*m)},
                     std::chrono::day{unsigned(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return UnixSeconds{sys_days{ymd}.time_since_epoch().count()} * 86400;
}

// Parses "+HH:MM", "-HH:MM" or "Z"; returns the offset east of UTC in seconds.
std::optional<int> ParseOffset(std::string_view s, size_t& pos) {
  if (Expect(s, pos, 'Z') || Expect(s, pos, 'z')) return 0;
  if (pos >= s.size() || (s[pos] != '+' && s[pos] != '-')) return std::nullopt;
  int sign = s[pos++] == '-' ? -1 : 1;
  auto h = Digits(s, pos, 2);
  if (!h || !Expect(s, pos, ':')) return std::nullopt;
  auto m = Digits(s, pos, 2);
  if (!m || *h > 23 || *m > 59) return std::nullopt;
  return sign * (*h * 3600 + *m * 60);
}

}  // namespace

std::string FormatRfc3339(UnixSeconds t) {
  CivilTime c = ToCivil(t);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.year, c.month, c.day, c.hour,
                     c.minute, c.second);
}

std::string FormatIsoDate(UnixSeconds t) {
  CivilTime c = ToCivil(t);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::optional<UnixSeconds> ParseRfc3339(std::string_view s) {
  size_t pos = 0;
  auto date = ParseDate(s, pos);
  if (!date) return std::nullopt;
  if (pos == s.size()) return date;
  if (!Expect(s, pos, 'T') && !Expect(s, pos, 't') && !Expect(s, pos, ' ')) return std::nullopt;
  auto h = Digits(s, pos, 2);
  if (!h || !Expect(s, pos, ':')) return std::nullopt;
  auto mi = Digits(s, pos, 2);
  if (!mi || !Expect(s, pos, ':')) return std::nullopt;
  auto se = Digits(s, pos, 2);
  if (!se || *h > 23 || *mi > 59 || *se > 60) return std::nullopt;
  if (Expect(s, pos, '.')) {
    size_t start = pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) ++pos;
    if (pos == start) return std::nullopt;
  }
  auto offset = ParseOffset(s, pos);
  if (!offset || pos != s.size()) return std::nullopt;
  return *date + *h * 3600 + *mi * 60 + std::min(*se, 59) - *offset;
}

std::optional<UnixSeconds> ParseLastDay(std::string_view iso_date) {
  if (iso_date.size() != 10) return std::nullopt;
  std::optional<UnixSeconds> start = ParseRfc3339(iso_date);
  if (!start) return std::nullopt;
  return *start + kDay;
}

std::string FormatLastDay(UnixSeconds closes_at) { return FormatIsoDate(closes_at - 1); }

UnixSeconds At(int year, int month, int day, int hour, int minute, int second) {
  year_month_day ymd{std::chrono::year{year}, std::chrono::month{unsigned(month)},
                     std::chrono::day{unsigned(day)}};
  return UnixSeconds{sys_days{ymd}.time_since_epoch().count()} * 86400 + hour * 3600 +
         minute * 60 + second;
}

}  // namespace nyttig
