#include "ideas/participation_demo.h"

#include <string>
#include <vector>

namespace nyttig::ideas {
namespace {

struct DemoComment {
  const char* idea_title;
  int who;  // index into the cast: 0 coordinator, 1 employee, 2 decision maker, 3 admin
  const char* text;
  const char* reply = nullptr;  // by the coordinator
};

const std::vector<DemoComment>& Comments() {
  static const std::vector<DemoComment> comments = {
      {"Digitala matsedlar med allergener", 2,
       "Kan vi visa matsedeln på fler språk? Många vårdnadshavare har frågat efter det.",
       "Bra fråga! Vi tar upp det med skolmåltiderna i vår."},
      {"Digitala matsedlar med allergener", 3, "Fint att se att alla tolv kök är med nu."},
      {"Sms-påminnelse före bygglovsmöten", 2,
       "Har ni räknat på vad sms-tjänsten kostar per år jämfört med tiden ni sparar?",
       "Inte än. Vi tar fram en kalkyl innan idén bedöms."},
      {"Gemensam bilpool för hemtjänsten och förvaltningarna", 1,
       "Hemtjänsten i norra området har redan ett bokningssystem som kanske går att använda."},
  };
  return comments;
}

const accounts::Actor& Who(const ParticipationDemoCast& cast, int who) {
  switch (who) {
    case 0: return cast.coordinator;
    case 1: return cast.employee;
    case 2: return cast.decision_maker;
    default: return cast.admin;
  }
}

std::optional<Idea> FindByTitle(const std::vector<Idea>& ideas, const std::string& title) {
  for (const Idea& idea : ideas) {
    if (idea.title == title) return idea;
  }
  return std::nullopt;
}

bool PastTheGateToTest(StageKind kind) {
  return kind == StageKind::kTest || kind == StageKind::kImplementation ||
         kind == StageKind::kSpread;
}

StatusOr<int> AnswerChecklists(AssessmentService& assessment, const std::vector<Idea>& ideas,
                               const ParticipationDemoCast& cast) {
  int added = 0;
  for (const Idea& idea : ideas) {
    if (!PastTheGateToTest(idea.stage.kind)) continue;
    ASSIGN_OR_RETURN(Assessment a, assessment.GetAssessment(cast.coordinator, idea.id));
    if (a.legal_missing.empty()) continue;
    RETURN_IF_ERROR(assessment
                        .AnswerLegalChecklist(
                            cast.coordinator, idea.id,
                            {{"personal_data", "yes", "Bara kontaktuppgifter; rättslig grund: allmänt intresse."},
                             {"procurement", "no", "Ryms i befintliga avtal."},
                             {"secrecy", "not_relevant", ""},
                             {"delegation", "yes", "Förvaltningschefen beslutar enligt delegationsordningen."}})
                        .status());
    ++added;
  }
  return added;
}

StatusOr<int> ReviewCarPool(AssessmentService& assessment, const std::vector<Idea>& ideas,
                            const ParticipationDemoCast& cast) {
  auto idea = FindByTitle(ideas, "Gemensam bilpool för hemtjänsten och förvaltningarna");
  if (!idea) return 0;
  ASSIGN_OR_RETURN(Assessment a, assessment.GetAssessment(cast.coordinator, idea->id));
  if (!a.reviews.empty()) return 0;
  const std::vector<std::pair<const accounts::Actor*, std::vector<int>>> reviews = {
      {&cast.coordinator, {3, 5, 4, 5, 4}}, {&cast.employee, {2, 4, 5, 5, 3}}};
  const char* comments[] = {"Tydlig nytta och enkel att pröva i ett område först.",
                            "Bra idé, men bokningen måste fungera även på helger."};
  int added = 0;
  for (const auto& [who, scores] : reviews) {
    RETURN_IF_ERROR(assessment.AssignReviewer(cast.coordinator, idea->id, *who->person_id).status());
    ReviewInput in{.comment = comments[added]};
    for (size_t criterion_idx = 0; criterion_idx < a.criteria.size() && criterion_idx < scores.size();
         ++criterion_idx) {
      in.scores[a.criteria[criterion_idx].id] = scores[criterion_idx];
    }
    RETURN_IF_ERROR(assessment.SaveReview(*who, idea->id, in).status());
    ++added;
  }
  return added;
}

StatusOr<int> CommentAndSupport(ParticipationService& participation,
                                const std::vector<Idea>& ideas,
                                const ParticipationDemoCast& cast) {
  int added = 0;
  for (const DemoComment& c : Comments()) {
    auto idea = FindByTitle(ideas, c.idea_title);
    if (!idea) continue;
    ASSIGN_OR_RETURN(std::vector<Comment> existing,
                     participation.ListComments(cast.coordinator, idea->id));
    bool present = false;
    for (const Comment& e : existing) present = present || e.body == c.text;
    if (present) continue;
    ASSIGN_OR_RETURN(Comment top, participation.AddComment(Who(cast, c.who), idea->id, c.text, {}));
    if (c.reply) {
      RETURN_IF_ERROR(participation.AddComment(cast.coordinator, idea->id, c.reply, top.id).status());
    }
    for (int who = 1; who <= 3; ++who) {
      RETURN_IF_ERROR(participation.SetSupport(Who(cast, who), idea->id, true).status());
    }
    ++added;
  }
  return added;
}

}  // namespace

StatusOr<int> LoadParticipationDemo(IdeaService& ideas, AssessmentService& assessment,
                                    ParticipationService& participation, OrganisationId org,
                                    const ParticipationDemoCast& cast) {
  ASSIGN_OR_RETURN(IdeaPage page, ideas.ListIdeas(cast.coordinator,
                                                  {.organisation_id = org, .limit = 100}));
  ASSIGN_OR_RETURN(int checklists, AnswerChecklists(assessment, page.items, cast));
  ASSIGN_OR_RETURN(int reviews, ReviewCarPool(assessment, page.items, cast));
  ASSIGN_OR_RETURN(int comments, CommentAndSupport(participation, page.items, cast));
  return checklists + reviews + comments;
}

}  // namespace nyttig::ideas
