#include "knowledge/document_store.h"

#include <soci/soci.h>

#include "core/text.h"
#include "db/row.h"

namespace nyttig::knowledge {
namespace {

constexpr std::string_view kSelect =
    "SELECT d.id, d.organisation_id, COALESCE(o.name, ''), d.title, d.kind, d.decision_date, "
    "d.decision_body, d.diary_number, d.language, d.source_name, d.content_type, d.file_sha256, "
    "d.file_size, d.page_count, d.is_public, d.created_at ";

Document FromRow(const soci::row& r) {
  Document d;
  d.id = db::Int(r, 0);
  d.organisation_id = db::OptInt(r, 1);
  d.organisation_name = db::Text(r, 2);
  d.metadata = {.title = db::Text(r, 3),
                .kind = db::Text(r, 4),
                .decision_date = db::OptText(r, 5),
                .decision_body = db::Text(r, 6),
                .diary_number = db::Text(r, 7),
                .language = db::Text(r, 8)};
  d.source_name = db::Text(r, 9);
  d.content_type = db::Text(r, 10);
  d.file_sha256 = db::Text(r, 11);
  d.file_size = db::Int(r, 12);
  d.page_count = static_cast<int>(db::Int(r, 13));
  d.is_public = db::Int(r, 14) != 0;
  d.created_at = db::Int(r, 15);
  return d;
}

std::string LikePattern(const std::string& text) {
  std::string out = "%";
  for (char c : AsciiLower(text)) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// The WHERE clause of a filter. Organisation ids are our own integers and
// are written into the SQL; everything a person typed is bound.
std::string Where(const DocumentFilter& f) {
  std::string where = "WHERE (:kind = '' OR d.kind = :kind2) AND d.title_like LIKE :q ESCAPE '\\' "
                      "AND (:year = '' OR d.decision_date LIKE :year2) ";
  if (f.organisation_id) where += "AND d.organisation_id = " + std::to_string(*f.organisation_id) + " ";
  if (f.shared_only) where += "AND d.organisation_id IS NULL ";
  if (!f.all_visible) {
    where += "AND (d.is_public = 1";
    for (std::int64_t org : f.member_of) where += " OR d.organisation_id = " + std::to_string(org);
    where += ") ";
  }
  return where;
}

struct FilterBinds {
  explicit FilterBinds(const DocumentFilter& f)
      : kind(f.kind),
        query(LikePattern(f.query)),
        year(f.year ? std::to_string(*f.year) : ""),
        year_like(year + "%") {}
  std::string kind, query, year, year_like;
};

}  // namespace

StatusOr<DocumentId> DocumentStore::Insert(db::Tx& tx, const Document& d,
                                           std::optional<std::int64_t> by) {
  long long id = 0, size = d.file_size, created = d.created_at;
  int pages = d.page_count, is_public = d.is_public ? 1 : 0;
  db::NullableInt org(d.organisation_id), creator(by);
  db::NullableText date(d.metadata.decision_date);
  tx.sql() << "INSERT INTO knowledge_documents(organisation_id, title, kind, decision_date, "
              "decision_body, diary_number, language, source_name, content_type, file_sha256, "
              "file_size, page_count, transcript, is_public, created_by, created_at) VALUES (:o, "
              ":t, :k, :dd, :db, :dn, :l, :sn, :ct, :sha, :sz, :pc, :tr, :pub, :by, :c) "
              "RETURNING id",
      soci::use(org.value, org.indicator), soci::use(d.metadata.title), soci::use(d.metadata.kind),
      soci::use(date.value, date.indicator), soci::use(d.metadata.decision_body),
      soci::use(d.metadata.diary_number), soci::use(d.metadata.language),
      soci::use(d.source_name), soci::use(d.content_type), soci::use(d.file_sha256),
      soci::use(size), soci::use(pages), soci::use(d.transcript), soci::use(is_public),
      soci::use(creator.value, creator.indicator), soci::use(created), soci::into(id);
  return id;
}

StatusOr<std::optional<DocumentId>> DocumentStore::FindByHash(db::Tx& tx,
                                                               std::optional<std::int64_t> org,
                                                               const std::string& sha256) {
  long long org_key = org.value_or(0);
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id FROM knowledge_documents WHERE COALESCE(organisation_id, 0) "
                           "= :o AND file_sha256 = :s",
       soci::use(org_key), soci::use(sha256));
  for (const soci::row& r : rows) return std::optional<DocumentId>(db::Int(r, 0));
  return std::optional<DocumentId>();
}

StatusOr<Document> DocumentStore::Get(db::Tx& tx, DocumentId id) {
  long long did = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kSelect) +
                               ", d.transcript FROM knowledge_documents d LEFT JOIN "
                               "accounts_organisations o ON o.id = d.organisation_id WHERE d.id = :id",
       soci::use(did));
  for (const soci::row& r : rows) {
    Document d = FromRow(r);
    d.transcript = db::Text(r, 16);
    return d;
  }
  return NotFoundError("no document with id " + std::to_string(id));
}

