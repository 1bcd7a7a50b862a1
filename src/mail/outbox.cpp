#include "mail/outbox.h"

#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include "db/row.h"

namespace nyttig::mail {

StatusOr<std::int64_t> Outbox::Enqueue(db::Tx& tx, const std::string& to,
                                       const std::string& subject, const std::string& body) const {
  long long id = 0, now = clock_.Now();
  tx.sql() << "INSERT INTO mail_outbox(to_address, subject, body, created_at) "
              "VALUES (:a, :s, :b, :t) RETURNING id",
      soci::use(to), soci::use(subject), soci::use(body), soci::use(now), soci::into(id);
  if (options_.log_messages) {
    spdlog::info("mail (development outbox) to {}: {}\n{}", to, subject, body);
  }
  return id;
}

StatusOr<std::vector<OutgoingMail>> Outbox::Pending(db::Database& db, int limit) const {
  return db.ReadValue<std::vector<OutgoingMail>>(
      [&](db::Tx& tx) -> StatusOr<std::vector<OutgoingMail>> {
        long long lim = limit;
        soci::rowset<soci::row> rows =
            (tx.sql().prepare << "SELECT id, to_address, subject, body, created_at FROM "
                                 "mail_outbox WHERE sent_at IS NULL ORDER BY id LIMIT :l",
             soci::use(lim));
        std::vector<OutgoingMail> out;
        for (const soci::row& r : rows) {
          out.push_back({db::Int(r, 0), db::Text(r, 1), db::Text(r, 2), db::Text(r, 3),
                         db::Int(r, 4)});
        }
        return out;
      });
}

}  // namespace nyttig::mail
