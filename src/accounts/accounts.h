// Value types of the accounts module: people, organisations, units,
// memberships and roles. Plain structs; the services own the rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace nyttig::accounts {

using PersonId = std::int64_t;
using OrganisationId = std::int64_t;
using UnitId = std::int64_t;

// Roles a membership can give. A registered person without a membership
// acts as a citizen (medborgare); the platform admin is a flag on the person.
enum class Role { kEmployee, kCoordinator, kDecisionMaker, kAdmin };

inline constexpr Role kAllRoles[] = {Role::kEmployee, Role::kCoordinator, Role::kDecisionMaker,
                                     Role::kAdmin};

std::string_view RoleName(Role role);  // "employee", "coordinator", …
std::optional<Role> ParseRole(std::string_view name);

// Kinds of organisation, as the Swedish public sector knows them.
enum class OrganisationKind {
  kMunicipality,   // kommun
  kRegion,         // region
  kAgency,         // statlig myndighet
  kCompany,        // företag
  kUniversity,     // lärosäte / FoU-miljö
  kCivilSociety,   // idéburen organisation
};

inline constexpr OrganisationKind kAllOrganisationKinds[] = {
    OrganisationKind::kMunicipality, OrganisationKind::kRegion,     OrganisationKind::kAgency,
    OrganisationKind::kCompany,      OrganisationKind::kUniversity, OrganisationKind::kCivilSociety};

std::string_view OrganisationKindName(OrganisationKind kind);  // "municipality", …
std::optional<OrganisationKind> ParseOrganisationKind(std::string_view name);

struct Person {
  PersonId id = 0;
  std::string display_name;
  std::string email;  // lower-cased
  std::string locale = "sv";
  bool platform_admin = false;
  UnixSeconds created_at = 0;
};

struct Organisation {
  OrganisationId id = 0;
  std::string name;
  std::string slug;
  OrganisationKind kind = OrganisationKind::kMunicipality;
  std::string official_code;  // kommunkod or länskod; may be empty
  std::string county_code;
  std::string description;
  std::string website;
  UnixSeconds created_at = 0;
};

struct Unit {
  UnitId id = 0;
  OrganisationId organisation_id = 0;
  std::optional<UnitId> parent_id;
  std::string name;
};

struct Membership {
  std::int64_t id = 0;
  PersonId person_id = 0;
  OrganisationId organisation_id = 0;
  std::optional<UnitId> unit_id;
  Role role = Role::kEmployee;
  UnixSeconds created_at = 0;
  // Filled by list queries for display.
  std::string person_name;
  std::string person_email;
  std::string organisation_name;
  std::string organisation_slug;
  std::string unit_name;
};

enum class RequestState { kPending, kApproved, kRejected };

struct MembershipRequest {
  std::int64_t id = 0;
  PersonId person_id = 0;
  OrganisationId organisation_id = 0;
  std::string message;
  RequestState state = RequestState::kPending;
  UnixSeconds created_at = 0;
  std::string person_name;
  std::string person_email;
  std::string organisation_name;
};

}  // namespace nyttig::accounts
