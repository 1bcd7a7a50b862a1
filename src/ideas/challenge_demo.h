// Demo content of challenges for `nyttig demo`, written for this project:
// an open challenge to citizens led by Exempelby kommun, a staff challenge
// it hosted together with a partner organisation that has closed with its
// results published, and one that opens in two weeks. Idempotent: nothing
// is added when Exempelby kommun already hosts a challenge.
#pragma once

#include "accounts/actor.h"
#include "core/clock.h"
#include "ideas/challenge_service.h"

namespace nyttig::ideas {

struct ChallengeDemoCast {
  accounts::Actor coordinator;          // Anna Berg, Exempelby kommun
  accounts::Actor employee;             // Omar Said, Exempelby kommun
  accounts::Actor partner_coordinator;  // a coordinator of the partner organisation
  accounts::Actor partner_employee;
  accounts::Actor citizen;              // Sara Lind
  OrganisationId organisation = 0;      // Exempelby kommun
  OrganisationId partner = 0;
};

// `challenges` runs on the real clock. `history` is a ChallengeService whose
// clock is `history_clock`, which the demo sets back in time to write the
// closed challenge as it happened (opened, ideas sent, closed).
// Returns how many challenges were added (0 on a second run).
StatusOr<int> LoadChallengeDemo(ChallengeService& challenges, ChallengeService& history,
                                FakeClock& history_clock, const ChallengeDemoCast& cast);

}  // namespace nyttig::ideas
