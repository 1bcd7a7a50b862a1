#include "knowledge/case_store.h"

#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.h"
#include "core/time_format.h"
#include "db/row.h"

namespace nyttig::knowledge {
namespace {

constexpr std::string_view kCaseSelect =
    "SELECT c.id, c.organisation_id, o.name, c.idea_id, c.state, c.title, c.summary, c.problem, "
    "c.solution, c.period_start, c.period_end, c.costs, c.effort, c.hard_parts, c.advice, "
    "c.legal_notes, c.contact_name, c.contact_email, c.area, c.sdgs, c.tags, c.version, "
    "c.created_by, c.created_at, c.updated_at, c.published_at, (SELECT COUNT(*) FROM "
    "knowledge_adoptions a WHERE a.case_id = c.id AND a.withdrawn_at IS NULL) AS adoptions "
    "FROM knowledge_cases c JOIN accounts_organisations o ON o.id = c.organisation_id ";

constexpr std::string_view kAdoptionSelect =
    "SELECT a.id, a.case_id, c.title, a.organisation_id, o.name, COALESCE(o.county_code, ''), "
    "a.status, a.adopted_on, a.scope, a.adaptation, a.idea_id, a.pilot_id, a.results, "
    "a.created_at, a.withdrawn_at FROM knowledge_adoptions a JOIN knowledge_cases c ON c.id = "
    "a.case_id JOIN accounts_organisations o ON o.id = a.organisation_id ";

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

std::string JoinSdgs(const std::vector<int>& sdgs) {
  std::vector<std::string> items;
  for (int goal : sdgs) items.push_back(std::to_string(goal));
  return JoinList(items);
}

Case CaseFromRow(const soci::row& r) {
  Case c;
  c.id = db::Int(r, 0);
  c.organisation_id = db::Int(r, 1);
  c.organisation_name = db::Text(r, 2);
  c.idea_id = db::OptInt(r, 3);
  c.state = ParseCaseState(db::Text(r, 4)).value_or(CaseState::kDraft);
  CaseContent& t = c.content;
  t.title = db::Text(r, 5);
  t.summary = db::Text(r, 6);
  t.problem = db::Text(r, 7);
  t.solution = db::Text(r, 8);
  t.period_start = db::OptText(r, 9);
  t.period_end = db::OptText(r, 10);
  t.costs = db::Text(r, 11);
  t.effort = db::Text(r, 12);
  t.hard_parts = db::Text(r, 13);
  t.advice = db::Text(r, 14);
  t.legal_notes = db::Text(r, 15);
  t.contact_name = db::Text(r, 16);
  t.contact_email = db::Text(r, 17);
  t.area = db::Text(r, 18);
  for (const std::string& goal : SplitList(db::Text(r, 19))) t.sdgs.push_back(std::stoi(goal));
  t.tags = SplitList(db::Text(r, 20));
  c.version = static_cast<int>(db::Int(r, 21));
  c.created_by = db::OptInt(r, 22);
  c.created_at = db::Int(r, 23);
  c.updated_at = db::Int(r, 24);
  c.published_at = db::OptInt(r, 25);
  c.adoption_count = static_cast<int>(db::Int(r, 26));
  return c;
}

Adoption AdoptionFromRow(const soci::row& r) {
  Adoption a;
  a.id = db::Int(r, 0);
  a.case_id = db::Int(r, 1);
  a.case_title = db::Text(r, 2);
  a.organisation_id = db::Int(r, 3);
  a.organisation_name = db::Text(r, 4);
  a.county_code = db::Text(r, 5);
  a.input.status = ParseAdoptionStatus(db::Text(r, 6)).value_or(AdoptionStatus::kAdopted);
  a.input.adopted_on = db::Text(r, 7);
  a.input.scope = db::Text(r, 8);
  a.input.adapted = db::Text(r, 9) == "adapted";
  a.input.idea_id = db::OptInt(r, 10);
  a.input.pilot_id = db::OptInt(r, 11);
  a.input.results = db::Text(r, 12);
  a.created_at = db::Int(r, 13);
  a.withdrawn_at = db::OptInt(r, 14);
  return a;
}

std::string LikePattern(const std::string& text) {
  std::string out = "%";
  for (char c : AsciiLower(text)) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

std::string Where(const CaseFilter& f) {
  std::string where =
      "WHERE (:area = '' OR c.area = :area2) AND LOWER(c.title) LIKE :q ESCAPE '\\' AND "
      "(:sdg = '' OR (',' || c.sdgs || ',') LIKE :sdg2) AND (:county = '' OR o.county_code = "
      ":county2) ";
  if (f.organisation_id) where += "AND c.organisation_id = " + std::to_string(*f.organisation_id) + " ";
  if (f.year) {  // published in that calendar year (UTC)
    where += "AND c.published_at >= " + std::to_string(At(*f.year, 1, 1)) +
             " AND c.published_at < " + std::to_string(At(*f.year + 1, 1, 1)) + " ";
  }
  if (!f.all_visible) {
    where += "AND (c.state = 'published'";
    for (std::int64_t org : f.lead_in) where += " OR c.organisation_id = " + std::to_string(org);
    if (f.author) where += " OR c.created_by = " + std::to_string(*f.author);
    where += ") ";
  }
  return where;
}

struct CaseBinds {
  explicit CaseBinds(const CaseFilter& f)
      : area(f.area),
        query(LikePattern(f.query)),
        sdg(f.sdg ? std::to_string(*f.sdg) : ""),
        sdg_like("%," + sdg + ",%"),
        county(f.county_code) {}
  std::string area, query, sdg, sdg_like, county;
};

}  // namespace

std::string CaseContentToJson(const CaseContent& c) {
  nlohmann::json results = nlohmann::json::array();
  for (const CaseResult& r : c.results) {
    results.push_back({{"metric", r.metric},
                       {"before", r.before ? nlohmann::json(*r.before) : nlohmann::json()},
                       {"after", r.after ? nlohmann::json(*r.after) : nlohmann::json()},
                       {"unit", r.unit},
                       {"source", r.source}});
  }
  auto opt = [](const std::optional<std::string>& s) { return s ? nlohmann::json(*s) : nlohmann::json(); };
  return nlohmann::json{{"title", c.title},         {"summary", c.summary},
                        {"problem", c.problem},     {"solution", c.solution},
                        {"period_start", opt(c.period_start)},
                        {"period_end", opt(c.period_end)},
                        {"costs", c.costs},         {"effort", c.effort},
                        {"hard_parts", c.hard_parts}, {"advice", c.advice},
                        {"legal_notes", c.legal_notes}, {"contact_name", c.contact_name},
                        {"contact_email", c.contact_email}, {"area", c.area},
                        {"sdgs", c.sdgs},           {"tags", c.tags},
                        {"results", results},       {"document_ids", c.document_ids}}
      .dump();
}

CaseContent CaseContentFromJson(const std::string& text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  CaseContent c;
  if (!j.is_object()) return c;
  auto str = [&](const char* k) { return j.value(k, std::string()); };
  auto opt = [&](const char* k) -> std::optional<std::string> {
    return j.contains(k) && j[k].is_string() ? std::optional(j[k].get<std::string>()) : std::nullopt;
  };
  c = {.title = str("title"), .summary = str("summary"), .problem = str("problem"),
       .solution = str("solution"), .period_start = opt("period_start"),
       .period_end = opt("period_end"), .costs = str("costs"), .effort = str("effort"),
       .hard_parts = str("hard_parts"), .advice = str("advice"), .legal_notes = str("legal_notes"),
       .contact_name = str("contact_name"), .contact_email = str("contact_email"),
       .area = str("area")};
  c.sdgs = j.value("sdgs", std::vector<int>());
  c.tags = j.value("tags", std::vector<std::string>());
  c.document_ids = j.value("document_ids", std::vector<DocumentId>());
  for (const auto& r : j.value("results", nlohmann::json::array())) {
    CaseResult result{.metric = r.value("metric", ""), .unit = r.value("unit", ""),
                      .source = r.value("source", "")};
    if (r.contains("before") && r["before"].is_number()) result.before = r["before"].get<double>();
    if (r.contains("after") && r["after"].is_number()) result.after = r["after"].get<double>();
    c.results.push_back(result);
  }
  return c;
}

namespace {

Status WriteResultsAndDocuments(db::Tx& tx, const Case& c) {
  long long id = c.id;
  tx.sql() << "DELETE FROM knowledge_case_results WHERE case_id = :c", soci::use(id);
  tx.sql() << "DELETE FROM knowledge_case_documents WHERE case_id = :c", soci::use(id);
  for (const CaseResult& r : c.content.results) {
    soci::indicator bi = r.before ? soci::i_ok : soci::i_null;
    soci::indicator ai = r.after ? soci::i_ok : soci::i_null;
    double before = r.before.value_or(0), after = r.after.value_or(0);
    tx.sql() << "INSERT INTO knowledge_case_results(case_id, metric, before_value, after_value, "
                "unit, source) VALUES (:c, :m, :b, :a, :u, :s)",
        soci::use(id), soci::use(r.metric), soci::use(before, bi), soci::use(after, ai),
        soci::use(r.unit), soci::use(r.source);
  }
  for (DocumentId doc : c.content.document_ids) {
    long long did = doc;
    tx.sql() << "INSERT INTO knowledge_case_documents(case_id, document_id) VALUES (:c, :d)",
        soci::use(id), soci::use(did);
  }
  return Status::Ok();
}

void ReadResultsAndDocuments(db::Tx& tx, Case& c) {
  long long id = c.id;
  soci::rowset<soci::row> results =
      (tx.sql().prepare << "SELECT metric, before_value, after_value, unit, source FROM "
                           "knowledge_case_results WHERE case_id = :c ORDER BY id",
       soci::use(id));
  for (const soci::row& r : results) {
    CaseResult result{.metric = db::Text(r, 0), .unit = db::Text(r, 3), .source = db::Text(r, 4)};
    if (r.get_indicator(1) != soci::i_null) result.before = db::Real(r, 1);
    if (r.get_indicator(2) != soci::i_null) result.after = db::Real(r, 2);
    c.content.results.push_back(result);
  }
  soci::rowset<soci::row> docs =
      (tx.sql().prepare << "SELECT document_id FROM knowledge_case_documents WHERE case_id = :c "
                           "ORDER BY document_id",
       soci::use(id));
  for (const soci::row& r : docs) c.content.document_ids.push_back(db::Int(r, 0));
}

}  // namespace

StatusOr<CaseId> CaseStore::Insert(db::Tx& tx, const Case& c) {
  long long id = 0, created = c.created_at, updated = c.updated_at;
  const CaseContent& t = c.content;
  std::string state(CaseStateName(c.state)), sdgs = JoinSdgs(t.sdgs), tags = JoinList(t.tags);
  long long org = c.organisation_id;
  db::NullableInt idea(c.idea_id), by(c.created_by);
  db::NullableText start(t.period_start), end(t.period_end);
  tx.sql() << "INSERT INTO knowledge_cases(organisation_id, idea_id, state, title, summary, "
              "problem, solution, period_start, period_end, costs, effort, hard_parts, advice, "
              "legal_notes, contact_name, contact_email, area, sdgs, tags, version, created_by, "
              "created_at, updated_at) VALUES (:o, :i, :s, :t, :su, :p, :so, :ps, :pe, :co, :ef, "
              ":h, :ad, :l, :cn, :ce, :ar, :sd, :tg, 1, :by, :c, :u) RETURNING id",
      soci::use(org), soci::use(idea.value, idea.indicator), soci::use(state), soci::use(t.title),
      soci::use(t.summary), soci::use(t.problem), soci::use(t.solution),
      soci::use(start.value, start.indicator), soci::use(end.value, end.indicator),
      soci::use(t.costs), soci::use(t.effort), soci::use(t.hard_parts), soci::use(t.advice),
      soci::use(t.legal_notes), soci::use(t.contact_name), soci::use(t.contact_email),
      soci::use(t.area), soci::use(sdgs), soci::use(tags), soci::use(by.value, by.indicator),
      soci::use(created), soci::use(updated), soci::into(id);
  Case stored = c;
  stored.id = id;
  RETURN_IF_ERROR(WriteResultsAndDocuments(tx, stored));
  return id;
}

Status CaseStore::Update(db::Tx& tx, const Case& c) {
  long long id = c.id, updated = c.updated_at;
  int version = c.version;
  const CaseContent& t = c.content;
  std::string state(CaseStateName(c.state)), sdgs = JoinSdgs(t.sdgs), tags = JoinList(t.tags);
  db::NullableText start(t.period_start), end(t.period_end);
  db::NullableInt published(c.published_at);
  tx.sql() << "UPDATE knowledge_cases SET state = :s, title = :t, summary = :su, problem = :p, "
              "solution = :so, period_start = :ps, period_end = :pe, costs = :co, effort = :ef, "
              "hard_parts = :h, advice = :ad, legal_notes = :l, contact_name = :cn, "
              "contact_email = :ce, area = :ar, sdgs = :sd, tags = :tg, version = :v, "
              "updated_at = :u, published_at = :pa WHERE id = :id",
      soci::use(state), soci::use(t.title), soci::use(t.summary), soci::use(t.problem),
      soci::use(t.solution), soci::use(start.value, start.indicator),
      soci::use(end.value, end.indicator), soci::use(t.costs), soci::use(t.effort),
      soci::use(t.hard_parts), soci::use(t.advice), soci::use(t.legal_notes),
      soci::use(t.contact_name), soci::use(t.contact_email), soci::use(t.area), soci::use(sdgs),
      soci::use(tags), soci::use(version), soci::use(updated),
      soci::use(published.value, published.indicator), soci::use(id);
  return WriteResultsAndDocuments(tx, c);
}

StatusOr<Case> CaseStore::Get(db::Tx& tx, CaseId id) {
  long long cid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kCaseSelect) + "WHERE c.id = :id", soci::use(cid));
  for (const soci::row& r : rows) {
    Case c = CaseFromRow(r);
    ReadResultsAndDocuments(tx, c);
    return c;
  }
  return NotFoundError("no case with id " + std::to_string(id));
}

