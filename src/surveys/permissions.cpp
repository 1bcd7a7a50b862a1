#include "surveys/permissions.h"

#include "accounts/permissions.h"

namespace nyttig::surveys {
namespace {

using accounts::Actor;
using accounts::OrganisationId;
using accounts::Role;
using accounts::TokenScope;

// A person (or the organisation's own service token) with one of `roles`.
template <size_t N>
bool HasAnyRole(const Actor& actor, OrganisationId org, TokenScope scope,
                const Role (&roles)[N]) {
  if (!actor.HasScope(scope)) return false;
  if (actor.service_organisation) return *actor.service_organisation == org;
  if (actor.platform_admin) return true;
  for (Role role : roles) {
    if (actor.HasRole(org, role)) return true;
  }
  return false;
}

constexpr Role kBuilders[] = {Role::kCoordinator, Role::kAdmin};
constexpr Role kReaders[] = {Role::kCoordinator, Role::kAdmin, Role::kDecisionMaker};

bool IsStaffOnly(const Survey& survey) {
  return survey.audience == Audience::kStaff && survey.access == Access::kLoggedIn;
}

}  // namespace

bool CanBuildSurveys(const Actor& actor, OrganisationId org) {
  return HasAnyRole(actor, org, TokenScope::kWrite, kBuilders);
}

bool CanReadResults(const Actor& actor, OrganisationId org) {
  return HasAnyRole(actor, org, TokenScope::kRead, kReaders);
}

bool CanListSurveys(const Actor& actor, OrganisationId org) {
  if (!actor.HasScope(TokenScope::kRead)) return false;
  if (actor.service_organisation) return *actor.service_organisation == org;
  return actor.platform_admin || actor.IsMemberOf(org);
}

bool IsAcceptingAnswers(const Survey& survey, UnixSeconds now) {
  if (survey.state != SurveyState::kOpen) return false;
  if (survey.opens_at && now < *survey.opens_at) return false;
  return !(survey.closes_at && now >= *survey.closes_at);
}

bool CanAnswer(const Actor& actor, const Survey& survey, UnixSeconds now) {
  if (!IsAcceptingAnswers(survey, now)) return false;
  if (actor.authenticated() && !actor.HasScope(TokenScope::kWrite)) return false;
  if (survey.access == Access::kAnonymousLink) return true;
  if (!actor.person_id) return false;
  return survey.audience == Audience::kCitizens || actor.IsMemberOf(survey.organisation_id);
}

bool CanViewSurvey(const Actor& actor, const Survey& survey, UnixSeconds) {
  if (CanBuildSurveys(actor, survey.organisation_id)) return true;
  if (CanReadResults(actor, survey.organisation_id)) return true;
  if (survey.state == SurveyState::kDraft) return false;
  if (!IsStaffOnly(survey)) return true;
  return actor.person_id && actor.IsMemberOf(survey.organisation_id);
}

Status HiddenSurvey(const Actor& actor) {
  if (!actor.authenticated()) return accounts::DenyAccess(actor, "surveys.not_found");
  return NotFoundError("surveys.not_found");
}

}  // namespace nyttig::surveys
