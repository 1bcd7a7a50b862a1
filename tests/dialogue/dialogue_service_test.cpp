// DialogueService on SQLite and PostgreSQL: opening dialogues, statements
// and moderation, votes, pseudonymous participants, recomputation.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "dialogue/dialogue_test_support.h"
#include "dialogue/result_document.h"

namespace nyttig::dialogue::testing {
namespace {

class DialogueServiceTest : public DialogueTest {
 protected:
  // 30 browsers in two camps over the seed statements (camp A agrees with
  // the first two and disagrees with the third; camp B the opposite).
  void PlantTwoCamps(const Dialogue& d) {
    const std::vector<Statement> statements = Accepted(d.id);
    for (int browser = 0; browser < 30; ++browser) {
      const bool camp_a = browser % 2 == 0;
      for (size_t i = 0; i < statements.size(); ++i) {
        const bool agree = (i < 2) == camp_a;
        auto vote = service_->CastVote(citizen_without_person_, Browser(browser), d.id,
                                       statements[i].id,
                                       agree ? VoteValue::kAgree : VoteValue::kDisagree);
        ASSERT_TRUE(vote.ok()) << vote.status().ToString();
      }
    }
  }
  accounts::Actor citizen_without_person_ = accounts::Actor::Anonymous();
};

TEST_P(DialogueServiceTest, OpensADialogueWithItsSeedStatementsAccepted) {
  Dialogue d = Open();
  EXPECT_TRUE(d.IsOpen(clock_.Now()));
  std::vector<Statement> statements = Accepted(d.id);
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_TRUE(statements[0].is_seed);
  EXPECT_EQ(statements[0].body, "Biblioteket borde ha öppet på söndagar.");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entries WHERE action = 'dialogue.create'"), 1);
}

TEST_P(DialogueServiceTest, OnlyOrganisersOfTheOrganisationOpenDialogues) {
  DialogueInput input{.question = "Vad tycker du om parken?"};
  EXPECT_EQ(service_->CreateDialogue(citizen_, org_, input, {}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->CreateDialogue(other_coordinator_, org_, input, {}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->CreateDialogue(accounts::Actor::Anonymous(), org_, input, {}).status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dialogue_dialogues"), 0);
}

TEST_P(DialogueServiceTest, RefusedInputNamesEveryField) {
  DialogueInput input{.question = "  ", .max_statement_chars = 5};
  auto d = service_->CreateDialogue(coordinator_, org_, input, {""});
  ASSERT_EQ(d.status().code(), StatusCode::kInvalidArgument);
  const Status refused = d.status();
  std::vector<std::string> names;
  for (const auto& p : refused.invalid_parameters()) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"question", "max_statement_chars", "seed_statements"}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dialogue_dialogues"), 0);
}

TEST_P(DialogueServiceTest, AChangedVoteKeepsEveryEventAndTheLatestCounts) {
  Dialogue d = Open();
  const StatementId first = Accepted(d.id)[0].id;
  ASSERT_TRUE(service_->CastVote(citizen_, none_, d.id, first, VoteValue::kAgree).ok());
  clock_.Advance(std::chrono::seconds(5));
  ASSERT_TRUE(service_->CastVote(citizen_, none_, d.id, first, VoteValue::kDisagree).ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dialogue_vote_events"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM dialogue_votes"), 1);
  auto own = service_->OwnVote(citizen_, none_, d.id, first);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->value(), VoteValue::kDisagree);
}

TEST_P(DialogueServiceTest, VotingMovesToTheNextStatementAndCountsProgress) {
  Dialogue d = Open();
  std::vector<Statement> statements = Accepted(d.id);
  auto before = service_->Voting(citizen_, none_, d.id);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->next->id, statements[0].id);
  EXPECT_EQ(before->voted, 0);
  EXPECT_EQ(before->total, 3);
  ASSERT_TRUE(service_->CastVote(citizen_, none_, d.id, statements[0].id, VoteValue::kPass).ok());
  auto after = service_->Voting(citizen_, none_, d.id);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->next->id, statements[1].id);
  EXPECT_EQ(after->voted, 1);
}

TEST_P(DialogueServiceTest, ParticipantsAreStoredOnlyAsKeyedPseudonyms) {
  Dialogue d = Open();
  ASSERT_TRUE(service_->CastVote(citizen_, none_, d.id, Accepted(d.id)[0].id,
                                 VoteValue::kAgree).ok());
  auto hash = db().ReadValue<std::string>([&](db::Tx& tx) -> StatusOr<std::string> {
    std::string h;
    tx.sql() << "SELECT identity_hash FROM dialogue_participants", soci::into(h);
    return h;
  });
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->find("person"), std::string::npos);
  EXPECT_NE(*hash, accounts::HashToken("person:2"));
  // The same person in another dialogue is another pseudonym.
  Dialogue second = Open();
  ASSERT_TRUE(service_->CastVote(citizen_, none_, second.id, Accepted(second.id)[0].id,
                                 VoteValue::kAgree).ok());
  EXPECT_EQ(Count("SELECT COUNT(DISTINCT identity_hash) FROM dialogue_participants"), 2);
  // Votes are not tied to anyone in the audit log.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_entries WHERE action LIKE '%vote%'"), 0);
}

