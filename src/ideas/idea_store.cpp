#include "ideas/idea_store.h"

#include <soci/soci.h>

#include <algorithm>
#include <list>

#include "db/row.h"

namespace nyttig::ideas {
namespace {

constexpr int kForEachBatch = 500;

constexpr const char* kIdeaSelect =
    "SELECT i.id, i.organisation_id, o.name, o.slug, i.stage_id, s.position, s.stage_key, "
    "s.name, s.kind, i.stage_since, i.title, i.need, i.need_who, i.need_how_often, "
    "i.need_cost, i.solution, i.description, i.beneficiaries, i.value_types, "
    "i.value_estimate, i.novelty, i.origin, i.source_url, i.step, i.idea_type, i.triggers, "
    "i.area, i.sdgs, i.visibility, i.channel, i.anonymous, i.submitter_id, i.owner_id, "
    "p.display_name, i.registration_number, i.received_at, i.feedback_due_at, "
    "i.feedback_given_at, i.unpublished_at, i.culled_at, i.created_at, i.updated_at, "
    "i.challenge_id, ch.title "
    "FROM ideas_ideas i JOIN accounts_organisations o ON o.id = i.organisation_id "
    "JOIN ideas_stages s ON s.id = i.stage_id "
    "LEFT JOIN accounts_persons p ON p.id = i.owner_id "
    "LEFT JOIN ideas_challenges ch ON ch.id = i.challenge_id ";

std::vector<int> ParseSdgs(const std::string& stored) {
  std::vector<int> out;
  for (const std::string& code : SplitCodes(stored)) out.push_back(std::stoi(code));
  return out;
}

std::string JoinSdgs(const std::vector<int>& sdgs) {
  std::vector<std::string> codes;
  for (int goal : sdgs) codes.push_back(std::to_string(goal));
  return JoinCodes(codes);
}

Stage StageFromRow(const soci::row& r, std::size_t at, OrganisationId org, StageId id) {
  return Stage{.id = id,
               .organisation_id = org,
               .position = int(db::Int(r, at)),
               .key = db::Text(r, at + 1),
               .name = db::Text(r, at + 2),
               .kind = ParseStageKind(db::Text(r, at + 3)).value_or(StageKind::kIdea)};
}

Idea IdeaFromRow(const soci::row& r) {
  Idea i;
  i.id = db::Int(r, 0);
  i.organisation_id = db::Int(r, 1);
  i.organisation_name = db::Text(r, 2);
  i.organisation_slug = db::Text(r, 3);
  i.stage_id = db::Int(r, 4);
  i.stage = StageFromRow(r, 5, i.organisation_id, i.stage_id);
  i.stage_since = db::Int(r, 9);
  i.title = db::Text(r, 10);
  i.need = db::Text(r, 11);
  i.need_who = db::Text(r, 12);
  i.need_how_often = db::Text(r, 13);
  i.need_cost = db::Text(r, 14);
  i.solution = db::Text(r, 15);
  i.description = db::Text(r, 16);
  i.beneficiaries = SplitCodes(db::Text(r, 17));
  i.value_types = SplitCodes(db::Text(r, 18));
  i.value_estimate = db::Text(r, 19);
  i.novelty = db::Text(r, 20);
  i.origin = db::Text(r, 21);
  i.source_url = db::Text(r, 22);
  i.step = db::Text(r, 23);
  i.idea_type = db::Text(r, 24);
  i.triggers = SplitCodes(db::Text(r, 25));
  i.area = db::Text(r, 26);
  i.sdgs = ParseSdgs(db::Text(r, 27));
  i.visibility = ParseVisibility(db::Text(r, 28)).value_or(Visibility::kOrganisation);
  i.channel = db::Text(r, 29) == "public_box" ? Channel::kPublicBox : Channel::kStaff;
  i.anonymous = db::Int(r, 30) != 0;
  i.submitter_id = db::OptInt(r, 31);
  i.owner_id = db::OptInt(r, 32);
  i.owner_name = db::Text(r, 33);
  i.registration_number = db::Text(r, 34);
  i.received_at = db::OptInt(r, 35);
  i.feedback_due_at = db::OptInt(r, 36);
  i.feedback_given_at = db::OptInt(r, 37);
  i.unpublished_at = db::OptInt(r, 38);
  i.culled_at = db::OptInt(r, 39);
  i.created_at = db::Int(r, 40);
  i.updated_at = db::Int(r, 41);
  i.challenge_id = db::OptInt(r, 42);
  i.challenge_title = db::Text(r, 43);
  return i;
}

// What `viewer` may see; built from integers only, so it is safe to inline.
std::string VisibleTo(const Viewer& viewer) {
  std::string shown = "(i.visibility = 'public' AND i.anonymous = 0 AND i.unpublished_at IS NULL)";
  if (!viewer.member_of.empty()) {
    shown += " OR (i.organisation_id IN (" + db::IntList(viewer.member_of) +
             ") AND i.anonymous = 0 AND i.unpublished_at IS NULL)";
  }
  if (!viewer.coordinator_of.empty()) {
    shown += " OR i.organisation_id IN (" + db::IntList(viewer.coordinator_of) + ")";
  }
  if (viewer.person_id) {
    std::string p = std::to_string(*viewer.person_id);
    shown += " OR i.submitter_id = " + p +
             " OR i.id IN (SELECT idea_id FROM ideas_authors WHERE person_id = " + p + ")";
  }
  return "i.culled_at IS NULL AND (" + shown + ") ";
}

std::string OrderBy(IdeaSort sort) {
  switch (sort) {
    case IdeaSort::kOldest: return "ORDER BY i.created_at ASC, i.id ASC ";
    case IdeaSort::kTitle: return "ORDER BY i.title ASC, i.id ASC ";
    case IdeaSort::kStage: return "ORDER BY s.position ASC, i.stage_since ASC, i.id ASC ";
    case IdeaSort::kRecentlyMoved: return "ORDER BY i.stage_since DESC, i.id DESC ";
    case IdeaSort::kNewest: break;
  }
  return "ORDER BY i.created_at DESC, i.id DESC ";
}

// The filter of a list query: only the conditions that are set go into the
// SQL, so that the engines can use an index for them (a "(:x = '' OR
// i.area = :x)" form makes every filter a scan). The values live here for
// SOCI's use(), which binds by reference.
class ListFilter {
 public:
  explicit ListFilter(const IdeaFilter& f) {
    if (f.organisation_id) Add("i.organisation_id = :org", "org", *f.organisation_id);
    if (f.stage_id) Add("i.stage_id = :stage", "stage", *f.stage_id);
    if (f.stage_kind) Add("i.stage_kind = :kind", "kind", std::string(StageKindName(*f.stage_kind)));
    if (!f.area.empty()) Add("i.area = :area", "area", f.area);
    if (f.sdg) Add("i.sdgs LIKE :sdg", "sdg", "% " + std::to_string(*f.sdg) + " %");
    if (!f.value_type.empty()) Add("i.value_types LIKE :vt", "vt", "% " + f.value_type + " %");
    if (f.mine) {
      Add("(i.submitter_id = :mine OR i.id IN (SELECT idea_id FROM ideas_authors WHERE "
          "person_id = :mine2))", "mine", *f.mine);
      numbers_.push_back({"mine2", *f.mine});
    }
    if (f.feedback_overdue_at) {
      Add("i.feedback_due_at < :due AND i.feedback_given_at IS NULL", "due", *f.feedback_overdue_at);
    }
    if (f.challenge_id) Add("i.challenge_id = :chl", "chl", *f.challenge_id);
  }
  // Not copyable: bound statements keep references into the lists.
  ListFilter(const ListFilter&) = delete;
  ListFilter& operator=(const ListFilter&) = delete;

