#include "accounts/organisation_store.h"

#include <soci/soci.h>

#include "core/text.h"
#include "db/row.h"

namespace nyttig::accounts {
namespace {

constexpr const char* kOrgSelect =
    "SELECT id, name, slug, kind, official_code, county_code, description, website, created_at "
    "FROM accounts_organisations ";

Organisation OrgFromRow(const soci::row& r) {
  return Organisation{
      .id = db::Int(r, 0),
      .name = db::Text(r, 1),
      .slug = db::Text(r, 2),
      .kind = ParseOrganisationKind(db::Text(r, 3)).value_or(OrganisationKind::kMunicipality),
      .official_code = db::Text(r, 4),
      .county_code = db::Text(r, 5),
      .description = db::Text(r, 6),
      .website = db::Text(r, 7),
      .created_at = db::Int(r, 8)};
}

constexpr const char* kMembershipSelect =
    "SELECT m.id, m.person_id, m.organisation_id, m.unit_id, m.role, m.created_at, "
    "p.display_name, p.email, o.name, o.slug, u.name "
    "FROM accounts_memberships m JOIN accounts_persons p ON p.id = m.person_id "
    "JOIN accounts_organisations o ON o.id = m.organisation_id "
    "LEFT JOIN accounts_units u ON u.id = m.unit_id ";

Membership MembershipFromRow(const soci::row& r) {
  return Membership{.id = db::Int(r, 0),
                    .person_id = db::Int(r, 1),
                    .organisation_id = db::Int(r, 2),
                    .unit_id = db::OptInt(r, 3),
                    .role = ParseRole(db::Text(r, 4)).value_or(Role::kEmployee),
                    .created_at = db::Int(r, 5),
                    .person_name = db::Text(r, 6),
                    .person_email = db::Text(r, 7),
                    .organisation_name = db::Text(r, 8),
                    .organisation_slug = db::Text(r, 9),
                    .unit_name = db::Text(r, 10)};
}

constexpr const char* kRequestSelect =
    "SELECT r.id, r.person_id, r.organisation_id, r.message, r.state, r.created_at, "
    "p.display_name, p.email, o.name FROM accounts_membership_requests r "
    "JOIN accounts_persons p ON p.id = r.person_id "
    "JOIN accounts_organisations o ON o.id = r.organisation_id ";

RequestState ParseState(const std::string& s) {
  return s == "approved" ? RequestState::kApproved
         : s == "rejected" ? RequestState::kRejected
                           : RequestState::kPending;
}

std::string StateName(RequestState s) {
  return s == RequestState::kApproved ? "approved"
         : s == RequestState::kRejected ? "rejected"
                                        : "pending";
}

MembershipRequest RequestFromRow(const soci::row& r) {
  return MembershipRequest{.id = db::Int(r, 0),
                           .person_id = db::Int(r, 1),
                           .organisation_id = db::Int(r, 2),
                           .message = db::Text(r, 3),
                           .state = ParseState(db::Text(r, 4)),
                           .created_at = db::Int(r, 5),
                           .person_name = db::Text(r, 6),
                           .person_email = db::Text(r, 7),
                           .organisation_name = db::Text(r, 8)};
}

// Escapes LIKE wildcards so a search for "50%" means the characters.
std::string LikePattern(const std::string& text) {
  std::string out = "%";
  for (char c : Utf8ToLower(text)) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

template <typename T, typename F>
std::vector<T> Collect(soci::rowset<soci::row>& rows, F from_row) {
  std::vector<T> out;
  for (const soci::row& r : rows) out.push_back(from_row(r));
  return out;
}

}  // namespace

StatusOr<OrganisationId> OrganisationStore::Insert(db::Tx& tx, const Organisation& o) {
  long long id = 0, created = o.created_at;
  std::string kind(OrganisationKindName(o.kind)), folded = Utf8ToLower(o.name);
  db::NullableText code(o.official_code.empty() ? std::nullopt : std::optional(o.official_code));
  tx.sql() << "INSERT INTO accounts_organisations(name, name_folded, slug, kind, official_code, "
              "county_code, description, website, created_at) VALUES (:n, :f, :s, :k, :c, :cc, "
              ":d, :w, :t) RETURNING id",
      soci::use(o.name), soci::use(folded), soci::use(o.slug), soci::use(kind),
      soci::use(code.value, code.indicator), soci::use(o.county_code), soci::use(o.description),
      soci::use(o.website), soci::use(created), soci::into(id);
  return id;
}

Status OrganisationStore::Update(db::Tx& tx, const Organisation& o) {
  long long id = o.id;
  std::string folded = Utf8ToLower(o.name);
  tx.sql() << "UPDATE accounts_organisations SET name = :n, name_folded = :f, description = :d, "
              "website = :w WHERE id = :id",
      soci::use(o.name), soci::use(folded), soci::use(o.description), soci::use(o.website),
      soci::use(id);
  return Status::Ok();
}

StatusOr<Organisation> OrganisationStore::Find(db::Tx& tx, OrganisationId id) {
  long long oid = id;
  soci::rowset<soci::row> rows = (tx.sql().prepare << std::string(kOrgSelect) + "WHERE id = :id",
                                  soci::use(oid));
  for (const soci::row& r : rows) return OrgFromRow(r);
  return NotFoundError("no organisation with id " + std::to_string(id));
}

StatusOr<Organisation> OrganisationStore::FindBySlug(db::Tx& tx, const std::string& slug) {
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kOrgSelect) + "WHERE slug = :s", soci::use(slug));
  for (const soci::row& r : rows) return OrgFromRow(r);
  return NotFoundError("no organisation with slug " + slug);
}