TEST_P(DialogueServiceTest, AnonymousParticipationNeedsTheOrganisationsConsent) {
  Dialogue closed_to_anonymous = Open();
  auto refused = service_->CastVote(accounts::Actor::Anonymous(), Browser(1),
                                    closed_to_anonymous.id,
                                    Accepted(closed_to_anonymous.id)[0].id, VoteValue::kAgree);
  EXPECT_EQ(refused.status().code(), StatusCode::kUnauthenticated);
  Dialogue open_to_anonymous = Open({.allow_anonymous = true});
  EXPECT_TRUE(service_->CastVote(accounts::Actor::Anonymous(), Browser(1), open_to_anonymous.id,
                                 Accepted(open_to_anonymous.id)[0].id, VoteValue::kAgree)
                  .ok());
}

TEST_P(DialogueServiceTest, PreModeratedStatementsWaitForAModerator) {
  Dialogue d = Open({.moderation = Moderation::kPre});
  auto s = service_->SubmitStatement(citizen_, none_, d.id, "Fler sittplatser vid fönstren.");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->state, StatementState::kPending);
  EXPECT_EQ(Accepted(d.id).size(), 3u);
  EXPECT_EQ(service_->CastVote(citizen_, none_, d.id, s->id, VoteValue::kAgree).status().code(),
            StatusCode::kFailedPrecondition);
  auto pending = service_->ListStatements(citizen_, d.id, StatementState::kPending, {1, 10});
  EXPECT_EQ(pending.status().code(), StatusCode::kPermissionDenied);
  ASSERT_TRUE(service_->ModerateStatement(coordinator_, d.id, s->id, StatementState::kAccepted).ok());
  EXPECT_EQ(Accepted(d.id).size(), 4u);
}

TEST_P(DialogueServiceTest, PostModeratedStatementsAreShownAtOnce) {
  Dialogue d = Open();
  auto s = service_->SubmitStatement(citizen_, none_, d.id, "Fler sittplatser vid fönstren.");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->state, StatementState::kAccepted);
  EXPECT_EQ(Accepted(d.id).size(), 4u);
}

TEST_P(DialogueServiceTest, StatementsLongerThanTheLimitAreRefused) {
  Dialogue d = Open({.max_statement_chars = 20});
  auto s = service_->SubmitStatement(citizen_, none_, d.id, std::string(21, 'a'));
  ASSERT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.status().invalid_parameters()[0].name, "body");
  EXPECT_TRUE(service_->SubmitStatement(citizen_, none_, d.id, "Åtta åäö" + std::string(12, 'a')).ok());
}

TEST_P(DialogueServiceTest, AClosedDialogueTakesNoVotes) {
  Dialogue d = Open();
  ASSERT_TRUE(service_->CloseDialogue(coordinator_, d.id).ok());
  EXPECT_EQ(service_->CastVote(citizen_, none_, d.id, Accepted(d.id)[0].id, VoteValue::kAgree)
                .status()
                .code(),
            StatusCode::kFailedPrecondition);
}

