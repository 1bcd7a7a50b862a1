// HeadPublisher: calls AuditLog::PublishHeads at a fixed interval on a
// background thread, which is what makes "the heads are published regularly"
// true in a running server. `nyttig serve` owns one for its lifetime:
//
//   audit::HeadPublisher publisher(audit_log, db, std::chrono::minutes(10));
//
// A publication that fails (database unavailable) is logged and retried at
// the next tick. The destructor stops the thread and publishes once more, so
// a clean shutdown records the final heads.
//
// Ownership: `audit_log` and `db` must outlive the publisher. Not copyable.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>
#include <thread>

#include "audit/audit_log.h"

namespace nyttig::audit {

class HeadPublisher {
 public:
  HeadPublisher(const AuditLog& audit_log, db::Database& db, std::chrono::milliseconds interval);
  ~HeadPublisher();
  HeadPublisher(const HeadPublisher&) = delete;
  HeadPublisher& operator=(const HeadPublisher&) = delete;

 private:
  void Run(const std::stop_token& stop);
  void PublishOnce();

  const AuditLog& audit_log_;
  db::Database& db_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last: starts after every other member exists
};

}  // namespace nyttig::audit