StatusOr<std::vector<Case>> CaseStore::List(db::Tx& tx, const CaseFilter& f, int limit,
                                            std::int64_t offset) {
  CaseBinds b(f);
  long long l = limit, o = offset;
  std::string order = f.order == CaseFilter::Order::kMostAdopted
                          ? "ORDER BY adoptions DESC, c.published_at DESC, c.id DESC "
                          : "ORDER BY COALESCE(c.published_at, c.updated_at) DESC, c.id DESC ";
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kCaseSelect) + Where(f) + order + "LIMIT :l OFFSET :off",
       soci::use(b.area, "area"), soci::use(b.area, "area2"), soci::use(b.query, "q"),
       soci::use(b.sdg, "sdg"), soci::use(b.sdg_like, "sdg2"), soci::use(b.county, "county"),
       soci::use(b.county, "county2"), soci::use(l, "l"), soci::use(o, "off"));
  std::vector<Case> out;
  for (const soci::row& r : rows) out.push_back(CaseFromRow(r));
  return out;
}

StatusOr<std::int64_t> CaseStore::Count(db::Tx& tx, const CaseFilter& f) {
  CaseBinds b(f);
  long long total = 0;
  tx.sql() << "SELECT COUNT(*) FROM knowledge_cases c JOIN accounts_organisations o ON o.id = "
              "c.organisation_id " + Where(f),
      soci::use(b.area, "area"), soci::use(b.area, "area2"), soci::use(b.query, "q"),
      soci::use(b.sdg, "sdg"), soci::use(b.sdg_like, "sdg2"), soci::use(b.county, "county"),
      soci::use(b.county, "county2"), soci::into(total);
  return std::int64_t(total);
}

