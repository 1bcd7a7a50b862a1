// OrganisationService: organisations, search, units and the official
// register, on SQLite and PostgreSQL.
#include "accounts/organisation_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "accounts/accounts_test_support.h"

namespace nyttig::accounts {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class OrganisationServiceTest : public AccountsTest {
protected:
  void SetUp() override {
    AccountsTest::SetUp();
    platform_admin_ = PlatformAdmin();
  }

  Organisation Create(const std::string &name,
                      const std::string &kind = "municipality") {
    StatusOr<Organisation> org = organisations_->CreateOrganisation(
        platform_admin_, {.name = name, .kind = kind});
    EXPECT_TRUE(org.ok()) << org.status().ToString();
    return org.ok() ? *org : Organisation{};
  }

  // An actor who is admin of `org` (a new person per call).
  Actor AdminOf(OrganisationId org, const std::string &email) {
    Person person = Register(email, "Admin " + email);
    EXPECT_TRUE(
        organisations_->GrantRole(platform_admin_, org, email, Role::kAdmin, {})
            .ok());
    return SessionActor(person.id);
  }

  std::vector<std::string> SearchNames(const std::string &text, int page = 1,
                                       int limit = 20) {
    StatusOr<Paged<Organisation>> found =
        organisations_->SearchOrganisations(text, std::nullopt, {page, limit});
    EXPECT_TRUE(found.ok()) << found.status().ToString();
    std::vector<std::string> names;
    if (found.ok()) {
      for (const Organisation &org : found->items)
        names.push_back(org.name);
    }
    return names;
  }

  Actor platform_admin_;
};

TEST_P(OrganisationServiceTest, PlatformAdminCreatesAnOrganisation) {
  StatusOr<Organisation> org = organisations_->CreateOrganisation(
      platform_admin_, {.name = " Umeå kommun ",
                        .kind = "municipality",
                        .official_code = "2480",
                        .website = "https://www.umea.se"});
  ASSERT_TRUE(org.ok()) << org.status().ToString();
  EXPECT_EQ(org->name, "Umeå kommun");
  EXPECT_EQ(org->slug, "umea-kommun");
  EXPECT_EQ(org->kind, OrganisationKind::kMunicipality);
  StatusOr<Organisation> read =
      organisations_->GetOrganisationBySlug("umea-kommun");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->id, org->id);
  EXPECT_EQ(read->website, "https://www.umea.se");
  EXPECT_EQ(read->official_code, "2480");
  EXPECT_THAT(AuditActions(org->id), ElementsAre("organisation.create"));
  ExpectAuditChainsVerify();
}

