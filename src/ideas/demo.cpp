// The demo ideas: written for this project, about everyday public-sector
// problems; each walks the organisation's pipeline as it would in use
// (coordinators screen and assess, decision makers decide at the gates,
// parked and closed ideas say why).
#include "ideas/demo.h"

#include <vector>

namespace nyttig::ideas {
namespace {

enum class From { kEmployee, kCitizen, kAnonymous };

struct DemoIdea {
  From from;
  StageKind target;
  const char* title;
  const char* need;
  const char* need_who;
  const char* need_how_often;
  const char* need_cost;
  const char* solution;
  const char* description;
  const char* area;
  std::vector<std::string> value_types;
  std::vector<int> sdgs;
  const char* reason = "";    // for parked and closed
  const char* feedback = "";  // the owner's answer, when given
};

const std::vector<DemoIdea>& ExempelbyIdeas() {
  static const std::vector<DemoIdea> ideas = {
      {From::kEmployee, StageKind::kSpread, "Digitala matsedlar med allergener",
       "Vårdnadshavare ringer skolköken flera gånger i veckan för att fråga vad maten innehåller.",
       "Vårdnadshavare till barn med allergier och kökspersonalen", "Varje vecka",
       "Ungefär två timmar i veckan per kök", "Publicera matsedeln med allergener i en öppen webbtjänst som köken själva uppdaterar.",
       "Vi började på **två skolor** och har nu alla tolv kök med.\n\n- färre samtal\n- säkrare måltider",
       "school", {"social", "economic"}, {3, 12}, "", "Tack Omar! Idén gick hela vägen – nu använder alla skolkök tjänsten."},
      {From::kEmployee, StageKind::kImplementation, "Nattillsyn på distans i hemtjänsten",
       "Nattpatrullen åker långa sträckor för korta tillsynsbesök som många brukare upplever som störande.",
       "Brukare i hemtjänsten och nattpersonalen", "Varje natt", "Omkring 40 mil bilkörning per natt",
       "Erbjud frivillig tillsyn med kamera för de brukare som vill, med samtycke och tydliga rutiner.",
       "", "elderly_care", {"social", "environmental"}, {3, 11}},
      {From::kEmployee, StageKind::kTest, "Lånecyklar för skolans utflykter",
       "Klasser kan inte ta sig till naturen eller biblioteket utan att hyra buss.",
       "Lärare och elever i årskurs 4–6", "Några gånger per termin", "Bussresor för cirka 60 000 kronor om året",
       "Köp in en cykelpool som skolorna bokar och som fritidsgården underhåller.", "",
       "school", {"economic", "environmental"}, {4, 11, 13}},
      {From::kEmployee, StageKind::kAssessment, "Gemensam bilpool för hemtjänsten och förvaltningarna",
       "Hemtjänstens bilar står still på kvällar och helger medan andra förvaltningar hyr bil.",
       "Förvaltningar som behöver bil ibland", "Varje vecka", "Hyrbilar för omkring 200 000 kronor om året",
       "Samla kommunens bilar i en bokningsbar pool.", "", "administration", {"economic", "environmental"}, {11, 12}},
      {From::kEmployee, StageKind::kIdea, "Sms-påminnelse före bygglovsmöten",
       "Var femte bokat möte om bygglov blir av med kort varsel eftersom den sökande glömt det.",
       "Sökande och bygglovshandläggare", "Flera gånger i veckan", "Förlorad handläggartid, ungefär en dag i veckan",
       "Skicka en påminnelse med sms dagen före mötet.", "", "urban_development", {"economic"}, {16}},
      {From::kEmployee, StageKind::kParked, "Läxhjälp i bibliotekets chatt",
       "Elever som inte kan få hjälp hemma blir ensamma med läxorna på kvällen.",
       "Elever i årskurs 7–9", "Varje skolkväll", "", "Låt bibliotekarier och studenter svara på läxfrågor i en chatt två kvällar i veckan.",
       "", "culture_leisure", {"social"}, {4, 10}, "Vi väntar på budgeten för 2027 innan vi kan bemanna chatten."},
      {From::kEmployee, StageKind::kClosed, "Egen app för felanmälan av gatubelysning",
       "Trasiga gatlampor anmäls sent eftersom ingen vet vart man ska vända sig.",
       "Invånare som rör sig ute när det är mörkt", "Hela vinterhalvåret", "",
       "Bygg en app där invånare fotograferar och anmäler trasiga lampor.", "", "urban_development", {"social"}, {11},
       "Det finns redan en nationell tjänst för felanmälan. Vi ansluter oss till den i stället för att bygga en egen."},
      {From::kCitizen, StageKind::kIdea, "Fler bänkar längs promenadstråket vid sjön",
       "Äldre och personer med smärta orkar inte gå hela promenadstråket utan att vila.",
       "Äldre och personer med nedsatt rörlighet", "Varje dag", "",
       "Ställ ut en bänk ungefär var tvåhundrade meter längs stråket.", "", "urban_development", {"social"}, {3, 11}},
      {From::kAnonymous, StageKind::kAssessment, "Kortare väntan i telefon till socialtjänsten",
       "Det tar ofta över en halvtimme att komma fram till socialtjänsten på telefon.",
       "Invånare som behöver stöd", "Varje vecka", "",
       "Inför möjlighet att bli uppringd i stället för att vänta i kö.", "", "social_services", {"social"}, {10, 16}},
  };
  return ideas;
}

// Three real organisations with a few ideas each.
const std::vector<std::pair<std::string, std::vector<DemoIdea>>>& RegisterIdeas() {
  static const std::vector<std::pair<std::string, std::vector<DemoIdea>>> ideas = {
      {"skelleftea-kommun",
       {{From::kEmployee, StageKind::kIdea, "Hur kan vi göra det lättare för nya familjer att hitta förskoleplats?",
         "Familjer som flyttar hit för nya jobb vet inte hur förskolekön fungerar och söker för sent.",
         "Nyinflyttade familjer", "Flera gånger i månaden", "", "Undersök familjernas väg från flyttbeslut till första förskoledagen.",
         "", "school", {"social"}, {4, 8}},
        {From::kEmployee, StageKind::kTest, "Digital incheckning på simhallen",
         "Kön i kassan är lång på helgerna och personalen hinner inte vara ute vid bassängen.",
         "Besökare och badvakter", "Varje helg", "", "Låt besökare med årskort checka in själva med telefonen.",
         "", "culture_leisure", {"economic", "social"}, {3}},
        {From::kEmployee, StageKind::kImplementation, "Gemensam matlogistik för skolköken",
         "Varje skolkök beställer själv och leveranserna kommer med många små bilar.",
         "Skolkök och leverantörer", "Varje dag", "Höga transportkostnader och utsläpp",
         "Samordna beställningar och leveranser från ett gemensamt lager.", "", "school", {"economic", "environmental"}, {12, 13}}}},
      {"region-jonkopings-lan",
       {{From::kEmployee, StageKind::kImplementation, "Videobesök för uppföljning efter höftoperation",
         "Patienter reser långt för ett kort återbesök som mest handlar om samtal.",
         "Patienter som opererats för höftfraktur", "Varje vecka", "Resor och sjukresor för patienterna",
         "Erbjud återbesöket som videosamtal när det inte behövs någon undersökning.", "", "health_care", {"social", "environmental"}, {3, 13}},
        {From::kEmployee, StageKind::kTest, "Provtagning hemma för patienter med kronisk sjukdom",
         "Patienter tar ledigt från jobbet för att lämna rutinprover på vårdcentralen.",
         "Patienter med diabetes och njursjukdom", "Var tredje månad", "",
         "Skicka hem provtagningskit och låt patienten posta provet.", "", "health_care", {"social", "economic"}, {3}},
        {From::kCitizen, StageKind::kAssessment, "Kallelser på lättläst svenska",
         "Många förstår inte kallelserna och missar därför sina besök.",
         "Patienter med annat modersmål eller lässvårigheter", "Varje dag", "Uteblivna besök",
         "Skriv om kallelserna på lättläst svenska med bilder.", "", "health_care", {"social"}, {3, 10}}}},
      {"knivsta-kommun",
       {{From::kEmployee, StageKind::kSpread, "Solceller på förskolornas tak",
         "Förskolorna har stora tak i söderläge som inte används.",
         "Förskolorna och kommunens fastighetsenhet", "Hela året", "Elkostnader",
         "Sätt solceller på förskolornas tak och visa barnen hur mycket el de gör.", "", "environment", {"environmental", "economic"}, {7, 13}},
        {From::kEmployee, StageKind::kIdea, "Öppna data om lediga lokaler",
         "Föreningar vet inte vilka kommunala lokaler som står tomma på kvällarna.",
         "Föreningar och studieförbund", "Varje vecka", "", "Publicera lokalernas bokningsläge som öppna data.",
         "", "culture_leisure", {"social"}, {11, 17}},
        {From::kEmployee, StageKind::kParked, "Karta över snöröjningen i realtid",
         "Invånare ringer och frågar när deras gata plogas.", "Invånare och kundtjänst", "Varje snöfall", "",
         "Visa plogbilarnas rutter på en karta.", "", "urban_development", {"social"}, {11},
         "Utrustningen i plogbilarna är för dyr i år. Vi tar upp idén igen när avtalet förnyas."}}},
  };
  return ideas;
}

IdeaInput InputOf(const DemoIdea& d) {
  IdeaInput in;
  in.title = d.title;
  in.need = d.need;
  in.need_who = d.need_who;
  in.need_how_often = d.need_how_often;
  in.need_cost = d.need_cost;
  in.solution = d.solution;
  in.description = d.description;
  in.area = d.area;
  in.value_types = d.value_types;
  in.sdgs = d.sdgs;
  in.beneficiaries = {"citizens"};
  in.step = "incremental";
  in.idea_type = "service";
  in.novelty = "organisation";
  in.origin = "first";
  in.anonymous = d.from == From::kAnonymous;
  in.visibility = d.from == From::kAnonymous ? "organisation" : "public";
  return in;
}

// Walks `idea` forward stage by stage to the target, each gate decided by
// the right person, then parks or closes it with its reason.
Status Walk(IdeaService& ideas, const DemoCast& cast, const Idea& idea, const DemoIdea& d) {
  ASSIGN_OR_RETURN(std::vector<Stage> pipeline, ideas.GetPipeline(idea.organisation_id));
  const bool side = IsSideStage(d.target);
  StageKind forward_to = side ? StageKind::kAssessment : d.target;
  // An idea meant to stay where it was submitted does not move forward at
  // all (the loop below only stops on a stage it moves into).
  if (idea.stage.kind == forward_to) return Status::Ok();
  for (const Stage& stage : pipeline) {
    if (IsSideStage(stage.kind) || stage.position <= idea.stage.position) continue;
    const bool gate = IsGate(stage.kind);
    const char* why = gate ? "Beslut i innovationsrådet." : "";
    RETURN_IF_ERROR(ideas.MoveIdea(gate ? cast.decision_maker : cast.coordinator, idea.id, stage.id, why).status());
    if (stage.kind == forward_to) break;
  }
  if (side) {
    for (const Stage& stage : pipeline) {
      if (stage.kind == d.target) {
        RETURN_IF_ERROR(ideas.MoveIdea(cast.coordinator, idea.id, stage.id, d.reason).status());
      }
    }
  }
  return Status::Ok();
}

StatusOr<int> LoadOrganisation(IdeaService& ideas, const accounts::Organisation& org,
                               const accounts::Actor& platform_admin, const DemoCast& cast,
                               const std::vector<DemoIdea>& script) {
  IdeaFilter filter{.organisation_id = org.id, .limit = 1};
  ASSIGN_OR_RETURN(IdeaPage existing, ideas.ListIdeas(cast.coordinator, filter));
  if (existing.total > 0) return 0;  // loaded before
  RETURN_IF_ERROR(ideas.UpdateSettings(platform_admin, org.id,
                                       {.anonymous_allowed = true, .public_box_open = true}).status());
  for (const DemoIdea& d : script) {
    const accounts::Actor& author = d.from == From::kEmployee  ? cast.employee
                                    : d.from == From::kCitizen ? cast.citizen
                                                               : accounts::Actor::Anonymous();
    ASSIGN_OR_RETURN(Idea idea, ideas.SubmitIdea(author, org.id, InputOf(d)));
    if (*d.feedback) RETURN_IF_ERROR(ideas.RecordFeedback(cast.coordinator, idea.id, d.feedback).status());
    RETURN_IF_ERROR(Walk(ideas, cast, idea, d));
  }
  return int(script.size());
}

}  // namespace

const std::vector<std::string>& DemoOrganisationSlugs() {
  static const std::vector<std::string> slugs = [] {
    std::vector<std::string> out = {"exempelby-kommun"};
    for (const auto& [slug, script] : RegisterIdeas()) out.push_back(slug);
    return out;
  }();
  return slugs;
}

StatusOr<int> LoadDemo(IdeaService& ideas, accounts::OrganisationService& organisations,
                       const accounts::Actor& platform_admin, const DemoCastFor& cast_for) {
  int created = 0;
  for (const std::string& slug : DemoOrganisationSlugs()) {
    ASSIGN_OR_RETURN(accounts::Organisation org, organisations.GetOrganisationBySlug(slug));
    ASSIGN_OR_RETURN(DemoCast cast, cast_for(org));
    const std::vector<DemoIdea>* script = &ExempelbyIdeas();
    for (const auto& [other, ideas_of] : RegisterIdeas()) {
      if (other == slug) script = &ideas_of;
    }
    ASSIGN_OR_RETURN(int n, LoadOrganisation(ideas, org, platform_admin, cast, *script));
    created += n;
  }
  return created;
}

}  // namespace nyttig::ideas
