#include "knowledge/case_service.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "accounts/permissions.h"
#include "core/text.h"
#include "core/time_format.h"
#include "knowledge/permissions.h"
#include "knowledge/search_mapping.h"

namespace nyttig::knowledge {
namespace {

constexpr size_t kMaxShortText = 200;  // characters: names, units, sources, tags

void CheckText(Status& s, const std::string& name, const std::string& value, size_t max) {
  if (Utf8Length(value) > max) {
    s.AddInvalid(name, "knowledge.field.too_long", value, {{"max", std::to_string(max)}});
  }
}

void CheckDate(Status& s, const std::string& name, const std::optional<std::string>& value) {
  if (value && (value->size() != 10 || !ParseRfc3339(*value))) {
    s.AddInvalid(name, "knowledge.date.invalid", *value);
  }
}

Status Done(Status s) { return s.invalid_parameters().empty() ? Status::Ok() : s; }

void CheckResults(Status& s, const std::vector<CaseResult>& results) {
  if (results.size() > kMaxCaseResults) {
    s.AddInvalid("results", "knowledge.case.results.too_many", "",
                 {{"max", std::to_string(kMaxCaseResults)}});
  }
  for (size_t result_idx = 0; result_idx < results.size(); ++result_idx) {
    const CaseResult& r = results[result_idx];
    std::string prefix = "results[" + std::to_string(result_idx) + "].";
    if (Trim(r.metric).empty()) s.AddInvalid(prefix + "metric", "knowledge.case.metric.required");
    CheckText(s, prefix + "metric", r.metric, kMaxShortText);
    CheckText(s, prefix + "unit", r.unit, kMaxShortText);
    CheckText(s, prefix + "source", r.source, kMaxShortText);
    for (const auto& [field, value] : {std::pair{"before", r.before}, {"after", r.after}}) {
      if (value && !std::isfinite(*value)) s.AddInvalid(prefix + field, "validation.not_number");
    }
    if ((r.before || r.after) && Trim(r.source).empty()) {
      s.AddInvalid(prefix + "source", "knowledge.case.source.required");
    }
  }
}

}  // namespace

Status CaseService::Validate(const CaseContent& c) {
  Status s = InvalidArgumentError("invalid case");
  if (Trim(c.title).empty()) s.AddInvalid("title", "knowledge.case.title.required");
  CheckText(s, "title", c.title, kMaxCaseTitle);
  for (const auto& [name, value] :
       {std::pair<const char*, const std::string*>{"summary", &c.summary},
        {"problem", &c.problem}, {"solution", &c.solution}, {"costs", &c.costs},
        {"effort", &c.effort}, {"hard_parts", &c.hard_parts}, {"advice", &c.advice},
        {"legal_notes", &c.legal_notes}}) {
    CheckText(s, name, *value, kMaxCaseText);
  }
  CheckText(s, "contact_name", c.contact_name, kMaxShortText);
  CheckText(s, "area", c.area, kMaxShortText);
  if (!c.contact_email.empty() && c.contact_email.find('@') == std::string::npos) {
    s.AddInvalid("contact_email", "knowledge.case.email.invalid", c.contact_email);
  }
  CheckDate(s, "period_start", c.period_start);
  CheckDate(s, "period_end", c.period_end);
  if (c.period_start && c.period_end && *c.period_end < *c.period_start) {
    s.AddInvalid("period_end", "knowledge.case.period.order", *c.period_end);
  }
  for (int goal : c.sdgs) {
    if (goal < 1 || goal > 17) s.AddInvalid("sdgs", "knowledge.case.sdg.invalid", std::to_string(goal));
  }
  if (c.tags.size() > kMaxCaseTags) s.AddInvalid("tags", "knowledge.case.tags.too_many");
  CheckResults(s, c.results);
  return Done(s);
}

Status CaseService::ValidateAdoption(const AdoptionInput& in) {
  Status s = InvalidArgumentError("invalid adoption");
  if (in.adopted_on.size() != 10 || !ParseRfc3339(in.adopted_on)) {
    s.AddInvalid("adopted_on", "knowledge.date.invalid", in.adopted_on);
  }
  CheckText(s, "scope", in.scope, kMaxCaseText);
  CheckText(s, "results", in.results, kMaxCaseText);
  return Done(s);
}

CaseService::CaseService(db::Database& db, const audit::AuditLog& audit, const Clock& clock)
    : db_(db), audit_(audit), clock_(clock) {}

StatusOr<Case> CaseService::CreateCase(const accounts::Actor& actor, std::int64_t org,
                                       const CaseContent& content,
                                       std::optional<std::int64_t> idea_id) {
  if (!CanCreateCase(actor, org)) return accounts::DenyAccess(actor, "knowledge.case.create.denied");
  RETURN_IF_ERROR(Validate(content));
  return db_.WriteValue<Case>([&](db::Tx& tx) -> StatusOr<Case> {
    Case c{.organisation_id = org, .idea_id = idea_id, .content = content,
           .created_by = actor.person_id, .created_at = clock_.Now(), .updated_at = clock_.Now()};
    ASSIGN_OR_RETURN(c.id, CaseStore::Insert(tx, c));
    RETURN_IF_ERROR(CaseStore::AddVersion(tx, c, actor.person_id, c.created_at));
    RETURN_IF_ERROR(audit_.Append(tx, accounts::MakeAuditEvent(actor, org, "case.create", "case",
                                                                std::to_string(c.id),
                                                                {{"title", content.title}}))
                        .status());
    return FindAndIndex(tx, c.id);
  });
}

StatusOr<Case> CaseService::UpdateCase(const accounts::Actor& actor, CaseId id,
                                       const CaseContent& content) {
  RETURN_IF_ERROR(Validate(content));
  return db_.WriteValue<Case>([&](db::Tx& tx) -> StatusOr<Case> {
    ASSIGN_OR_RETURN(Case c, CaseStore::Get(tx, id));
    if (!CanViewCase(actor, c)) return NotFoundError("no case with id " + std::to_string(id));
    if (!CanEditCase(actor, c)) return accounts::DenyAccess(actor, "knowledge.case.edit.denied");
    if (c.content == content) return c;  // nothing changed: no new version
    c.content = content;
    ++c.version;
    c.updated_at = clock_.Now();
    RETURN_IF_ERROR(CaseStore::Update(tx, c));
    RETURN_IF_ERROR(CaseStore::AddVersion(tx, c, actor.person_id, c.updated_at));
    RETURN_IF_ERROR(audit_.Append(tx, accounts::MakeAuditEvent(
                                          actor, c.organisation_id, "case.update", "case",
                                          std::to_string(id), {{"version", c.version}}))
                        .status());
    return FindAndIndex(tx, id);
  });
}

StatusOr<Case> CaseService::ChangeState(const accounts::Actor& actor, CaseId id,
                                        CaseState from_required, CaseState to,
                                        const std::string& action, nlohmann::json details) {
  return db_.WriteValue<Case>([&](db::Tx& tx) -> StatusOr<Case> {
    ASSIGN_OR_RETURN(Case c, CaseStore::Get(tx, id));
    if (!CanViewCase(actor, c)) return NotFoundError("no case with id " + std::to_string(id));
    bool reviewing = to == CaseState::kPublished || action == "case.return";
    if (reviewing ? !CanReviewCase(actor, c) : !CanEditCase(actor, c)) {
      return accounts::DenyAccess(actor, reviewing ? "knowledge.case.review.denied"
                                                   : "knowledge.case.edit.denied");
    }
    bool direct_publish = to == CaseState::kPublished && c.state == CaseState::kDraft;
    if (c.state != from_required && !direct_publish) {
      return FailedPreconditionError("knowledge.case.state.wrong");
    }
    c.state = to;
    c.updated_at = clock_.Now();
    if (to == CaseState::kPublished && !c.published_at) c.published_at = c.updated_at;
    RETURN_IF_ERROR(CaseStore::Update(tx, c));
    details["state"] = CaseStateName(to);
    RETURN_IF_ERROR(audit_.Append(tx, accounts::MakeAuditEvent(actor, c.organisation_id, action,
                                                                "case", std::to_string(id), details))
                        .status());
    return FindAndIndex(tx, id);
  });
}

StatusOr<Case> CaseService::FindAndIndex(db::Tx& tx, CaseId id) {
  ASSIGN_OR_RETURN(Case c, CaseStore::Get(tx, id));
  if (search_sink_) RETURN_IF_ERROR(search_sink_->Upsert(tx, ToSearchDocument(c)));
  return c;
}

StatusOr<Case> CaseService::SubmitForReview(const accounts::Actor& actor, CaseId id) {
  return ChangeState(actor, id, CaseState::kDraft, CaseState::kReview, "case.submit", {});
}

StatusOr<Case> CaseService::Publish(const accounts::Actor& actor, CaseId id) {
  return ChangeState(actor, id, CaseState::kReview, CaseState::kPublished, "case.publish", {});
}

StatusOr<Case> CaseService::ReturnToDraft(const accounts::Actor& actor, CaseId id,
                                          const std::string& reason) {
  return ChangeState(actor, id, CaseState::kReview, CaseState::kDraft, "case.return",
                     {{"reason", reason}});
}

StatusOr<Case> CaseService::Get(const accounts::Actor& actor, CaseId id) {
  ASSIGN_OR_RETURN(Case c, db_.ReadValue<Case>([&](db::Tx& tx) { return CaseStore::Get(tx, id); }));
  // Someone else's draft answers as if it did not exist.
  if (!CanViewCase(actor, c)) return NotFoundError("no case with id " + std::to_string(id));
  return c;
}

StatusOr<accounts::Paged<Case>> CaseService::List(const accounts::Actor& actor, CaseFilter filter,
                                                  accounts::Page page) {
  filter.all_visible = actor.platform_admin;
  filter.lead_in.clear();
  for (const accounts::Membership& m : actor.memberships) {
    if (m.role == accounts::Role::kCoordinator || m.role == accounts::Role::kAdmin) {
      filter.lead_in.push_back(m.organisation_id);
    }
  }
  filter.author = actor.person_id;
  return db_.ReadValue<accounts::Paged<Case>>([&](db::Tx& tx) -> StatusOr<accounts::Paged<Case>> {
    accounts::Paged<Case> out;
    ASSIGN_OR_RETURN(out.total, CaseStore::Count(tx, filter));
    ASSIGN_OR_RETURN(out.items, CaseStore::List(tx, filter, page.limit,
                                                std::int64_t(page.page - 1) * page.limit));
    return out;
  });
}

StatusOr<std::vector<CaseVersion>> CaseService::History(const accounts::Actor& actor, CaseId id) {
  RETURN_IF_ERROR(Get(actor, id).status());
  return db_.ReadValue<std::vector<CaseVersion>>(
      [&](db::Tx& tx) { return CaseStore::Versions(tx, id); });
}

StatusOr<Adoption> CaseService::RecordAdoption(const accounts::Actor& actor, CaseId id,
                                               std::int64_t adopter, const AdoptionInput& input) {
  RETURN_IF_ERROR(ValidateAdoption(input));
  return db_.WriteValue<Adoption>([&](db::Tx& tx) -> StatusOr<Adoption> {
    ASSIGN_OR_RETURN(Case c, CaseStore::Get(tx, id));
    if (!CanViewCase(actor, c)) return NotFoundError("no case with id " + std::to_string(id));
    if (adopter == c.organisation_id || c.state != CaseState::kPublished) {
      return FailedPreconditionError("knowledge.adoption.not_possible");
    }
    if (!CanRecordAdoption(actor, adopter, c)) {
      return accounts::DenyAccess(actor, "knowledge.adoption.denied");
    }
    ASSIGN_OR_RETURN(auto existing, CaseStore::ActiveAdoption(tx, id, adopter));
    if (existing) return AlreadyExistsError("knowledge.adoption.exists");
    Adoption a{.case_id = id, .organisation_id = adopter, .input = input, .created_at = clock_.Now()};
    ASSIGN_OR_RETURN(a.id, CaseStore::InsertAdoption(tx, a, actor.person_id));
    RETURN_IF_ERROR(audit_.Append(tx, accounts::MakeAuditEvent(
                                          actor, adopter, "adoption.record", "adoption",
                                          std::to_string(a.id),
                                          {{"case_id", id},
                                           {"status", AdoptionStatusName(input.status)}}))
                        .status());
    return CaseStore::GetAdoption(tx, a.id);
  });
}

StatusOr<Adoption> CaseService::SaveAdoption(const accounts::Actor& actor, AdoptionId id,
                                             const std::function<Status(Adoption&)>& change,
                                             const std::string& action) {
  return db_.WriteValue<Adoption>([&](db::Tx& tx) -> StatusOr<Adoption> {
    ASSIGN_OR_RETURN(Adoption a, CaseStore::GetAdoption(tx, id));
    ASSIGN_OR_RETURN(Case c, CaseStore::Get(tx, a.case_id));
    if (a.withdrawn_at) return FailedPreconditionError("knowledge.adoption.withdrawn");
    if (!CanRecordAdoption(actor, a.organisation_id, c)) {
      return accounts::DenyAccess(actor, "knowledge.adoption.denied");
    }
    RETURN_IF_ERROR(change(a));
    RETURN_IF_ERROR(CaseStore::UpdateAdoption(tx, a));
    RETURN_IF_ERROR(audit_.Append(tx, accounts::MakeAuditEvent(actor, a.organisation_id, action,
                                                                "adoption", std::to_string(id),
                                                                {{"case_id", a.case_id}}))
                        .status());
    return CaseStore::GetAdoption(tx, id);
  });
}

StatusOr<Adoption> CaseService::UpdateAdoption(const accounts::Actor& actor, AdoptionId id,
                                               const AdoptionInput& input) {
  RETURN_IF_ERROR(ValidateAdoption(input));
  return SaveAdoption(actor, id, [&](Adoption& a) {
    a.input = input;
    return Status::Ok();
  }, "adoption.update");
}

StatusOr<Adoption> CaseService::WithdrawAdoption(const accounts::Actor& actor, AdoptionId id) {
  return SaveAdoption(actor, id, [&](Adoption& a) {
    a.withdrawn_at = clock_.Now();
    return Status::Ok();
  }, "adoption.withdraw");
}

StatusOr<Adoption> CaseService::GetAdoption(const accounts::Actor& actor, AdoptionId id) {
  ASSIGN_OR_RETURN(Adoption a, db_.ReadValue<Adoption>(
                                   [&](db::Tx& tx) { return CaseStore::GetAdoption(tx, id); }));
  RETURN_IF_ERROR(Get(actor, a.case_id).status());
  return a;
}

StatusOr<std::vector<Adoption>> CaseService::Adoptions(const accounts::Actor& actor, CaseId id) {
  RETURN_IF_ERROR(Get(actor, id).status());
  return db_.ReadValue<std::vector<Adoption>>(
      [&](db::Tx& tx) { return CaseStore::AdoptionsOfCase(tx, id); });
}

StatusOr<std::vector<Adoption>> CaseService::AdoptionsBy(std::int64_t org) {
  return db_.ReadValue<std::vector<Adoption>>(
      [&](db::Tx& tx) { return CaseStore::AdoptionsByOrganisation(tx, org); });
}

StatusOr<Spread> CaseService::SpreadOf(const accounts::Actor& actor, CaseId id) {
  ASSIGN_OR_RETURN(std::vector<Adoption> adoptions, Adoptions(actor, id));
  return ComputeSpread(adoptions);
}

Spread ComputeSpread(const std::vector<Adoption>& adoptions) {
  Spread s;
  std::set<std::int64_t> orgs;
  std::map<std::string, int> counties;
  for (const Adoption& a : adoptions) {
    if (a.withdrawn_at) continue;
    orgs.insert(a.organisation_id);
    ++(a.input.status == AdoptionStatus::kAdopted ? s.adopted : s.trying);
    if (!a.county_code.empty()) ++counties[a.county_code];
  }
  s.organisations = static_cast<int>(orgs.size());
  s.regions = static_cast<int>(counties.size());
  s.by_county.assign(counties.begin(), counties.end());
  std::stable_sort(s.by_county.begin(), s.by_county.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return s;
}

}  // namespace nyttig::knowledge
