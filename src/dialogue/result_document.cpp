#include "dialogue/result_document.h"

#include <algorithm>
#include <map>

#include "core/time_format.h"
#include "dialogue/clustering/cluster_json.h"

namespace nyttig::dialogue {
namespace {

using Json = nlohmann::ordered_json;

// Group id by participant, for colouring the projection.
std::map<std::int64_t, int> GroupOf(const ClusteringResult& result) {
  std::map<std::int64_t, int> group_of;
  for (const OpinionGroup& group : result.groups) {
    for (std::int64_t member : group.members) group_of[member] = group.id;
  }
  return group_of;
}

Json SeedJson(const ClusteringResult& result) {
  Json base = Json::array();
  for (const BaseCluster& b : result.base_clusters) {
    base.push_back(Json::array({b.id, b.center.x, b.center.y, b.participant_ids}));
  }
  Json groups = Json::array();
  for (const OpinionGroup& g : result.groups) groups.push_back(Json::array({g.id, g.base_cluster_ids}));
  const KSmoother& k = result.k_smoother;
  return Json{{"base_clusters", std::move(base)},
              {"groups", std::move(groups)},
              {"k_smoother", Json::array({k.this_k, k.count, k.smoothed_k})}};
}

Json EmptyResult() {
  return Json{{"participants", 0},
              {"in_conversation", 0},
              {"k", 0},
              {"groups", Json::array()},
              {"consensus", Json{{"agree", Json::array()}, {"disagree", Json::array()}}},
              {"group_informed_consensus", Json::object()},
              {"pca", Json{{"center", Json::array()},
                           {"components", Json::array()},
                           {"comment_ids", Json::array()}}}};
}

}  // namespace

std::string VotesFingerprint(const ConversationVotes& votes) {
  std::vector<std::int64_t> ids = votes.moderated_out_comment_ids;
  std::sort(ids.begin(), ids.end());
  std::string text = "out:";
  for (std::int64_t id : ids) text += std::to_string(id) + ",";
  return text;
}

std::string StoredFingerprint(const std::string& result_json) {
  Json doc = Json::parse(result_json, nullptr, false);
  if (doc.is_discarded() || !doc.contains("fingerprint")) return "";
  return doc["fingerprint"].get<std::string>();
}

nlohmann::ordered_json ResultDocument(const ClusteringResult& result,
                                      const std::string& fingerprint) {
  Json doc = ClusteringToJson(result);
  const std::map<std::int64_t, int> group_of = GroupOf(result);
  Json projection = Json::array();
  for (size_t row = 0; row < result.participant_ids.size(); ++row) {
    const std::int64_t pid = result.participant_ids[row];
    auto it = group_of.find(pid);
    projection.push_back(Json::array({pid, result.projection[row].x, result.projection[row].y,
                                      it == group_of.end() ? -1 : it->second}));
  }
  doc["projection"] = std::move(projection);
  doc["fingerprint"] = fingerprint;
  doc["seed"] = SeedJson(result);
  return doc;
}

std::optional<ClusteringResult> StoredSeed(const std::string& result_json) {
  nlohmann::json doc = nlohmann::json::parse(result_json, nullptr, false);
  if (doc.is_discarded() || !doc.contains("seed")) return std::nullopt;
  const nlohmann::json& seed = doc["seed"];
  ClusteringResult previous;
  try {
    for (const auto& b : seed.at("base_clusters")) {
      previous.base_clusters.push_back(
          {b.at(0).get<int>(), Point2{b.at(1).get<double>(), b.at(2).get<double>()},
           b.at(3).get<std::vector<std::int64_t>>()});
    }
    for (const auto& g : seed.at("groups")) {
      previous.groups.push_back(
          {.id = g.at(0).get<int>(), .base_cluster_ids = g.at(1).get<std::vector<int>>()});
    }
    const auto& k = seed.at("k_smoother");
    previous.k_smoother = {k.at(0).get<int>(), k.at(1).get<int>(), k.at(2).get<int>()};
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
  return previous;
}

std::vector<MapPoint> StoredProjection(const nlohmann::json& document) {
  std::vector<MapPoint> points;
  if (!document.contains("projection") || !document["projection"].is_array()) return points;
  for (const auto& row : document["projection"]) {
    if (!row.is_array() || row.size() != 4) continue;
    points.push_back({row[0].get<std::int64_t>(), row[1].get<double>(), row[2].get<double>(),
                      row[3].get<int>()});
  }
  return points;
}

nlohmann::ordered_json ResultJson(const std::optional<StoredResult>& stored,
                                  std::optional<ParticipantId> own, bool show_members) {
  Json doc = stored ? Json::parse(stored->result_json, nullptr, false) : EmptyResult();
  if (doc.is_discarded()) doc = EmptyResult();
  Json map = Json::array();
  Json you = nullptr;
  for (const MapPoint& p : StoredProjection(nlohmann::json::parse(doc.dump()))) {
    Json group = p.group < 0 ? Json() : Json(p.group);
    map.push_back(Json{{"x", p.x}, {"y", p.y}, {"group", group}});
    if (own && p.participant == *own) you = Json{{"x", p.x}, {"y", p.y}, {"group", group}};
  }
  if (!show_members) {
    for (auto& group : doc["groups"]) group["members"] = Json::array();
  }
  doc.erase("projection");
  doc.erase("fingerprint");
  doc.erase("seed");
  doc["opinion_map"] = std::move(map);
  doc["you"] = std::move(you);
  doc["computed_at"] = stored ? Json(FormatRfc3339(stored->computed_at)) : Json();
  doc["vote_count"] = stored ? stored->vote_count : 0;
  return doc;
}

}  // namespace nyttig::dialogue
