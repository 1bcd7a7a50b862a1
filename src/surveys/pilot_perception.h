// PilotPerception: the surveys module's side of pilots::PerceptionSource —
// the perception surveys attached to a pilot (SurveyContext{"pilot", id}),
// each summarised in Swedish and English for the pilot's evaluation, next to
// the measured effects. In its own small library
// (nyttig_surveys_pilot_perception) that links both modules, so that neither
// the surveys nor the pilots library links the other; the App owns one and
// hands it to PilotService::SetPerceptionSource.
//
//   surveys::PilotPerception perception(survey_service);
//   pilot_service.SetPerceptionSource(&perception);
//
// Thread-safety: stateless beyond the service reference; safe to share.
#pragma once

#include <vector>

#include "pilots/pilot_evaluation.h"
#include "surveys/survey_service.h"

namespace nyttig::surveys {

inline constexpr char kPilotContextKind[] = "pilot";

class PilotPerception : public pilots::PerceptionSource {
 public:
  explicit PilotPerception(SurveyService& surveys) : surveys_(surveys) {}
  PilotPerception(const PilotPerception&) = delete;
  PilotPerception& operator=(const PilotPerception&) = delete;

  // Every survey of the pilot's organisation attached to the pilot, in
  // creation order (drafts too: they say "no responses yet"); none unless
  // `actor` may read the organisation's survey results (CanReadResults).
  StatusOr<std::vector<pilots::PerceptionResult>> ForPilot(
      const accounts::Actor& actor, const pilots::Pilot& pilot) const override;

 private:
  SurveyService& surveys_;
};

// One survey's summary (pure): the number of respondents and, for the first
// Likert question anybody answered, the share agreeing (4 or 5 on the 1–5
// scale) with its 95 % Wilson interval, e.g. "75 % instämmer (4 eller 5) i
// ”Jag känner mig trygg” (95 % KI 41–93 %). 8 svar." Without such a
// question only the respondents are counted. Never NaN: every share has
// at least one answer under it.
pilots::PerceptionResult PerceptionSummary(const SurveyResults& results);

}  // namespace nyttig::surveys
