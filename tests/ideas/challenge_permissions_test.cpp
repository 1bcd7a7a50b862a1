// Challenges' permission predicates as a role × action matrix over the
// phases of a challenge: pure functions, no database.
#include "ideas/challenge_permissions.h"
#include "support/actors.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace nyttig::ideas {
namespace {

using testing::PersonActor;
using testing::ServiceTokenActor;

using accounts::Actor;
using accounts::AuthMethod;
using accounts::Role;

constexpr OrganisationId kLead = 1;
constexpr OrganisationId kCoHost = 2;   // invited and accepted
constexpr OrganisationId kInvited = 3;  // invited, not yet answered
constexpr OrganisationId kOther = 4;
constexpr UnixSeconds kOpens = 1'000'000;
constexpr UnixSeconds kCloses = kOpens + 30 * kDay;



std::map<std::string, Actor> Actors() {
  Actor read_only = PersonActor(30, {{kLead, Role::kCoordinator}});
  read_only.method = AuthMethod::kToken;
  read_only.scopes = {accounts::TokenScope::kRead};
  return {{"anonymous", Actor::Anonymous()},
          {"citizen", PersonActor(10)},
          {"lead_employee", PersonActor(11, {{kLead, Role::kEmployee}})},
          {"lead_coordinator", PersonActor(12, {{kLead, Role::kCoordinator}})},
          {"lead_admin", PersonActor(13, {{kLead, Role::kAdmin}})},
          {"lead_decision_maker", PersonActor(14, {{kLead, Role::kDecisionMaker}})},
          {"cohost_employee", PersonActor(15, {{kCoHost, Role::kEmployee}})},
          {"cohost_coordinator", PersonActor(16, {{kCoHost, Role::kCoordinator}})},
          {"invited_coordinator", PersonActor(17, {{kInvited, Role::kCoordinator}})},
          {"invited_employee", PersonActor(18, {{kInvited, Role::kEmployee}})},
          {"other_coordinator", PersonActor(19, {{kOther, Role::kCoordinator}})},
          {"lead_read_token", read_only},
          {"lead_service_token", ServiceTokenActor(kLead, accounts::TokenScope::kWrite)}};
}

Challenge MakeChallenge(ChallengeAudience audience, bool published) {
  Challenge c;
  c.id = 7;
  c.organisation_id = kLead;
  c.audience = audience;
  c.opens_at = kOpens;
  c.closes_at = kCloses;
  if (published) c.published_at = kOpens - kDay;
  c.hosts = {{.organisation_id = kLead, .lead = true, .accepted_at = kOpens - 2 * kDay},
             {.organisation_id = kCoHost, .accepted_at = kOpens - kDay},
             {.organisation_id = kInvited}};
  return c;
}

// Who passes `allowed` among the matrix's actors.
template <typename Predicate>
std::set<std::string> Who(Predicate allowed) {
  std::set<std::string> out;
  for (const auto& [name, actor] : Actors()) {
    if (allowed(actor)) out.insert(name);
  }
  return out;
}

const std::set<std::string> kHostCoordinators = {"lead_coordinator", "lead_admin",
                                                 "cohost_coordinator", "lead_service_token"};

TEST(ChallengePermissionsTest, OnlyTheLeadsCoordinatorsCreate) {
  EXPECT_EQ(Who([](const Actor& a) { return CanCreateChallenge(a, kLead); }),
            (std::set<std::string>{"lead_coordinator", "lead_admin", "lead_service_token"}));
}

TEST(ChallengePermissionsTest, ADraftIsSeenOnlyByTheHostsAndTheInvitedCoordinators) {
  Challenge draft = MakeChallenge(ChallengeAudience::kPublic, false);
  std::set<std::string> expected = kHostCoordinators;
  expected.insert("lead_read_token");
  expected.insert("invited_coordinator");  // reads it to decide on the invitation
  EXPECT_EQ(Who([&](const Actor& a) { return CanViewChallenge(a, draft); }), expected);
}

TEST(ChallengePermissionsTest, APublishedStaffChallengeIsSeenByTheHostsMembers) {
  Challenge c = MakeChallenge(ChallengeAudience::kStaff, true);
  EXPECT_EQ(Who([&](const Actor& a) { return CanViewChallenge(a, c); }),
            (std::set<std::string>{"lead_employee", "lead_coordinator", "lead_admin",
                                   "lead_decision_maker", "cohost_employee", "cohost_coordinator",
                                   "lead_read_token", "lead_service_token", "invited_coordinator"}));
}

TEST(ChallengePermissionsTest, APublishedPublicChallengeIsSeenByEverybody) {
  Challenge c = MakeChallenge(ChallengeAudience::kPublic, true);
  EXPECT_EQ(Who([&](const Actor& a) { return CanViewChallenge(a, c); }).size(), Actors().size());
}

TEST(ChallengePermissionsTest, WhoSubmitsWhileOpenFollowsTheAudience) {
  const UnixSeconds open = kOpens + kDay;
  Challenge staff = MakeChallenge(ChallengeAudience::kStaff, true);
  EXPECT_EQ(Who([&](const Actor& a) { return CanSubmitToChallenge(a, staff, open); }),
            (std::set<std::string>{"lead_employee", "lead_coordinator", "lead_admin",
                                   "lead_decision_maker", "cohost_employee", "cohost_coordinator"}));
  Challenge open_to_all = MakeChallenge(ChallengeAudience::kPublic, true);
  std::set<std::string> everyone_logged_in;
  for (const auto& [name, actor] : Actors()) {
    if (actor.person_id && name != "lead_read_token") everyone_logged_in.insert(name);
  }
  EXPECT_EQ(Who([&](const Actor& a) { return CanSubmitToChallenge(a, open_to_all, open); }),
            everyone_logged_in);
}

TEST(ChallengePermissionsTest, NobodySubmitsOutsideThePeriodOrToADraft) {
  Challenge c = MakeChallenge(ChallengeAudience::kPublic, true);
  for (UnixSeconds at : {kOpens - 1, kCloses, kCloses + kDay}) {
    EXPECT_TRUE(Who([&](const Actor& a) { return CanSubmitToChallenge(a, c, at); }).empty()) << at;
  }
  EXPECT_TRUE(Who([&](const Actor& a) { return CanSubmitToChallenge(a, c, kOpens); }).contains("citizen"));
  Challenge draft = MakeChallenge(ChallengeAudience::kPublic, false);
  EXPECT_TRUE(Who([&](const Actor& a) { return CanSubmitToChallenge(a, draft, kOpens + 1); }).empty());
}

TEST(ChallengePermissionsTest, TheHostsCoordinatorsEditUntilItClosesAndPublishResultsAfter) {
  Challenge c = MakeChallenge(ChallengeAudience::kPublic, true);
  const UnixSeconds open = kOpens + kDay, closed = kCloses + kDay;
  EXPECT_EQ(Who([&](const Actor& a) { return CanEditChallenge(a, c, open); }), kHostCoordinators);
  EXPECT_TRUE(Who([&](const Actor& a) { return CanEditChallenge(a, c, closed); }).empty());
  EXPECT_TRUE(Who([&](const Actor& a) { return CanPublishChallengeResults(a, c, open); }).empty());
  EXPECT_EQ(Who([&](const Actor& a) { return CanPublishChallengeResults(a, c, closed); }),
            kHostCoordinators);
  c.results_published_at = closed;  // corrections stay possible
  EXPECT_EQ(Who([&](const Actor& a) { return CanPublishChallengeResults(a, c, closed + kDay); }),
            kHostCoordinators);
}

TEST(ChallengePermissionsTest, OnlyTheInvitedOrganisationsCoordinatorsAnswerItsInvitation) {
  Challenge c = MakeChallenge(ChallengeAudience::kStaff, false);
  EXPECT_EQ(Who([&](const Actor& a) { return CanAnswerCoHostInvitation(a, c, kInvited); }),
            (std::set<std::string>{"invited_coordinator"}));
  // The lead cannot "answer" for itself, and nobody answers for an organisation not invited.
  EXPECT_TRUE(Who([&](const Actor& a) { return CanAnswerCoHostInvitation(a, c, kLead); }).empty());
  EXPECT_TRUE(Who([&](const Actor& a) { return CanAnswerCoHostInvitation(a, c, kOther); }).empty());
}

TEST(ChallengePhaseTest, FollowsTheDatesAndTheTwoMarks) {
  Challenge c = MakeChallenge(ChallengeAudience::kPublic, false);
  EXPECT_EQ(c.PhaseAt(kOpens + 1), ChallengePhase::kDraft);
  c.published_at = kOpens - kDay;
  EXPECT_EQ(c.PhaseAt(kOpens - 1), ChallengePhase::kUpcoming);
  EXPECT_EQ(c.PhaseAt(kOpens), ChallengePhase::kOpen);
  EXPECT_EQ(c.PhaseAt(kCloses - 1), ChallengePhase::kOpen);
  EXPECT_EQ(c.PhaseAt(kCloses), ChallengePhase::kClosed);
  c.results_published_at = kCloses + kDay;
  EXPECT_EQ(c.PhaseAt(kCloses + 2 * kDay), ChallengePhase::kDecided);
  for (ChallengePhase p : {ChallengePhase::kDraft, ChallengePhase::kUpcoming, ChallengePhase::kOpen,
                           ChallengePhase::kClosed, ChallengePhase::kDecided}) {
    EXPECT_EQ(ParseChallengePhase(ChallengePhaseName(p)), p);
  }
  EXPECT_FALSE(ParseChallengePhase("soon").has_value());
}

TEST(ChallengeTest, AnInvitedOrganisationIsNotAHostUntilItAccepts) {
  Challenge c = MakeChallenge(ChallengeAudience::kStaff, true);
  EXPECT_TRUE(c.IsHost(kLead));
  EXPECT_TRUE(c.IsHost(kCoHost));
  EXPECT_FALSE(c.IsHost(kInvited));
  EXPECT_EQ(c.HostIds(), (std::vector<OrganisationId>{kLead, kCoHost}));
}

}  // namespace
}  // namespace nyttig::ideas
