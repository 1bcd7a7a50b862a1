// The mail outbox: messages are written to `mail_outbox` in the same
// transaction as the change that causes them, and sent later by whatever
// delivers mail in the installation (a relay job; see docs/operations.md).
// In development (`log_messages`) each message is also written to the log so
// that a developer can follow a password-reset link without a mail server.
// Thread-safety: stateless apart from options; share freely.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"

namespace nyttig::mail {

struct OutboxOptions {
  bool log_messages = false;  // development only: bodies may hold one-time links
};

struct OutgoingMail {
  std::int64_t id = 0;
  std::string to;
  std::string subject;
  std::string body;
  UnixSeconds created_at = 0;
};

class Outbox {
 public:
  Outbox(const Clock& clock, OutboxOptions options) : clock_(clock), options_(options) {}

  // Queues a message inside the caller's transaction; returns its id.
  StatusOr<std::int64_t> Enqueue(db::Tx& tx, const std::string& to, const std::string& subject,
                                 const std::string& body) const;

  // Messages not yet sent, oldest first (for the sender and for tests).
  StatusOr<std::vector<OutgoingMail>> Pending(db::Database& db, int limit) const;

 private:
  const Clock& clock_;
  OutboxOptions options_;
};

}  // namespace nyttig::mail