StatusOr<std::vector<Document>> DocumentStore::List(db::Tx& tx, const DocumentFilter& filter,
                                                    int limit, std::int64_t offset) {
  FilterBinds b(filter);
  long long l = limit, o = offset;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kSelect) +
                               "FROM (SELECT *, LOWER(title) AS title_like FROM "
                               "knowledge_documents) d LEFT JOIN accounts_organisations o ON o.id "
                               "= d.organisation_id " +
                               Where(filter) +
                               "ORDER BY COALESCE(d.decision_date, '') DESC, d.id DESC LIMIT :l OFFSET :off",
       soci::use(b.kind, "kind"), soci::use(b.kind, "kind2"), soci::use(b.query, "q"),
       soci::use(b.year, "year"), soci::use(b.year_like, "year2"), soci::use(l, "l"),
       soci::use(o, "off"));
  std::vector<Document> out;
  for (const soci::row& r : rows) out.push_back(FromRow(r));
  return out;
}

StatusOr<std::int64_t> DocumentStore::Count(db::Tx& tx, const DocumentFilter& filter) {
  FilterBinds b(filter);
  long long total = 0;
  tx.sql() << "SELECT COUNT(*) FROM (SELECT *, LOWER(title) AS title_like FROM "
              "knowledge_documents) d " + Where(filter),
      soci::use(b.kind, "kind"), soci::use(b.kind, "kind2"), soci::use(b.query, "q"),
      soci::use(b.year, "year"), soci::use(b.year_like, "year2"), soci::into(total);
  return std::int64_t(total);
}

StatusOr<std::vector<RelatedInput>> DocumentStore::RelatedInputs(db::Tx& tx) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, title, transcript, decision_date, diary_number FROM "
                           "knowledge_documents ORDER BY id");
  std::vector<RelatedInput> out;
  for (const soci::row& r : rows) {
    out.push_back({.id = db::Int(r, 0),
                   .title = db::Text(r, 1),
                   .text = db::Text(r, 2),
                   .decision_date = db::OptText(r, 3),
                   .diary_number = db::Text(r, 4)});
  }
  return out;
}

Status DocumentStore::ReplaceRelated(db::Tx& tx, DocumentId id,
                                     const std::vector<ScoredDocument>& list) {
  long long did = id;
  tx.sql() << "DELETE FROM knowledge_document_related WHERE document_id = :d", soci::use(did);
  int rank = 0;
  long long related = 0;
  double score = 0;
  soci::statement insert = (tx.sql().prepare << "INSERT INTO knowledge_document_related("
                                                "document_id, rank, related_id, score) VALUES "
                                                "(:d, :r, :rel, :s)",
                            soci::use(did), soci::use(rank), soci::use(related), soci::use(score));
  for (const ScoredDocument& s : list) {
    ++rank;
    related = s.id;
    score = s.score;
    insert.execute(true);
  }
  return Status::Ok();
}

StatusOr<std::vector<DocumentStore::RelatedRow>> DocumentStore::Related(db::Tx& tx,
                                                                        DocumentId id) {
  long long did = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT d.id, d.title, d.kind, r.score, d.organisation_id, "
                           "d.is_public FROM knowledge_document_related r JOIN "
                           "knowledge_documents d ON d.id = r.related_id WHERE r.document_id = "
                           ":d ORDER BY r.rank",
       soci::use(did));
  std::vector<RelatedRow> out;
  for (const soci::row& r : rows) {
    out.push_back({.doc = {db::Int(r, 0), db::Text(r, 1), db::Text(r, 2), db::Real(r, 3)},
                   .organisation_id = db::OptInt(r, 4),
                   .is_public = db::Int(r, 5) != 0});
  }
  return out;
}

}  // namespace nyttig::knowledge
