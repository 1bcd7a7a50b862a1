// OrganisationService: organisations, their units, memberships with roles,
// and requests to join. Permission checks (accounts/permissions.h) come
// first in every use case, then one transaction with its audit record.
// Thread-safety: safe to share.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.h"
#include "accounts/actor.h"
#include "accounts/organisation_store.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"

namespace nyttig::accounts {

inline constexpr size_t kMaxOrganisationNameChars = 200;
inline constexpr size_t kMaxDescriptionChars = 5000;
inline constexpr size_t kMaxWebsiteChars = 500;
inline constexpr size_t kMaxUnitNameChars = 200;
inline constexpr size_t kMaxRequestMessageChars = 1000;

struct OrganisationInput {
  std::string name;
  std::string kind;  // OrganisationKindName
  std::string official_code;
  std::string county_code;
  std::string description;
  std::string website;
};

struct Page {
  int page = 1;   // from 1
  int limit = 20;
};

template <typename T>
struct Paged {
  std::vector<T> items;
  std::int64_t total = 0;
};

// One row of the official register (municipalities and regions).
struct RegisterEntry {
  std::string code;  // kommunkod (4 digits) or länskod (2 digits)
  std::string name;
  std::string county_code;
  OrganisationKind kind;
};

class OrganisationService {
 public:
  OrganisationService(db::Database& db, const Clock& clock, const audit::AuditLog& audit);
  OrganisationService(const OrganisationService&) = delete;
  OrganisationService& operator=(const OrganisationService&) = delete;

  // kPermissionDenied unless a platform admin; kInvalidArgument per field.
  // The slug comes from the name (unique, with a numeric suffix on collision).
  StatusOr<Organisation> CreateOrganisation(const Actor& actor, const OrganisationInput& input);
  StatusOr<Organisation> UpdateOrganisation(const Actor& actor, OrganisationId id,
                                            const OrganisationInput& input);
  StatusOr<Organisation> GetOrganisation(OrganisationId id);                 // kNotFound
  StatusOr<Organisation> GetOrganisationBySlug(const std::string& slug);     // kNotFound
  // An organisation by numeric id or slug (as the command line takes it).
  StatusOr<Organisation> ResolveOrganisation(const std::string& id_or_slug);
  StatusOr<Paged<Organisation>> SearchOrganisations(const std::string& name_contains,
                                                    std::optional<OrganisationKind> kind,
                                                    const Page& page);

  StatusOr<std::vector<Unit>> ListUnits(OrganisationId org);
  StatusOr<Unit> CreateUnit(const Actor& actor, OrganisationId org, const std::string& name,
                            std::optional<UnitId> parent);

  // kPermissionDenied unless the actor may see the members.
  StatusOr<Paged<Membership>> ListMembers(const Actor& actor, OrganisationId org, const Page& page);
  // Gives the person with `email` a role (kNotFound when nobody has it).
  StatusOr<Membership> GrantRole(const Actor& actor, OrganisationId org, const std::string& email,
                                 Role role, std::optional<UnitId> unit);
  // kFailedPrecondition when it would leave the organisation without an admin.
  Status RevokeMembership(const Actor& actor, std::int64_t membership_id);

  // kFailedPrecondition when a request is already pending or the person is a member.
  StatusOr<MembershipRequest> RequestMembership(const Actor& actor, OrganisationId org,
                                                const std::string& message);
  StatusOr<std::vector<MembershipRequest>> PendingRequests(const Actor& actor, OrganisationId org);
  StatusOr<std::vector<MembershipRequest>> MyRequests(const Actor& actor);
  // Approval makes the person an employee (medarbetare).
  Status DecideRequest(const Actor& actor, std::int64_t request_id, bool approve);

  // Loads the official register idempotently (as the system); returns how
  // many organisations were created.
  StatusOr<int> LoadRegister(const std::vector<RegisterEntry>& entries);

 private:
  StatusOr<std::string> UniqueSlug(db::Tx& tx, const std::string& name);

  db::Database& db_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
};

// Sweden's 290 municipalities and 21 regions, from the data file compiled
// into the binary (db/data/municipalities.csv).
StatusOr<std::vector<RegisterEntry>> SwedishRegister();

}  // namespace nyttig::accounts