  const std::string& where() const { return where_; }  // "AND … " or ""

  template <typename Statement>
  void Bind(Statement& st) {
    for (auto& [name, value] : numbers_) st.exchange(soci::use(value, name));
    for (auto& [name, value] : texts_) st.exchange(soci::use(value, name));
  }

 private:
  void Add(const std::string& condition, const char* name, long long value) {
    where_ += "AND " + condition + " ";
    numbers_.push_back({name, value});
  }
  void Add(const std::string& condition, const char* name, std::string value) {
    where_ += "AND " + condition + " ";
    texts_.push_back({name, std::move(value)});
  }

  std::string where_;
  std::list<std::pair<std::string, long long>> numbers_;  // std::list: stable addresses
  std::list<std::pair<std::string, std::string>> texts_;
};

StatusOr<std::vector<Author>> LoadAuthors(db::Tx& tx, IdeaId id) {
  long long iid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT a.person_id, p.display_name FROM ideas_authors a "
                           "JOIN accounts_persons p ON p.id = a.person_id "
                           "WHERE a.idea_id = :i ORDER BY a.position",
       soci::use(iid));
  std::vector<Author> out;
  for (const soci::row& r : rows) out.push_back({db::Int(r, 0), db::Text(r, 1)});
  return out;
}

// The bound content columns of an idea, for INSERT and UPDATE.
struct ContentParams {
  explicit ContentParams(const Idea& i)
      : beneficiaries(JoinCodes(i.beneficiaries)),
        value_types(JoinCodes(i.value_types)),
        triggers(JoinCodes(i.triggers)),
        sdgs(JoinSdgs(i.sdgs)),
        visibility(VisibilityName(i.visibility)),
        owner(i.owner_id) {}
  std::string beneficiaries, value_types, triggers, sdgs, visibility;
  db::NullableInt owner;
};

}  // namespace