Status CaseStore::AddVersion(db::Tx& tx, const Case& c, std::optional<std::int64_t> editor,
                             UnixSeconds at) {
  long long id = c.id, when = at;
  int version = c.version;
  std::string content = CaseContentToJson(c.content);
  db::NullableInt by(editor);
  tx.sql() << "INSERT INTO knowledge_case_versions(case_id, version, content, edited_by, "
              "edited_at) VALUES (:c, :v, :t, :by, :at)",
      soci::use(id), soci::use(version), soci::use(content), soci::use(by.value, by.indicator),
      soci::use(when);
  return Status::Ok();
}

StatusOr<std::vector<CaseVersion>> CaseStore::Versions(db::Tx& tx, CaseId id) {
  long long cid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT v.version, COALESCE(p.display_name, ''), v.edited_at, "
                           "v.content FROM knowledge_case_versions v LEFT JOIN accounts_persons "
                           "p ON p.id = v.edited_by WHERE v.case_id = :c ORDER BY v.version DESC",
       soci::use(cid));
  std::vector<CaseVersion> out;
  for (const soci::row& r : rows) {
    out.push_back({static_cast<int>(db::Int(r, 0)), db::Text(r, 1), db::Int(r, 2),
                   CaseContentFromJson(db::Text(r, 3))});
  }
  return out;
}

