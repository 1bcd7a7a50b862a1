// The stored form of a dialogue's clustering (dialogue_results.result) and
// the views made from it: the public one (groups, sizes, statements, the
// opinion map without ids, and the asker's own position) and the
// organisers' one (also group members under their pseudonymous ids).
//
// Stored document: the JSON of `nyttig dialogue cluster` (CONTRACTS.md;
// comment ids are statement ids, participant ids are dialogue participant
// ids) plus "projection": [[participant, x, y, group or -1], …] and
// "fingerprint" (what besides the vote count the result depends on) and
// "seed" (base clusters with their members, groups as base cluster ids, the
// k-smoother: what a live recomputation starts from). Projection and seed
// name participants: they never leave through ResultJson.
//
// Thread-safety: pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "dialogue/clustering/conversation_votes.h"
#include "dialogue/clustering/polis_clustering.h"
#include "dialogue/dialogue.h"

namespace nyttig::dialogue {

// The moderated-out set as text: a moderation decision changes the result
// without a new vote event.
std::string VotesFingerprint(const ConversationVotes& votes);
// The fingerprint a stored document was made with ("" when unreadable).
std::string StoredFingerprint(const std::string& result_json);

nlohmann::ordered_json ResultDocument(const ClusteringResult& result,
                                      const std::string& fingerprint);

// The position of one participant on the opinion map.
struct MapPoint {
  ParticipantId participant = 0;
  double x = 0;
  double y = 0;
  int group = -1;  // -1: not (yet) in the conversation (polis-method.md 1.4)
};

// What a live recomputation starts from (ClusteringOptions::seed_from): the
// stored document's base clusters, groups and k-smoother; nullopt when it
// has none (an older or unreadable document).
std::optional<ClusteringResult> StoredSeed(const std::string& result_json);

// The projection of a stored document (empty when unreadable).
std::vector<MapPoint> StoredProjection(const nlohmann::json& document);

// The results endpoint's answer: the CLI's shape plus "computed_at",
// "vote_count", "opinion_map" ([{"x","y","group"}], no ids) and "you" (the
// asker's own point or null). Group "members" are filled only when
// `show_members` (organisers); for everyone else they are empty lists, so
// that nobody can tell who is in which group. `stored` nullopt gives the
// "not computed yet" answer: k 0, no groups, computed_at null.
nlohmann::ordered_json ResultJson(const std::optional<StoredResult>& stored,
                                  std::optional<ParticipantId> own, bool show_members);

}  // namespace nyttig::dialogue
