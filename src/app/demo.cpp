#include "app/demo.h"

#include "accounts/permissions.h"
#include "accounts/person_store.h"
#include "dialogue/demo.h"
#include "knowledge/demo.h"
#include "ideas/demo.h"
#include "ideas/participation_demo.h"
#include "ideas/challenge_demo.h"
#include "ideas/challenge_routes.h"
#include "ideas/idea_search.h"
#include "pilots/demo.h"
#include "surveys/demo.h"

namespace nyttig::app {
namespace {

using accounts::Actor;
using accounts::Role;

struct DemoPerson {
  const char* email;
  const char* name;
  std::optional<Role> role;  // in Exempelby kommun; nullopt = a citizen
  const char* role_label;
};

constexpr DemoPerson kPeople[] = {
    {"anna.berg@exempelby.se", "Anna Berg", Role::kCoordinator, "innovationsledare"},
    {"omar.said@exempelby.se", "Omar Said", Role::kEmployee, "medarbetare"},
    {"lena.holm@exempelby.se", "Lena Holm", Role::kDecisionMaker, "chef/beslutsfattare"},
    {"karin.ek@exempelby.se", "Karin Ek", Role::kAdmin, "administratör"},
    {"medborgare@example.org", "Sara Lind", std::nullopt, "medborgare"},
};

StatusOr<accounts::Person> EnsurePerson(App& app, const std::string& email, const std::string& name,
                                        bool platform_admin, DemoSummary& summary) {
  auto found = app.db().ReadValue<accounts::Person>(
      [&](db::Tx& tx) { return accounts::PersonStore::FindByEmail(tx, email); });
  if (found.ok()) return found;
  accounts::RegisterInput input{email, name, std::string(kDemoPassword), "sv"};
  ++summary.persons_created;
  if (platform_admin) return app.accounts().CreatePlatformAdmin(input);
  return app.accounts().Register(input, Actor::Anonymous());
}

StatusOr<accounts::Organisation> EnsureDemoMunicipality(App& app, const Actor& admin) {
  auto existing = app.organisations().GetOrganisationBySlug("exempelby-kommun");
  if (existing.ok()) return existing;
  accounts::OrganisationInput input{
      .name = "Exempelby kommun",
      .kind = "municipality",
      .description =
          "En påhittad kommun för att prova Nyttig. Här kan du lämna idéer, "
          "följa försök och se hur andra kommuner har gjort.",
      .website = "https://exempelby.example.org"};
  ASSIGN_OR_RETURN(accounts::Organisation org,
                   app.organisations().CreateOrganisation(admin, input));
  for (const char* unit : {"Vård- och omsorgsförvaltningen", "Barn- och utbildningsförvaltningen",
                           "Samhällsbyggnadsförvaltningen", "Kommunledningskontoret"}) {
    RETURN_IF_ERROR(app.organisations().CreateUnit(admin, org.id, unit, std::nullopt).status());
  }
  return org;
}

// A demo person as an actor, with the roles granted so far.
StatusOr<Actor> ActorByEmail(App& app, const std::string& email) {
  ASSIGN_OR_RETURN(accounts::Person person,
                   app.db().ReadValue<accounts::Person>(
                       [&](db::Tx& tx) { return accounts::PersonStore::FindByEmail(tx, email); }));
  return app.accounts().ActorForPerson(person.id, accounts::AuthMethod::kSession);
}

// Pilots: Anna plans and measures, Lena decides (actors read after the
// roles were granted).
Status LoadPilotsDemo(App& app, accounts::OrganisationId org) {
  ASSIGN_OR_RETURN(Actor anna, ActorByEmail(app, "anna.berg@exempelby.se"));
  ASSIGN_OR_RETURN(Actor lena, ActorByEmail(app, "lena.holm@exempelby.se"));
  return pilots::LoadDemo(app.pilots(), anna, lena, org).status();
}

// Ideas: Exempelby's own people act there; each other demo organisation
// gets a coordinator, an employee and a decision maker of its own (not
// listed as log-ins), and Sara Lind submits to the idea boxes as a citizen.
StatusOr<ideas::DemoCast> IdeasDemoCast(App& app, const Actor& admin,
                                        const accounts::Organisation& org, DemoSummary& summary) {
  auto member = [&](const std::string& email, const std::string& name,
                    std::optional<Role> role) -> StatusOr<Actor> {
    ASSIGN_OR_RETURN(accounts::Person person, EnsurePerson(app, email, name, false, summary));
    ASSIGN_OR_RETURN(Actor actor, app.accounts().ActorForPerson(person.id, accounts::AuthMethod::kSession));
    if (!role || actor.HasRole(org.id, *role)) return actor;
    RETURN_IF_ERROR(app.organisations().GrantRole(admin, org.id, email, *role, std::nullopt).status());
    return app.accounts().ActorForPerson(person.id, accounts::AuthMethod::kSession);
  };
  ideas::DemoCast cast;
  const bool exempelby = org.slug == "exempelby-kommun";
  const std::string domain = "@" + org.slug + ".example.org";
  ASSIGN_OR_RETURN(cast.coordinator, exempelby ? member("anna.berg@exempelby.se", "Anna Berg", Role::kCoordinator)
                                               : member("innovation" + domain, "Maria Nilsson", Role::kCoordinator));
  ASSIGN_OR_RETURN(cast.employee, exempelby ? member("omar.said@exempelby.se", "Omar Said", Role::kEmployee)
                                            : member("medarbetare" + domain, "Jonas Ström", Role::kEmployee));
  ASSIGN_OR_RETURN(cast.decision_maker, exempelby ? member("lena.holm@exempelby.se", "Lena Holm", Role::kDecisionMaker)
                                                  : member("chef" + domain, "Eva Lindqvist", Role::kDecisionMaker));
  ASSIGN_OR_RETURN(cast.citizen, member("medborgare@example.org", "Sara Lind", std::nullopt));
  return cast;
}

// Challenges: Exempelby (Anna) hosts them, one together with the second demo
// organisation; the closed one is written with services on a clock set back
// in time, so that its history reads as it happened.
Status LoadChallengesDemo(App& app, accounts::OrganisationId org) {
  ASSIGN_OR_RETURN(accounts::Organisation partner,
                   app.organisations().GetOrganisationBySlug(ideas::DemoOrganisationSlugs().at(1)));
  const std::string partner_domain = "@" + partner.slug + ".example.org";
  ideas::ChallengeDemoCast cast{.organisation = org, .partner = partner.id};
  ASSIGN_OR_RETURN(cast.coordinator, ActorByEmail(app, "anna.berg@exempelby.se"));
  ASSIGN_OR_RETURN(cast.employee, ActorByEmail(app, "omar.said@exempelby.se"));
  ASSIGN_OR_RETURN(cast.partner_coordinator, ActorByEmail(app, "innovation" + partner_domain));
  ASSIGN_OR_RETURN(cast.partner_employee, ActorByEmail(app, "medarbetare" + partner_domain));
  ASSIGN_OR_RETURN(cast.citizen, ActorByEmail(app, "medborgare@example.org"));
  FakeClock past(app.clock().Now());
  ideas::IdeaService past_ideas(app.db(), past, app.audit_log(), app.inbox(), app.files());
  past_ideas.SetSearchSink(&app.search().index(), &ideas::ToSearchDocument);
  ideas::ChallengeService history(app.db(), past, app.audit_log(), app.inbox(), past_ideas);
  history.SetSearchSink(&app.search().index(), &ideas::ChallengeSearchDocument);
  return ideas::LoadChallengeDemo(app.idea_challenges(), history, past, cast).status();
}

// Surveys: Anna, coordinator in Exempelby, runs a staff and a citizen survey.
Status LoadSurveysDemo(App& app, accounts::OrganisationId org) {
  ASSIGN_OR_RETURN(Actor actor, ActorByEmail(app, "anna.berg@exempelby.se"));
  return surveys::LoadDemo(app.surveys(), actor, org).status();
}

// Dialogue: Anna, coordinator in Exempelby, opens the demo dialogue.
Status LoadDialogueDemo(App& app, accounts::OrganisationId org) {
  ASSIGN_OR_RETURN(Actor actor, ActorByEmail(app, "anna.berg@exempelby.se"));
  return dialogue::LoadDemo(app.dialogues(), app.db(), actor, org).status();
}

// Assessment and participation on Exempelby's ideas: Anna, Omar, Lena, Karin.
Status LoadIdeaParticipationDemo(App& app, accounts::OrganisationId org) {
  ideas::ParticipationDemoCast cast;
  ASSIGN_OR_RETURN(cast.coordinator, ActorByEmail(app, "anna.berg@exempelby.se"));
  ASSIGN_OR_RETURN(cast.employee, ActorByEmail(app, "omar.said@exempelby.se"));
  ASSIGN_OR_RETURN(cast.decision_maker, ActorByEmail(app, "lena.holm@exempelby.se"));
  ASSIGN_OR_RETURN(cast.admin, ActorByEmail(app, "karin.ek@exempelby.se"));
  return ideas::LoadParticipationDemo(app.ideas(), app.idea_assessment(),
                                      app.idea_participation(), org, cast)
      .status();
}

}  // namespace

StatusOr<DemoSummary> LoadDemo(App& app) {
  DemoSummary summary;
  ASSIGN_OR_RETURN(auto entries, accounts::SwedishRegister());
  ASSIGN_OR_RETURN(summary.organisations_created, app.organisations().LoadRegister(entries));
  ASSIGN_OR_RETURN(
      accounts::Person admin_person,
      EnsurePerson(app, "admin@nyttig.example.org", "Plattformsadministratör", true, summary));
  summary.logins.push_back(
      {admin_person.email, std::string(kDemoPassword), "plattformsadministratör"});
  ASSIGN_OR_RETURN(Actor admin,
                   app.accounts().ActorForPerson(admin_person.id, accounts::AuthMethod::kSession));
  auto before = app.organisations().GetOrganisationBySlug("exempelby-kommun");
  ASSIGN_OR_RETURN(accounts::Organisation org, EnsureDemoMunicipality(app, admin));
  if (!before.ok()) ++summary.organisations_created;
  for (const DemoPerson& p : kPeople) {
    ASSIGN_OR_RETURN(accounts::Person person, EnsurePerson(app, p.email, p.name, false, summary));
    summary.logins.push_back({person.email, std::string(kDemoPassword), p.role_label});
    ASSIGN_OR_RETURN(Actor actor,
                     app.accounts().ActorForPerson(person.id, accounts::AuthMethod::kSession));
    if (!p.role || actor.HasRole(org.id, *p.role)) continue;
    RETURN_IF_ERROR(
        app.organisations().GrantRole(admin, org.id, p.email, *p.role, std::nullopt).status());
  }
  RETURN_IF_ERROR(LoadPilotsDemo(app, org.id));
  RETURN_IF_ERROR(LoadSurveysDemo(app, org.id));
  // The demo ideas walk through the gate to test before their legal
  // checklists exist; LoadIdeaParticipationDemo answers them right after.
  app.idea_assessment().legal_gate().set_enforced(false);
  Status ideas_loaded = ideas::LoadDemo(app.ideas(), app.organisations(), admin,
                                        [&](const accounts::Organisation& o) {
                                          return IdeasDemoCast(app, admin, o, summary);
                                        }).status();
  app.idea_assessment().legal_gate().set_enforced(true);
  RETURN_IF_ERROR(ideas_loaded);
  RETURN_IF_ERROR(LoadIdeaParticipationDemo(app, org.id));
  RETURN_IF_ERROR(LoadChallengesDemo(app, org.id));
  RETURN_IF_ERROR(knowledge::LoadDemo(app.documents(), app.cases(), app.organisations(), admin)
                      .status());
  RETURN_IF_ERROR(LoadDialogueDemo(app, org.id));
  return summary;
}

}  // namespace nyttig::app