std::optional<IdeaSort> ParseIdeaSort(std::string_view name) {
  if (name == "newest") return IdeaSort::kNewest;
  if (name == "oldest") return IdeaSort::kOldest;
  if (name == "title") return IdeaSort::kTitle;
  if (name == "stage") return IdeaSort::kStage;
  if (name == "moved") return IdeaSort::kRecentlyMoved;
  return std::nullopt;
}

StatusOr<std::optional<IdeaSettings>> IdeaStore::FindSettings(db::Tx& tx, OrganisationId org) {
  long long oid = org;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT template, feedback_days, anonymous_allowed, public_box_open, "
                           "retention_years, updated_at FROM ideas_settings "
                           "WHERE organisation_id = :o",
       soci::use(oid));
  for (const soci::row& r : rows) {
    return std::optional(IdeaSettings{
        .organisation_id = org,
        .pipeline_template =
            ParsePipelineTemplate(db::Text(r, 0)).value_or(PipelineTemplate::kIdeaSluice),
        .feedback_days = int(db::Int(r, 1)),
        .anonymous_allowed = db::Int(r, 2) != 0,
        .public_box_open = db::Int(r, 3) != 0,
        .retention_years = int(db::Int(r, 4)),
        .updated_at = db::Int(r, 5)});
  }
  return std::optional<IdeaSettings>();
}

Status IdeaStore::SaveSettings(db::Tx& tx, const IdeaSettings& s) {
  long long org = s.organisation_id, at = s.updated_at;
  int days = s.feedback_days, anonymous = s.anonymous_allowed, box = s.public_box_open,
      years = s.retention_years;
  std::string tmpl(PipelineTemplateName(s.pipeline_template));
  tx.sql() << "INSERT INTO ideas_settings(organisation_id, template, feedback_days, "
              "anonymous_allowed, public_box_open, retention_years, updated_at) "
              "VALUES (:o, :t, :d, :a, :b, :y, :u) ON CONFLICT (organisation_id) DO UPDATE SET "
              "template = excluded.template, feedback_days = excluded.feedback_days, "
              "anonymous_allowed = excluded.anonymous_allowed, "
              "public_box_open = excluded.public_box_open, "
              "retention_years = excluded.retention_years, updated_at = excluded.updated_at",
      soci::use(org), soci::use(tmpl), soci::use(days), soci::use(anonymous), soci::use(box),
      soci::use(years), soci::use(at);
  return Status::Ok();
}

StatusOr<StageId> IdeaStore::InsertStage(db::Tx& tx, const Stage& s) {
  long long id = 0, org = s.organisation_id;
  int position = s.position;
  std::string kind(StageKindName(s.kind));
  tx.sql() << "INSERT INTO ideas_stages(organisation_id, position, stage_key, name, kind) "
              "VALUES (:o, :p, :k, :n, :kind) RETURNING id",
      soci::use(org), soci::use(position), soci::use(s.key), soci::use(s.name), soci::use(kind),
      soci::into(id);
  return id;
}

