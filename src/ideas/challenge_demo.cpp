#include "ideas/challenge_demo.h"

namespace nyttig::ideas {
namespace {

IdeaInput DemoIdea(const char* title, const char* need, const char* who, const char* solution,
                   const char* area, std::vector<std::string> value_types, std::vector<int> sdgs) {
  IdeaInput in;
  in.title = title;
  in.need = need;
  in.need_who = who;
  in.solution = solution;
  in.area = area;
  in.value_types = std::move(value_types);
  in.sdgs = std::move(sdgs);
  in.visibility = "public";
  return in;
}

ChallengeInput YouthChallenge(UnixSeconds today) {
  return {.title = "Fler unga i föreningslivet",
          .question = "Hur kan vi göra det lättare för unga mellan 13 och 19 år att hitta en "
                      "förening – och att stanna kvar?",
          .description = "Var tredje ung i Exempelby slutar med sin fritidsaktivitet under "
                         "högstadiet. Vi vill höra hur du tycker att kommunen, föreningarna och "
                         "skolan kan göra det enklare att börja och roligare att fortsätta.\n\n"
                         "De bästa idéerna testar vi tillsammans med föreningarna under 2027.",
          .target_group = "Unga 13–19 år, föräldrar, föreningsledare och fritidsledare",
          .audience = "public",
          .opens_at = today - 10 * kDay,
          .closes_at = today + 31 * kDay,
          .criteria = {{"Når nya grupper", "Idén når unga som inte redan är med i en förening."},
                       {"Går att testa", "Idén går att pröva i liten skala inom ett år."},
                       {"Rimlig kostnad", "Kostnaden står i proportion till nyttan."}}};
}

ChallengeInput HomeCareChallenge(UnixSeconds opens, OrganisationId partner) {
  return {.title = "Mer tid hos brukaren i hemtjänsten",
          .question = "Hur kan vi flytta tid från administration till brukarna i hemtjänsten?",
          .description = "Medarbetarna i hemtjänsten lägger i dag nära en timme per pass på "
                         "dokumentation, planering och telefon. Utmaningen riktade sig till "
                         "medarbetare i båda kommunerna.",
          .target_group = "Medarbetare och chefer i hemtjänsten",
          .audience = "staff",
          .opens_at = opens,
          .closes_at = opens + 45 * kDay,
          .criteria = {{"Sparad tid", "Hur mycket tid som flyttas till brukarna."},
                       {"Enkel att införa", "Idén fungerar med de system vi redan har."}},
          .co_hosts = {partner}};
}

ChallengeInput MealsChallenge(UnixSeconds today) {
  return {.title = "Klimatsmarta måltider i skolan",
          .question = "Hur kan vi halvera matsvinnet i skolmatsalarna utan att eleverna går "
                      "hungriga?",
          .description = "Skolköken slänger i dag omkring 40 gram mat per elev och dag.",
          .target_group = "Elever, lärare och kökspersonal",
          .audience = "public",
          .opens_at = today + 14 * kDay,
          .closes_at = today + 60 * kDay,
          .criteria = {{"Minskat svinn", "Hur mycket mindre mat som slängs."}}};
}

Status LoadClosedChallenge(ChallengeService& history, FakeClock& clock, const ChallengeDemoCast& cast, UnixSeconds today) {
  const UnixSeconds opens = today - 80 * kDay;
  clock.Set(opens - 5 * kDay);
  ASSIGN_OR_RETURN(Challenge c, history.CreateChallenge(cast.coordinator, cast.organisation,
                                                        HomeCareChallenge(opens, cast.partner)));
  RETURN_IF_ERROR(history.AnswerInvitation(cast.partner_coordinator, c.id, cast.partner, true).status());
  RETURN_IF_ERROR(history.PublishChallenge(cast.coordinator, c.id).status());
  clock.Set(opens + 12 * kDay);
  ASSIGN_OR_RETURN(Idea keys, history.SubmitIdea(
      cast.employee, c.id,
      DemoIdea("Digitala nyckelskåp i stället för nyckelrundor",
               "Varje morgon hämtar personalen nycklar på kontoret och lämnar tillbaka dem på "
               "kvällen, vilket tar en halvtimme per pass.",
               "Medarbetare i hemtjänsten",
               "Sätt in digitala lås hos brukare som vill, så att nyckelhämtningen försvinner.",
               "elderly_care", {"economic", "social"}, {3, 8})));
  clock.Set(opens + 20 * kDay);
  RETURN_IF_ERROR(history.SubmitIdea(
      cast.partner_employee, c.id,
      DemoIdea("Röststyrd dokumentation i mobilen",
               "Anteckningar skrivs i efterhand vid datorn på kontoret, ofta långt efter besöket.",
               "Medarbetare i hemtjänsten",
               "Låt personalen tala in anteckningen direkt efter besöket och godkänna texten i "
               "mobilen.",
               "elderly_care", {"economic"}, {3, 9})).status());
  clock.Set(opens + 50 * kDay);
  return history
      .PublishResults(cast.coordinator, c.id,
                      {.text = "Tack för alla förslag! Juryn med chefer och medarbetare från båda "
                               "kommunerna valde att gå vidare med digitala nyckelskåp, som "
                               "testas i två hemtjänstgrupper under våren.",
                       .awards = {{keys.id, "Vinnare",
                                   "Sparar en halvtimme per pass och går att testa direkt."}}})
      .status();
}

}  // namespace

StatusOr<int> LoadChallengeDemo(ChallengeService& challenges, ChallengeService& history,
                                FakeClock& history_clock, const ChallengeDemoCast& cast) {
  ASSIGN_OR_RETURN(ChallengePage existing, challenges.ListChallenges(
                                               cast.coordinator, {.organisation_id = cast.organisation}));
  if (existing.total > 0) return 0;
  const UnixSeconds now = history_clock.Now();
  const UnixSeconds today = now - now % kDay;
  RETURN_IF_ERROR(LoadClosedChallenge(history, history_clock, cast, today));
  history_clock.Set(today - 12 * kDay);
  ASSIGN_OR_RETURN(Challenge youth, history.CreateChallenge(cast.coordinator, cast.organisation,
                                                            YouthChallenge(today)));
  RETURN_IF_ERROR(history.PublishChallenge(cast.coordinator, youth.id).status());
  RETURN_IF_ERROR(challenges.SubmitIdea(
      cast.citizen, youth.id,
      DemoIdea("Prova-på-kort för alla föreningar",
               "Det kostar mycket att börja i en förening, och man vet inte om man kommer att trivas.",
               "Unga som inte är med i någon förening",
               "Ett kort som ger tre gratis prova-på-tillfällen i valfria föreningar under ett år.",
               "culture_leisure", {"social"}, {3, 10})).status());
  RETURN_IF_ERROR(challenges.SubmitIdea(
      cast.employee, youth.id,
      DemoIdea("Föreningar på skolgården efter skoltid",
               "Många föreningar tränar långt från skolan, och unga utan skjuts kommer inte dit.",
               "Elever på högstadiet",
               "Låt föreningarna ha öppna träningar på skolgården direkt efter sista lektionen.",
               "culture_leisure", {"social"}, {3, 11})).status());
  ASSIGN_OR_RETURN(Challenge meals, challenges.CreateChallenge(cast.coordinator, cast.organisation,
                                                               MealsChallenge(today)));
  RETURN_IF_ERROR(challenges.PublishChallenge(cast.coordinator, meals.id).status());
  return 3;
}

}  // namespace nyttig::ideas
