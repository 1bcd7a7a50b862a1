// ChallengeService on SQLite and PostgreSQL: drafts only the hosts see,
// co-hosts who count only after accepting, submissions only while open (as
// public records from outside), results only after closing and only with
// the challenge's own ideas, notices to invited coordinators and authors,
// and bad input that writes nothing.
#include "ideas/challenge_service.h"

#include <gtest/gtest.h>

#include "ideas/ideas_test_support.h"

namespace nyttig::ideas {
namespace {

using accounts::Role;
using std::chrono::seconds;

class ChallengeServiceTest : public IdeasTest {
 protected:
  void SetUp() override {
    IdeasTest::SetUp();
    challenges_ = std::make_unique<ChallengeService>(db(), clock_, audit_log_, *inbox_, *ideas_);
    lead_ = Org("Exempelby kommun");
    partner_ = Org("Grannby kommun");
    coordinator_ = Member(lead_, Role::kCoordinator, "anna@exempelby.se", "Anna Berg");
    employee_ = Member(lead_, Role::kEmployee, "omar@exempelby.se", "Omar Said");
    partner_coordinator_ = Member(partner_, Role::kCoordinator, "maria@grannby.se", "Maria Nilsson");
    partner_employee_ = Member(partner_, Role::kEmployee, "jonas@grannby.se", "Jonas Ström");
    citizen_ = Citizen("sara@example.org");
  }

  ChallengeInput Input(const std::string& audience = "public") {
    return {.title = "Fler unga i föreningslivet",
            .question = "Hur kan vi göra det lättare för unga att hitta en förening?",
            .description = "Vi testar de bästa idéerna under **2027**.",
            .target_group = "Unga 13–19 år",
            .audience = audience,
            .opens_at = clock_.Now() + kDay,
            .closes_at = clock_.Now() + 31 * kDay,
            .criteria = {{"Når nya grupper", "Unga som inte redan är med."}}};
  }

  // A published challenge, open from tomorrow; the clock is moved into it.
  Challenge OpenChallenge(ChallengeInput in) {
    auto c = challenges_->CreateChallenge(coordinator_, lead_, in);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    auto published = challenges_->PublishChallenge(coordinator_, c->id);
    EXPECT_TRUE(published.ok()) << published.status().ToString();
    clock_.Advance(seconds(2 * kDay));
    return *published;
  }

  std::int64_t Notices(const accounts::Actor& who, const std::string& kind) {
    return Count("inbox_notifications",
                 "person_id = " + std::to_string(*who.person_id) + " AND kind = '" + kind + "'");
  }