StatusOr<std::vector<Stage>> IdeaStore::ListStages(db::Tx& tx, OrganisationId org) {
  long long oid = org;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, position, stage_key, name, kind FROM ideas_stages "
                           "WHERE organisation_id = :o ORDER BY position, id",
       soci::use(oid));
  std::vector<Stage> out;
  for (const soci::row& r : rows) out.push_back(StageFromRow(r, 1, org, db::Int(r, 0)));
  return out;
}

Status IdeaStore::DeleteStages(db::Tx& tx, OrganisationId org) {
  long long oid = org;
  tx.sql() << "DELETE FROM ideas_stages WHERE organisation_id = :o", soci::use(oid);
  return Status::Ok();
}

StatusOr<std::int64_t> IdeaStore::CountIdeas(db::Tx& tx, OrganisationId org) {
  long long oid = org, n = 0;
  tx.sql() << "SELECT COUNT(*) FROM ideas_ideas WHERE organisation_id = :o", soci::use(oid),
      soci::into(n);
  return std::int64_t(n);
}

StatusOr<IdeaId> IdeaStore::Insert(db::Tx& tx, const Idea& i) {
  ContentParams c(i);
  long long id = 0, org = i.organisation_id, stage = i.stage_id, since = i.stage_since,
            created = i.created_at;
  int anonymous = i.anonymous;
  std::string kind(StageKindName(i.stage.kind)), channel(ChannelName(i.channel));
  db::NullableInt submitter(i.submitter_id), received(i.received_at), due(i.feedback_due_at),
      challenge(i.challenge_id);
  db::NullableText reg(i.registration_number.empty() ? std::nullopt
                                                      : std::optional(i.registration_number));
  tx.sql() << "INSERT INTO ideas_ideas(organisation_id, stage_id, stage_kind, stage_since, title, "
              "need, need_who, need_how_often, need_cost, solution, description, beneficiaries, "
              "value_types, value_estimate, novelty, origin, source_url, step, idea_type, "
              "triggers, area, sdgs, visibility, channel, anonymous, submitter_id, owner_id, "
              "registration_number, received_at, feedback_due_at, challenge_id, created_at, updated_at) "
              "VALUES (:org, :st, :sk, :ss, :ti, :ne, :nw, :nh, :nc, :so, :de, :be, :vt, :ve, :no, "
              ":or, :su, :sp, :it, :tr, :ar, :sd, :vi, :ch, :an, :sb, :ow, :rn, :ra, :fd, :cl, :ca, "
              ":ua) "
              "RETURNING id",
      soci::use(org), soci::use(stage), soci::use(kind), soci::use(since), soci::use(i.title),
      soci::use(i.need), soci::use(i.need_who), soci::use(i.need_how_often),
      soci::use(i.need_cost), soci::use(i.solution), soci::use(i.description),
      soci::use(c.beneficiaries), soci::use(c.value_types), soci::use(i.value_estimate),
      soci::use(i.novelty), soci::use(i.origin), soci::use(i.source_url), soci::use(i.step),
      soci::use(i.idea_type), soci::use(c.triggers), soci::use(i.area), soci::use(c.sdgs),
      soci::use(c.visibility), soci::use(channel), soci::use(anonymous),
      soci::use(submitter.value, submitter.indicator), soci::use(c.owner.value, c.owner.indicator),
      soci::use(reg.value, reg.indicator), soci::use(received.value, received.indicator),
      soci::use(due.value, due.indicator), soci::use(challenge.value, challenge.indicator),
      soci::use(created), soci::use(created), soci::into(id);
  return id;
}

Status IdeaStore::UpdateContent(db::Tx& tx, const Idea& i) {
  ContentParams c(i);
  long long id = i.id, updated = i.updated_at;
  tx.sql() << "UPDATE ideas_ideas SET title = :ti, need = :ne, need_who = :nw, "
              "need_how_often = :nh, need_cost = :nc, solution = :so, description = :de, "
              "beneficiaries = :be, value_types = :vt, value_estimate = :ve, novelty = :no, "
              "origin = :or, source_url = :su, step = :sp, idea_type = :it, triggers = :tr, "
              "area = :ar, sdgs = :sd, visibility = :vi, owner_id = :ow, updated_at = :ua "
              "WHERE id = :id",
      soci::use(i.title), soci::use(i.need), soci::use(i.need_who), soci::use(i.need_how_often),
      soci::use(i.need_cost), soci::use(i.solution), soci::use(i.description),
      soci::use(c.beneficiaries), soci::use(c.value_types), soci::use(i.value_estimate),
      soci::use(i.novelty), soci::use(i.origin), soci::use(i.source_url), soci::use(i.step),
      soci::use(i.idea_type), soci::use(c.triggers), soci::use(i.area), soci::use(c.sdgs),
      soci::use(c.visibility), soci::use(c.owner.value, c.owner.indicator), soci::use(updated),
      soci::use(id);
  return Status::Ok();
}

