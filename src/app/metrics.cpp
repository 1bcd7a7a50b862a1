#include "app/metrics.h"

#include <fmt/format.h>

namespace nyttig::app {
namespace {

// Seconds; suits server-rendered pages and short database calls.
constexpr double kBuckets[] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
constexpr size_t kBucketCount = sizeof(kBuckets) / sizeof(kBuckets[0]);

std::string Escape(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::Observe(const std::string& route, const std::string& method, int status,
                      double seconds) {
  std::string status_class = std::to_string(status / 100) + "xx";
  std::lock_guard lock(mutex_);
  ++requests_[{route, method, status_class}];
  Histogram& h = latency_[route];
  if (h.buckets.empty()) h.buckets.assign(kBucketCount, 0);
  for (size_t i = 0; i < kBucketCount; ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::Render(const std::vector<std::string>& extra) const {
  std::string out;
  out += "# HELP nyttig_http_requests_total HTTP requests by route, method and status class.\n";
  out += "# TYPE nyttig_http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    out +=
        fmt::format("nyttig_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                    Escape(route), method, status, count);
  }
  out += "# HELP nyttig_http_request_duration_seconds Time to answer a request.\n";
  out += "# TYPE nyttig_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    std::uint64_t cumulative = 0;
    for (size_t i = 0; i < kBucketCount; ++i) {
      cumulative += h.buckets[i];
      out +=
          fmt::format("nyttig_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                      Escape(route), kBuckets[i], cumulative);
    }
    out +=
        fmt::format("nyttig_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
                    Escape(route), h.count);
    out += fmt::format("nyttig_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n",
                       Escape(route), h.sum);
    out += fmt::format("nyttig_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
                       Escape(route), h.count);
  }
  out += "# HELP nyttig_http_requests_in_flight Requests being handled now.\n";
  out += "# TYPE nyttig_http_requests_in_flight gauge\n";
  out += fmt::format("nyttig_http_requests_in_flight {}\n", in_flight_.load());
  for (const std::string& line : extra) out += line + "\n";
  return out;
}

}  // namespace nyttig::app
