// Shared pieces of the surveys tests: actors by role, a survey with one
// question of every kind, and a fixture with the service over a fresh
// database of each engine holding two organisations and a few people.
#pragma once

#include <soci/soci.h>

#include <memory>
#include <string>

#include "accounts/actor.h"
#include "accounts/organisation_store.h"
#include "accounts/person_store.h"
#include "audit/audit_log.h"
#include "support/test_database.h"
#include "surveys/survey_service.h"
#include "test_actors.h"

namespace nyttig::surveys {

class SurveysTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    service_ = std::make_unique<SurveyService>(db(), clock_, audit_log_);
    org_ = InsertOrganisation("Exempelby kommun", "exempelby-kommun");
    other_org_ = InsertOrganisation("Annanstad kommun", "annanstad-kommun");
    coordinator_ = MemberActor(InsertPerson("anna@exempelby.se"), org_, accounts::Role::kCoordinator);
    employee_ = MemberActor(InsertPerson("omar@exempelby.se"), org_, accounts::Role::kEmployee);
    decider_ = MemberActor(InsertPerson("lena@exempelby.se"), org_, accounts::Role::kDecisionMaker);
    citizen_ = PersonActor(InsertPerson("medborgare@example.org"));
    outsider_ = MemberActor(InsertPerson("kim@annanstad.se"), other_org_, accounts::Role::kAdmin);
  }

  accounts::OrganisationId InsertOrganisation(const std::string& name, const std::string& slug) {
    accounts::Organisation org{.name = name, .slug = slug, .created_at = clock_.Now()};
    StatusOr<accounts::OrganisationId> id = db().WriteValue<accounts::OrganisationId>(
        [&](db::Tx& tx) { return accounts::OrganisationStore::Insert(tx, org); });
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  accounts::PersonId InsertPerson(const std::string& email) {
    accounts::Person person{.display_name = email, .email = email, .created_at = clock_.Now()};
    StatusOr<accounts::PersonId> id = db().WriteValue<accounts::PersonId>(
        [&](db::Tx& tx) { return accounts::PersonStore::Insert(tx, person); });
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  // A draft survey with the example questions, by the coordinator.
  Survey MakeSurvey(Access access = Access::kAnonymousLink, Audience audience = Audience::kCitizens) {
    StatusOr<Survey> survey = service_->CreateSurvey(
        coordinator_, org_,
        {.title = {"Nattbussen", "The night bus"}, .audience = audience, .access = access});
    EXPECT_TRUE(survey.ok()) << survey.status().ToString();
    for (const QuestionInput& input : ExampleQuestions()) {
      StatusOr<Question> q = service_->AddQuestion(coordinator_, survey->id, input);
      EXPECT_TRUE(q.ok()) << q.status().ToString();
    }
    StatusOr<Survey> full = service_->GetSurvey(coordinator_, survey->id);
    EXPECT_TRUE(full.ok());
    return *full;
  }

  Survey MakeOpenSurvey(Access access = Access::kAnonymousLink,
                        Audience audience = Audience::kCitizens) {
    Survey survey = MakeSurvey(access, audience);
    StatusOr<Survey> open = service_->Publish(coordinator_, survey.id);
    EXPECT_TRUE(open.ok()) << open.status().ToString();
    survey.state = SurveyState::kOpen;
    return survey;
  }

  // A complete, valid answer set for the example survey.
  static AnswerSet ValidAnswers(const Survey& survey, double likert = 4, double minutes = 10) {
    const std::vector<Question>& q = survey.questions;
    return {{{.question_id = q[0].id, .number = likert},
             {.question_id = q[1].id, .option_ids = {q[1].options[0].id}},
             {.question_id = q[2].id, .option_ids = {q[2].options[0].id, q[2].options[2].id}},
             {.question_id = q[3].id, .number = minutes},
             {.question_id = q[4].id, .text = "Tack!"}}};
  }

  std::int64_t Count(const std::string& table) {
    long long count = 0;
    Status s = db().Read([&](db::Tx& tx) -> Status {
      tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(count);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok());
    return count;
  }

  audit::AuditLog audit_log_{clock_, {}};
  std::unique_ptr<SurveyService> service_;
  accounts::OrganisationId org_ = 0;
  accounts::OrganisationId other_org_ = 0;
  accounts::Actor coordinator_, employee_, decider_, citizen_, outsider_;
  accounts::Actor anonymous_ = accounts::Actor::Anonymous();
};

}  // namespace nyttig::surveys