Status IdeaStore::SetStage(db::Tx& tx, IdeaId id, const Stage& stage, UnixSeconds now) {
  long long iid = id, sid = stage.id, at = now;
  std::string kind(StageKindName(stage.kind));
  tx.sql() << "UPDATE ideas_ideas SET stage_id = :s, stage_kind = :k, stage_since = :t, "
              "updated_at = :u WHERE id = :id",
      soci::use(sid), soci::use(kind), soci::use(at), soci::use(at), soci::use(iid);
  return Status::Ok();
}

Status IdeaStore::SetFeedbackGiven(db::Tx& tx, IdeaId id, UnixSeconds at) {
  long long iid = id, t = at;
  tx.sql() << "UPDATE ideas_ideas SET feedback_given_at = COALESCE(feedback_given_at, :t), "
              "updated_at = :u WHERE id = :id",
      soci::use(t), soci::use(t), soci::use(iid);
  return Status::Ok();
}

Status IdeaStore::SetUnpublished(db::Tx& tx, IdeaId id, std::optional<UnixSeconds> at,
                                 UnixSeconds now) {
  long long iid = id, t = now;
  db::NullableInt when(at);
  tx.sql() << "UPDATE ideas_ideas SET unpublished_at = :a, updated_at = :u WHERE id = :id",
      soci::use(when.value, when.indicator), soci::use(t), soci::use(iid);
  return Status::Ok();
}

Status IdeaStore::Cull(db::Tx& tx, IdeaId id, UnixSeconds now) {
  long long iid = id, t = now;
  tx.sql() << "UPDATE ideas_ideas SET title = '', need = '', need_who = '', need_how_often = '', "
              "need_cost = '', solution = '', description = '', value_estimate = '', "
              "source_url = '', culled_at = :c, updated_at = :u WHERE id = :id",
      soci::use(t), soci::use(t), soci::use(iid);
  tx.sql() << "UPDATE ideas_events SET text = '' WHERE idea_id = :id", soci::use(iid);
  return DeleteAttachments(tx, id);
}

Status IdeaStore::SetAuthors(db::Tx& tx, IdeaId id, const std::vector<PersonId>& authors) {
  long long iid = id;
  tx.sql() << "DELETE FROM ideas_authors WHERE idea_id = :i", soci::use(iid);
  for (std::size_t idx = 0; idx < authors.size(); ++idx) {
    long long person = authors[idx];
    int position = int(idx);
    tx.sql() << "INSERT INTO ideas_authors(idea_id, person_id, position) VALUES (:i, :p, :n)",
        soci::use(iid), soci::use(person), soci::use(position);
  }
  return Status::Ok();
}

StatusOr<Idea> IdeaStore::Find(db::Tx& tx, IdeaId id) {
  long long iid = id;
  std::optional<Idea> found;
  {
    soci::rowset<soci::row> rows =
        (tx.sql().prepare << std::string(kIdeaSelect) + "WHERE i.id = :id", soci::use(iid));
    for (const soci::row& r : rows) found = IdeaFromRow(r);
  }
  if (!found) return NotFoundError("error.not_found");
  ASSIGN_OR_RETURN(found->authors, LoadAuthors(tx, id));
  return *found;
}