StatusOr<AdoptionId> CaseStore::InsertAdoption(db::Tx& tx, const Adoption& a,
                                               std::optional<std::int64_t> by) {
  long long id = 0, case_id = a.case_id, org = a.organisation_id, created = a.created_at;
  std::string status(AdoptionStatusName(a.input.status));
  std::string adaptation = a.input.adapted ? "adapted" : "copied";
  db::NullableInt idea(a.input.idea_id), pilot(a.input.pilot_id), creator(by);
  tx.sql() << "INSERT INTO knowledge_adoptions(case_id, organisation_id, status, adopted_on, "
              "scope, adaptation, idea_id, pilot_id, results, created_by, created_at) VALUES "
              "(:c, :o, :s, :d, :sc, :ad, :i, :p, :r, :by, :t) RETURNING id",
      soci::use(case_id), soci::use(org), soci::use(status), soci::use(a.input.adopted_on),
      soci::use(a.input.scope), soci::use(adaptation), soci::use(idea.value, idea.indicator),
      soci::use(pilot.value, pilot.indicator), soci::use(a.input.results),
      soci::use(creator.value, creator.indicator), soci::use(created), soci::into(id);
  return id;
}

Status CaseStore::UpdateAdoption(db::Tx& tx, const Adoption& a) {
  long long id = a.id;
  std::string status(AdoptionStatusName(a.input.status));
  std::string adaptation = a.input.adapted ? "adapted" : "copied";
  db::NullableInt idea(a.input.idea_id), pilot(a.input.pilot_id), withdrawn(a.withdrawn_at);
  tx.sql() << "UPDATE knowledge_adoptions SET status = :s, adopted_on = :d, scope = :sc, "
              "adaptation = :ad, idea_id = :i, pilot_id = :p, results = :r, withdrawn_at = :w "
              "WHERE id = :id",
      soci::use(status), soci::use(a.input.adopted_on), soci::use(a.input.scope),
      soci::use(adaptation), soci::use(idea.value, idea.indicator),
      soci::use(pilot.value, pilot.indicator), soci::use(a.input.results),
      soci::use(withdrawn.value, withdrawn.indicator), soci::use(id);
  return Status::Ok();
}

