// The surveys permission predicates as a role × action matrix.
#include "surveys/permissions.h"

#include <gtest/gtest.h>

#include "test_actors.h"

namespace nyttig::surveys {
namespace {

using accounts::Actor;
using accounts::Role;

constexpr accounts::OrganisationId kOrg = 1;
constexpr accounts::OrganisationId kOtherOrg = 2;
constexpr UnixSeconds kNow = 1'800'000'000;

enum Who { kAnonymous, kCitizen, kEmployee, kCoordinator, kDecider, kAdmin, kOtherAdmin, kPlatform };

Actor Make(Who who) {
  switch (who) {
    case kAnonymous: return Actor::Anonymous();
    case kCitizen: return PersonActor(10);
    case kEmployee: return MemberActor(11, kOrg, Role::kEmployee);
    case kCoordinator: return MemberActor(12, kOrg, Role::kCoordinator);
    case kDecider: return MemberActor(13, kOrg, Role::kDecisionMaker);
    case kAdmin: return MemberActor(14, kOrg, Role::kAdmin);
    case kOtherAdmin: return MemberActor(15, kOtherOrg, Role::kAdmin);
    case kPlatform: {
      Actor actor = PersonActor(16);
      actor.platform_admin = true;
      return actor;
    }
  }
  return Actor::Anonymous();
}

Survey OpenSurvey(Audience audience, Access access) {
  return Survey{.id = 1, .organisation_id = kOrg, .audience = audience, .access = access,
                .state = SurveyState::kOpen};
}

struct Row {
  Who who;
  bool build, results, list, answer_link, answer_citizen_login, answer_staff_login, view_draft;
};

// The matrix in words: coordinators and admins build; decision makers also
// read results; members list; anyone answers a link survey; logged-in
// citizen surveys need a person; logged-in staff surveys a member; drafts
// only for builders and result readers.
constexpr Row kMatrix[] = {
    //               build  results list   link   citizen staff  draft
    {kAnonymous,     false, false,  false, true,  false,  false, false},
    {kCitizen,       false, false,  false, true,  true,   false, false},
    {kEmployee,      false, false,  true,  true,  true,   true,  false},
    {kCoordinator,   true,  true,   true,  true,  true,   true,  true},
    {kDecider,       false, true,   true,  true,  true,   true,  true},
    {kAdmin,         true,  true,   true,  true,  true,   true,  true},
    {kOtherAdmin,    false, false,  false, true,  true,   false, false},
    {kPlatform,      true,  true,   true,  true,  true,   false, true},
};

TEST(SurveyPermissionsTest, RoleActionMatrix) {
  for (const Row& row : kMatrix) {
    Actor actor = Make(row.who);
    SCOPED_TRACE("actor " + std::to_string(row.who));
    EXPECT_EQ(CanBuildSurveys(actor, kOrg), row.build);
    EXPECT_EQ(CanReadResults(actor, kOrg), row.results);
    EXPECT_EQ(CanListSurveys(actor, kOrg), row.list);
    EXPECT_EQ(CanAnswer(actor, OpenSurvey(Audience::kCitizens, Access::kAnonymousLink), kNow),
              row.answer_link);
    EXPECT_EQ(CanAnswer(actor, OpenSurvey(Audience::kCitizens, Access::kLoggedIn), kNow),
              row.answer_citizen_login);
    EXPECT_EQ(CanAnswer(actor, OpenSurvey(Audience::kStaff, Access::kLoggedIn), kNow),
              row.answer_staff_login);
    Survey draft = OpenSurvey(Audience::kCitizens, Access::kAnonymousLink);
    draft.state = SurveyState::kDraft;
    EXPECT_EQ(CanViewSurvey(actor, draft, kNow), row.view_draft);
  }
}

TEST(SurveyPermissionsTest, NobodyAnswersOutsideTheOpenPeriod) {
  Actor admin = Make(kAdmin);
  Survey survey = OpenSurvey(Audience::kCitizens, Access::kAnonymousLink);
  survey.opens_at = kNow + 60;
  EXPECT_FALSE(CanAnswer(admin, survey, kNow));
  EXPECT_TRUE(CanAnswer(admin, survey, kNow + 60));
  survey.closes_at = kNow + 120;
  EXPECT_FALSE(CanAnswer(admin, survey, kNow + 120));
  survey.state = SurveyState::kClosed;
  survey.opens_at.reset();
  survey.closes_at.reset();
  EXPECT_FALSE(CanAnswer(admin, survey, kNow));
}

TEST(SurveyPermissionsTest, ReadOnlyTokenMayNotBuildOrAnswer) {
  Actor token = MemberActor(20, kOrg, Role::kAdmin);
  token.method = accounts::AuthMethod::kToken;
  token.scopes = {accounts::TokenScope::kRead};
  EXPECT_FALSE(CanBuildSurveys(token, kOrg));
  EXPECT_TRUE(CanReadResults(token, kOrg));
  EXPECT_FALSE(CanAnswer(token, OpenSurvey(Audience::kCitizens, Access::kAnonymousLink), kNow));
  token.scopes = {accounts::TokenScope::kWrite};
  EXPECT_TRUE(CanBuildSurveys(token, kOrg));
}

TEST(SurveyPermissionsTest, ServiceTokenActsOnlyForItsOrganisation) {
  Actor service;
  service.method = accounts::AuthMethod::kToken;
  service.scopes = {accounts::TokenScope::kWrite};
  service.service_organisation = kOrg;
  EXPECT_TRUE(CanBuildSurveys(service, kOrg));
  EXPECT_FALSE(CanBuildSurveys(service, kOtherOrg));
  EXPECT_FALSE(CanReadResults(service, kOtherOrg));
}

}  // namespace
}  // namespace nyttig::surveys