TEST_P(DialogueServiceTest, ADialogueNotYetOpenIsNotFoundForOthers) {
  Dialogue d = Open({.opens_at = clock_.Now() + 3600});
  EXPECT_EQ(service_->GetDialogue(citizen_, d.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->GetDialogue(other_coordinator_, d.id).status().code(),
            StatusCode::kNotFound);
  EXPECT_TRUE(service_->GetDialogue(coordinator_, d.id).ok());
  EXPECT_EQ(service_->UpdateDialogue(other_coordinator_, d.id, {.question = "Annat?"})
                .status()
                .code(),
            StatusCode::kNotFound);
}

TEST_P(DialogueServiceTest, ModeratingAnotherDialoguesStatementIsNotFound) {
  Dialogue d = Open();
  Dialogue other = Open();
  EXPECT_EQ(service_->ModerateStatement(coordinator_, other.id, Accepted(d.id)[0].id,
                                        StatementState::kRejected)
                .status()
                .code(),
            StatusCode::kNotFound);
}

TEST_P(DialogueServiceTest, RecomputeStoresGroupsWithTheVoteCountTheyReflect) {
  Dialogue d = Open({.allow_anonymous = true});
  PlantTwoCamps(d);
  ASSERT_TRUE(service_->Recompute(d.id).ok());
  auto view = service_->Results(citizen_, none_, d.id);
  ASSERT_TRUE(view.ok());
  ASSERT_TRUE(view->result.has_value());
  EXPECT_EQ(view->result->vote_count, 90);
  auto doc = nlohmann::json::parse(view->result->result_json);
  EXPECT_EQ(doc["k"], 2);
  EXPECT_EQ(doc["in_conversation"], 30);
  EXPECT_EQ(doc["groups"][0]["size"].get<int>() + doc["groups"][1]["size"].get<int>(), 30);
}

TEST_P(DialogueServiceTest, RecomputeIsSkippedWhenNothingChanged) {
  Dialogue d = Open({.allow_anonymous = true});
  PlantTwoCamps(d);
  ASSERT_TRUE(service_->Recompute(d.id).ok());
  clock_.Advance(std::chrono::seconds(60));
  ASSERT_TRUE(service_->Recompute(d.id).ok());
  auto view = service_->Results(citizen_, none_, d.id);
  EXPECT_EQ(view->result->computed_at, clock_.Now() - 60);
}

TEST_P(DialogueServiceTest, ARejectedStatementNeverAppearsInTheResults) {
  Dialogue d = Open({.allow_anonymous = true});
  PlantTwoCamps(d);
  const StatementId out = Accepted(d.id)[2].id;
  ASSERT_TRUE(service_->ModerateStatement(coordinator_, d.id, out, StatementState::kRejected).ok());
  ASSERT_TRUE(service_->Recompute(d.id).ok());
  auto view = service_->Results(citizen_, none_, d.id);
  ASSERT_TRUE(view.ok() && view->result);
  auto doc = nlohmann::json::parse(view->result->result_json);
  for (const auto& group : doc["groups"]) {
    for (const auto& rep : group["representative"]) EXPECT_NE(rep["comment_id"], out);
  }
  for (const char* side : {"agree", "disagree"}) {
    for (const auto& c : doc["consensus"][side]) EXPECT_NE(c["comment_id"], out);
  }
  EXPECT_EQ(Accepted(d.id).size(), 2u);
}

TEST_P(DialogueServiceTest, VotesQueueOneDebouncedRecomputation) {
  Dialogue d = Open();
  for (const Statement& s : Accepted(d.id)) {
    ASSERT_TRUE(service_->CastVote(citizen_, none_, d.id, s.id, VoteValue::kAgree).ok());
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM jobs_queue WHERE kind = 'dialogue.recompute' AND "
                  "state = 'pending'"),
            1);
}

TEST_P(DialogueServiceTest, ResultsShowNobodysGroupButYourOwn) {
  Dialogue d = Open({.allow_anonymous = true});
  PlantTwoCamps(d);
  ASSERT_TRUE(service_->Recompute(d.id).ok());
  auto mine = service_->Results(accounts::Actor::Anonymous(), Browser(4), d.id);
  ASSERT_TRUE(mine.ok() && mine->own_participant);
  nlohmann::json view = nlohmann::json::parse(
      ResultJson(mine->result, mine->own_participant, false).dump());
  for (const auto& group : view["groups"]) EXPECT_TRUE(group["members"].empty());
  ASSERT_TRUE(view["you"].is_object());
  EXPECT_FALSE(view["you"]["group"].is_null());
  for (const auto& point : view["opinion_map"]) EXPECT_FALSE(point.contains("participant"));
  EXPECT_FALSE(view.contains("seed"));  // base clusters name their members
  EXPECT_FALSE(view.contains("projection"));
  auto stranger = service_->Results(accounts::Actor::Anonymous(), Browser(99), d.id);
  ASSERT_TRUE(stranger.ok());
  EXPECT_FALSE(stranger->own_participant.has_value());
  nlohmann::json organiser = nlohmann::json::parse(
      ResultJson(mine->result, std::nullopt, true).dump());
  EXPECT_EQ(organiser["groups"][0]["members"].size(), organiser["groups"][0]["size"].get<size_t>());
}

TEST_P(DialogueServiceTest, ALiveDialogueStartsEachRecomputationFromTheLastOne) {
  Dialogue d = Open({.allow_anonymous = true, .live_seeding = true});
  PlantTwoCamps(d);
  ASSERT_TRUE(service_->Recompute(d.id).ok());
  auto first = service_->Results(citizen_, none_, d.id);
  ASSERT_TRUE(first.ok() && first->result);
  ASSERT_TRUE(StoredSeed(first->result->result_json).has_value());
  // One more voter; the groups keep their ids and the k-smoother counts on.
  ASSERT_TRUE(service_->CastVote(accounts::Actor::Anonymous(), Browser(77), d.id,
                                 Accepted(d.id)[0].id, VoteValue::kAgree).ok());
  ASSERT_TRUE(service_->Recompute(d.id).ok());
  auto second = service_->Results(citizen_, none_, d.id);
  auto before = nlohmann::json::parse(first->result->result_json);
  auto after = nlohmann::json::parse(second->result->result_json);
  EXPECT_EQ(after["k"], before["k"]);
  EXPECT_EQ(after["groups"][0]["members"][0], before["groups"][0]["members"][0]);
  EXPECT_EQ(after["seed"]["k_smoother"][1].get<int>(), 2);  // chosen twice in a row
}

NYTTIG_INSTANTIATE_ENGINES(DialogueServiceTest);

}  // namespace
}  // namespace nyttig::dialogue::testing
