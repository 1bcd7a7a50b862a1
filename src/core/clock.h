// Clock: the source of "now" for every service, so tests control time.
//
//   SystemClock clock;                 // production
//   FakeClock clock(At(2026, 11, 28)); // tests: clock.Advance(std::chrono::hours(1));
//
// Time is kept as whole seconds since the Unix epoch, UTC (`UnixSeconds`), the
// unit the database stores; sub-second precision is never needed by a rule.
// Thread-safety: SystemClock is stateless; FakeClock is safe to read and
// advance from several threads.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace nyttig {

using UnixSeconds = std::int64_t;
inline constexpr UnixSeconds kDay = 86400;  // seconds (civil days in UTC have no leap seconds)

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixSeconds Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  UnixSeconds Now() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(UnixSeconds start) : now_(start) {}
  UnixSeconds Now() const override { return now_.load(); }
  void Advance(std::chrono::seconds by) { now_ += by.count(); }
  void Set(UnixSeconds t) { now_ = t; }

 private:
  std::atomic<UnixSeconds> now_;
};

}  // namespace nyttig
