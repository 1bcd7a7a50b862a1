// SQL for organisations, units, memberships and membership requests
// (tables accounts_organisations, accounts_units, accounts_memberships,
// accounts_membership_requests). Runs inside the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "core/status.h"
#include "db/database.h"

namespace nyttig::accounts {

struct OrganisationFilter {
  std::string name_contains;                 // case-insensitive; "" = all
  std::optional<OrganisationKind> kind;
  std::int64_t offset = 0;
  int limit = 20;
};

class OrganisationStore {
 public:
  static StatusOr<OrganisationId> Insert(db::Tx& tx, const Organisation& org);
  static Status Update(db::Tx& tx, const Organisation& org);
  static StatusOr<Organisation> Find(db::Tx& tx, OrganisationId id);          // kNotFound
  static StatusOr<Organisation> FindBySlug(db::Tx& tx, const std::string& slug);  // kNotFound
  static StatusOr<std::optional<Organisation>> FindByCode(db::Tx& tx, OrganisationKind kind,
                                                          const std::string& code);
  static StatusOr<bool> SlugTaken(db::Tx& tx, const std::string& slug);
  // A page of organisations in name order, and the total that match.
  static StatusOr<std::pair<std::vector<Organisation>, std::int64_t>> Search(
      db::Tx& tx, const OrganisationFilter& filter);

  static StatusOr<UnitId> InsertUnit(db::Tx& tx, const Unit& unit, UnixSeconds now);
  static StatusOr<std::vector<Unit>> ListUnits(db::Tx& tx, OrganisationId org);
  static StatusOr<Unit> FindUnit(db::Tx& tx, UnitId id);

  // kAlreadyExists when the person already has that role there.
  static StatusOr<std::int64_t> InsertMembership(db::Tx& tx, const Membership& m);
  static Status DeleteMembership(db::Tx& tx, std::int64_t membership_id);
  static StatusOr<Membership> FindMembership(db::Tx& tx, std::int64_t membership_id);
  static StatusOr<std::vector<Membership>> MembershipsOfPerson(db::Tx& tx, PersonId person);
  static StatusOr<std::pair<std::vector<Membership>, std::int64_t>> MembershipsOfOrganisation(
      db::Tx& tx, OrganisationId org, std::int64_t offset, int limit);
  static StatusOr<std::int64_t> CountAdmins(db::Tx& tx, OrganisationId org);

  static StatusOr<std::int64_t> InsertRequest(db::Tx& tx, const MembershipRequest& request);
  static StatusOr<MembershipRequest> FindRequest(db::Tx& tx, std::int64_t id);
  static StatusOr<std::vector<MembershipRequest>> PendingRequests(db::Tx& tx, OrganisationId org);
  static StatusOr<std::vector<MembershipRequest>> RequestsOfPerson(db::Tx& tx, PersonId person);
  // `by` is nullopt when a service token decided.
  static Status DecideRequest(db::Tx& tx, std::int64_t id, RequestState state,
                              std::optional<PersonId> by, UnixSeconds now);
};

}  // namespace nyttig::accounts
