// Moving dialogues to and from Polis's export format (the folders in
// /work/shared/data/polis/: comments.csv, votes.csv, summary.csv), for
// `nyttig import polis DIR --org ORG` and `nyttig export polis ID DIR`.
//
//   ASSIGN_OR_RETURN(PolisImportReport r, ImportPolis(db, clock, audit, "export/", org_id));
//   RETURN_IF_ERROR(ExportPolis(db, r.dialogue_id, "out/"));
//
// Identifiers: an import keeps the order of Polis's comment and participant
// ids (statements and participants are created in ascending id order), and
// an export numbers statements and participants 0, 1, 2 … in the order of
// their ids, so export(import(x)) clusters exactly as x does, up to that
// renumbering. Exports carry only these pseudonymous numbers.
//
// Moderation: Polis's `moderated` 1 → accepted, 0 → pending, −1 (and
// is-meta) → rejected, and back (meta comments come back as −1). Every vote
// event is kept in timestamp order; the latest per participant and comment
// counts, as in Polis (polis-method.md 1.2).
//
// Thread-safety: functions without shared state; the database serialises.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"
#include "dialogue/dialogue.h"
#include "dialogue/dialogue_service.h"

namespace nyttig::dialogue {

struct PolisImportReport {
  DialogueId dialogue_id = 0;
  std::int64_t statements = 0;
  std::int64_t participants = 0;
  std::int64_t votes = 0;  // vote events
};

// Creates a dialogue of `organisation_id` from the export in `dir`, in one
// transaction (all or nothing), audited as the system. The question is the
// summary's topic (or the folder's name). Fails with kNotFound for a
// missing file or organisation and kInvalidArgument naming file and line for
// a malformed file, a vote on a comment the export does not list, or a vote
// other than -1, 0, 1. `after_import` (when given) runs in the same
// transaction once the dialogue is written, e.g. to index it for search; its
// error rolls the import back.
using AfterImport = std::function<Status(db::Tx&, DialogueId)>;
StatusOr<PolisImportReport> ImportPolis(db::Database& db, const Clock& clock,
                                        const audit::AuditLog& audit, const std::string& dir,
                                        std::int64_t organisation_id,
                                        const AfterImport& after_import = {});

// Writes comments.csv, votes.csv and summary.csv of a dialogue into `dir`
// (created when missing). Fails with kNotFound for an unknown dialogue and
// kInternal when a file cannot be written.
Status ExportPolis(db::Database& db, DialogueId id, const std::string& dir);

// `nyttig import polis` / `nyttig export polis`: run the above and print one
// JSON document ({"dialogue_id", "statements", "participants", "votes"} /
// {"dialogue_id", "dir"}); return the exit code (0, or 1 with the reason on
// `err`). The import also computes the dialogue's results (a command, not a
// request, so it need not wait for the worker) and indexes it for search.
int RunImportPolisCommand(db::Database& db, const Clock& clock, const audit::AuditLog& audit,
                          DialogueService& dialogues, const std::string& dir,
                          std::int64_t organisation_id, std::ostream& out, std::ostream& err);
int RunExportPolisCommand(db::Database& db, DialogueId id, const std::string& dir,
                          std::ostream& out, std::ostream& err);

}  // namespace nyttig::dialogue
