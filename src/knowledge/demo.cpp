#include "knowledge/demo.h"

#include "knowledge/simple_pdf.h"

namespace nyttig::knowledge {
namespace {

struct DemoDocument {
  const char* file_name;
  const char* kind;
  const char* decision_date;
  const char* decision_body;
  const char* diary_number;
  std::vector<std::string> pages;  // a PDF when there is more than the Markdown text
  const char* markdown;            // used when pages is empty
};

const std::vector<DemoDocument>& Documents() {
  static const std::vector<DemoDocument> kDocs = {
      {"innovationsstrategi-2026.pdf", "strategi", "2026-02-10", "Kommunfullmäktige", "KS 2025/412",
       {"Innovationsstrategi för Exempelby kommun 2026-2030\n\nVi vill att nya idéer ska bli nytta för\n"
        "invånarna. Därför prövar vi i liten skala, mäter\nresultatet och sprider det som fungerar.",
        "Mål\n\n1. Varje förvaltning prövar minst en ny lösning per år.\n2. Alla försök följs upp med mått före och efter.\n"
        "3. Det som fungerar delar vi med andra kommuner.",
        "Ansvar\n\nKommunledningskontoret samordnar. Varje förvaltning\nhar en innovationsledare."},
       nullptr},
      {"riktlinje-digital-tillsyn.pdf", "riktlinje", "2025-06-03", "Vård- och omsorgsnämnden", "VON 2025/88",
       {"Riktlinje för digital nattillsyn i hemtjänsten\n\nDigital tillsyn ersätter ett fysiskt besök när brukaren\n"
        "själv vill det. Kameran slås bara på vid den tid som\nstår i beslutet och ingen bild sparas.",
        "Samtycke och uppföljning\n\nBrukaren lämnar skriftligt samtycke. Biståndshandläggaren\n"
        "följer upp insatsen efter tre månader."},
       nullptr},
      {"utvardering-tallriksvagar.pdf", "utvardering", "2025-11-20", "Barn- och utbildningsnämnden", "BUN 2025/140",
       {"Utvärdering: tallriksvågar mot matsvinn i skolköken\n\nUnder en termin vägde eleverna sina tallrikar efter lunch\n"
        "i fyra skolor. Svinnet på tallriken minskade från 48 till 22\ngram per portion.",
        "Slutsatser\n\nVågen fungerar bäst när eleverna själva ser resultatet\nvarje dag och när köket ändrar portionerna efter det."},
       nullptr},
      {"plan-minskat-matsvinn.md", "plan", "2026-01-15", "Barn- och utbildningsnämnden", "BUN 2025/140", {},
       "# Plan för minskat matsvinn i skolan\n\nPlanen bygger på utvärderingen av tallriksvågar.\n\n"
       "## Åtgärder\n\n- Tallriksvåg i alla skolmatsalar 2026.\n- Mindre tallrikar i lågstadiet.\n"
       "- Eleverna röstar om veckans rätt.\n\n## Uppföljning\n\nKöket rapporterar svinnet varje månad."},
  };
  return kDocs;
}

struct DemoAdoption {
  const char* slug;
  AdoptionStatus status;
  const char* date;
  const char* scope;
  bool adapted;
};

struct DemoCase {
  const char* org_slug;
  CaseContent content;
  bool publish;
  std::vector<DemoAdoption> adoptions;
};

std::vector<DemoCase> Cases() {
  return {
      {"exempelby-kommun",
       {.title = "Digital nattillsyn i hemtjänsten",
        .summary = "Brukare som vill det får tillsyn via kamera i stället för ett besök mitt i natten.",
        .problem = "Nattpatrullen väckte brukare vid varje tillsyn. Många sov sämre och körsträckorna var långa.",
        .solution = "En kamera som bara slås på vid tiden i beslutet. Personalen tittar in några sekunder och "
                    "åker ut bara när något behövs.",
        .period_start = "2024-09-01", .period_end = "2025-05-31",
        .costs = "Kameror och licenser cirka 4 000 kr per brukare och år.",
        .effort = "En projektledare på halvtid under nio månader, utbildning av nattpersonalen.",
        .hard_parts = "Att förklara för anhöriga att ingen bild sparas. Wifi saknades hos flera brukare.",
        .advice = "Börja med brukare som själva ber om färre besök. Ta med anhöriga tidigt.",
        .legal_notes = "Kräver skriftligt samtycke och ett biståndsbeslut som anger tiderna.",
        .contact_name = "Anna Berg", .contact_email = "anna.berg@exempelby.se",
        .area = "Äldreomsorg", .sdgs = {3, 10}, .tags = {"hemtjänst", "välfärdsteknik"},
        .results = {{"Fysiska nattbesök per natt", 38, 14, "besök", "Verksamhetssystemet, jan och maj 2025"},
                    {"Brukare som sover bättre", std::nullopt, 71, "procent", "Enkät till 42 brukare, maj 2025"}}},
       true,
       {{"uppsala-kommun", AdoptionStatus::kAdopted, "2025-10-01", "Hemtjänsten i hela kommunen", true},
        {"lulea-kommun", AdoptionStatus::kTrying, "2026-01-15", "Två hemtjänstgrupper", false},
        {"malmo-kommun", AdoptionStatus::kAdopted, "2025-12-01", "Nattpatrullen", true}}},
      {"exempelby-kommun",
       {.title = "Tallriksvågar halverade matsvinnet i skolan",
        .summary = "Eleverna väger sin tallrik efter lunch och ser svinnet på en skärm.",
        .problem = "Skolorna slängde nästan 50 gram mat per portion.",
        .solution = "En våg vid diskinlämningen och en skärm som visar dagens svinn. Köket ändrar portionerna efter siffrorna.",
        .period_start = "2025-01-08", .period_end = "2025-06-13",
        .costs = "Cirka 15 000 kr per matsal.", .effort = "Kökspersonalen en timme i veckan.",
        .hard_parts = "Vågen behövde stå där eleverna ändå köar.",
        .advice = "Låt eleverna tävla klass mot klass.",
        .contact_name = "Omar Said", .area = "Skola", .sdgs = {12}, .tags = {"matsvinn"},
        .results = {{"Svinn per portion", 48, 22, "gram", "Kostenhetens vägningar vt 2025"}}},
       true,
       {{"gavle-kommun", AdoptionStatus::kAdopted, "2025-09-01", "Alla grundskolor", false},
        {"vaxjo-kommun", AdoptionStatus::kTrying, "2026-02-01", "Tre skolor", true}}},
      {"umea-kommun",
       {.title = "Lånecyklar för nyanlända",
        .summary = "Nyanlända lånar en cykel i ett år och lär sig trafikreglerna på köpet.",
        .problem = "Många nyanlända hade långt till SFI och arbetsplatser utan bra kollektivtrafik.",
        .solution = "Begagnade cyklar lagas av ungdomar i feriearbete och lånas ut tillsammans med en kurs i trafik.",
        .period_start = "2023-04-01",
        .area = "Integration", .sdgs = {10, 11}, .tags = {"cykel"},
        .results = {{"Deltagare som fortsatt cykla efter ett år", std::nullopt, 64, "procent", "Uppföljning 2024"}}},
       true,
       {{"exempelby-kommun", AdoptionStatus::kTrying, "2026-03-01", "Ett bostadsområde", true}}},
      {"exempelby-kommun",
       {.title = "Chattbot för frågor om bygglov",
        .summary = "Utkast: en chattbot som svarar på vanliga frågor dygnet runt.",
        .area = "Samhällsbyggnad"},
       false,
       {}},
  };
}

StatusOr<std::optional<CaseId>> FindCase(CaseService& cases, const accounts::Actor& admin,
                                         std::int64_t org, const std::string& title) {
  CaseFilter filter;
  filter.organisation_id = org;
  filter.query = title;
  ASSIGN_OR_RETURN(auto found, cases.List(admin, filter, {1, 100}));
  for (const Case& c : found.items) {
    if (c.content.title == title) return std::optional<CaseId>(c.id);
  }
  return std::optional<CaseId>();
}

Status LoadDocuments(DocumentService& documents, std::int64_t org, const accounts::Actor& admin,
                     KnowledgeDemoSummary& summary) {
  for (const DemoDocument& d : Documents()) {
    std::string bytes = d.pages.empty() ? std::string(d.markdown) : MakeTextPdf(d.pages);
    ImportRequest request{.source_name = d.file_name, .organisation_id = org};
    request.metadata = {.kind = d.kind, .decision_date = d.decision_date,
                        .decision_body = d.decision_body, .diary_number = d.diary_number};
    if (!d.pages.empty()) {
      request.metadata.title = d.pages[0].substr(0, d.pages[0].find('\n'));
    }
    ASSIGN_OR_RETURN(ImportOutcome outcome, documents.Upload(admin, bytes, request));
    if (!outcome.already_there) ++summary.documents_created;
  }
  return documents.RecomputeRelated().status();
}

Status LoadCase(CaseService& cases, accounts::OrganisationService& organisations,
                const accounts::Actor& admin, const DemoCase& demo, KnowledgeDemoSummary& summary) {
  ASSIGN_OR_RETURN(accounts::Organisation org, organisations.GetOrganisationBySlug(demo.org_slug));
  ASSIGN_OR_RETURN(std::optional<CaseId> existing, FindCase(cases, admin, org.id, demo.content.title));
  if (existing) return Status::Ok();
  ASSIGN_OR_RETURN(Case c, cases.CreateCase(admin, org.id, demo.content, std::nullopt));
  ++summary.cases_created;
  if (!demo.publish) return Status::Ok();
  RETURN_IF_ERROR(cases.Publish(admin, c.id).status());
  for (const DemoAdoption& a : demo.adoptions) {
    ASSIGN_OR_RETURN(accounts::Organisation adopter, organisations.GetOrganisationBySlug(a.slug));
    AdoptionInput input{.status = a.status, .adopted_on = a.date, .scope = a.scope, .adapted = a.adapted};
    RETURN_IF_ERROR(cases.RecordAdoption(admin, c.id, adopter.id, input).status());
    ++summary.adoptions_created;
  }
  return Status::Ok();
}

}  // namespace

StatusOr<KnowledgeDemoSummary> LoadDemo(DocumentService& documents, CaseService& cases,
                                        accounts::OrganisationService& organisations,
                                        const accounts::Actor& admin) {
  KnowledgeDemoSummary summary;
  ASSIGN_OR_RETURN(accounts::Organisation home, organisations.GetOrganisationBySlug("exempelby-kommun"));
  RETURN_IF_ERROR(LoadDocuments(documents, home.id, admin, summary));
  for (const DemoCase& demo : Cases()) {
    RETURN_IF_ERROR(LoadCase(cases, organisations, admin, demo, summary));
  }
  return summary;
}

}  // namespace nyttig::knowledge
