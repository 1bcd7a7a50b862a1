// The logic of `nyttig import measurements FILE --pilot ID` and `nyttig
// pilots evaluate ID --format json` (CONTRACTS.md). The command line parses
// flags and calls these; they act as the pilot's organisation (a system
// actor, audited as "service").
//
// Thread-safety: reentrant; writes only to the given streams.
#pragma once

#include <ostream>
#include <string>

#include "db/database.h"
#include "pilots/pilot_service.h"

namespace nyttig::pilots {

// Imports the CSV file into pilot `pilot_id`: prints {"pilot_id", "imported"}
// and returns 0; on row errors prints each "line L, column C: reason (value)"
// to `err`, imports nothing and returns 1; 1 also for an unknown pilot or an
// unreadable file.
int RunImportMeasurementsCommand(db::Database& db, PilotService& pilots, const std::string& path,
                                 PilotId pilot_id, std::ostream& out, std::ostream& err);

// Prints the evaluation (EvaluationJson) of pilot `pilot_id`. `format` must be
// "json" (2 otherwise); 1 for an unknown pilot.
int RunEvaluateCommand(db::Database& db, PilotService& pilots, PilotId pilot_id,
                       const std::string& format, std::ostream& out, std::ostream& err);

}  // namespace nyttig::pilots
