#include "accounts/organisation_service.h"

#include <algorithm>
#include <charconv>
#include <sstream>

#include "accounts/permissions.h"
#include "accounts/person_store.h"
#include "core/embedded.h"
#include "core/text.h"

namespace nyttig::accounts {
namespace {

// For an entity found by id in another organisation: people outside that
// organisation learn nothing about what exists there.
Status DeniedOrHidden(const Actor& actor, OrganisationId org, std::string key) {
  if (actor.IsMemberOf(org)) return DenyAccess(actor, std::move(key));
  return NotFoundError("error.not_found");
}

bool IsHttpUrl(std::string_view url) {
  return (url.starts_with("https://") || url.starts_with("http://")) && url.size() > 10 &&
         url.find_first_of(" \t\r\n\"<>") == std::string_view::npos;
}

void CheckLength(Status& problems, const std::string& field, const std::string& value,
                 size_t max) {
  if (Utf8Length(value) > max) {
    problems.AddInvalid(field, "validation.too_long", "", {{"max", std::to_string(max)}});
  }
}

// Validates and normalises an organisation's fields; `creating` also checks
// the kind, which cannot change later.
StatusOr<Organisation> ValidateOrganisation(const OrganisationInput& in, bool creating) {
  Status problems = InvalidArgumentError("validation.failed");
  Organisation org;
  org.name = std::string(Trim(in.name));
  org.description = std::string(Trim(in.description));
  org.website = std::string(Trim(in.website));
  org.official_code = std::string(Trim(in.official_code));
  org.county_code = std::string(Trim(in.county_code));
  if (org.name.empty()) problems.AddInvalid("name", "accounts.organisation.name.required");
  CheckLength(problems, "name", org.name, kMaxOrganisationNameChars);
  CheckLength(problems, "description", org.description, kMaxDescriptionChars);
  CheckLength(problems, "website", org.website, kMaxWebsiteChars);
  if (!org.website.empty() && !IsHttpUrl(org.website)) {
    problems.AddInvalid("website", "accounts.organisation.website.invalid", org.website);
  }
  if (creating) {
    auto kind = ParseOrganisationKind(in.kind);
    if (!kind) problems.AddInvalid("kind", "accounts.organisation.kind.invalid", in.kind);
    org.kind = kind.value_or(OrganisationKind::kMunicipality);
  }
  if (!problems.invalid_parameters().empty()) return problems;
  return org;
}

Status AuditIn(db::Tx& tx, const audit::AuditLog& log, const Actor& actor, OrganisationId org,
               std::string action, std::string type, std::int64_t id,
               nlohmann::json details = nlohmann::json::object()) {
  return log
      .Append(tx, MakeAuditEvent(actor, org, std::move(action), std::move(type),
                                 std::to_string(id), std::move(details)))
      .status();
}

}  // namespace

OrganisationService::OrganisationService(db::Database& db, const Clock& clock,
                                         const audit::AuditLog& audit)
    : db_(db), clock_(clock), audit_(audit) {}

StatusOr<std::string> OrganisationService::UniqueSlug(db::Tx& tx, const std::string& name) {
  std::string base = Slugify(name);
  if (base.empty()) base = "organisation";
  std::string slug = base;
  for (int suffix = 2;; ++suffix) {
    ASSIGN_OR_RETURN(bool taken, OrganisationStore::SlugTaken(tx, slug));
    if (!taken) return slug;
    slug = base + "-" + std::to_string(suffix);
  }
}

StatusOr<Organisation> OrganisationService::CreateOrganisation(const Actor& actor,
                                                               const OrganisationInput& input) {
  if (!CanCreateOrganisation(actor)) return DenyAccess(actor, "accounts.organisation.create.denied");
  ASSIGN_OR_RETURN(Organisation org, ValidateOrganisation(input, true));
  return db_.WriteValue<Organisation>([&](db::Tx& tx) -> StatusOr<Organisation> {
    ASSIGN_OR_RETURN(org.slug, UniqueSlug(tx, org.name));
    org.created_at = clock_.Now();
    ASSIGN_OR_RETURN(org.id, OrganisationStore::Insert(tx, org));
    RETURN_IF_ERROR(AuditIn(tx, audit_, actor, org.id, "organisation.create", "organisation",
                            org.id, {{"name", org.name}, {"slug", org.slug}}));
    return org;
  });
}

StatusOr<Organisation> OrganisationService::UpdateOrganisation(const Actor& actor,
                                                               OrganisationId id,
                                                               const OrganisationInput& input) {
  if (!CanEditOrganisation(actor, id)) return DenyAccess(actor, "accounts.organisation.edit.denied");
  ASSIGN_OR_RETURN(Organisation changes, ValidateOrganisation(input, false));
  return db_.WriteValue<Organisation>([&](db::Tx& tx) -> StatusOr<Organisation> {
    ASSIGN_OR_RETURN(Organisation org, OrganisationStore::Find(tx, id));
    org.name = changes.name;
    org.description = changes.description;
    org.website = changes.website;
    RETURN_IF_ERROR(OrganisationStore::Update(tx, org));
    RETURN_IF_ERROR(AuditIn(tx, audit_, actor, id, "organisation.update", "organisation", id));
    return org;
  });
}

StatusOr<Organisation> OrganisationService::GetOrganisation(OrganisationId id) {
  return db_.ReadValue<Organisation>([&](db::Tx& tx) { return OrganisationStore::Find(tx, id); });
}

StatusOr<Organisation> OrganisationService::GetOrganisationBySlug(const std::string& slug) {
  return db_.ReadValue<Organisation>(
      [&](db::Tx& tx) { return OrganisationStore::FindBySlug(tx, slug); });
}

StatusOr<Organisation> OrganisationService::ResolveOrganisation(const std::string& id_or_slug) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(id_or_slug.data(), id_or_slug.data() + id_or_slug.size(), id);
  if (ec == std::errc() && end == id_or_slug.data() + id_or_slug.size()) return GetOrganisation(id);
  return GetOrganisationBySlug(id_or_slug);
}

