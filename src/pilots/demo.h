// Demo content of the pilots module: two pilots in Exempelby kommun, one
// running (difference-in-differences: before/after with comparison units,
// weekly measurements) and one decided. Idempotent: a pilot whose title
// already exists in the organisation is left as it is.
#pragma once

#include "accounts/actor.h"
#include "core/status.h"
#include "pilots/pilot_service.h"

namespace nyttig::pilots {

// `coordinator` plans and enters data, `decision_maker` decides; both
// members of `organisation_id`. Returns how many pilots were created.
StatusOr<int> LoadDemo(PilotService& pilots, const accounts::Actor& coordinator,
                       const accounts::Actor& decision_maker, std::int64_t organisation_id);

}  // namespace nyttig::pilots
