// Request metrics in the Prometheus text format (/metrics): a counter per
// route pattern, method and status class, a latency histogram per route,
// and requests in flight. Route patterns, not paths, label the series, so
// ids in URLs never explode the number of series.
// Thread-safety: all members are safe to call from any thread.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace nyttig::app {

class Metrics {
 public:
  void Observe(const std::string& route, const std::string& method, int status, double seconds);
  void AddInFlight(int delta) { in_flight_ += delta; }
  // The exposition text; `extra` lines (already formatted) are appended.
  std::string Render(const std::vector<std::string>& extra = {}) const;

 private:
  struct Histogram {
    std::vector<std::uint64_t> buckets;  // cumulative counts are computed when rendering
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, std::string>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::atomic<int> in_flight_{0};
};

}  // namespace nyttig::app
