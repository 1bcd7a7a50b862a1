#include "ideas/participation_store.h"

#include <soci/soci.h>

#include "db/row.h"

namespace nyttig::ideas {
namespace {

constexpr char kCommentColumns[] =
    "SELECT c.id, c.idea_id, c.parent_id, c.author_id, p.display_name, c.body, c.created_at, "
    "c.edited_at, c.hidden_at, c.hidden_reason, "
    "(SELECT COUNT(*) FROM ideas_comment_reports r WHERE r.comment_id = c.id) "
    "FROM ideas_comments c JOIN accounts_persons p ON p.id = c.author_id ";

Comment CommentFromRow(const soci::row& r) {
  return {.id = db::Int(r, 0), .idea_id = db::Int(r, 1), .parent_id = db::OptInt(r, 2),
          .author_id = db::Int(r, 3), .author_name = db::Text(r, 4), .body = db::Text(r, 5),
          .created_at = db::Int(r, 6), .edited_at = db::OptInt(r, 7),
          .hidden_at = db::OptInt(r, 8), .hidden_reason = db::Text(r, 9),
          .reports = static_cast<int>(db::Int(r, 10))};
}

// Runs an INSERT … ON CONFLICT DO NOTHING RETURNING / DELETE … RETURNING and
// tells whether a row was touched: concurrent duplicates meet the primary
// key, never a read-then-write race.
StatusOr<bool> Touched(db::Tx& tx, const std::string& sql, long long idea, long long person,
                       std::optional<long long> at) {
  long long returned = 0;
  soci::statement st = at ? (tx.sql().prepare << sql, soci::use(idea), soci::use(person),
                             soci::use(*at), soci::into(returned))
                          : (tx.sql().prepare << sql, soci::use(idea), soci::use(person),
                             soci::into(returned));
  return st.execute(true);
}

StatusOr<bool> Exists(db::Tx& tx, const std::string& table, long long idea, long long person) {
  long long count = 0;
  tx.sql() << "SELECT COUNT(*) FROM " + table + " WHERE idea_id = :i AND person_id = :p",
      soci::use(idea), soci::use(person), soci::into(count);
  return count > 0;
}

}  // namespace

StatusOr<CommentId> ParticipationStore::InsertComment(db::Tx& tx, const Comment& c) {
  long long id = 0, idea = c.idea_id, author = c.author_id, at = c.created_at;
  db::NullableInt parent(c.parent_id);
  tx.sql() << "INSERT INTO ideas_comments(idea_id, parent_id, author_id, body, created_at) "
              "VALUES (:i, :p, :a, :b, :t) RETURNING id",
      soci::use(idea), soci::use(parent.value, parent.indicator), soci::use(author),
      soci::use(c.body), soci::use(at), soci::into(id);
  return id;
}

StatusOr<Comment> ParticipationStore::FindComment(db::Tx& tx, CommentId id) {
  long long cid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kCommentColumns) + "WHERE c.id = :id", soci::use(cid));
  for (const soci::row& r : rows) return CommentFromRow(r);
  return NotFoundError("error.not_found");
}

StatusOr<std::vector<Comment>> ParticipationStore::ListComments(db::Tx& tx, IdeaId idea) {
  long long iid = idea;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kCommentColumns) +
                               "WHERE c.idea_id = :i ORDER BY c.created_at, c.id",
       soci::use(iid));
  std::vector<Comment> out;
  for (const soci::row& r : rows) out.push_back(CommentFromRow(r));
  return out;
}

Status ParticipationStore::UpdateCommentBody(db::Tx& tx, CommentId id, const std::string& body,
                                             UnixSeconds at) {
  long long cid = id, when = at;
  tx.sql() << "UPDATE ideas_comments SET body = :b, edited_at = :t WHERE id = :id",
      soci::use(body), soci::use(when), soci::use(cid);
  return Status::Ok();
}

Status ParticipationStore::HideComment(db::Tx& tx, CommentId id, std::optional<PersonId> by,
                                       const std::string& reason, UnixSeconds at) {
  long long cid = id, when = at;
  db::NullableInt who(by);
  tx.sql() << "UPDATE ideas_comments SET hidden_at = :t, hidden_by = :b, hidden_reason = :r "
              "WHERE id = :id",
      soci::use(when), soci::use(who.value, who.indicator), soci::use(reason), soci::use(cid);
  return Status::Ok();
}

