// Demo content of the assessment and participation slices for `nyttig
// demo`, on Exempelby kommun's demo ideas: the legal checklist answered for
// every idea that has passed the gate to test, named reviewers with reviews
// on the idea in assessment, and comments and supports. Written for this
// project. Idempotent: what already exists is left alone.
#pragma once

#include "accounts/actor.h"
#include "ideas/assessment_service.h"
#include "ideas/idea_service.h"
#include "ideas/participation_service.h"

namespace nyttig::ideas {

struct ParticipationDemoCast {
  accounts::Actor coordinator;     // Anna Berg
  accounts::Actor employee;        // Omar Said
  accounts::Actor decision_maker;  // Lena Holm
  accounts::Actor admin;           // Karin Ek
};

// Returns how many records were added (0 on a second run).
StatusOr<int> LoadParticipationDemo(IdeaService& ideas, AssessmentService& assessment,
                                    ParticipationService& participation, OrganisationId org,
                                    const ParticipationDemoCast& cast);

}  // namespace nyttig::ideas
