#include "dialogue/clustering/cluster_command.h"

#include <fstream>

#include "dialogue/clustering/cluster_json.h"
#include "dialogue/clustering/polis_clustering.h"
#include "dialogue/clustering/polis_csv.h"

namespace nyttig::dialogue {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;

Status WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return UnavailableError("cannot open " + path + " for writing");
  file << contents;
  file.close();
  if (!file) return UnavailableError("cannot write " + path);
  return Status::Ok();
}

Status Run(const ClusterCommandArgs& args, std::ostream& out) {
  ASSIGN_OR_RETURN(const ConversationVotes votes,
                   ReadPolisExport(args.comments_csv, args.votes_csv));
  ASSIGN_OR_RETURN(const ClusteringResult result, ClusterConversation(votes));
  if (!args.assignments_csv.empty()) {
    RETURN_IF_ERROR(WriteFile(args.assignments_csv, AssignmentsCsv(result)));
  }
  out << ClusteringToJson(result).dump(2) << "\n";
  return Status::Ok();
}

}  // namespace

int RunClusterCommand(const ClusterCommandArgs& args, std::ostream& out, std::ostream& err) {
  const Status status = Run(args, out);
  if (status.ok()) return kExitOk;
  err << "nyttig dialogue cluster: " << status.message() << "\n";
  return kExitFailure;
}

}  // namespace nyttig::dialogue