StatusOr<Adoption> CaseStore::GetAdoption(db::Tx& tx, AdoptionId id) {
  long long aid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kAdoptionSelect) + "WHERE a.id = :id", soci::use(aid));
  for (const soci::row& r : rows) return AdoptionFromRow(r);
  return NotFoundError("no adoption with id " + std::to_string(id));
}

StatusOr<std::vector<Adoption>> CaseStore::AdoptionsOfCase(db::Tx& tx, CaseId id) {
  long long cid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kAdoptionSelect) +
                               "WHERE a.case_id = :c AND a.withdrawn_at IS NULL ORDER BY "
                               "a.adopted_on, a.id",
       soci::use(cid));
  std::vector<Adoption> out;
  for (const soci::row& r : rows) out.push_back(AdoptionFromRow(r));
  return out;
}

StatusOr<std::vector<Adoption>> CaseStore::AdoptionsByOrganisation(db::Tx& tx, std::int64_t org) {
  long long oid = org;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kAdoptionSelect) +
                               "WHERE a.organisation_id = :o AND a.withdrawn_at IS NULL ORDER BY "
                               "a.adopted_on DESC, a.id DESC",
       soci::use(oid));
  std::vector<Adoption> out;
  for (const soci::row& r : rows) out.push_back(AdoptionFromRow(r));
  return out;
}

StatusOr<std::optional<Adoption>> CaseStore::ActiveAdoption(db::Tx& tx, CaseId id,
                                                            std::int64_t org) {
  long long cid = id, oid = org;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kAdoptionSelect) +
                               "WHERE a.case_id = :c AND a.organisation_id = :o AND "
                               "a.withdrawn_at IS NULL",
       soci::use(cid), soci::use(oid));
  for (const soci::row& r : rows) return std::optional(AdoptionFromRow(r));
  return std::optional<Adoption>();
}

}  // namespace nyttig::knowledge
