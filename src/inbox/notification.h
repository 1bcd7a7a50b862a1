// Value type of the inbox module: one notification to one person. The text
// is a catalogue key with arguments, so it reads in the language the person
// uses when they open the inbox, not the one of whoever caused it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"

namespace nyttig::inbox {

using NotificationId = std::int64_t;

struct Notification {
  NotificationId id = 0;
  std::int64_t person_id = 0;
  std::string kind;      // "<module>.<event>", e.g. "idea.moved"
  std::string text_key;  // catalogue key, e.g. "inbox.idea.moved"
  std::vector<std::pair<std::string, std::string>> args;  // placeholder values
  std::string link;      // a path on this site, e.g. "/ideas/42"
  UnixSeconds created_at = 0;
  std::optional<UnixSeconds> read_at;
};

}  // namespace nyttig::inbox
