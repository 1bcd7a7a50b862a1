// The JSON document of `nyttig dialogue cluster` (CONTRACTS.md, section
// `dialogue cluster`) and the assignments CSV.
//
//   nlohmann::ordered_json doc = ClusteringToJson(result);
//   std::cout << doc.dump(2) << "\n";
//
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "dialogue/clustering/polis_clustering.h"

namespace nyttig::dialogue {

// The result as CONTRACTS.md specifies: participants, in_conversation, k,
// groups (id, size, members, representative), consensus,
// group_informed_consensus (keyed by comment id) and pca (center, components;
// also `comment_ids`, the column order of both). Never fails; holds no NaN.
nlohmann::ordered_json ClusteringToJson(const ClusteringResult& result);

// CSV with header `participant,group`, one row per clustered participant,
// ascending by participant id.
std::string AssignmentsCsv(const ClusteringResult& result);

}  // namespace nyttig::dialogue
