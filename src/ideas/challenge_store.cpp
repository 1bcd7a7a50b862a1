#include "ideas/challenge_store.h"

#include <soci/soci.h>

#include <map>

#include "db/row.h"

namespace nyttig::ideas {
namespace {

constexpr int kForEachBatch = 200;

constexpr const char* kChallengeSelect =
    "SELECT c.id, c.organisation_id, c.title, c.question, c.description, c.target_group, "
    "c.audience, c.opens_at, c.closes_at, c.published_at, c.results, c.results_published_at, "
    "c.created_by, c.created_at, c.updated_at FROM ideas_challenges c ";

Challenge ChallengeFromRow(const soci::row& r) {
  Challenge c;
  c.id = db::Int(r, 0);
  c.organisation_id = db::Int(r, 1);
  c.title = db::Text(r, 2);
  c.question = db::Text(r, 3);
  c.description = db::Text(r, 4);
  c.target_group = db::Text(r, 5);
  c.audience = ParseChallengeAudience(db::Text(r, 6)).value_or(ChallengeAudience::kStaff);
  c.opens_at = db::Int(r, 7);
  c.closes_at = db::Int(r, 8);
  c.published_at = db::OptInt(r, 9);
  c.results = db::Text(r, 10);
  c.results_published_at = db::OptInt(r, 11);
  c.created_by = db::OptInt(r, 12);
  c.created_at = db::Int(r, 13);
  c.updated_at = db::Int(r, 14);
  return c;
}

// The hosts of the given challenges, lead first, by challenge id.
std::map<ChallengeId, std::vector<ChallengeHost>> LoadHosts(db::Tx& tx,
                                                          const std::vector<std::int64_t>& ids) {
  std::map<ChallengeId, std::vector<ChallengeHost>> out;
  if (ids.empty()) return out;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT h.challenge_id, h.organisation_id, o.name, o.slug, h.is_lead, "
                           "h.accepted_at FROM ideas_challenge_hosts h "
                           "JOIN accounts_organisations o ON o.id = h.organisation_id "
                           "WHERE h.challenge_id IN (" + db::IntList(ids) + ") "
                           "ORDER BY h.challenge_id, h.is_lead DESC, o.name");
  for (const soci::row& r : rows) {
    out[db::Int(r, 0)].push_back({.organisation_id = db::Int(r, 1),
                                  .name = db::Text(r, 2),
                                  .slug = db::Text(r, 3),
                                  .lead = db::Int(r, 4) != 0,
                                  .accepted_at = db::OptInt(r, 5)});
  }
  return out;
}

std::vector<ChallengeCriterion> LoadCriteria(db::Tx& tx, ChallengeId id) {
  long long cid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT name, description FROM ideas_challenge_criteria "
                           "WHERE challenge_id = :c ORDER BY position",
       soci::use(cid));
  std::vector<ChallengeCriterion> out;
  for (const soci::row& r : rows) out.push_back({db::Text(r, 0), db::Text(r, 1)});
  return out;
}

std::vector<ChallengeAward> LoadAwards(db::Tx& tx, ChallengeId id) {
  long long cid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT a.idea_id, i.title, a.position, a.title, a.motivation "
                           "FROM ideas_challenge_awards a JOIN ideas_ideas i ON i.id = a.idea_id "
                           "WHERE a.challenge_id = :c ORDER BY a.position",
       soci::use(cid));
  std::vector<ChallengeAward> out;
  for (const soci::row& r : rows) {
    out.push_back({.idea_id = db::Int(r, 0),
                   .idea_title = db::Text(r, 1),
                   .rank = int(db::Int(r, 2)),
                   .title = db::Text(r, 3),
                   .motivation = db::Text(r, 4)});
  }
  return out;
}

void WriteCriteria(db::Tx& tx, ChallengeId id, const std::vector<ChallengeCriterion>& criteria) {
  long long cid = id;
  tx.sql() << "DELETE FROM ideas_challenge_criteria WHERE challenge_id = :c", soci::use(cid);
  for (std::size_t idx = 0; idx < criteria.size(); ++idx) {
    int position = int(idx);
    tx.sql() << "INSERT INTO ideas_challenge_criteria(challenge_id, position, name, description) "
                "VALUES (:c, :p, :n, :d)",
        soci::use(cid), soci::use(position), soci::use(criteria[idx].name),
        soci::use(criteria[idx].description);
  }
}

// Accepted hosts of c; integers only, safe to inline.
std::string HostedBy(const std::string& orgs) {
  return "EXISTS (SELECT 1 FROM ideas_challenge_hosts h WHERE h.challenge_id = c.id AND "
         "h.accepted_at IS NOT NULL AND h.organisation_id IN (" + orgs + "))";
}

std::string VisibleTo(const Viewer& viewer) {
  std::string published = "c.audience = 'public'";
  if (!viewer.member_of.empty()) published += " OR " + HostedBy(db::IntList(viewer.member_of));
  std::string shown = "(c.published_at IS NOT NULL AND (" + published + "))";
  if (!viewer.coordinator_of.empty()) shown += " OR " + HostedBy(db::IntList(viewer.coordinator_of));
  return "(" + shown + ") ";
}

