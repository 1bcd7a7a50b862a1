// SQL for challenges (tables ideas_challenge*). Every function runs inside
// the caller's transaction and checks nothing but the data: permissions and
// rules are ChallengeService's.
#pragma once

#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include "core/status.h"
#include "db/database.h"
#include "ideas/challenge.h"
#include "ideas/idea_store.h"

namespace nyttig::ideas {

struct ChallengeFilter {
  std::optional<OrganisationId> organisation_id;  // hosted (lead or accepted co-host)
  std::optional<ChallengePhase> phase;
  std::int64_t offset = 0;
  int limit = 20;
};

class ChallengeStore {
 public:
  // Inserts the challenge, its lead (accepted now), its criteria and its
  // co-host invitations; returns the new id.
  static StatusOr<ChallengeId> Insert(db::Tx& tx, const Challenge& challenge);
  // Writes the content columns and replaces the criteria.
  static Status Update(db::Tx& tx, const Challenge& challenge);
  static Status InviteHost(db::Tx& tx, ChallengeId id, OrganisationId org);
  static Status RemoveHost(db::Tx& tx, ChallengeId id, OrganisationId org);
  // `by` is nullopt for an organisation's service token.
  static Status AcceptHost(db::Tx& tx, ChallengeId id, OrganisationId org,
                           std::optional<PersonId> by, UnixSeconds at);
  static Status SetPublished(db::Tx& tx, ChallengeId id, UnixSeconds at);
  // Writes the results text and replaces the awards (rank = order).
  static Status SetResults(db::Tx& tx, ChallengeId id, const std::string& results,
                           const std::vector<ChallengeAward>& awards, UnixSeconds at);

  // The challenge with hosts, criteria and awards. kNotFound.
  static StatusOr<Challenge> Find(db::Tx& tx, ChallengeId id);
  // A page of challenges `viewer` may see (with their hosts; criteria and
  // awards are left empty) and the total: open and upcoming ones first,
  // soonest closing first, then the rest, most recently closed first.
  static StatusOr<std::pair<std::vector<Challenge>, std::int64_t>> List(
      db::Tx& tx, const ChallengeFilter& filter, const Viewer& viewer, UnixSeconds now);
  // Challenges that invited one of `orgs` as co-host and wait for an answer.
  static StatusOr<std::vector<Challenge>> PendingInvitations(
      db::Tx& tx, const std::vector<OrganisationId>& orgs);
  // Every challenge in id order (for a search reindex).
  static Status ForEach(db::Tx& tx, const std::function<Status(const Challenge&)>& fn);
};

}  // namespace nyttig::ideas