StatusOr<std::optional<Organisation>> OrganisationStore::FindByCode(db::Tx& tx,
                                                                    OrganisationKind kind,
                                                                    const std::string& code) {
  std::string k(OrganisationKindName(kind));
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kOrgSelect) + "WHERE kind = :k AND official_code = :c",
       soci::use(k), soci::use(code));
  for (const soci::row& r : rows) return std::optional(OrgFromRow(r));
  return std::optional<Organisation>();
}

StatusOr<bool> OrganisationStore::SlugTaken(db::Tx& tx, const std::string& slug) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM accounts_organisations WHERE slug = :s", soci::use(slug),
      soci::into(n);
  return n > 0;
}

StatusOr<std::pair<std::vector<Organisation>, std::int64_t>> OrganisationStore::Search(
    db::Tx& tx, const OrganisationFilter& filter) {
  std::string pattern = LikePattern(filter.name_contains);
  std::string kind = filter.kind ? std::string(OrganisationKindName(*filter.kind)) : "";
  const std::string where =
      "WHERE name_folded LIKE :p ESCAPE '\\' AND (:k = '' OR kind = :k2) ";
  long long total = 0, offset = filter.offset, limit = filter.limit;
  tx.sql() << "SELECT COUNT(*) FROM accounts_organisations " + where, soci::use(pattern, "p"),
      soci::use(kind, "k"), soci::use(kind, "k2"), soci::into(total);
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kOrgSelect) + where +
                               "ORDER BY name_folded, id LIMIT :l OFFSET :o",
       soci::use(pattern, "p"), soci::use(kind, "k"), soci::use(kind, "k2"), soci::use(limit, "l"),
       soci::use(offset, "o"));
  return std::pair(Collect<Organisation>(rows, OrgFromRow), std::int64_t(total));
}

StatusOr<UnitId> OrganisationStore::InsertUnit(db::Tx& tx, const Unit& u, UnixSeconds now) {
  long long id = 0, org = u.organisation_id, at = now;
  db::NullableInt parent(u.parent_id);
  tx.sql() << "INSERT INTO accounts_units(organisation_id, parent_id, name, created_at) "
              "VALUES (:o, :p, :n, :t) RETURNING id",
      soci::use(org), soci::use(parent.value, parent.indicator), soci::use(u.name), soci::use(at),
      soci::into(id);
  return id;
}

StatusOr<std::vector<Unit>> OrganisationStore::ListUnits(db::Tx& tx, OrganisationId org) {
  long long oid = org;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, organisation_id, parent_id, name FROM accounts_units "
                           "WHERE organisation_id = :o ORDER BY name, id",
       soci::use(oid));
  return Collect<Unit>(rows, [](const soci::row& r) {
    return Unit{db::Int(r, 0), db::Int(r, 1), db::OptInt(r, 2), db::Text(r, 3)};
  });
}

StatusOr<Unit> OrganisationStore::FindUnit(db::Tx& tx, UnitId id) {
  long long uid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, organisation_id, parent_id, name FROM accounts_units "
                           "WHERE id = :id",
       soci::use(uid));
  for (const soci::row& r : rows) return Unit{db::Int(r, 0), db::Int(r, 1), db::OptInt(r, 2), db::Text(r, 3)};
  return NotFoundError("no unit with id " + std::to_string(id));
}

StatusOr<std::int64_t> OrganisationStore::InsertMembership(db::Tx& tx, const Membership& m) {
  long long id = 0, person = m.person_id, org = m.organisation_id, at = m.created_at;
  std::string role(RoleName(m.role));
  db::NullableInt unit(m.unit_id);
  tx.sql() << "INSERT INTO accounts_memberships(person_id, organisation_id, unit_id, role, "
              "created_at) VALUES (:p, :o, :u, :r, :t) RETURNING id",
      soci::use(person), soci::use(org), soci::use(unit.value, unit.indicator), soci::use(role),
      soci::use(at), soci::into(id);
  return id;
}

