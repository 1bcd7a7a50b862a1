// Cases and adoptions through CaseService, on SQLite and PostgreSQL.
#include "knowledge/case_service.h"

#include <gtest/gtest.h>

#include <limits>
#include <soci/soci.h>

#include "support/test_database.h"

namespace nyttig::knowledge {
namespace {

using accounts::Actor;
using accounts::Role;

class CaseServiceTest : public nyttig::testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    audit_ = std::make_unique<audit::AuditLog>(clock_, audit::AuditOptions{});
    service_ = std::make_unique<CaseService>(db(), *audit_, clock_);
    origin_ = AddOrganisation("Exempelby kommun", "01");
    adopter_ = AddOrganisation("Norrby kommun", "25");
    author_ = Person(1, origin_, Role::kEmployee);
    coordinator_ = Person(2, origin_, Role::kCoordinator);
    adopter_coordinator_ = Person(3, adopter_, Role::kCoordinator);
  }

  std::int64_t AddOrganisation(const std::string& name, const std::string& county) {
    auto id = db().WriteValue<std::int64_t>([&](db::Tx& tx) -> StatusOr<std::int64_t> {
      long long out = 0;
      std::string slug = name.substr(0, 6) + county;
      tx.sql() << "INSERT INTO accounts_organisations(name, name_folded, slug, kind, county_code, "
                  "created_at) VALUES (:n, :n2, :s, 'municipality', :c, 0) RETURNING id",
          soci::use(name), soci::use(name), soci::use(slug), soci::use(county), soci::into(out);
      return std::int64_t(out);
    });
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return *id;
  }

  Actor Person(std::int64_t n, std::int64_t org, Role role) {
    auto id = db().WriteValue<std::int64_t>([&](db::Tx& tx) -> StatusOr<std::int64_t> {
      long long out = 0;
      std::string name = "Person " + std::to_string(n);
      tx.sql() << "INSERT INTO accounts_persons(display_name, created_at) VALUES (:n, 0) "
                  "RETURNING id",
          soci::use(name), soci::into(out);
      return std::int64_t(out);
    });
    EXPECT_TRUE(id.ok());
    Actor a;
    a.person_id = *id;
    a.method = accounts::AuthMethod::kSession;
    a.memberships.push_back({.person_id = *id, .organisation_id = org, .role = role});
    return a;
  }

  CaseContent Content() {
    return {.title = "Digital trygghetstillsyn på natten",
            .problem = "Nattliga besök väckte brukarna.",
            .solution = "Kamera som bara slås på vid tillsyn.",
            .results = {{"Besök per natt", 6, 2, "st", "Verksamhetssystemet 2025"}}};
  }

  Case Published() {
    auto c = service_->CreateCase(author_, origin_, Content(), std::nullopt);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    EXPECT_TRUE(service_->SubmitForReview(author_, c->id).ok());
    auto p = service_->Publish(coordinator_, c->id);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return *p;
  }

  AdoptionInput Adopt() { return {.adopted_on = "2026-02-01", .scope = "Hemtjänsten"}; }

  std::unique_ptr<audit::AuditLog> audit_;
  std::unique_ptr<CaseService> service_;
  std::int64_t origin_ = 0, adopter_ = 0;
  Actor author_, coordinator_, adopter_coordinator_;
};

TEST_P(CaseServiceTest, DraftIsInvisibleToOthersUntilPublished) {
  auto c = service_->CreateCase(author_, origin_, Content(), std::nullopt);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(service_->Get(adopter_coordinator_, c->id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->Get(Actor::Anonymous(), c->id).status().code(), StatusCode::kNotFound);
  auto listed = service_->List(Actor::Anonymous(), {}, {1, 20});
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->total, 0);
  EXPECT_TRUE(service_->Get(coordinator_, c->id).ok());
  ASSERT_TRUE(service_->SubmitForReview(author_, c->id).ok());
  ASSERT_TRUE(service_->Publish(coordinator_, c->id).ok());
  EXPECT_TRUE(service_->Get(Actor::Anonymous(), c->id).ok());
}

