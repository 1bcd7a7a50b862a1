// Pilots as the pure tests need them: a plan with dates, units and metrics
// (no database), and helpers to read a Status's invalid parameters.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "pilots/pilot.h"

namespace nyttig::pilots::testing {

// Hemtjänst pilot: baseline from 2026-08-03, runs 2026-09-07 – 2027-02-28,
// units Norr, Öster (pilot) and Söder, Väster (comparison), metrics
// "Restid" (id 11, lower is better) and "Nöjdhet" (id 12, higher).
inline Pilot NightPilot(Design design = Design::kDid) {
  Pilot pilot;
  pilot.id = 3;
  pilot.organisation_id = 1;
  pilot.title = "Digital tillsyn";
  pilot.baseline_from = "2026-08-03";
  pilot.starts_on = "2026-09-07";
  pilot.ends_on = "2027-02-28";
  pilot.design = design;
  pilot.units = {{"Norr", Group::kPilot, {}},
                 {"Öster", Group::kPilot, {}},
                 {"Söder", Group::kComparison, {}},
                 {"Väster", Group::kComparison, {}}};
  pilot.metrics = {{.id = 11, .name = "Restid", .unit_of_measure = "minuter",
                    .direction = Direction::kLowerIsBetter},
                   {.id = 12, .name = "Nöjdhet", .direction = Direction::kHigherIsBetter}};
  return pilot;
}

// "name:reason" of every invalid parameter, in order.
inline std::vector<std::string> Problems(const Status& status) {
  std::vector<std::string> out;
  for (const InvalidParameter& p : status.invalid_parameters()) out.push_back(p.name + ":" + p.reason);
  return out;
}

}  // namespace nyttig::pilots::testing
