// PilotIdeaLink: the ideas module's side of pilots::IdeaLink, so that a
// pilot can name the idea it tests and a decision to scale the pilot up
// moves that idea on to implementation. It lives in its own small library
// (nyttig_ideas_pilot_link) that links both modules; neither the ideas nor
// the pilots library links the other. The App owns one and hands it to
// PilotService::SetIdeaLink.
//
//   ideas::PilotIdeaLink link(idea_service);
//   pilot_service.SetIdeaLink(&link);
//
// The rule at scale-up, by the kind of the idea's current stage:
//  - test: moved to the pipeline's next regular stage, which must be of kind
//    implementation, through IdeaService::MoveIdeaIn — the same rules,
//    gates, history entry, audit record, notices to the authors and search
//    update as a move by hand, with the decision-maker as the mover;
//  - implementation or spread: already past the gate, nothing to do;
//  - idea, assessment or parked: kFailedPrecondition
//    "pilots.decision.idea_not_in_test" (move the idea to test, or unlink it);
//  - closed: kFailedPrecondition "pilots.decision.idea_closed";
//  - a pipeline whose stage after test is not of kind implementation:
//    kFailedPrecondition "pilots.decision.no_implementation_stage".
// Every refusal stops the decision's transaction, so the decision is not
// recorded either.
//
// Thread-safety: stateless beyond the service reference; safe to share.
#pragma once

#include <string>

#include "ideas/idea_service.h"
#include "pilots/pilot_service.h"

namespace nyttig::ideas {

class PilotIdeaLink : public pilots::IdeaLink {
 public:
  explicit PilotIdeaLink(IdeaService& ideas) : ideas_(ideas) {}
  PilotIdeaLink(const PilotIdeaLink&) = delete;
  PilotIdeaLink& operator=(const PilotIdeaLink&) = delete;

  StatusOr<std::string> LinkableIdeaTitle(db::Tx& tx, const accounts::Actor& actor,
                                          std::int64_t idea_id,
                                          std::int64_t organisation_id) const override;
  Status PilotScaledUp(db::Tx& tx, const accounts::Actor& actor, std::int64_t idea_id,
                       pilots::PilotId pilot) override;

 private:
  IdeaService& ideas_;
};

// The stage a scaled-up idea in `from` (of kind test) moves to: the next
// regular stage of `pipeline`, when it is of kind implementation. Pure.
const Stage* ImplementationStageAfter(const std::vector<Stage>& pipeline, const Stage& from);

}  // namespace nyttig::ideas
