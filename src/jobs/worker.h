// Worker: runs the handlers registered per job kind on a thread of its own,
// claiming jobs from a JobQueue until stopped. Several workers (in one
// process or many) may serve one queue; each job runs once per claim.
//
//   Worker worker(queue, {.worker_id = "host-1:42"});
//   worker.Handle("dialogue.recompute", [&](const Job& job) { return Recompute(job); });
//   worker.Start();
//   ...
//   worker.Stop();  // prompt: waits only for a handler already running
//
// A handler runs outside any transaction; it opens its own. An OK status
// completes the job, an error (or an exception) fails it, to be retried with
// backoff (JobQueue::Fail). Handlers must be idempotent: a job whose lease
// runs out while its handler still works is handed to another worker.
//
// Thread-safety: Handle() before Start(); Start() and Stop() from the owning
// thread. Stop() is idempotent and is called by the destructor. The queue
// must outlive the worker.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/status.h"
#include "jobs/job_queue.h"

namespace nyttig::jobs {

using JobHandler = std::function<Status(const Job&)>;

struct WorkerOptions {
  std::string worker_id;  // unique per process, e.g. "hostname:pid"; required
  std::chrono::milliseconds poll_interval{1000};  // wait when no job is due
  int lease_seconds = 300;  // seconds a claim holds; longer than any handler runs
};

class Worker {
 public:
  Worker(JobQueue& queue, WorkerOptions options);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  // Registers the handler for `kind`, replacing an earlier one. Only kinds
  // with a handler are claimed. Call before Start().
  void Handle(const std::string& kind, JobHandler handler);

  // Starts the loop. Fails with kInvalidArgument without a worker id or
  // handlers, kFailedPrecondition when already started.
  Status Start();

  // Asks the loop to stop and waits for it: at once when idle, after the
  // running handler returns otherwise. Safe to call more than once.
  void Stop();

  // Claims and runs at most one job of a kind with a handler on the calling
  // thread; returns whether there was one (never, without handlers). Fails when claiming or recording the outcome fails (the
  // handler's own error is recorded on the job, not returned).
  StatusOr<bool> RunOnce();

 private:
  void Loop();
  Status Run(const Job& job, const JobHandler& handler) const;

  JobQueue& queue_;
  const WorkerOptions options_;
  std::map<std::string, JobHandler> handlers_;
  std::vector<std::string> kinds_;

  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mu_
  std::thread thread_;
};

}  // namespace nyttig::jobs
