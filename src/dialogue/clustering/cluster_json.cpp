#include "dialogue/clustering/cluster_json.h"

#include <algorithm>
#include <utility>

namespace nyttig::dialogue {
namespace {

using Json = nlohmann::ordered_json;

Json RepresentativeToJson(const RepresentativeComment& comment) {
  return Json{{"comment_id", comment.comment_id},
              {"direction", comment.direction == Direction::kAgree ? "agree" : "disagree"},
              {"p_success", comment.p_success},
              {"p_test", comment.p_test},
              {"repness", comment.repness},
              {"repness_test", static_cast<double>(comment.repness_test)}};
}

Json GroupToJson(const OpinionGroup& group) {
  Json representative = Json::array();
  for (const RepresentativeComment& comment : group.representative) {
    representative.push_back(RepresentativeToJson(comment));
  }
  return Json{{"id", group.id},
              {"size", group.members.size()},
              {"members", group.members},
              {"representative", std::move(representative)}};
}

Json ConsensusListToJson(const std::vector<ConsensusComment>& comments) {
  Json list = Json::array();
  for (const ConsensusComment& comment : comments) {
    list.push_back(Json{{"comment_id", comment.comment_id},
                        {"p_success", comment.p_success},
                        {"p_test", comment.p_test}});
  }
  return list;
}

std::vector<double> ToStd(const Eigen::VectorXd& vector) {
  return std::vector<double>(vector.data(), vector.data() + vector.size());
}

Json PcaToJson(const ClusteringResult& result) {
  return Json{{"center", ToStd(result.pca.center)},
              {"components", Json::array({ToStd(result.pca.pc1), ToStd(result.pca.pc2)})},
              {"comment_ids", result.comment_ids}};
}

}  // namespace

nlohmann::ordered_json ClusteringToJson(const ClusteringResult& result) {
  Json groups = Json::array();
  for (const OpinionGroup& group : result.groups) groups.push_back(GroupToJson(group));
  Json informed = Json::object();
  for (size_t col = 0; col < result.comment_ids.size(); ++col) {
    informed[std::to_string(result.comment_ids[col])] = result.group_informed_consensus[col];
  }
  return Json{{"participants", result.participants},
              {"in_conversation", result.in_conversation},
              {"k", result.groups.size()},
              {"groups", std::move(groups)},
              {"consensus", Json{{"agree", ConsensusListToJson(result.consensus.agree)},
                                 {"disagree", ConsensusListToJson(result.consensus.disagree)}}},
              {"group_informed_consensus", std::move(informed)},
              {"pca", PcaToJson(result)}};
}

std::string AssignmentsCsv(const ClusteringResult& result) {
  std::vector<std::pair<int64_t, int>> rows;
  for (const OpinionGroup& group : result.groups) {
    for (int64_t member : group.members) rows.emplace_back(member, group.id);
  }
  std::sort(rows.begin(), rows.end());
  std::string csv = "participant,group\n";
  for (const auto& [participant, group] : rows) {
    csv += std::to_string(participant) + "," + std::to_string(group) + "\n";
  }
  return csv;
}

}  // namespace nyttig::dialogue