std::string PhaseWhere(ChallengePhase phase, UnixSeconds now) {
  const std::string t = std::to_string(now);
  const std::string running = "c.published_at IS NOT NULL AND c.results_published_at IS NULL AND ";
  switch (phase) {
    case ChallengePhase::kDraft: return "c.published_at IS NULL";
    case ChallengePhase::kUpcoming: return running + "c.opens_at > " + t;
    case ChallengePhase::kOpen: return running + "c.opens_at <= " + t + " AND c.closes_at > " + t;
    case ChallengePhase::kClosed: return running + "c.closes_at <= " + t;
    case ChallengePhase::kDecided: return "c.results_published_at IS NOT NULL";
  }
  return "1 = 1";
}

std::string ListWhere(const ChallengeFilter& filter, const Viewer& viewer, UnixSeconds now) {
  std::string where = "WHERE " + VisibleTo(viewer);
  if (filter.organisation_id) {
    where += "AND " + HostedBy(std::to_string(*filter.organisation_id)) + " ";
  }
  if (filter.phase) where += "AND " + PhaseWhere(*filter.phase, now) + " ";
  return where;
}

void AttachHosts(db::Tx& tx, std::vector<Challenge>& challenges) {
  std::vector<std::int64_t> ids;
  for (const Challenge& c : challenges) ids.push_back(c.id);
  auto hosts = LoadHosts(tx, ids);
  for (Challenge& c : challenges) c.hosts = std::move(hosts[c.id]);
}

}  // namespace

StatusOr<ChallengeId> ChallengeStore::Insert(db::Tx& tx, const Challenge& c) {
  long long id = 0, org = c.organisation_id, opens = c.opens_at, closes = c.closes_at,
            created = c.created_at;
  std::string audience(ChallengeAudienceName(c.audience));
  db::NullableInt by(c.created_by);
  tx.sql() << "INSERT INTO ideas_challenges(organisation_id, title, question, description, "
              "target_group, audience, opens_at, closes_at, created_by, created_at, updated_at) "
              "VALUES (:o, :t, :q, :d, :g, :a, :op, :cl, :by, :ca, :ua) RETURNING id",
      soci::use(org), soci::use(c.title), soci::use(c.question), soci::use(c.description),
      soci::use(c.target_group), soci::use(audience), soci::use(opens), soci::use(closes),
      soci::use(by.value, by.indicator), soci::use(created), soci::use(created), soci::into(id);
  tx.sql() << "INSERT INTO ideas_challenge_hosts(challenge_id, organisation_id, is_lead, "
              "accepted_at, accepted_by) VALUES (:c, :o, 1, :at, :by)",
      soci::use(id), soci::use(org), soci::use(created), soci::use(by.value, by.indicator);
  WriteCriteria(tx, id, c.criteria);
  for (const ChallengeHost& host : c.hosts) {
    if (!host.lead) RETURN_IF_ERROR(InviteHost(tx, id, host.organisation_id));
  }
  return id;
}

Status ChallengeStore::Update(db::Tx& tx, const Challenge& c) {
  long long id = c.id, opens = c.opens_at, closes = c.closes_at, updated = c.updated_at;
  std::string audience(ChallengeAudienceName(c.audience));
  tx.sql() << "UPDATE ideas_challenges SET title = :t, question = :q, description = :d, "
              "target_group = :g, audience = :a, opens_at = :op, closes_at = :cl, "
              "updated_at = :ua WHERE id = :id",
      soci::use(c.title), soci::use(c.question), soci::use(c.description),
      soci::use(c.target_group), soci::use(audience), soci::use(opens), soci::use(closes),
      soci::use(updated), soci::use(id);
  WriteCriteria(tx, c.id, c.criteria);
  return Status::Ok();
}

Status ChallengeStore::InviteHost(db::Tx& tx, ChallengeId id, OrganisationId org) {
  long long cid = id, oid = org;
  tx.sql() << "INSERT INTO ideas_challenge_hosts(challenge_id, organisation_id, is_lead) "
              "VALUES (:c, :o, 0)",
      soci::use(cid), soci::use(oid);
  return Status::Ok();
}

Status ChallengeStore::RemoveHost(db::Tx& tx, ChallengeId id, OrganisationId org) {
  long long cid = id, oid = org;
  tx.sql() << "DELETE FROM ideas_challenge_hosts WHERE challenge_id = :c AND "
              "organisation_id = :o AND is_lead = 0",
      soci::use(cid), soci::use(oid);
  return Status::Ok();
}

Status ChallengeStore::AcceptHost(db::Tx& tx, ChallengeId id, OrganisationId org,
                                  std::optional<PersonId> by, UnixSeconds at) {
  long long cid = id, oid = org, when = at;
  db::NullableInt person(by);
  tx.sql() << "UPDATE ideas_challenge_hosts SET accepted_at = :at, accepted_by = :by "
              "WHERE challenge_id = :c AND organisation_id = :o",
      soci::use(when), soci::use(person.value, person.indicator), soci::use(cid), soci::use(oid);
  return Status::Ok();
}

