#include "pilots/demo.h"

#include <cmath>
#include <cstdio>

#include "core/time_format.h"

namespace nyttig::pilots {
namespace {

constexpr char kNightTitle[] = "Digital tillsyn nattetid i hemtjänsten";
constexpr char kHomeworkTitle[] = "Läxhjälp i matematik via chatt";

// A small deterministic wobble in [-1, 1] (the same on every machine, unlike
// the standard library's distributions).
double Wobble(std::uint64_t seed) {
  seed = (seed ^ 0x9E3779B97F4A7C15ULL) * 0xBF58476D1CE4E5B9ULL;
  seed = (seed ^ (seed >> 31)) * 0x94D049BB133111EBULL;
  return static_cast<double>(seed % 2001) / 1000.0 - 1.0;
}

std::string Format(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

StatusOr<bool> Exists(PilotService& pilots, const accounts::Actor& actor, std::int64_t org,
                      const std::string& title) {
  ASSIGN_OR_RETURN(PilotPage page,
                   pilots.ListPilots(actor, {.organisation_id = org, .text = title, .limit = 5}));
  for (const Pilot& pilot : page.items) {
    if (pilot.title == title) return true;
  }
  return false;
}

PilotInput NightPlan() {
  PilotInput in{
      .title = kNightTitle,
      .hypothesis =
          "Om nattpatrullen gör en del tillsynsbesök med kamera, hos dem som själva vill det, "
          "så minskar restiden och fler planerade besök blir av. Den som får tillsyn ska sova "
          "lika tryggt som förut.",
      .geography = "Exempelby tätort och Åby",
      .target_group = "Personer med hemtjänst som har tillsyn på natten",
      .baseline_from = "2026-08-03",
      .starts_on = "2026-09-07",
      .ends_on = "2027-02-28",
      .participants = {{"Exempelby högskola, institutionen för vårdvetenskap",
                        ParticipantRole::kResearchPartner},
                       {"Trygghetsteknik i Norden AB", ParticipantRole::kSupplier}},
      .budget_sek = 450000,
      .risks = "Tekniken kan krångla en natt när ingen kan åka ut. Därför finns alltid en "
               "bil i beredskap. Den som får tillsyn kan när som helst gå tillbaka till besök.",
      .legal_basis = "Socialtjänstlagen och beslut om insats. Samtycke från varje person.",
      .design = "did",
      .metrics = {{.name = "Restid per natt", .unit_of_measure = "minuter",
                   .direction = "lower", .measure = "mean", .baseline = 95, .target = 70},
                  {.name = "Genomförda tillsynsbesök", .unit_of_measure = "%",
                   .direction = "higher", .measure = "mean", .baseline = 91, .target = 97}}};
  for (const char* unit : {"Hemtjänst Norr", "Hemtjänst Öster", "Hemtjänst Centrum",
                           "Hemtjänst Kyrkbacken"}) {
    in.units.push_back({unit, "pilot"});
  }
  for (const char* unit : {"Hemtjänst Söder", "Hemtjänst Väster", "Hemtjänst Åby",
                           "Hemtjänst Strand"}) {
    in.units.push_back({unit, "comparison"});
  }
  return in;
}

// Weekly values from the baseline until mid-November: travel time falls in
// the pilot units once the pilot starts; the comparison units stay put.
std::string NightMeasurements(const PilotInput& plan) {
  std::string csv = "unit,group,period,metric,value\n";
  const UnixSeconds first = *ParseRfc3339(plan.baseline_from);
  const UnixSeconds start = *ParseRfc3339(plan.starts_on);
  for (size_t unit_idx = 0; unit_idx < plan.units.size(); ++unit_idx) {
    const UnitInput& unit = plan.units[unit_idx];
    const bool pilot = unit.group == "pilot";
    for (int week = 0; week < 16; ++week) {
      const UnixSeconds day = first + week * 7 * kDay;
      const bool during = pilot && day >= start;
      const std::uint64_t seed = unit_idx * 1000 + week;
      const double travel = 92 + 6 * Wobble(seed) + 3 * unit_idx - (during ? 24 : 0);
      const double done = 90 + 3 * Wobble(seed + 500) + (during ? 5 : 0);
      const std::string prefix = unit.name + "," + unit.group + "," + FormatIsoDate(day) + ",";
      csv += prefix + "Restid per natt," + Format(travel) + "\n";
      csv += prefix + "Genomförda tillsynsbesök," + Format(std::min(done, 100.0)) + "\n";
    }
  }
  return csv;
}

PilotInput HomeworkPlan() {
  PilotInput in{
      .title = kHomeworkTitle,
      .hypothesis = "Elever som kan ställa frågor i en chatt med en lärare på kvällen klarar "
                    "matematiken bättre än elever som bara har läxhjälp på skolan.",
      .geography = "Hela kommunen",
      .target_group = "Elever i årskurs 8",
      .starts_on = "2026-01-12",
      .ends_on = "2026-06-05",
      .participants = {{"Skolutveckling Mitt", ParticipantRole::kOther}},
      .budget_sek = 180000,
      .risks = "Elever utan dator hemma kan hamna efter. Skolan lånar ut datorer.",
      .legal_basis = "Skollagen; ingen ändring av undervisningen, chatten är frivillig.",
      .design = "two-groups",
      .metrics = {{.name = "Poäng på diagnostiskt prov", .unit_of_measure = "poäng",
                   .direction = "higher", .measure = "mean", .baseline = 31, .target = 35}}};
  const char* classes[] = {"8A Norrskolan", "8B Norrskolan", "8A Åbyskolan",
                           "8B Åbyskolan",  "8C Centrumskolan", "8D Centrumskolan"};
  for (size_t idx = 0; idx < 6; ++idx) in.units.push_back({classes[idx], idx % 2 ? "comparison" : "pilot"});
  return in;
}

std::string HomeworkMeasurements(const PilotInput& plan) {
  std::string csv = "unit,group,period,metric,value\n";
  for (size_t unit_idx = 0; unit_idx < plan.units.size(); ++unit_idx) {
    const UnitInput& unit = plan.units[unit_idx];
    const double score = 32 + 3 * Wobble(unit_idx + 77) + (unit.group == "pilot" ? 1.2 : 0);
    csv += unit.name + "," + unit.group + ",after,Poäng på diagnostiskt prov," + Format(score) + "\n";
  }
  return csv;
}

StatusOr<PilotId> Plan(PilotService& pilots, const accounts::Actor& actor, std::int64_t org,
                       const PilotInput& plan, const std::string& csv) {
  ASSIGN_OR_RETURN(Pilot pilot, pilots.CreatePilot(actor, org, plan));
  RETURN_IF_ERROR(pilots.ChangeState(actor, pilot.id, PilotState::kRunning).status());
  RETURN_IF_ERROR(pilots.ImportMeasurements(actor, pilot.id, csv).status());
  return pilot.id;
}

}  // namespace

StatusOr<int> LoadDemo(PilotService& pilots, const accounts::Actor& coordinator,
                       const accounts::Actor& decision_maker, std::int64_t organisation_id) {
  int created = 0;
  ASSIGN_OR_RETURN(bool night_exists, Exists(pilots, coordinator, organisation_id, kNightTitle));
  if (!night_exists) {
    const PilotInput plan = NightPlan();
    ASSIGN_OR_RETURN(PilotId id, Plan(pilots, coordinator, organisation_id, plan,
                                      NightMeasurements(plan)));
    RETURN_IF_ERROR(pilots.SetPublished(coordinator, id, true).status());
    ++created;
  }
  ASSIGN_OR_RETURN(bool homework_exists,
                   Exists(pilots, coordinator, organisation_id, kHomeworkTitle));
  if (!homework_exists) {
    const PilotInput plan = HomeworkPlan();
    ASSIGN_OR_RETURN(PilotId id, Plan(pilots, coordinator, organisation_id, plan,
                                      HomeworkMeasurements(plan)));
    RETURN_IF_ERROR(pilots.ChangeState(coordinator, id, PilotState::kEvaluating).status());
    DecisionInput decision{
        .outcome = "adjust",
        .reasoning = "Eleverna i chattklasserna fick något högre poäng, men skillnaden går inte "
                     "att skilja från slumpen med sex klasser. Många elever uppskattade chatten.",
        .lessons = "Chatten användes mest kvällen före prov. Nästa gång: fler klasser, lottning "
                   "av vilka klasser som börjar, och en enkät till eleverna om hur de upplevde "
                   "hjälpen."};
    RETURN_IF_ERROR(pilots.Decide(decision_maker, id, decision).status());
    ++created;
  }
  return created;
}

}  // namespace nyttig::pilots
