// Validation of what people write into an idea (pure), and the pipeline's
// transition rules.
#include <algorithm>
#include <set>

#include "core/text.h"
#include "ideas/idea_service.h"

namespace nyttig::ideas {
namespace {

template <std::size_t N>
bool Allowed(const std::string& code, const std::string_view (&codes)[N]) {
  return std::find(std::begin(codes), std::end(codes), code) != std::end(codes);
}

void Text(Status& problems, const std::string& field, const std::string& in, std::string& out,
          size_t max, bool required) {
  ValidateText(problems, field, in, out, max, required ? "ideas." + field + ".required" : "");
}

template <std::size_t N>
void Code(Status& problems, const std::string& field, const std::string& in, std::string& out,
          const std::string_view (&codes)[N]) {
  out = std::string(Trim(in));
  if (!out.empty() && !Allowed(out, codes)) {
    problems.AddInvalid(field, "ideas.code.invalid", out);
  }
}

template <std::size_t N>
void Codes(Status& problems, const std::string& field, const std::vector<std::string>& in,
           std::vector<std::string>& out, const std::string_view (&codes)[N]) {
  std::set<std::string> seen;
  for (const std::string& code : in) {
    if (!Allowed(code, codes)) {
      problems.AddInvalid(field, "ideas.code.invalid", code);
    } else if (seen.insert(code).second) {
      out.push_back(code);
    }
  }
}

bool IsHttpUrl(std::string_view url) {
  return (url.starts_with("https://") || url.starts_with("http://")) && url.size() > 10 &&
         url.find_first_of(" \t\r\n\"<>") == std::string_view::npos;
}

void Novelty(Status& problems, const IdeaInput& in, Idea& idea) {
  Code(problems, "novelty", in.novelty, idea.novelty, kNovelties);
  Code(problems, "origin", in.origin, idea.origin, kOrigins);
  Text(problems, "source_url", in.source_url, idea.source_url, kMaxUrlChars, false);
  if (!idea.source_url.empty() && !IsHttpUrl(idea.source_url)) {
    problems.AddInvalid("source_url", "ideas.source_url.invalid", idea.source_url);
  }
  // Adapted or copied from someone else: say from where (the barometer's question).
  if ((idea.origin == "adapted" || idea.origin == "copy") && idea.source_url.empty()) {
    problems.AddInvalid("source_url", "ideas.source_url.required");
  }
}

}  // namespace

void ValidateText(Status& problems, const std::string& field, const std::string& in,
                  std::string& out, size_t max, const std::string& required_key) {
  out = std::string(Trim(in));
  if (!required_key.empty() && out.empty()) {
    problems.AddInvalid(field, required_key);
  } else if (Utf8Length(out) > max) {
    problems.AddInvalid(field, "validation.too_long", "", {{"max", std::to_string(max)}});
  }
}

StatusOr<Idea> ValidateIdeaInput(const IdeaInput& in) {
  Status problems = InvalidArgumentError("validation.failed");
  Idea idea;
  Text(problems, "title", in.title, idea.title, kMaxTitleChars, true);
  Text(problems, "need", in.need, idea.need, kMaxLongTextChars, true);
  Text(problems, "need_who", in.need_who, idea.need_who, kMaxShortTextChars, false);
  Text(problems, "need_how_often", in.need_how_often, idea.need_how_often, kMaxShortTextChars,
       false);
  Text(problems, "need_cost", in.need_cost, idea.need_cost, kMaxShortTextChars, false);
  Text(problems, "solution", in.solution, idea.solution, kMaxLongTextChars, true);
  Text(problems, "description", in.description, idea.description, kMaxDescriptionChars, false);
  Codes(problems, "beneficiaries", in.beneficiaries, idea.beneficiaries, kBeneficiaries);
  Codes(problems, "value_types", in.value_types, idea.value_types, kValueTypes);
  Text(problems, "value_estimate", in.value_estimate, idea.value_estimate, kMaxShortTextChars,
       false);
  Novelty(problems, in, idea);
  Code(problems, "step", in.step, idea.step, kSteps);
  Code(problems, "idea_type", in.idea_type, idea.idea_type, kIdeaTypes);
  Codes(problems, "triggers", in.triggers, idea.triggers, kTriggers);
  Code(problems, "area", in.area, idea.area, kAreas);
  for (int goal : in.sdgs) {
    if (goal < 1 || goal > kSdgCount) {
      problems.AddInvalid("sdgs", "ideas.sdgs.invalid", std::to_string(goal));
    } else if (std::find(idea.sdgs.begin(), idea.sdgs.end(), goal) == idea.sdgs.end()) {
      idea.sdgs.push_back(goal);
    }
  }
  std::sort(idea.sdgs.begin(), idea.sdgs.end());
  auto visibility = ParseVisibility(in.visibility);
  if (!visibility) problems.AddInvalid("visibility", "ideas.code.invalid", in.visibility);
  idea.visibility = visibility.value_or(Visibility::kOrganisation);
  idea.anonymous = in.anonymous;
  if (in.co_author_ids.size() > kMaxCoAuthors) {
    problems.AddInvalid("co_author_ids", "ideas.co_authors.too_many", "",
                        {{"max", std::to_string(kMaxCoAuthors)}});
  }
  if (!problems.invalid_parameters().empty()) return problems;
  return idea;
}

IdeaInput InputOf(const Idea& i) {
  IdeaInput in{i.title, i.need, i.need_who, i.need_how_often, i.need_cost, i.solution,
               i.description, i.beneficiaries, i.value_types, i.value_estimate, i.novelty,
               i.origin, i.source_url, i.step, i.idea_type, i.triggers, i.area, i.sdgs};
  in.visibility = std::string(VisibilityName(i.visibility));
  in.anonymous = i.anonymous;
  return in;
}

Status CheckTransition(const std::vector<Stage>& pipeline, const Stage& from, const Stage& to,
                       const std::string& reason) {
  if (from.id == to.id) return FailedPreconditionError("ideas.move.same_stage");
  if (from.kind == StageKind::kClosed) return FailedPreconditionError("ideas.move.from_closed");
  if (IsSideStage(to.kind) && Trim(reason).empty()) {
    return InvalidArgumentError("validation.failed").AddInvalid("reason", "ideas.move.reason_required");
  }
  if (Utf8Length(reason) > kMaxReasonChars) {
    return InvalidArgumentError("validation.failed")
        .AddInvalid("reason", "validation.too_long", "", {{"max", std::to_string(kMaxReasonChars)}});
  }
  if (IsSideStage(to.kind)) return Status::Ok();  // parking and closing are always open
  // Side stages come last in the pipeline, so every resumption looks like a
  // step back: check it before the steps back.
  if (from.kind == StageKind::kParked) {
    // A parked idea comes back before the first gate, so that it cannot
    // reach test, implementation or spread without the decisions (and the
    // legal checklist) those gates ask for.
    for (const Stage& stage : pipeline) {
      if (IsGate(stage.kind) && stage.position <= to.position) {
        return FailedPreconditionError("ideas.move.resume_past_gate");
      }
    }
    return Status::Ok();
  }
  if (to.position < from.position) return Status::Ok();  // stepping back is always open
  // Forward only to the next regular stage: a gate cannot be jumped over.
  const Stage* next = NextRegularStage(pipeline, from);
  if (next && to.position > next->position) return FailedPreconditionError("ideas.move.skip");
  return Status::Ok();
}

NextActor WhoActsNext(const Idea& idea, const std::vector<Stage>& pipeline) {
  if (idea.stage.kind == StageKind::kClosed || idea.stage.kind == StageKind::kSpread) {
    return NextActor::kNobody;
  }
  if (idea.stage.kind == StageKind::kParked) return NextActor::kCoordinator;
  const Stage* next = NextRegularStage(pipeline, idea.stage);
  if (!next) return NextActor::kNobody;
  return IsGate(next->kind) ? NextActor::kDecisionMaker : NextActor::kCoordinator;
}

}  // namespace nyttig::ideas