StatusOr<bool> ParticipationStore::InsertReport(db::Tx& tx, CommentId comment,
                                                PersonId reporter, const std::string& reason,
                                                UnixSeconds at) {
  long long cid = comment, pid = reporter, when = at, returned = 0;
  soci::statement st =
      (tx.sql().prepare
           << "INSERT INTO ideas_comment_reports(comment_id, reporter_id, reason, created_at) "
              "VALUES (:c, :p, :r, :t) ON CONFLICT (comment_id, reporter_id) DO NOTHING "
              "RETURNING comment_id",
       soci::use(cid), soci::use(pid), soci::use(reason), soci::use(when), soci::into(returned));
  return st.execute(true);
}

StatusOr<bool> ParticipationStore::InsertSupport(db::Tx& tx, IdeaId idea, PersonId person,
                                                 UnixSeconds at) {
  return Touched(tx,
                 "INSERT INTO ideas_supports(idea_id, person_id, created_at) VALUES (:i, :p, :t) "
                 "ON CONFLICT (idea_id, person_id) DO NOTHING RETURNING idea_id",
                 idea, person, at);
}

StatusOr<bool> ParticipationStore::DeleteSupport(db::Tx& tx, IdeaId idea, PersonId person) {
  return Touched(tx,
                 "DELETE FROM ideas_supports WHERE idea_id = :i AND person_id = :p "
                 "RETURNING idea_id",
                 idea, person, std::nullopt);
}

StatusOr<std::int64_t> ParticipationStore::CountSupports(db::Tx& tx, IdeaId idea) {
  long long iid = idea, count = 0;
  tx.sql() << "SELECT COUNT(*) FROM ideas_supports WHERE idea_id = :i", soci::use(iid),
      soci::into(count);
  return count;
}

StatusOr<bool> ParticipationStore::HasSupported(db::Tx& tx, IdeaId idea, PersonId person) {
  return Exists(tx, "ideas_supports", idea, person);
}

StatusOr<bool> ParticipationStore::InsertFollow(db::Tx& tx, IdeaId idea, PersonId person,
                                                UnixSeconds at) {
  return Touched(tx,
                 "INSERT INTO ideas_follows(idea_id, person_id, created_at) VALUES (:i, :p, :t) "
                 "ON CONFLICT (idea_id, person_id) DO NOTHING RETURNING idea_id",
                 idea, person, at);
}

StatusOr<bool> ParticipationStore::DeleteFollow(db::Tx& tx, IdeaId idea, PersonId person) {
  return Touched(tx,
                 "DELETE FROM ideas_follows WHERE idea_id = :i AND person_id = :p "
                 "RETURNING idea_id",
                 idea, person, std::nullopt);
}

StatusOr<bool> ParticipationStore::IsFollowing(db::Tx& tx, IdeaId idea, PersonId person) {
  return Exists(tx, "ideas_follows", idea, person);
}

StatusOr<std::vector<PersonId>> ParticipationStore::Followers(db::Tx& tx, IdeaId idea) {
  long long iid = idea;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT person_id FROM ideas_follows WHERE idea_id = :i "
                           "ORDER BY person_id",
       soci::use(iid));
  std::vector<PersonId> out;
  for (const soci::row& r : rows) out.push_back(db::Int(r, 0));
  return out;
}

Status ParticipationStore::CopySupportsAndFollows(db::Tx& tx, IdeaId from, IdeaId to) {
  long long src = from, dst = to;
  for (const char* table : {"ideas_supports", "ideas_follows"}) {
    tx.sql() << std::string("INSERT INTO ") + table + "(idea_id, person_id, created_at) "
                "SELECT :to, person_id, created_at FROM " + table + " WHERE idea_id = :from "
                "ON CONFLICT (idea_id, person_id) DO NOTHING",
        soci::use(dst), soci::use(src);
  }
  return Status::Ok();
}

Status ParticipationStore::InsertMerge(db::Tx& tx, IdeaId duplicate, IdeaId original,
                                       std::optional<PersonId> by, const std::string& reason,
                                       UnixSeconds at) {
  long long dup = duplicate, orig = original, when = at;
  db::NullableInt who(by);
  tx.sql() << "INSERT INTO ideas_merges(duplicate_id, original_id, merged_by, reason, merged_at) "
              "VALUES (:d, :o, :b, :r, :t)",
      soci::use(dup), soci::use(orig), soci::use(who.value, who.indicator), soci::use(reason),
      soci::use(when);
  return Status::Ok();
}

StatusOr<std::optional<IdeaId>> ParticipationStore::MergedInto(db::Tx& tx, IdeaId duplicate) {
  long long dup = duplicate;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT original_id FROM ideas_merges WHERE duplicate_id = :d",
       soci::use(dup));
  for (const soci::row& r : rows) return std::optional<IdeaId>(db::Int(r, 0));
  return std::optional<IdeaId>();
}

}  // namespace nyttig::ideas
