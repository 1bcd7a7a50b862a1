#include "http/router.h"

#include <cctype>

namespace nyttig::http {
namespace {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.empty() || path.front() != '/') return parts;
  path.remove_prefix(1);
  while (true) {
    size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

bool IsPositiveInteger(std::string_view s) {
  if (s.empty() || s.size() > 18 || s.front() == '0') return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

PathPattern::PathPattern(std::string_view pattern) : text_(pattern) {
  for (std::string_view part : SplitPath(pattern)) {
    Segment segment;
    if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
      std::string_view inner = part.substr(1, part.size() - 2);
      size_t colon = inner.find(':');
      segment.capture = std::string(inner.substr(0, colon));
      segment.integer = colon != std::string_view::npos && inner.substr(colon + 1) == "int";
    } else {
      segment.literal = std::string(part);
    }
    segments_.push_back(std::move(segment));
  }
}

int PathPattern::Match(std::string_view path, std::map<std::string, std::string>& params) const {
  std::vector<std::string_view> parts = SplitPath(path);
  if (parts.size() != segments_.size()) return -1;
  int literal_count = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    const Segment& segment = segments_[i];
    if (segment.capture.empty()) {
      if (parts[i] != segment.literal) return -1;
      ++literal_count;
      continue;
    }
    if (parts[i].empty() || (segment.integer && !IsPositiveInteger(parts[i]))) return -1;
    params[segment.capture] = std::string(parts[i]);
  }
  return literal_count;
}

}  // namespace nyttig::http