StatusOr<Paged<Organisation>> OrganisationService::SearchOrganisations(
    const std::string& name_contains, std::optional<OrganisationKind> kind, const Page& page) {
  OrganisationFilter filter{name_contains, kind, std::int64_t(page.page - 1) * page.limit,
                            page.limit};
  return db_.ReadValue<Paged<Organisation>>([&](db::Tx& tx) -> StatusOr<Paged<Organisation>> {
    ASSIGN_OR_RETURN(auto found, OrganisationStore::Search(tx, filter));
    return Paged<Organisation>{std::move(found.first), found.second};
  });
}

StatusOr<std::vector<Unit>> OrganisationService::ListUnits(OrganisationId org) {
  return db_.ReadValue<std::vector<Unit>>(
      [&](db::Tx& tx) { return OrganisationStore::ListUnits(tx, org); });
}

StatusOr<Unit> OrganisationService::CreateUnit(const Actor& actor, OrganisationId org,
                                               const std::string& name_input,
                                               std::optional<UnitId> parent) {
  if (!CanManageUnits(actor, org)) return DenyAccess(actor, "accounts.unit.create.denied");
  Status problems = InvalidArgumentError("validation.failed");
  std::string name(Trim(name_input));
  if (name.empty()) problems.AddInvalid("name", "accounts.unit.name.required");
  CheckLength(problems, "name", name, kMaxUnitNameChars);
  if (!problems.invalid_parameters().empty()) return problems;
  return db_.WriteValue<Unit>([&](db::Tx& tx) -> StatusOr<Unit> {
    if (parent) {
      ASSIGN_OR_RETURN(Unit parent_unit, OrganisationStore::FindUnit(tx, *parent));
      if (parent_unit.organisation_id != org) {
        Status bad = InvalidArgumentError("validation.failed");
        bad.AddInvalid("parent_id", "accounts.unit.parent.other_organisation");
        return bad;
      }
    }
    Unit unit{0, org, parent, name};
    ASSIGN_OR_RETURN(unit.id, OrganisationStore::InsertUnit(tx, unit, clock_.Now()));
    RETURN_IF_ERROR(AuditIn(tx, audit_, actor, org, "unit.create", "unit", unit.id,
                            {{"name", name}}));
    return unit;
  });
}