TEST_P(OrganisationServiceTest, OnlyAPlatformAdminMayCreate) {
  Organisation a = Create("Åre kommun");
  Actor citizen = SessionActor(Register("anna@exempel.se").id);
  Actor admin_of_a = AdminOf(a.id, "admin@are.se");
  for (const Actor *actor : {&citizen, &admin_of_a}) {
    EXPECT_EQ(
        organisations_
            ->CreateOrganisation(*actor, {.name = "Ny", .kind = "company"})
            .status()
            .code(),
        StatusCode::kPermissionDenied);
  }
  EXPECT_EQ(organisations_
                ->CreateOrganisation(Actor::Anonymous(),
                                     {.name = "Ny", .kind = "company"})
                .status()
                .code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(Count("accounts_organisations"), 1);
}

TEST_P(OrganisationServiceTest, CreateRejectsBadFields) {
  StatusOr<Organisation> org = organisations_->CreateOrganisation(
      platform_admin_,
      {.name = " ", .kind = "kommun", .website = "javascript:alert(1)"});
  EXPECT_EQ(org.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(InvalidFields(org.status()),
              ::testing::UnorderedElementsAre(
                  "name:accounts.organisation.name.required",
                  "website:accounts.organisation.website.invalid",
                  "kind:accounts.organisation.kind.invalid"));
  EXPECT_EQ(Count("accounts_organisations"), 0);
}

TEST_P(OrganisationServiceTest,
       SlugsFoldSwedishLettersAndGetASuffixOnCollision) {
  EXPECT_EQ(Create("Håbo kommun").slug, "habo-kommun");
  EXPECT_EQ(Create("Håbo kommun").slug, "habo-kommun-2");
  EXPECT_EQ(Create("Habo Kommun").slug, "habo-kommun-3");
  EXPECT_EQ(Create("Östra Göinge kommun").slug, "ostra-goinge-kommun");
  EXPECT_EQ(Create("Älvkarleby kommun").slug, "alvkarleby-kommun");
}

TEST_P(OrganisationServiceTest, AnAdminUpdatesTheirOwnOrganisation) {
  Organisation a = Create("Åre kommun");
  Actor admin = AdminOf(a.id, "admin@are.se");
  StatusOr<Organisation> updated =
      organisations_->UpdateOrganisation(admin, a.id,
                                         {.name = "Åre kommun",
                                          .description = "Fjällkommun",
                                          .website = "https://are.se"});
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(organisations_->GetOrganisation(a.id)->description, "Fjällkommun");
  EXPECT_EQ(organisations_->GetOrganisation(a.id)->slug, "are-kommun");
  EXPECT_EQ(AuditActions(a.id).front(), "organisation.update");
}

TEST_P(OrganisationServiceTest, AnAdminCannotUpdateAnotherOrganisation) {
  Organisation a = Create("Åre kommun");
  Organisation b = Create("Berg kommun");
  Actor admin_of_a = AdminOf(a.id, "admin@are.se");
  StatusOr<Organisation> denied = organisations_->UpdateOrganisation(
      admin_of_a, b.id, {.name = "Kapad", .description = "x"});
  EXPECT_EQ(denied.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(organisations_->GetOrganisation(b.id)->name, "Berg kommun");
  EXPECT_THAT(AuditActions(b.id), ElementsAre("organisation.create"));
}

TEST_P(OrganisationServiceTest, MembersWhoAreNotAdminsCannotUpdate) {
  Organisation a = Create("Åre kommun");
  Person emma = Register("emma@are.se", "Emma");
  ASSERT_TRUE(organisations_
                  ->GrantRole(platform_admin_, a.id, "emma@are.se",
                              Role::kDecisionMaker, {})
                  .ok());
  StatusOr<Organisation> denied = organisations_->UpdateOrganisation(
      SessionActor(emma.id), a.id, {.name = "Emmas kommun"});
  EXPECT_EQ(denied.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(organisations_->GetOrganisation(a.id)->name, "Åre kommun");
}

TEST_P(OrganisationServiceTest, SearchIsCaseInsensitiveAlsoForSwedishLetters) {
  Create("Åre kommun");
  Create("Örebro kommun");
  Create("Ängelholms kommun");
  Create("Malmö stad");
  EXPECT_THAT(SearchNames("åre"), ElementsAre("Åre kommun"));
  EXPECT_THAT(SearchNames("ÅRE"), ElementsAre("Åre kommun"));
  EXPECT_THAT(SearchNames("örebro"), ElementsAre("Örebro kommun"));
  EXPECT_THAT(SearchNames("ÄNGEL"), ElementsAre("Ängelholms kommun"));
  EXPECT_THAT(SearchNames("MALMÖ"), ElementsAre("Malmö stad"));
  EXPECT_THAT(SearchNames("kommun").size(), 3u);
}

TEST_P(OrganisationServiceTest, SearchTreatsWildcardsLiterally) {
  Create("Bolaget 100% AB", "company");
  Create("Bolaget 1000 AB", "company");
  Create("Data_Lab AB", "company");
  Create("DataxLab AB", "company");
  EXPECT_THAT(SearchNames("100%"), ElementsAre("Bolaget 100% AB"));
  EXPECT_THAT(SearchNames("data_lab"), ElementsAre("Data_Lab AB"));
  EXPECT_THAT(SearchNames("%"), ElementsAre("Bolaget 100% AB"));
  EXPECT_THAT(SearchNames("\\"), IsEmpty());
}

TEST_P(OrganisationServiceTest, SearchPagesInNameOrderWithATotal) {
  for (const char *name : {"Eda kommun", "Alvesta kommun", "Bjuvs kommun",
                           "Dals-Eds kommun", "Covid AB"}) {
    Create(name);
  }
  StatusOr<Paged<Organisation>> first =
      organisations_->SearchOrganisations("kommun", std::nullopt, {1, 2});
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->total, 4);
  EXPECT_THAT(SearchNames("kommun", 1, 2),
              ElementsAre("Alvesta kommun", "Bjuvs kommun"));
  EXPECT_THAT(SearchNames("kommun", 2, 2),
              ElementsAre("Dals-Eds kommun", "Eda kommun"));
  EXPECT_THAT(SearchNames("kommun", 3, 2), IsEmpty());
  EXPECT_EQ(
      organisations_->SearchOrganisations("", std::nullopt, {3, 2})->total, 5);
}

TEST_P(OrganisationServiceTest, SearchFiltersByKind) {
  Create("Region Örebro län", "region");
  Create("Örebro kommun", "municipality");
  StatusOr<Paged<Organisation>> regions = organisations_->SearchOrganisations(
      "örebro", OrganisationKind::kRegion, {1, 20});
  ASSERT_TRUE(regions.ok());
  ASSERT_EQ(regions->items.size(), 1u);
  EXPECT_EQ(regions->items[0].name, "Region Örebro län");
  EXPECT_EQ(regions->total, 1);
}

TEST_P(OrganisationServiceTest, ResolveOrganisationTakesAnIdOrASlug) {
  Organisation a = Create("Åre kommun");
  EXPECT_EQ(organisations_->ResolveOrganisation(std::to_string(a.id))->slug,
            "are-kommun");
  EXPECT_EQ(organisations_->ResolveOrganisation("are-kommun")->id, a.id);
  EXPECT_EQ(organisations_->ResolveOrganisation("finns-inte").status().code(),
            StatusCode::kNotFound);
}

TEST_P(OrganisationServiceTest, UnitsFormATreeWithinTheOrganisation) {
  Organisation a = Create("Åre kommun");
  Actor admin = AdminOf(a.id, "admin@are.se");
  StatusOr<Unit> social =
      organisations_->CreateUnit(admin, a.id, "Socialförvaltningen", {});
  ASSERT_TRUE(social.ok()) << social.status().ToString();
  StatusOr<Unit> home_care =
      organisations_->CreateUnit(admin, a.id, "Hemtjänsten", social->id);
  ASSERT_TRUE(home_care.ok()) << home_care.status().ToString();
  std::vector<Unit> units = *organisations_->ListUnits(a.id);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].name, "Hemtjänsten");
  EXPECT_EQ(units[0].parent_id, social->id);
  EXPECT_EQ(units[1].parent_id, std::nullopt);
  EXPECT_EQ(AuditActions(a.id).front(), "unit.create");
}

TEST_P(OrganisationServiceTest, AUnitCannotHangUnderAnotherOrganisationsUnit) {
  Organisation a = Create("Åre kommun");
  Organisation b = Create("Berg kommun");
  StatusOr<Unit> in_b = organisations_->CreateUnit(platform_admin_, b.id,
                                                   "Skolförvaltningen", {});
  ASSERT_TRUE(in_b.ok());
  StatusOr<Unit> wrong =
      organisations_->CreateUnit(platform_admin_, a.id, "Skola", in_b->id);
  EXPECT_THAT(InvalidFields(wrong.status()),
              ElementsAre("parent_id:accounts.unit.parent.other_organisation"));
  EXPECT_THAT(*organisations_->ListUnits(a.id), IsEmpty());
}

TEST_P(OrganisationServiceTest, OnlyTheOrganisationsAdminCreatesUnits) {
  Organisation a = Create("Åre kommun");
  Organisation b = Create("Berg kommun");
  Actor admin_of_b = AdminOf(b.id, "admin@berg.se");
  EXPECT_EQ(
      organisations_->CreateUnit(admin_of_b, a.id, "Kapad", {}).status().code(),
      StatusCode::kPermissionDenied);
  EXPECT_THAT(
      InvalidFields(
          organisations_->CreateUnit(admin_of_b, b.id, " ", {}).status()),
      ElementsAre("name:accounts.unit.name.required"));
  EXPECT_THAT(*organisations_->ListUnits(a.id), IsEmpty());
}

TEST_P(OrganisationServiceTest,
       LoadRegisterCreatesEveryMunicipalityAndRegionOnce) {
  StatusOr<std::vector<RegisterEntry>> entries = SwedishRegister();
  ASSERT_TRUE(entries.ok()) << entries.status().ToString();
  StatusOr<int> created = organisations_->LoadRegister(*entries);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(*created, 310);
  EXPECT_EQ(Count("accounts_organisations", "kind = 'municipality'"), 290);
  EXPECT_EQ(Count("accounts_organisations", "kind = 'region'"), 20);
  EXPECT_EQ(Count("accounts_organisations", "name = 'Region Gotland'"), 1);
  EXPECT_EQ(
      Count("accounts_organisations", "kind = 'municipality' AND official_code "
                                      "= '0980' AND name = 'Region Gotland'"),
      1);
  StatusOr<int> again = organisations_->LoadRegister(*entries);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(Count("accounts_organisations"), 310);
  ExpectAuditChainsVerify();
}

NYTTIG_INSTANTIATE_ENGINES(OrganisationServiceTest);

} // namespace
} // namespace nyttig::accounts