  std::unique_ptr<ChallengeService> challenges_;
  OrganisationId lead_ = 0, partner_ = 0;
  accounts::Actor coordinator_, employee_, partner_coordinator_, partner_employee_, citizen_;
};

TEST_P(ChallengeServiceTest, ADraftIsSeenOnlyByTheHostsCoordinators) {
  auto c = challenges_->CreateChallenge(coordinator_, lead_, Input());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->PhaseAt(clock_.Now()), ChallengePhase::kDraft);
  EXPECT_EQ(c->hosts.size(), 1u);
  EXPECT_TRUE(c->hosts[0].lead);
  EXPECT_TRUE(challenges_->GetChallenge(coordinator_, c->id).ok());
  for (const accounts::Actor* who : {&employee_, &citizen_, &partner_coordinator_}) {
    EXPECT_EQ(challenges_->GetChallenge(*who, c->id).status().code(), StatusCode::kNotFound);
    auto list = challenges_->ListChallenges(*who, {});
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list->total, 0);
  }
  ASSERT_TRUE(challenges_->PublishChallenge(coordinator_, c->id).ok());
  EXPECT_TRUE(challenges_->GetChallenge(accounts::Actor::Anonymous(), c->id).ok());
  EXPECT_EQ(challenges_->PublishChallenge(coordinator_, c->id).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_P(ChallengeServiceTest, BadInputNamesEachFieldAndWritesNothing) {
  ChallengeInput in = Input("everyone");
  in.title = "  ";
  in.question = "";
  in.closes_at = *in.opens_at - kDay;
  in.criteria.assign(kMaxChallengeCriteria + 1, {"Kriterium", ""});
  auto c = challenges_->CreateChallenge(coordinator_, lead_, in);
  ASSERT_EQ(c.status().code(), StatusCode::kInvalidArgument);
  std::set<std::string> named;
  for (const InvalidParameter& p : c.status().invalid_parameters()) named.insert(p.name);
  EXPECT_EQ(named, (std::set<std::string>{"title", "question", "audience", "closes_at", "criteria"}));
  in = Input();
  in.co_hosts = {999999};
  EXPECT_EQ(challenges_->CreateChallenge(coordinator_, lead_, in).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Count("ideas_challenges"), 0);
  EXPECT_EQ(Count("ideas_challenge_hosts"), 0);
}

TEST_P(ChallengeServiceTest, OnlyTheLeadsCoordinatorsCreate) {
  EXPECT_EQ(challenges_->CreateChallenge(employee_, lead_, Input()).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(challenges_->CreateChallenge(partner_coordinator_, lead_, Input()).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(challenges_->CreateChallenge(accounts::Actor::Anonymous(), lead_, Input()).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(challenges_->CreateChallenge(coordinator_, 999999, Input()).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(Count("ideas_challenges"), 0);
}

TEST_P(ChallengeServiceTest, ACoHostCountsOnlyAfterItsCoordinatorAccepts) {
  ChallengeInput in = Input("staff");
  in.co_hosts = {partner_};
  Challenge c = OpenChallenge(in);
  EXPECT_EQ(Notices(partner_coordinator_, "challenge.invited"), 1);
  EXPECT_FALSE(c.IsHost(partner_));
  // Not yet a host: the partner's staff neither see nor join the staff challenge.
  EXPECT_EQ(challenges_->GetChallenge(partner_employee_, c.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(challenges_->SubmitIdea(partner_employee_, c.id, IdeasTest::Input()).status().code(),
            StatusCode::kNotFound);
  // Only the invited organisation answers; the lead cannot accept on its behalf.
  EXPECT_EQ(challenges_->AnswerInvitation(coordinator_, c.id, partner_, true).status().code(),
            StatusCode::kNotFound);
  auto invitations = challenges_->Invitations(partner_coordinator_);
  ASSERT_TRUE(invitations.ok());
  ASSERT_EQ(invitations->size(), 1u);
  auto accepted = challenges_->AnswerInvitation(partner_coordinator_, c.id, partner_, true);
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_TRUE(accepted->IsHost(partner_));
  auto idea = challenges_->SubmitIdea(partner_employee_, c.id, IdeasTest::Input());
  ASSERT_TRUE(idea.ok()) << idea.status().ToString();
  // A host's own staff submit to their own organisation, as staff.
  EXPECT_EQ(idea->organisation_id, partner_);
  EXPECT_EQ(idea->channel, Channel::kStaff);
  EXPECT_EQ(idea->challenge_id, c.id);
  EXPECT_EQ(idea->challenge_title, c.title);
  EXPECT_TRUE(challenges_->Invitations(partner_coordinator_)->empty());
  auto hosted = challenges_->ListChallenges(partner_employee_, {.organisation_id = partner_});
  ASSERT_TRUE(hosted.ok());
  EXPECT_EQ(hosted->total, 1);
}

TEST_P(ChallengeServiceTest, ADeclinedInvitationIsGone) {
  ChallengeInput in = Input("staff");
  in.co_hosts = {partner_};
  auto c = challenges_->CreateChallenge(coordinator_, lead_, in);
  ASSERT_TRUE(c.ok());
  auto declined = challenges_->AnswerInvitation(partner_coordinator_, c->id, partner_, false);
  ASSERT_TRUE(declined.ok());
  EXPECT_EQ(declined->hosts.size(), 1u);
  EXPECT_EQ(challenges_->AnswerInvitation(partner_coordinator_, c->id, partner_, true).status().code(),
            StatusCode::kNotFound);
}

TEST_P(ChallengeServiceTest, ACitizensIdeaIsAPublicRecordOfTheLead) {
  Challenge c = OpenChallenge(Input("public"));
  auto idea = challenges_->SubmitIdea(citizen_, c.id, IdeasTest::Input("Prova-på-kort"));
  ASSERT_TRUE(idea.ok()) << idea.status().ToString();
  EXPECT_EQ(idea->organisation_id, lead_);
  EXPECT_EQ(idea->channel, Channel::kPublicBox);
  EXPECT_FALSE(idea->registration_number.empty());
  EXPECT_EQ(idea->challenge_id, c.id);
  // The lead's idea box is closed, but the challenge admits its participants.
  EXPECT_FALSE(ideas_->GetSettings(lead_)->public_box_open);
  auto listed = ideas_->ListIdeas(coordinator_, {.challenge_id = c.id});
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->total, 1);
  EXPECT_EQ(listed->items[0].id, idea->id);
  EXPECT_EQ(ideas_->ListIdeas(coordinator_, {.challenge_id = c.id + 1})->total, 0);
}

TEST_P(ChallengeServiceTest, StaffChallengesAreClosedToOutsiders) {
  Challenge c = OpenChallenge(Input("staff"));
  EXPECT_EQ(challenges_->SubmitIdea(citizen_, c.id, IdeasTest::Input()).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(challenges_->SubmitIdea(accounts::Actor::Anonymous(), c.id, IdeasTest::Input())
                .status().code(),
            StatusCode::kNotFound);
  EXPECT_TRUE(challenges_->SubmitIdea(employee_, c.id, IdeasTest::Input()).ok());
}

TEST_P(ChallengeServiceTest, NothingIsSubmittedBeforeItOpensOrAfterItCloses) {
  auto c = challenges_->CreateChallenge(coordinator_, lead_, Input());
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(challenges_->PublishChallenge(coordinator_, c->id).ok());
  EXPECT_EQ(challenges_->SubmitIdea(citizen_, c->id, IdeasTest::Input()).status().code(),
            StatusCode::kFailedPrecondition);
  clock_.Set(c->closes_at);
  EXPECT_EQ(challenges_->SubmitIdea(citizen_, c->id, IdeasTest::Input()).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Count("ideas_ideas"), 0);
}

TEST_P(ChallengeServiceTest, EditingStopsWhenItCloses) {
  Challenge c = OpenChallenge(Input());
  ChallengeInput in = InputOf(c);
  in.closes_at = *in.closes_at + 7 * kDay;
  auto extended = challenges_->UpdateChallenge(coordinator_, c.id, in);
  ASSERT_TRUE(extended.ok()) << extended.status().ToString();
  EXPECT_EQ(extended->closes_at, c.closes_at + 7 * kDay);
  EXPECT_EQ(extended->criteria.size(), 1u);
  EXPECT_EQ(challenges_->UpdateChallenge(employee_, c.id, in).status().code(),
            StatusCode::kPermissionDenied);
  clock_.Set(extended->closes_at);
  EXPECT_EQ(challenges_->UpdateChallenge(coordinator_, c.id, in).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_P(ChallengeServiceTest, ResultsComeAfterClosingWithTheChallengesOwnIdeas) {
  Challenge c = OpenChallenge(Input());
  auto winner = challenges_->SubmitIdea(citizen_, c.id, IdeasTest::Input("Prova-på-kort"));
  auto other = challenges_->SubmitIdea(employee_, c.id, IdeasTest::Input("Föreningar på skolgården"));
  auto outside = ideas_->SubmitIdea(employee_, lead_, IdeasTest::Input("Annan idé"));
  ASSERT_TRUE(winner.ok() && other.ok() && outside.ok());
  ResultsInput results{.text = "Juryn valde **prova-på-kortet**.",
                       .awards = {{winner->id, "Vinnare", "Når nya grupper."}}};
  EXPECT_EQ(challenges_->PublishResults(coordinator_, c.id, results).status().code(),
            StatusCode::kFailedPrecondition);
  clock_.Set(c.closes_at + kDay);
  ResultsInput wrong = results;
  wrong.awards.push_back({outside->id, "Hedersomnämnande", ""});
  wrong.awards.push_back({winner->id, "Igen", ""});
  auto refused = challenges_->PublishResults(coordinator_, c.id, wrong);
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().invalid_parameters().size(), 2u);
  EXPECT_EQ(challenges_->PublishResults(employee_, c.id, results).status().code(),
            StatusCode::kPermissionDenied);
  auto decided = challenges_->PublishResults(coordinator_, c.id, results);
  ASSERT_TRUE(decided.ok()) << decided.status().ToString();
  EXPECT_EQ(decided->PhaseAt(clock_.Now()), ChallengePhase::kDecided);
  ASSERT_EQ(decided->awards.size(), 1u);
  EXPECT_EQ(decided->awards[0].idea_title, "Prova-på-kort");
  EXPECT_EQ(decided->awards[0].rank, 1);
  // Everyone who sent in an idea is told, once; a correction tells nobody again.
  EXPECT_EQ(Notices(citizen_, "challenge.results"), 1);
  EXPECT_EQ(Notices(employee_, "challenge.results"), 1);
  results.awards.push_back({other->id, "Hedersomnämnande", ""});
  ASSERT_TRUE(challenges_->PublishResults(coordinator_, c.id, results).ok());
  EXPECT_EQ(Notices(citizen_, "challenge.results"), 1);
  EXPECT_EQ(challenges_->GetChallenge(citizen_, c.id)->awards.size(), 2u);
}

NYTTIG_INSTANTIATE_ENGINES(ChallengeServiceTest);

}  // namespace
}  // namespace nyttig::ideas
