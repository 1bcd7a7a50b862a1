// SQL for the ideas module (tables ideas_*). Every function runs inside the
// caller's transaction and checks nothing but the data: permissions and
// rules are IdeaService's.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "db/database.h"
#include "ideas/idea.h"

namespace nyttig::ideas {

// Who is reading a list, reduced to what the visibility predicate needs.
struct Viewer {
  std::optional<PersonId> person_id;
  std::vector<OrganisationId> member_of;       // any role
  std::vector<OrganisationId> coordinator_of;  // coordinator or admin: sees everything not culled
};

enum class IdeaSort { kNewest, kOldest, kTitle, kStage, kRecentlyMoved };
std::optional<IdeaSort> ParseIdeaSort(std::string_view name);  // newest, oldest, title, stage, moved

// Lists count their matches up to this many and say "more than" beyond:
// an exact count scans every idea the viewer may see on every page view
// (38 ms of CPU at 100 000 ideas on SQLite, 8 ms for 10 000; bench/README.md,
// "Idea list"). 50 pages of 20: further than that, people filter or search.
inline constexpr std::int64_t kMaxCountedIdeas = 1000;

struct IdeaFilter {
  std::optional<OrganisationId> organisation_id;
  std::optional<StageId> stage_id;
  std::optional<StageKind> stage_kind;
  std::string area;        // "" = any
  std::optional<int> sdg;  // 1..17
  std::string value_type;  // "" = any
  std::optional<PersonId> mine;  // submitted or co-authored by this person
  std::optional<UnixSeconds> feedback_overdue_at;  // due before this and not given
  std::optional<ChallengeId> challenge_id;         // submitted to this challenge
  IdeaSort sort = IdeaSort::kNewest;
  std::int64_t offset = 0;
  int limit = 20;
  std::int64_t count_limit = kMaxCountedIdeas;  // matches counted at most
};

class IdeaStore {
 public:
  static StatusOr<std::optional<IdeaSettings>> FindSettings(db::Tx& tx, OrganisationId org);
  static Status SaveSettings(db::Tx& tx, const IdeaSettings& settings);

  static StatusOr<StageId> InsertStage(db::Tx& tx, const Stage& stage);
  static StatusOr<std::vector<Stage>> ListStages(db::Tx& tx, OrganisationId org);  // by position
  static Status DeleteStages(db::Tx& tx, OrganisationId org);  // only while no idea uses them
  static StatusOr<std::int64_t> CountIdeas(db::Tx& tx, OrganisationId org);

  // Inserts the idea's row (not its authors); returns the new id.
  static StatusOr<IdeaId> Insert(db::Tx& tx, const Idea& idea);
  // Writes the content fields, visibility and owner.
  static Status UpdateContent(db::Tx& tx, const Idea& idea);
  static Status SetStage(db::Tx& tx, IdeaId id, const Stage& stage, UnixSeconds now);
  static Status SetFeedbackGiven(db::Tx& tx, IdeaId id, UnixSeconds at);
  static Status SetUnpublished(db::Tx& tx, IdeaId id, std::optional<UnixSeconds> at,
                               UnixSeconds now);
  // Gallring: empties the texts of a public record and marks it culled; the
  // row, its registration number and its timeline stay.
  static Status Cull(db::Tx& tx, IdeaId id, UnixSeconds now);
  static Status SetAuthors(db::Tx& tx, IdeaId id, const std::vector<PersonId>& authors);

  // The idea with its stage, organisation, owner's name and authors.
  static StatusOr<Idea> Find(db::Tx& tx, IdeaId id);  // kNotFound
  // A page of ideas `viewer` may see, and how many match, counted up to
  // filter.count_limit + 1 (a total above count_limit means "more").
  static StatusOr<std::pair<std::vector<Idea>, std::int64_t>> List(db::Tx& tx,
                                                                   const IdeaFilter& filter,
                                                                   const Viewer& viewer);
  // The submitters and authors of the ideas sent to `challenge` (culled ones
  // left out), each once: who is told its results.
  static StatusOr<std::vector<PersonId>> ChallengeParticipants(db::Tx& tx, ChallengeId challenge);
  // Every idea in id order (for a search reindex), in batches.
  static Status ForEach(db::Tx& tx, const std::function<Status(const Idea&)>& fn);
  // Public records received before `before` in closed stages, not yet culled.
  static StatusOr<std::vector<IdeaId>> CullCandidates(db::Tx& tx, OrganisationId org,
                                                      UnixSeconds before);

  // The next registration number of `org` in `year` (1, 2, …), without gaps.
  static StatusOr<int> NextRegistrationNumber(db::Tx& tx, OrganisationId org, int year);

  static StatusOr<std::int64_t> InsertEvent(db::Tx& tx, const IdeaEvent& event);
  static StatusOr<std::vector<IdeaEvent>> ListEvents(db::Tx& tx, IdeaId id);  // oldest first

  static StatusOr<std::int64_t> InsertAttachment(db::Tx& tx, const Attachment& attachment);
  static StatusOr<std::vector<Attachment>> ListAttachments(db::Tx& tx, IdeaId id);
  static StatusOr<Attachment> FindAttachment(db::Tx& tx, std::int64_t id);  // kNotFound
  static Status DeleteAttachments(db::Tx& tx, IdeaId id);
};

}  // namespace nyttig::ideas
