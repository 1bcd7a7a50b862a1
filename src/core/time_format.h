// RFC 3339 timestamps in UTC, the only form the API and the logs use
// ("2026-11-28T14:03:00Z").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace nyttig {

// Formats `t` as "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatRfc3339(UnixSeconds t);

// Formats `t` as an ISO date "YYYY-MM-DD" (UTC).
std::string FormatIsoDate(UnixSeconds t);

// Parses an RFC 3339 timestamp (any offset, optional fraction, which is
// dropped) or a plain "YYYY-MM-DD" (midnight UTC). Returns nullopt when the
// text is not such a timestamp or names an impossible date.
std::optional<UnixSeconds> ParseRfc3339(std::string_view text);

// A form's "last day" ("YYYY-MM-DD") as a closing time: the midnight (UTC)
// after that day, so that it stays open the whole day. nullopt unless the
// text is exactly such a date.
std::optional<UnixSeconds> ParseLastDay(std::string_view iso_date);
// The last day of a closing time made by ParseLastDay, as "YYYY-MM-DD".
std::string FormatLastDay(UnixSeconds closes_at);

// Seconds since the epoch of a UTC calendar time; for tests and demo data.
UnixSeconds At(int year, int month, int day, int hour = 0, int minute = 0, int second = 0);

}  // namespace nyttig
