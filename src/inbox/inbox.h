// Inbox: notifications to people, written by any module inside its own
// transaction (so a notice exists if and only if the change does), shown on
// /inbox and by GET /api/v1/me/notifications, and mailed through the outbox.
//
//   // inside a module's db.Write:
//   RETURN_IF_ERROR(inbox.Notify(tx, {.person_id = author, .kind = "idea.moved",
//                                     .text_key = "inbox.idea.moved",
//                                     .args = {{"title", idea.title}, {"stage", "Test"}},
//                                     .link = "/ideas/42"}));
//
// Thread-safety: stateless apart from references; share one instance.
#pragma once

#include <cstdint>
#include <vector>

#include "accounts/actor.h"
#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"
#include "inbox/notification.h"
#include "mail/outbox.h"

namespace nyttig::inbox {

inline constexpr int kMaxNotificationsPerPage = 100;

struct NotificationPage {
  std::vector<Notification> items;
  std::int64_t total = 0;
  std::int64_t unread = 0;
};

class Inbox {
 public:
  // `public_base_url` makes the links in mails absolute.
  Inbox(db::Database& db, const Clock& clock, const mail::Outbox& outbox,
        std::string public_base_url);
  Inbox(const Inbox&) = delete;
  Inbox& operator=(const Inbox&) = delete;

  // Stores `notification` for its person inside the caller's transaction and
  // queues a mail in the person's language (none when they have no address).
  // Returns the new id. kNotFound when the person does not exist.
  StatusOr<NotificationId> Notify(db::Tx& tx, Notification notification) const;

  // The actor's notifications, newest first. kUnauthenticated when nobody is
  // logged in; kInvalidArgument for page < 1 or limit outside 1..100.
  StatusOr<NotificationPage> List(const accounts::Actor& actor, int page, int limit) const;
  // Unread notifications of the actor (0 when anonymous); for the menu.
  StatusOr<std::int64_t> UnreadCount(const accounts::Actor& actor) const;
  // Marks one notification read. kNotFound unless it is the actor's own.
  Status MarkRead(const accounts::Actor& actor, NotificationId id) const;
  // Marks all of the actor's notifications read; returns how many changed.
  StatusOr<int> MarkAllRead(const accounts::Actor& actor) const;

 private:
  db::Database& db_;
  const Clock& clock_;
  const mail::Outbox& outbox_;
  std::string public_base_url_;
};

}  // namespace nyttig::inbox
