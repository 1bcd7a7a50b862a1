#include "jobs/worker.h"

#include <spdlog/spdlog.h>

#include <exception>
#include <utility>

namespace nyttig::jobs {

Worker::Worker(JobQueue& queue, WorkerOptions options)
    : queue_(queue), options_(std::move(options)) {}

Worker::~Worker() { Stop(); }

void Worker::Handle(const std::string& kind, JobHandler handler) {
  if (!handlers_.contains(kind)) kinds_.push_back(kind);
  handlers_[kind] = std::move(handler);
}

Status Worker::Start() {
  if (options_.worker_id.empty()) return InvalidArgumentError("a worker needs an id");
  if (handlers_.empty()) return InvalidArgumentError("a worker needs at least one handler");
  if (thread_.joinable()) return FailedPreconditionError("worker already started");
  {
    std::lock_guard lock(mu_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { Loop(); });
  return Status::Ok();
}

void Worker::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

StatusOr<bool> Worker::RunOnce() {
  // Claim() with no kinds means "any kind": a worker without handlers must
  // not take jobs it cannot run.
  if (kinds_.empty()) return false;
  ASSIGN_OR_RETURN(std::optional<Job> job,
                   queue_.Claim(options_.worker_id, options_.lease_seconds, kinds_));
  if (!job) return false;
  RETURN_IF_ERROR(Run(*job, handlers_.at(job->kind)));
  return true;
}

// Runs the handler with no transaction open, then records its outcome.
Status Worker::Run(const Job& job, const JobHandler& handler) const {
  Status result;
  try {
    result = handler(job);
  } catch (const std::exception& e) {
    result = InternalError(std::string("handler threw: ") + e.what());
  }
  if (result.ok()) return queue_.Complete(job);
  spdlog::warn("job {} ({}) attempt {}/{} failed: {}", job.id, job.kind, job.attempts,
               job.max_attempts, result.ToString());
  return queue_.Fail(job, result.ToString());
}

void Worker::Loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    StatusOr<bool> ran = RunOnce();
    if (!ran.ok()) spdlog::warn("job worker {}: {}", options_.worker_id, ran.status().ToString());
    lock.lock();
    // Straight on to the next job while there is work; otherwise poll.
    if (ran.ok() && *ran) continue;
    wake_.wait_for(lock, options_.poll_interval, [this] { return stopping_; });
  }
}

}  // namespace nyttig::jobs
