#include "audit/head_publisher.h"

#include <spdlog/spdlog.h>

namespace nyttig::audit {

HeadPublisher::HeadPublisher(const AuditLog& audit_log, db::Database& db,
                             std::chrono::milliseconds interval)
    : audit_log_(audit_log),
      db_(db),
      interval_(interval),
      thread_([this](const std::stop_token& stop) { Run(stop); }) {}

HeadPublisher::~HeadPublisher() {
  thread_.request_stop();
  thread_.join();
  PublishOnce();
}

void HeadPublisher::Run(const std::stop_token& stop) {
  std::unique_lock lock(mutex_);
  while (!stop.stop_requested()) {
    // Returns early when a stop is requested, so shutdown never waits a
    // whole interval.
    wake_.wait_for(lock, stop, interval_, [] { return false; });
    if (stop.stop_requested()) return;
    PublishOnce();
  }
}

void HeadPublisher::PublishOnce() {
  StatusOr<int> published = audit_log_.PublishHeads(db_);
  if (!published.ok()) {
    spdlog::warn("audit: publishing chain heads failed: {}", published.status().ToString());
  }
}

}  // namespace nyttig::audit