StatusOr<Paged<Membership>> OrganisationService::ListMembers(const Actor& actor,
                                                             OrganisationId org,
                                                             const Page& page) {
  if (!CanListMembers(actor, org)) return DenyAccess(actor, "accounts.members.list.denied");
  return db_.ReadValue<Paged<Membership>>([&](db::Tx& tx) -> StatusOr<Paged<Membership>> {
    ASSIGN_OR_RETURN(auto found, OrganisationStore::MembershipsOfOrganisation(
                                     tx, org, std::int64_t(page.page - 1) * page.limit, page.limit));
    return Paged<Membership>{std::move(found.first), found.second};
  });
}

StatusOr<Membership> OrganisationService::GrantRole(const Actor& actor, OrganisationId org,
                                                    const std::string& email, Role role,
                                                    std::optional<UnitId> unit) {
  if (!CanManageMemberships(actor, org)) return DenyAccess(actor, "accounts.members.manage.denied");
  return db_.WriteValue<Membership>([&](db::Tx& tx) -> StatusOr<Membership> {
    auto person = PersonStore::FindByEmail(tx, AsciiLower(Trim(email)));
    if (!person.ok()) {
      Status missing = NotFoundError("accounts.members.person_not_found");
      missing.AddInvalid("email", "accounts.members.person_not_found", email);
      return missing;
    }
    if (unit) {
      ASSIGN_OR_RETURN(Unit u, OrganisationStore::FindUnit(tx, *unit));
      if (u.organisation_id != org) return InvalidArgumentError("accounts.unit.parent.other_organisation");
    }
    Membership m{.person_id = person->id, .organisation_id = org, .unit_id = unit, .role = role,
                 .created_at = clock_.Now()};
    ASSIGN_OR_RETURN(m.id, OrganisationStore::InsertMembership(tx, m));
    RETURN_IF_ERROR(AuditIn(tx, audit_, actor, org, "membership.grant", "membership", m.id,
                            {{"person_id", person->id}, {"role", RoleName(role)}}));
    return OrganisationStore::FindMembership(tx, m.id);
  });
}

Status OrganisationService::RevokeMembership(const Actor& actor, std::int64_t membership_id) {
  return db_.Write([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Membership m, OrganisationStore::FindMembership(tx, membership_id));
    if (!CanManageMemberships(actor, m.organisation_id)) {
      return DeniedOrHidden(actor, m.organisation_id, "accounts.members.manage.denied");
    }
    if (m.role == Role::kAdmin) {
      ASSIGN_OR_RETURN(std::int64_t admins, OrganisationStore::CountAdmins(tx, m.organisation_id));
      if (admins <= 1) return FailedPreconditionError("accounts.members.last_admin");
    }
    RETURN_IF_ERROR(OrganisationStore::DeleteMembership(tx, membership_id));
    return AuditIn(tx, audit_, actor, m.organisation_id, "membership.revoke", "membership",
                   membership_id, {{"person_id", m.person_id}, {"role", RoleName(m.role)}});
  });
}

StatusOr<MembershipRequest> OrganisationService::RequestMembership(const Actor& actor,
                                                                   OrganisationId org,
                                                                   const std::string& message) {
  if (!actor.person_id) return UnauthenticatedError("accounts.login.required");
  if (!CanRequestMembership(actor, org)) return FailedPreconditionError("accounts.request.already_member");
  std::string text(Trim(message));
  if (Utf8Length(text) > kMaxRequestMessageChars) {
    Status bad = InvalidArgumentError("validation.failed");
    bad.AddInvalid("message", "validation.too_long", "",
                   {{"max", std::to_string(kMaxRequestMessageChars)}});
    return bad;
  }
  return db_.WriteValue<MembershipRequest>([&](db::Tx& tx) -> StatusOr<MembershipRequest> {
    RETURN_IF_ERROR(OrganisationStore::Find(tx, org).status());
    ASSIGN_OR_RETURN(auto mine, OrganisationStore::RequestsOfPerson(tx, *actor.person_id));
    for (const MembershipRequest& r : mine) {
      if (r.organisation_id == org && r.state == RequestState::kPending) {
        return FailedPreconditionError("accounts.request.already_pending");
      }
    }
    MembershipRequest request{.person_id = *actor.person_id, .organisation_id = org,
                              .message = text, .created_at = clock_.Now()};
    ASSIGN_OR_RETURN(request.id, OrganisationStore::InsertRequest(tx, request));
    RETURN_IF_ERROR(AuditIn(tx, audit_, actor, org, "membership.request", "membership_request",
                            request.id));
    return OrganisationStore::FindRequest(tx, request.id);
  });
}

