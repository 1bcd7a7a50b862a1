// PilotService: the use cases after the plan — measurements, evaluation and
// the decision (the plan's use cases are in pilot_service.cpp).
#include "accounts/permissions.h"
#include "core/text.h"
#include "pilots/permissions.h"
#include "pilots/pilot_service.h"

namespace nyttig::pilots {
namespace {

using accounts::Actor;

Status CheckCanEnter(const Actor& actor, const Pilot& pilot) {
  if (pilot.state == PilotState::kDecided) return FailedPreconditionError("pilots.decided");
  if (!CanEnterMeasurements(actor, pilot)) {
    return accounts::DenyAccess(actor, "pilots.measurement.forbidden");
  }
  return Status::Ok();
}

StatusOr<Decision> ReadDecision(const DecisionInput& input) {
  Status problems = InvalidArgumentError("validation.failed");
  std::optional<Outcome> outcome = ParseOutcome(input.outcome);
  if (!outcome) problems.AddInvalid("outcome", "pilots.decision.outcome_invalid", input.outcome);
  Decision decision{.outcome = outcome.value_or(Outcome::kStop),
                    .reasoning = std::string(Trim(input.reasoning)),
                    .lessons = std::string(Trim(input.lessons))};
  for (const auto& [name, text] : {std::pair{"reasoning", &decision.reasoning},
                                   std::pair{"lessons", &decision.lessons}}) {
    if (text->empty()) problems.AddInvalid(name, std::string("pilots.decision.") + name + "_required");
    if (Utf8Length(*text) > kMaxLongTextChars) {
      problems.AddInvalid(name, "validation.too_long", "",
                          {{"max", std::to_string(kMaxLongTextChars)}});
    }
  }
  if (!problems.invalid_parameters().empty()) return problems;
  return decision;
}

}  // namespace

Status PilotService::StoreMeasurements(
    const Actor& actor, PilotId id, const std::string& action,
    const std::function<StatusOr<std::vector<StoredMeasurement>>(
        const Pilot&, const std::vector<StoredMeasurement>&)>& read,
    int& imported) {
  return db_.Write([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Pilot pilot, LoadVisible(tx, actor, id));
    RETURN_IF_ERROR(CheckCanEnter(actor, pilot));
    ASSIGN_OR_RETURN(std::vector<StoredMeasurement> stored, PilotStore::Measurements(tx, id));
    ASSIGN_OR_RETURN(std::vector<StoredMeasurement> rows, read(pilot, stored));
    RETURN_IF_ERROR(PilotStore::InsertMeasurements(tx, id, rows, clock_.Now()));
    imported = static_cast<int>(rows.size());
    return audit_.Append(tx, accounts::MakeAuditEvent(actor, pilot.organisation_id, action, "pilot",
                                                      std::to_string(id),
                                                      {{"rows", imported}}))
        .status();
  });
}

Status PilotService::RecordMeasurement(const Actor& actor, PilotId id,
                                       const MeasurementInput& input) {
  int imported = 0;
  return StoreMeasurements(
      actor, id, "pilot.record_measurement",
      [&](const Pilot& pilot, const std::vector<StoredMeasurement>& stored)
          -> StatusOr<std::vector<StoredMeasurement>> {
        ASSIGN_OR_RETURN(StoredMeasurement row, CheckMeasurement(pilot, stored, input));
        return std::vector<StoredMeasurement>{row};
      },
      imported);
}

StatusOr<int> PilotService::ImportMeasurements(const Actor& actor, PilotId id,
                                               std::string_view csv) {
  int imported = 0;
  RETURN_IF_ERROR(StoreMeasurements(
      actor, id, "pilot.import_measurements",
      [&](const Pilot& pilot, const std::vector<StoredMeasurement>& stored) {
        return ReadMeasurementImport(pilot, stored, csv);
      },
      imported));
  return imported;
}

StatusOr<std::vector<StoredMeasurement>> PilotService::ListMeasurements(const Actor& actor,
                                                                        PilotId id) {
  return db_.ReadValue<std::vector<StoredMeasurement>>(
      [&](db::Tx& tx) -> StatusOr<std::vector<StoredMeasurement>> {
        RETURN_IF_ERROR(LoadVisible(tx, actor, id).status());
        return PilotStore::Measurements(tx, id);
      });
}

StatusOr<PilotEvaluation> PilotService::Evaluate(const Actor& actor, PilotId id) {
  Pilot pilot;
  std::vector<StoredMeasurement> rows;
  RETURN_IF_ERROR(db_.Read([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(pilot, LoadVisible(tx, actor, id));
    ASSIGN_OR_RETURN(rows, PilotStore::Measurements(tx, id));
    return Status::Ok();
  }));
  // The statistics run outside the transaction: they may take a while.
  PilotEvaluation evaluation = EvaluatePilot(pilot, rows);
  if (perception_) {
    ASSIGN_OR_RETURN(evaluation.perception, perception_->ForPilot(actor, pilot));
  }
  return evaluation;
}

StatusOr<Pilot> PilotService::Decide(const Actor& actor, PilotId id, const DecisionInput& input) {
  RETURN_IF_ERROR(db_.Write([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Pilot pilot, LoadVisible(tx, actor, id));
    if (pilot.state == PilotState::kDecided) return FailedPreconditionError("pilots.decided");
    if (!CanDecidePilot(actor, pilot)) return accounts::DenyAccess(actor, "pilots.decision.forbidden");
    ASSIGN_OR_RETURN(Decision decision, ReadDecision(input));
    decision.decided_by = *actor.person_id;
    decision.decided_at = clock_.Now();
    RETURN_IF_ERROR(PilotStore::InsertDecision(tx, id, decision));
    RETURN_IF_ERROR(PilotStore::SetState(tx, id, PilotState::kDecided, decision.decided_at));
    RETURN_IF_ERROR(Index(tx, id));
    RETURN_IF_ERROR(audit_.Append(tx, accounts::MakeAuditEvent(
                                          actor, pilot.organisation_id, "pilot.decide", "pilot",
                                          std::to_string(id),
                                          {{"outcome", OutcomeName(decision.outcome)},
                                           {"from", PilotStateName(pilot.state)}}))
                        .status());
    if (decision.outcome == Outcome::kScaleUp && pilot.idea_id && idea_link_) {
      return idea_link_->PilotScaledUp(tx, actor, *pilot.idea_id, id);
    }
    return Status::Ok();
  }));
  return GetPilot(actor, id);
}

}  // namespace nyttig::pilots