StatusOr<std::pair<std::vector<Idea>, std::int64_t>> IdeaStore::List(db::Tx& tx,
                                                                     const IdeaFilter& filter,
                                                                     const Viewer& viewer) {
  ListFilter conditions(filter);
  const std::string where = "WHERE " + VisibleTo(viewer) + conditions.where();
  long long total = 0, limit = filter.limit, offset = filter.offset;
  {
    soci::statement count =
        (tx.sql().prepare << "SELECT COUNT(*) FROM (SELECT 1 FROM ideas_ideas i " + where +
                                 "LIMIT " + std::to_string(filter.count_limit + 1) + ") counted");
    conditions.Bind(count);
    count.exchange(soci::into(total));
    count.define_and_bind();
    count.execute(true);
  }
  soci::row row;
  soci::statement st = (tx.sql().prepare << std::string(kIdeaSelect) + where +
                                                OrderBy(filter.sort) + "LIMIT :l OFFSET :f");
  conditions.Bind(st);
  st.exchange(soci::use(limit, "l"));
  st.exchange(soci::use(offset, "f"));
  st.exchange(soci::into(row));
  st.define_and_bind();
  std::vector<Idea> out;
  if (st.execute(true)) {
    do {
      out.push_back(IdeaFromRow(row));
    } while (st.fetch());
  }
  return std::pair(std::move(out), std::int64_t(total));
}

StatusOr<std::vector<PersonId>> IdeaStore::ChallengeParticipants(db::Tx& tx,
                                                                 ChallengeId challenge) {
  long long cid = challenge;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT submitter_id FROM ideas_ideas WHERE challenge_id = :c AND "
                           "culled_at IS NULL AND submitter_id IS NOT NULL "
                           "UNION SELECT a.person_id FROM ideas_authors a "
                           "JOIN ideas_ideas i ON i.id = a.idea_id "
                           "WHERE i.challenge_id = :c2 AND i.culled_at IS NULL",
       soci::use(cid), soci::use(cid));
  std::vector<PersonId> out;
  for (const soci::row& r : rows) out.push_back(db::Int(r, 0));
  return out;
}

Status IdeaStore::ForEach(db::Tx& tx, const std::function<Status(const Idea&)>& fn) {
  long long after = 0;
  for (;;) {
    std::vector<Idea> batch;
    {
      long long limit = kForEachBatch;
      soci::rowset<soci::row> rows =
          (tx.sql().prepare << std::string(kIdeaSelect) +
                                   "WHERE i.id > :a ORDER BY i.id LIMIT :l",
           soci::use(after), soci::use(limit));
      for (const soci::row& r : rows) batch.push_back(IdeaFromRow(r));
    }
    if (batch.empty()) return Status::Ok();
    for (Idea& idea : batch) {
      ASSIGN_OR_RETURN(idea.authors, LoadAuthors(tx, idea.id));
      RETURN_IF_ERROR(fn(idea));
    }
    after = batch.back().id;
  }
}

StatusOr<std::vector<IdeaId>> IdeaStore::CullCandidates(db::Tx& tx, OrganisationId org,
                                                        UnixSeconds before) {
  long long oid = org, t = before;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id FROM ideas_ideas WHERE organisation_id = :o AND "
                           "registration_number IS NOT NULL AND culled_at IS NULL AND "
                           "stage_kind = 'closed' AND received_at < :t ORDER BY id",
       soci::use(oid), soci::use(t));
  std::vector<IdeaId> out;
  for (const soci::row& r : rows) out.push_back(db::Int(r, 0));
  return out;
}

StatusOr<int> IdeaStore::NextRegistrationNumber(db::Tx& tx, OrganisationId org, int year) {
  long long oid = org;
  int y = year, number = 0;
  // One statement that creates or bumps the counter: on PostgreSQL the row
  // stays locked until the submitting transaction ends, so concurrent
  // submitters queue and a rollback gives the number back.
  tx.sql() << "INSERT INTO ideas_registration_counters(organisation_id, year, last_number) "
              "VALUES (:o, :y, 1) ON CONFLICT (organisation_id, year) DO UPDATE SET "
              "last_number = ideas_registration_counters.last_number + 1 RETURNING last_number",
      soci::use(oid), soci::use(y), soci::into(number);
  return number;
}

StatusOr<std::int64_t> IdeaStore::InsertEvent(db::Tx& tx, const IdeaEvent& e) {
  long long id = 0, idea = e.idea_id, at = e.occurred_at;
  std::string kind(EventKindName(e.kind));
  db::NullableInt from(e.from_stage_id), to(e.to_stage_id), actor(e.actor_id);
  tx.sql() << "INSERT INTO ideas_events(idea_id, kind, from_stage_id, to_stage_id, actor_id, "
              "actor_name, text, occurred_at) VALUES (:i, :k, :f, :t, :a, :n, :x, :o) "
              "RETURNING id",
      soci::use(idea), soci::use(kind), soci::use(from.value, from.indicator),
      soci::use(to.value, to.indicator), soci::use(actor.value, actor.indicator),
      soci::use(e.actor_name), soci::use(e.text), soci::use(at), soci::into(id);
  return id;
}