Status ChallengeStore::SetPublished(db::Tx& tx, ChallengeId id, UnixSeconds at) {
  long long cid = id, when = at;
  tx.sql() << "UPDATE ideas_challenges SET published_at = :at, updated_at = :ua WHERE id = :c",
      soci::use(when), soci::use(when), soci::use(cid);
  return Status::Ok();
}

Status ChallengeStore::SetResults(db::Tx& tx, ChallengeId id, const std::string& results,
                                  const std::vector<ChallengeAward>& awards, UnixSeconds at) {
  long long cid = id, when = at;
  tx.sql() << "UPDATE ideas_challenges SET results = :r, results_published_at = :at, "
              "updated_at = :ua WHERE id = :c",
      soci::use(results), soci::use(when), soci::use(when), soci::use(cid);
  tx.sql() << "DELETE FROM ideas_challenge_awards WHERE challenge_id = :c", soci::use(cid);
  for (std::size_t idx = 0; idx < awards.size(); ++idx) {
    long long idea = awards[idx].idea_id;
    int position = int(idx) + 1;
    tx.sql() << "INSERT INTO ideas_challenge_awards(challenge_id, idea_id, position, title, "
                "motivation) VALUES (:c, :i, :p, :t, :m)",
        soci::use(cid), soci::use(idea), soci::use(position), soci::use(awards[idx].title),
        soci::use(awards[idx].motivation);
  }
  return Status::Ok();
}

StatusOr<Challenge> ChallengeStore::Find(db::Tx& tx, ChallengeId id) {
  long long cid = id;
  std::optional<Challenge> found;
  {
    soci::rowset<soci::row> rows =
        (tx.sql().prepare << std::string(kChallengeSelect) + "WHERE c.id = :id", soci::use(cid));
    for (const soci::row& r : rows) found = ChallengeFromRow(r);
  }
  if (!found) return NotFoundError("error.not_found");
  found->hosts = std::move(LoadHosts(tx, {id})[id]);
  found->criteria = LoadCriteria(tx, id);
  found->awards = LoadAwards(tx, id);
  return *found;
}

StatusOr<std::pair<std::vector<Challenge>, std::int64_t>> ChallengeStore::List(
    db::Tx& tx, const ChallengeFilter& filter, const Viewer& viewer, UnixSeconds now) {
  const std::string where = ListWhere(filter, viewer, now);
  const std::string t = std::to_string(now);
  long long total = 0;
  tx.sql() << "SELECT COUNT(*) FROM ideas_challenges c " + where, soci::into(total);
  long long limit = filter.limit, offset = filter.offset;
  std::vector<Challenge> items;
  {
    soci::rowset<soci::row> rows =
        (tx.sql().prepare << std::string(kChallengeSelect) + where +
                                 "ORDER BY CASE WHEN c.closes_at > " + t + " THEN 0 ELSE 1 END, "
                                 "CASE WHEN c.closes_at > " + t + " THEN c.closes_at "
                                 "ELSE -c.closes_at END, c.id DESC LIMIT :l OFFSET :o",
         soci::use(limit), soci::use(offset));
    for (const soci::row& r : rows) items.push_back(ChallengeFromRow(r));
  }
  AttachHosts(tx, items);
  return std::make_pair(std::move(items), std::int64_t(total));
}

StatusOr<std::vector<Challenge>> ChallengeStore::PendingInvitations(
    db::Tx& tx, const std::vector<OrganisationId>& orgs) {
  std::vector<Challenge> items;
  if (orgs.empty()) return items;
  {
    soci::rowset<soci::row> rows =
        (tx.sql().prepare << std::string(kChallengeSelect) +
                                 "WHERE EXISTS (SELECT 1 FROM ideas_challenge_hosts h WHERE "
                                 "h.challenge_id = c.id AND h.accepted_at IS NULL AND "
                                 "h.organisation_id IN (" + db::IntList(orgs) + ")) "
                                 "ORDER BY c.created_at DESC, c.id DESC");
    for (const soci::row& r : rows) items.push_back(ChallengeFromRow(r));
  }
  AttachHosts(tx, items);
  return items;
}

Status ChallengeStore::ForEach(db::Tx& tx, const std::function<Status(const Challenge&)>& fn) {
  long long after = 0;
  while (true) {
    std::vector<ChallengeId> ids;
    {
      long long batch = kForEachBatch;
      soci::rowset<soci::row> rows =
          (tx.sql().prepare << "SELECT id FROM ideas_challenges WHERE id > :a ORDER BY id "
                               "LIMIT :l",
           soci::use(after), soci::use(batch));
      for (const soci::row& r : rows) ids.push_back(db::Int(r, 0));
    }
    if (ids.empty()) return Status::Ok();
    for (ChallengeId id : ids) {
      ASSIGN_OR_RETURN(Challenge c, Find(tx, id));
      RETURN_IF_ERROR(fn(c));
    }
    after = ids.back();
  }
}

}  // namespace nyttig::ideas