TEST_P(CaseServiceTest, OnlyTheCoordinatorPublishes) {
  auto c = service_->CreateCase(author_, origin_, Content(), std::nullopt);
  ASSERT_TRUE(service_->SubmitForReview(author_, c->id).ok());
  EXPECT_EQ(service_->Publish(author_, c->id).status().code(), StatusCode::kPermissionDenied);
  auto published = service_->Publish(coordinator_, c->id);
  ASSERT_TRUE(published.ok());
  EXPECT_EQ(published->state, CaseState::kPublished);
  EXPECT_TRUE(published->published_at.has_value());
}

TEST_P(CaseServiceTest, EditsKeepEveryVersion) {
  Case c = Published();
  CaseContent changed = Content();
  changed.advice = "Börja med en enhet.";
  ASSERT_TRUE(service_->UpdateCase(coordinator_, c.id, changed).ok());
  auto history = service_->History(Actor::Anonymous(), c.id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].version, 2);
  EXPECT_EQ((*history)[0].content.advice, "Börja med en enhet.");
  EXPECT_EQ((*history)[1].content.advice, "");
  EXPECT_EQ((*history)[1].content.results, Content().results);
}

TEST_P(CaseServiceTest, NumbersNeedASource) {
  CaseContent c = Content();
  c.results[0].source = "";
  auto created = service_->CreateCase(author_, origin_, c, std::nullopt);
  ASSERT_EQ(created.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(created.status().invalid_parameters()[0].name, "results[0].source");
}

// The case form turns "12 st" into NaN rather than dropping it silently.
TEST_P(CaseServiceTest, ANumberThatIsNotFiniteIsNamed) {
  CaseContent c = Content();
  c.results[0].after = std::numeric_limits<double>::quiet_NaN();
  auto created = service_->CreateCase(author_, origin_, c, std::nullopt);
  ASSERT_EQ(created.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(created.status().invalid_parameters()[0].name, "results[0].after");
  EXPECT_EQ(created.status().invalid_parameters()[0].reason, "validation.not_number");
}

TEST_P(CaseServiceTest, AnOrganisationAdoptsOnceAndMayWithdrawAndAdoptAgain) {
  Case c = Published();
  auto first = service_->RecordAdoption(adopter_coordinator_, c.id, adopter_, Adopt());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(service_->RecordAdoption(adopter_coordinator_, c.id, adopter_, Adopt()).status().code(),
            StatusCode::kAlreadyExists);
  auto spread = service_->SpreadOf(Actor::Anonymous(), c.id);
  ASSERT_TRUE(spread.ok());
  EXPECT_EQ(spread->organisations, 1);
  ASSERT_EQ(spread->by_county.size(), 1u);
  EXPECT_EQ(spread->by_county[0].first, "25");
  ASSERT_TRUE(service_->WithdrawAdoption(adopter_coordinator_, first->id).ok());
  EXPECT_EQ(service_->SpreadOf(Actor::Anonymous(), c.id)->organisations, 0);
  EXPECT_EQ(service_->WithdrawAdoption(adopter_coordinator_, first->id).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_TRUE(service_->RecordAdoption(adopter_coordinator_, c.id, adopter_, Adopt()).ok());
}

TEST_P(CaseServiceTest, OwnOrganisationCannotAdoptItsOwnCase) {
  Case c = Published();
  EXPECT_EQ(service_->RecordAdoption(coordinator_, c.id, origin_, Adopt()).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_P(CaseServiceTest, AnEmployeeCannotRecordForTheOrganisation) {
  Case c = Published();
  Actor employee = Person(9, adopter_, Role::kEmployee);
  EXPECT_EQ(service_->RecordAdoption(employee, c.id, adopter_, Adopt()).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_P(CaseServiceTest, MostAdoptedOrderCountsOnlyActiveAdoptions) {
  Case a = Published();
  Case b = Published();
  ASSERT_TRUE(service_->RecordAdoption(adopter_coordinator_, b.id, adopter_, Adopt()).ok());
  CaseFilter filter;
  filter.order = CaseFilter::Order::kMostAdopted;
  auto listed = service_->List(Actor::Anonymous(), filter, {1, 20});
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->items.size(), 2u);
  EXPECT_EQ(listed->items[0].id, b.id);
  EXPECT_EQ(listed->items[0].adoption_count, 1);
  EXPECT_EQ(listed->items[1].id, a.id);
}

NYTTIG_INSTANTIATE_ENGINES(CaseServiceTest);

}  // namespace
}  // namespace nyttig::knowledge