StatusOr<std::vector<MembershipRequest>> OrganisationService::PendingRequests(const Actor& actor,
                                                                             OrganisationId org) {
  if (!CanManageMemberships(actor, org)) return DenyAccess(actor, "accounts.members.manage.denied");
  return db_.ReadValue<std::vector<MembershipRequest>>(
      [&](db::Tx& tx) { return OrganisationStore::PendingRequests(tx, org); });
}

StatusOr<std::vector<MembershipRequest>> OrganisationService::MyRequests(const Actor& actor) {
  if (!actor.person_id) return UnauthenticatedError("accounts.login.required");
  return db_.ReadValue<std::vector<MembershipRequest>>(
      [&](db::Tx& tx) { return OrganisationStore::RequestsOfPerson(tx, *actor.person_id); });
}

Status OrganisationService::DecideRequest(const Actor& actor, std::int64_t request_id,
                                          bool approve) {
  return db_.Write([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(MembershipRequest request, OrganisationStore::FindRequest(tx, request_id));
    if (!CanManageMemberships(actor, request.organisation_id)) {
      return DeniedOrHidden(actor, request.organisation_id, "accounts.members.manage.denied");
    }
    if (request.state != RequestState::kPending) {
      return FailedPreconditionError("accounts.request.already_decided");
    }
    const UnixSeconds now = clock_.Now();
    RETURN_IF_ERROR(OrganisationStore::DecideRequest(
        tx, request_id, approve ? RequestState::kApproved : RequestState::kRejected,
        actor.person_id, now));
    ASSIGN_OR_RETURN(std::vector<Membership> existing,
                     OrganisationStore::MembershipsOfPerson(tx, request.person_id));
    bool already_employee = std::any_of(existing.begin(), existing.end(), [&](const Membership& m) {
      return m.organisation_id == request.organisation_id && m.role == Role::kEmployee;
    });
    // Someone who was given the role meanwhile is simply approved.
    if (approve && !already_employee) {
      Membership m{.person_id = request.person_id, .organisation_id = request.organisation_id,
                   .role = Role::kEmployee, .created_at = now};
      RETURN_IF_ERROR(OrganisationStore::InsertMembership(tx, m).status());
    }
    return AuditIn(tx, audit_, actor, request.organisation_id,
                   approve ? "membership.request_approved" : "membership.request_rejected",
                   "membership_request", request_id, {{"person_id", request.person_id}});
  });
}

StatusOr<int> OrganisationService::LoadRegister(const std::vector<RegisterEntry>& entries) {
  return db_.WriteValue<int>([&](db::Tx& tx) -> StatusOr<int> {
    int created = 0;
    for (const RegisterEntry& entry : entries) {
      ASSIGN_OR_RETURN(auto existing, OrganisationStore::FindByCode(tx, entry.kind, entry.code));
      if (existing) continue;
      Organisation org{.name = entry.name, .kind = entry.kind, .official_code = entry.code,
                       .county_code = entry.county_code, .created_at = clock_.Now()};
      ASSIGN_OR_RETURN(org.slug, UniqueSlug(tx, org.name));
      ASSIGN_OR_RETURN(org.id, OrganisationStore::Insert(tx, org));
      ++created;
    }
    if (created > 0) {
      audit::AuditEvent event;
      event.actor_role = "system";
      event.action = "organisation.load_register";
      event.entity_type = "organisation";
      event.details = {{"created", created}};
      RETURN_IF_ERROR(audit_.Append(tx, event).status());
    }
    return created;
  });
}

StatusOr<std::vector<RegisterEntry>> SwedishRegister() {
  std::vector<RegisterEntry> entries;
  for (const EmbeddedFile& file : embedded::ReferenceData()) {
    if (file.path != "sweden_register.csv") continue;
    std::istringstream in{std::string(file.content)};
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      std::vector<std::string> cells;
      std::stringstream row(line);
      for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
      if (cells.size() != 4) return InternalError("malformed register line: " + line);
      auto kind = ParseOrganisationKind(cells[0]);
      if (!kind) return InternalError("unknown kind in register: " + cells[0]);
      entries.push_back({cells[1], cells[2], cells[3], *kind});
    }
  }
  if (entries.empty()) return InternalError("the Swedish register is missing from the binary");
  return entries;
}

}  // namespace nyttig::accounts
