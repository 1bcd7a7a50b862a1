#include "ideas/pilot_idea_link.h"

namespace nyttig::ideas {

StatusOr<std::string> PilotIdeaLink::LinkableIdeaTitle(db::Tx& tx, const accounts::Actor& actor,
                                                       std::int64_t idea_id,
                                                       std::int64_t organisation_id) const {
  ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, idea_id));
  // Another organisation's idea answers as one that does not exist.
  if (idea.organisation_id != organisation_id) return NotFoundError("ideas.not_found");
  return idea.title;
}

const Stage* ImplementationStageAfter(const std::vector<Stage>& pipeline, const Stage& from) {
  const Stage* next = NextRegularStage(pipeline, from);
  return next && next->kind == StageKind::kImplementation ? next : nullptr;
}

Status PilotIdeaLink::PilotScaledUp(db::Tx& tx, const accounts::Actor& actor,
                                    std::int64_t idea_id, pilots::PilotId pilot) {
  StatusOr<Idea> idea = FindVisibleIdea(tx, actor, idea_id);
  if (!idea.ok()) {
    if (idea.status().code() != StatusCode::kNotFound) return idea.status();
    return FailedPreconditionError("pilots.decision.idea_unavailable");
  }
  switch (idea->stage.kind) {
    case StageKind::kImplementation:
    case StageKind::kSpread:
      return Status::Ok();  // already past the gate the pilot was meant to open
    case StageKind::kClosed:
      return FailedPreconditionError("pilots.decision.idea_closed");
    case StageKind::kIdea:
    case StageKind::kAssessment:
    case StageKind::kParked:
      return FailedPreconditionError("pilots.decision.idea_not_in_test");
    case StageKind::kTest:
      break;
  }
  ASSIGN_OR_RETURN(std::vector<Stage> pipeline, IdeaStore::ListStages(tx, idea->organisation_id));
  const Stage* target = ImplementationStageAfter(pipeline, idea->stage);
  // A pipeline whose test is not followed by implementation has no stage
  // that scaling up could mean; the idea stays where it is, visibly.
  if (!target) return FailedPreconditionError("pilots.decision.no_implementation_stage");
  return ideas_
      .MoveIdeaIn(tx, actor, idea_id, target->id,
                  "Försöket #" + std::to_string(pilot) + " skalas upp.")
      .status();
}

}  // namespace nyttig::ideas
