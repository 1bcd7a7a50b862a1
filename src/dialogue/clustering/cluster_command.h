// The logic of `nyttig dialogue cluster` (CONTRACTS.md): reads a Polis
// export, runs the Polis clustering and prints the result as JSON. The CLI
// (src/main.cpp) parses the options and calls RunClusterCommand.
//
//   ClusterCommandArgs args{"export/comments.csv", "export/votes.csv", ""};
//   return RunClusterCommand(args, std::cout, std::cerr);
//
// Thread-safety: no shared state; the streams belong to the caller.
#pragma once

#include <ostream>
#include <string>

namespace nyttig::dialogue {

struct ClusterCommandArgs {
  std::string comments_csv;
  std::string votes_csv;
  std::string assignments_csv;  // empty = none
};

// Runs `nyttig dialogue cluster`: writes one JSON document to `out` as
// CONTRACTS.md specifies, messages to `err`. Returns the process exit code:
// 0 ok, 1 failure of the work (unreadable or malformed file, assignments file
// not writable).
int RunClusterCommand(const ClusterCommandArgs& args, std::ostream& out, std::ostream& err);

}  // namespace nyttig::dialogue
