#include "surveys/demo.h"

#include <random>

namespace nyttig::surveys {
namespace {

struct DemoSurvey {
  SurveyInput settings;
  std::vector<QuestionInput> questions;
  int responses = 0;
};

DemoSurvey StaffSurvey() {
  return {
      .settings = {.title = {"Hur fungerar det nya schemaverktyget?", "How is the new scheduling tool working?"},
                   .introduction = {"Sedan september planerar hemtjänsten sina pass i ett nytt verktyg. "
                                    "Berätta hur det går, så vet vi vad vi ska ändra. Det tar ungefär tre minuter.",
                                    "Since September the home care teams plan their shifts in a new tool. "
                                    "Tell us how it is going, so we know what to change. It takes about three minutes."},
                   .audience = Audience::kStaff,
                   .access = Access::kAnonymousLink},
      .questions =
          {{.kind = QuestionKind::kLikert,
            .text = {"Schemaverktyget sparar tid för mig.", "The scheduling tool saves me time."}},
           {.kind = QuestionKind::kSingleChoice,
            .text = {"Hur ofta använder du verktyget?", "How often do you use the tool?"},
            .options = {{"Varje arbetsdag", "Every working day"},
                        {"Några gånger i veckan", "A few times a week"},
                        {"Mer sällan", "Less often"}}},
           {.kind = QuestionKind::kMultipleChoice,
            .required = false,
            .text = {"Vad skulle göra verktyget bättre?", "What would make the tool better?"},
            .help = {"Välj så många du vill.", "Choose as many as you like."},
            .options = {{"Enklare byten av pass", "Easier shift swaps"},
                        {"Bättre i mobilen", "Better on the phone"},
                        {"Påminnelser", "Reminders"},
                        {"Mer utbildning", "More training"}}},
           {.kind = QuestionKind::kFreeText,
            .required = false,
            .text = {"Något mer du vill berätta?", "Anything else you want to tell us?"},
            .max_chars = 1000}},
      .responses = 24};
}

DemoSurvey CitizenSurvey() {
  return {
      .settings = {.title = {"Biblioteket på kvällstid", "The library in the evening"},
                   .introduction = {"Vi prövar att hålla huvudbiblioteket öppet till klockan 21 på tisdagar och "
                                    "torsdagar. Vad tycker du? Du svarar anonymt.",
                                    "We are trying to keep the main library open until 9 pm on Tuesdays and "
                                    "Thursdays. What do you think? You answer anonymously."},
                   .audience = Audience::kCitizens,
                   .access = Access::kAnonymousLink},
      .questions =
          {{.kind = QuestionKind::kLikert,
            .text = {"De längre öppettiderna passar mig.", "The longer opening hours suit me."}},
           {.kind = QuestionKind::kSingleChoice,
            .text = {"Hur ofta besöker du biblioteket?", "How often do you visit the library?"},
            .options = {{"Varje vecka", "Every week"}, {"Varje månad", "Every month"},
                        {"Några gånger om året", "A few times a year"}, {"Nästan aldrig", "Hardly ever"}}},
           {.kind = QuestionKind::kNumber,
            .text = {"Hur många minuter tar det dig att komma till biblioteket?",
                     "How many minutes does it take you to get to the library?"},
            .min_value = 0,
            .max_value = 240},
           {.kind = QuestionKind::kMultipleChoice,
            .required = false,
            .text = {"Vad vill du kunna göra där på kvällen?", "What would you like to do there in the evening?"},
            .options = {{"Låna och lämna", "Borrow and return"}, {"Plugga", "Study"},
                        {"Gå på föredrag", "Attend talks"}, {"Träffa andra", "Meet people"}}},
           {.kind = QuestionKind::kFreeText,
            .required = false,
            .text = {"Har du fler tankar om biblioteket?", "Any other thoughts about the library?"},
            .max_chars = 1000}},
      .responses = 38};
}

constexpr const char* kComments[] = {
    "Det vore bra om man kunde byta pass direkt i mobilen.",
    "Bra att jag ser hela veckan på en gång.",
    "Jag hinner inte alltid gå in i verktyget innan passet börjar.",
    "Kvällsöppet gör att jag kan gå dit efter jobbet.",
    "Det är svårt att hitta parkering på kvällen.",
    "Fler sittplatser där man kan plugga, tack!",
};

// One generated response: Likert values lean positive, choices follow a
// fixed spread, numbers around 15 minutes, a comment now and then.
AnswerSet GeneratedAnswers(const Survey& survey, std::mt19937& rng) {
  std::discrete_distribution<int> likert({1, 2, 4, 6, 4});
  std::uniform_int_distribution<int> percent(0, 99);
  std::normal_distribution<double> minutes(15, 7);
  AnswerSet answers;
  for (const Question& q : survey.questions) {
    Answer a{.question_id = q.id};
    if (q.kind == QuestionKind::kLikert) a.number = likert(rng) + 1;
    if (q.kind == QuestionKind::kNumber) a.number = std::clamp(std::round(minutes(rng)), 0.0, 240.0);
    if (q.kind == QuestionKind::kSingleChoice) {
      a.option_ids = {q.options[std::min<size_t>(percent(rng) / 35, q.options.size() - 1)].id};
    }
    if (q.kind == QuestionKind::kMultipleChoice) {
      for (const Option& o : q.options) {
        if (percent(rng) < 40) a.option_ids.push_back(o.id);
      }
    }
    if (q.kind == QuestionKind::kFreeText && percent(rng) < 25) {
      a.text = kComments[percent(rng) % std::size(kComments)];
    }
    if (!a.empty()) answers.answers.push_back(a);
  }
  return answers;
}

Status CreateWithResponses(SurveyService& surveys, const accounts::Actor& coordinator,
                           accounts::OrganisationId org, const DemoSurvey& demo, unsigned seed) {
  ASSIGN_OR_RETURN(Survey survey, surveys.CreateSurvey(coordinator, org, demo.settings));
  for (const QuestionInput& q : demo.questions) {
    RETURN_IF_ERROR(surveys.AddQuestion(coordinator, survey.id, q).status());
  }
  RETURN_IF_ERROR(surveys.Publish(coordinator, survey.id).status());
  ASSIGN_OR_RETURN(survey, surveys.GetSurvey(coordinator, survey.id));
  std::mt19937 rng(seed);
  for (int idx = 0; idx < demo.responses; ++idx) {
    AnswerSet answers = GeneratedAnswers(survey, rng);
    std::string browser = "demo-" + std::to_string(seed) + "-" + std::to_string(idx);
    RETURN_IF_ERROR(surveys.SubmitResponse(accounts::Actor::Anonymous(), survey.id, answers, browser).status());
  }
  return Status::Ok();
}

}  // namespace

StatusOr<int> LoadDemo(SurveyService& surveys, const accounts::Actor& coordinator,
                       accounts::OrganisationId org) {
  ASSIGN_OR_RETURN(Paged<Survey> existing, surveys.ListSurveys(coordinator, org, {.limit = 100}));
  int created = 0;
  unsigned seed = 2026;
  for (const DemoSurvey& demo : {StaffSurvey(), CitizenSurvey()}) {
    ++seed;
    bool present = std::any_of(existing.items.begin(), existing.items.end(), [&](const Survey& s) {
      return s.title.sv == demo.settings.title.sv;
    });
    if (present) continue;
    RETURN_IF_ERROR(CreateWithResponses(surveys, coordinator, org, demo, seed));
    ++created;
  }
  return created;
}

}  // namespace nyttig::surveys