Status OrganisationStore::DeleteMembership(db::Tx& tx, std::int64_t membership_id) {
  long long id = membership_id;
  tx.sql() << "DELETE FROM accounts_memberships WHERE id = :id", soci::use(id);
  return Status::Ok();
}

StatusOr<Membership> OrganisationStore::FindMembership(db::Tx& tx, std::int64_t membership_id) {
  long long id = membership_id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kMembershipSelect) + "WHERE m.id = :id", soci::use(id));
  for (const soci::row& r : rows) return MembershipFromRow(r);
  return NotFoundError("no membership with id " + std::to_string(membership_id));
}

StatusOr<std::vector<Membership>> OrganisationStore::MembershipsOfPerson(db::Tx& tx,
                                                                        PersonId person) {
  long long pid = person;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kMembershipSelect) +
                               "WHERE m.person_id = :p ORDER BY o.name_folded, m.role",
       soci::use(pid));
  return Collect<Membership>(rows, MembershipFromRow);
}

StatusOr<std::pair<std::vector<Membership>, std::int64_t>>
OrganisationStore::MembershipsOfOrganisation(db::Tx& tx, OrganisationId org, std::int64_t offset,
                                             int limit) {
  long long oid = org, off = offset, lim = limit, total = 0;
  tx.sql() << "SELECT COUNT(*) FROM accounts_memberships WHERE organisation_id = :o",
      soci::use(oid), soci::into(total);
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kMembershipSelect) +
                               "WHERE m.organisation_id = :o ORDER BY p.display_name, m.role, m.id "
                               "LIMIT :l OFFSET :f",
       soci::use(oid, "o"), soci::use(lim, "l"), soci::use(off, "f"));
  return std::pair(Collect<Membership>(rows, MembershipFromRow), std::int64_t(total));
}

StatusOr<std::int64_t> OrganisationStore::CountAdmins(db::Tx& tx, OrganisationId org) {
  long long oid = org, n = 0;
  tx.sql() << "SELECT COUNT(*) FROM accounts_memberships WHERE organisation_id = :o AND "
              "role = 'admin'",
      soci::use(oid), soci::into(n);
  return n;
}

StatusOr<std::int64_t> OrganisationStore::InsertRequest(db::Tx& tx, const MembershipRequest& r) {
  long long id = 0, person = r.person_id, org = r.organisation_id, at = r.created_at;
  tx.sql() << "INSERT INTO accounts_membership_requests(person_id, organisation_id, message, "
              "state, created_at) VALUES (:p, :o, :m, 'pending', :t) RETURNING id",
      soci::use(person), soci::use(org), soci::use(r.message), soci::use(at), soci::into(id);
  return id;
}

StatusOr<MembershipRequest> OrganisationStore::FindRequest(db::Tx& tx, std::int64_t id) {
  long long rid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kRequestSelect) + "WHERE r.id = :id", soci::use(rid));
  for (const soci::row& r : rows) return RequestFromRow(r);
  return NotFoundError("no membership request with id " + std::to_string(id));
}

StatusOr<std::vector<MembershipRequest>> OrganisationStore::PendingRequests(db::Tx& tx,
                                                                           OrganisationId org) {
  long long oid = org;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kRequestSelect) +
                               "WHERE r.organisation_id = :o AND r.state = 'pending' "
                               "ORDER BY r.created_at, r.id",
       soci::use(oid));
  return Collect<MembershipRequest>(rows, RequestFromRow);
}

StatusOr<std::vector<MembershipRequest>> OrganisationStore::RequestsOfPerson(db::Tx& tx,
                                                                            PersonId person) {
  long long pid = person;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kRequestSelect) +
                               "WHERE r.person_id = :p ORDER BY r.created_at DESC, r.id DESC",
       soci::use(pid));
  return Collect<MembershipRequest>(rows, RequestFromRow);
}

Status OrganisationStore::DecideRequest(db::Tx& tx, std::int64_t id, RequestState state,
                                        std::optional<PersonId> by, UnixSeconds now) {
  long long rid = id, at = now;
  db::NullableInt who(by);
  std::string s = StateName(state);
  tx.sql() << "UPDATE accounts_membership_requests SET state = :s, decided_at = :t, "
              "decided_by = :b WHERE id = :id",
      soci::use(s), soci::use(at), soci::use(who.value, who.indicator), soci::use(rid);
  return Status::Ok();
}

}  // namespace nyttig::accounts
