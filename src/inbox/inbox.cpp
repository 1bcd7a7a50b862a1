#include "inbox/inbox.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "accounts/person_store.h"
#include "db/row.h"
#include "i18n/catalog.h"

namespace nyttig::inbox {
namespace {

constexpr const char* kSelect =
    "SELECT id, person_id, kind, text_key, args, link, created_at, read_at "
    "FROM inbox_notifications ";

std::string ArgsJson(const Notification& n) {
  nlohmann::json args = nlohmann::json::object();
  for (const auto& [name, value] : n.args) args[name] = value;
  return args.dump();
}

Notification FromRow(const soci::row& r) {
  Notification n{.id = db::Int(r, 0),
                 .person_id = db::Int(r, 1),
                 .kind = db::Text(r, 2),
                 .text_key = db::Text(r, 3),
                 .link = db::Text(r, 5),
                 .created_at = db::Int(r, 6),
                 .read_at = db::OptInt(r, 7)};
  // Written by Notify only, so always an object of strings; anything else is skipped.
  auto args = nlohmann::json::parse(db::Text(r, 4), nullptr, false);
  if (args.is_object()) {
    for (const auto& [name, value] : args.items()) {
      if (value.is_string()) n.args.emplace_back(name, value.get<std::string>());
    }
  }
  return n;
}

Status RequirePerson(const accounts::Actor& actor) {
  if (!actor.person_id) return UnauthenticatedError("accounts.login.required");
  return Status::Ok();
}

}  // namespace

Inbox::Inbox(db::Database& db, const Clock& clock, const mail::Outbox& outbox,
             std::string public_base_url)
    : db_(db), clock_(clock), outbox_(outbox), public_base_url_(std::move(public_base_url)) {}

StatusOr<NotificationId> Inbox::Notify(db::Tx& tx, Notification n) const {
  ASSIGN_OR_RETURN(accounts::Person person, accounts::PersonStore::Find(tx, n.person_id));
  n.created_at = clock_.Now();
  long long id = 0, pid = n.person_id, at = n.created_at;
  std::string args = ArgsJson(n);
  tx.sql() << "INSERT INTO inbox_notifications(person_id, kind, text_key, args, link, created_at) "
              "VALUES (:p, :k, :t, :a, :l, :c) RETURNING id",
      soci::use(pid), soci::use(n.kind), soci::use(n.text_key), soci::use(args),
      soci::use(n.link), soci::use(at), soci::into(id);
  if (person.email.empty()) return id;  // erased or without an address: the inbox only
  const i18n::Catalog& messages = i18n::Catalogs::Builtin().For(person.locale);
  std::string text = messages.Get(n.text_key, n.args);
  std::string body = messages.Get("inbox.mail.greeting", {{"name", person.display_name}}) +
                     "\n\n" + text + "\n\n" + public_base_url_ + n.link + "\n\n" +
                     messages.Get("inbox.mail.footer", {{"url", public_base_url_ + "/inbox"}});
  RETURN_IF_ERROR(outbox_.Enqueue(tx, person.email, messages.Get("inbox.mail.subject"), body));
  return id;
}

StatusOr<NotificationPage> Inbox::List(const accounts::Actor& actor, int page, int limit) const {
  RETURN_IF_ERROR(RequirePerson(actor));
  if (page < 1 || limit < 1 || limit > kMaxNotificationsPerPage) {
    return InvalidArgumentError("validation.paging");
  }
  return db_.ReadValue<NotificationPage>([&](db::Tx& tx) -> StatusOr<NotificationPage> {
    long long pid = *actor.person_id, lim = limit, off = (long long)(page - 1) * limit;
    NotificationPage out;
    long long total = 0, unread = 0;
    tx.sql() << "SELECT COUNT(*), COALESCE(SUM(CASE WHEN read_at IS NULL THEN 1 ELSE 0 END), 0) "
                "FROM inbox_notifications WHERE person_id = :p",
        soci::use(pid), soci::into(total), soci::into(unread);
    out.total = total;
    out.unread = unread;
    soci::rowset<soci::row> rows =
        (tx.sql().prepare << std::string(kSelect) +
                                 "WHERE person_id = :p ORDER BY created_at DESC, id DESC "
                                 "LIMIT :l OFFSET :o",
         soci::use(pid), soci::use(lim), soci::use(off));
    for (const soci::row& r : rows) out.items.push_back(FromRow(r));
    return out;
  });
}

StatusOr<std::int64_t> Inbox::UnreadCount(const accounts::Actor& actor) const {
  if (!actor.person_id) return std::int64_t{0};
  return db_.ReadValue<std::int64_t>([&](db::Tx& tx) -> StatusOr<std::int64_t> {
    long long pid = *actor.person_id, n = 0;
    tx.sql() << "SELECT COUNT(*) FROM inbox_notifications WHERE person_id = :p AND "
                "read_at IS NULL",
        soci::use(pid), soci::into(n);
    return std::int64_t(n);
  });
}

Status Inbox::MarkRead(const accounts::Actor& actor, NotificationId id) const {
  RETURN_IF_ERROR(RequirePerson(actor));
  return db_.Write([&](db::Tx& tx) -> Status {
    long long nid = id, pid = *actor.person_id, now = clock_.Now();
    soci::statement st =
        (tx.sql().prepare << "UPDATE inbox_notifications SET read_at = COALESCE(read_at, :t) "
                             "WHERE id = :i AND person_id = :p",
         soci::use(now), soci::use(nid), soci::use(pid));
    st.execute(true);
    // Someone else's notification answers like a missing one.
    if (st.get_affected_rows() == 0) return NotFoundError("error.not_found");
    return Status::Ok();
  });
}

StatusOr<int> Inbox::MarkAllRead(const accounts::Actor& actor) const {
  RETURN_IF_ERROR(RequirePerson(actor));
  return db_.WriteValue<int>([&](db::Tx& tx) -> StatusOr<int> {
    long long pid = *actor.person_id, now = clock_.Now();
    soci::statement st =
        (tx.sql().prepare << "UPDATE inbox_notifications SET read_at = :t "
                             "WHERE person_id = :p AND read_at IS NULL",
         soci::use(now), soci::use(pid));
    st.execute(true);
    return int(st.get_affected_rows());
  });
}

}  // namespace nyttig::inbox