StatusOr<std::vector<IdeaEvent>> IdeaStore::ListEvents(db::Tx& tx, IdeaId id) {
  long long iid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT e.id, e.kind, e.from_stage_id, e.to_stage_id, e.actor_id, "
                           "e.actor_name, e.text, e.occurred_at, f.name, f.stage_key, t.name, "
                           "t.stage_key FROM ideas_events e "
                           "LEFT JOIN ideas_stages f ON f.id = e.from_stage_id "
                           "LEFT JOIN ideas_stages t ON t.id = e.to_stage_id "
                           "WHERE e.idea_id = :i ORDER BY e.occurred_at, e.id",
       soci::use(iid));
  std::vector<IdeaEvent> out;
  for (const soci::row& r : rows) {
    out.push_back({.id = db::Int(r, 0),
                   .idea_id = id,
                   .kind = ParseEventKind(db::Text(r, 1)).value_or(EventKind::kUpdated),
                   .from_stage_id = db::OptInt(r, 2),
                   .to_stage_id = db::OptInt(r, 3),
                   .from_stage_name = db::Text(r, 8),
                   .to_stage_name = db::Text(r, 10),
                   .from_stage_key = db::Text(r, 9),
                   .to_stage_key = db::Text(r, 11),
                   .actor_id = db::OptInt(r, 4),
                   .actor_name = db::Text(r, 5),
                   .text = db::Text(r, 6),
                   .occurred_at = db::Int(r, 7)});
  }
  return out;
}

StatusOr<std::int64_t> IdeaStore::InsertAttachment(db::Tx& tx, const Attachment& a) {
  long long id = 0, idea = a.idea_id, size = a.size, at = a.created_at;
  db::NullableInt by(a.uploaded_by);
  tx.sql() << "INSERT INTO ideas_attachments(idea_id, file_name, content_type, size, sha256, "
              "uploaded_by, created_at) VALUES (:i, :n, :c, :s, :h, :b, :t) RETURNING id",
      soci::use(idea), soci::use(a.file_name), soci::use(a.content_type), soci::use(size),
      soci::use(a.sha256), soci::use(by.value, by.indicator), soci::use(at), soci::into(id);
  return id;
}

namespace {
Attachment AttachmentFromRow(const soci::row& r) {
  return {.id = db::Int(r, 0),
          .idea_id = db::Int(r, 1),
          .file_name = db::Text(r, 2),
          .content_type = db::Text(r, 3),
          .size = db::Int(r, 4),
          .sha256 = db::Text(r, 5),
          .uploaded_by = db::OptInt(r, 6),
          .created_at = db::Int(r, 7)};
}
constexpr const char* kAttachmentSelect =
    "SELECT id, idea_id, file_name, content_type, size, sha256, uploaded_by, created_at "
    "FROM ideas_attachments ";
}  // namespace

StatusOr<std::vector<Attachment>> IdeaStore::ListAttachments(db::Tx& tx, IdeaId id) {
  long long iid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kAttachmentSelect) + "WHERE idea_id = :i ORDER BY id",
       soci::use(iid));
  std::vector<Attachment> out;
  for (const soci::row& r : rows) out.push_back(AttachmentFromRow(r));
  return out;
}

StatusOr<Attachment> IdeaStore::FindAttachment(db::Tx& tx, std::int64_t id) {
  long long aid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kAttachmentSelect) + "WHERE id = :i", soci::use(aid));
  for (const soci::row& r : rows) return AttachmentFromRow(r);
  return NotFoundError("error.not_found");
}

Status IdeaStore::DeleteAttachments(db::Tx& tx, IdeaId id) {
  long long iid = id;
  tx.sql() << "DELETE FROM ideas_attachments WHERE idea_id = :i", soci::use(iid);
  return Status::Ok();
}

}  // namespace nyttig::ideas
