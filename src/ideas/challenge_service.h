// ChallengeService: the use cases of challenges (utmaningar,
// innovationstävlingar) — creating one led by an organisation, inviting
// other organisations to host it together, publishing it, taking ideas
// while it is open, and publishing the results after it closes.
//
// Each use case validates its input, asks a predicate of
// challenge_permissions.h and runs in one transaction with its audit record
// and its inbox notices. Ideas submitted to a challenge are ordinary ideas
// (IdeaService::SubmitIdeaIn) that carry the challenge's id: they go through
// their organisation's pipeline like any other.
//
//   ChallengeService challenges(db, clock, audit_log, inbox, ideas);
//   ASSIGN_OR_RETURN(Challenge c, challenges.CreateChallenge(coordinator, org, input));
//   RETURN_IF_ERROR(challenges.PublishChallenge(coordinator, c.id));
//   ASSIGN_OR_RETURN(Idea idea, challenges.SubmitIdea(citizen, c.id, idea_input));
//
// Challenges the actor may not see answer kNotFound, like missing ids.
// Thread-safety: safe to share between threads (state lives in the database).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"
#include "ideas/challenge.h"
#include "ideas/challenge_store.h"
#include "ideas/idea_service.h"
#include "inbox/inbox.h"
#include "search/search_document.h"

namespace nyttig::ideas {

inline constexpr size_t kMaxChallengeTitleChars = 120;
inline constexpr size_t kMaxChallengeQuestionChars = 300;
inline constexpr size_t kMaxTargetGroupChars = 300;
inline constexpr size_t kMaxChallengeDescriptionChars = 20000;  // markdown
inline constexpr size_t kMaxChallengeCriteria = 10;
inline constexpr size_t kMaxChallengeCriterionNameChars = 120;
inline constexpr size_t kMaxChallengeCriterionTextChars = 1000;
inline constexpr size_t kMaxCoHosts = 10;
inline constexpr size_t kMaxResultsChars = 20000;  // markdown
inline constexpr size_t kMaxAwards = 20;
inline constexpr size_t kMaxAwardTitleChars = 120;
inline constexpr size_t kMaxAwardMotivationChars = 2000;
inline constexpr UnixSeconds kMaxChallengePeriod = 2 * 366 * kDay;

struct ChallengeInput {
  std::string title;
  std::string question;
  std::string description;  // markdown
  std::string target_group;
  std::string audience = "staff";  // "staff" | "public"
  std::optional<UnixSeconds> opens_at;
  std::optional<UnixSeconds> closes_at;  // exclusive
  std::vector<ChallengeCriterion> criteria;
  std::vector<OrganisationId> co_hosts;  // invited besides the lead
};

struct AwardInput {
  IdeaId idea_id = 0;
  std::string title;
  std::string motivation;
};

struct ResultsInput {
  std::string text;  // markdown
  std::vector<AwardInput> awards;  // in rank order
};

struct ChallengePage {
  std::vector<Challenge> items;
  std::int64_t total = 0;
};

class ChallengeService {
 public:
  ChallengeService(db::Database& db, const Clock& clock, const audit::AuditLog& audit,
                   const inbox::Inbox& inbox, IdeaService& ideas);
  ChallengeService(const ChallengeService&) = delete;
  ChallengeService& operator=(const ChallengeService&) = delete;

  // The search index (not owned; nullptr = none); every write that changes
  // what search shows upserts the challenge's document in its transaction.
  using ToDocument = std::function<search::SearchDocument(const Challenge&)>;
  void SetSearchSink(search::DocumentSink* sink, ToDocument to_document) {
    search_sink_ = sink;
    to_document_ = std::move(to_document);
  }

  // A draft led by `lead`; co-hosts are invited (their coordinators are
  // told in their inbox). kPermissionDenied unless CanCreateChallenge;
  // kInvalidArgument per field; kNotFound for an unknown organisation.
  StatusOr<Challenge> CreateChallenge(const accounts::Actor& actor, OrganisationId lead,
                                      const ChallengeInput& input);
  // Replaces the content, criteria and co-hosts (hosts that stay keep their
  // answer). kFailedPrecondition once it has closed.
  StatusOr<Challenge> UpdateChallenge(const accounts::Actor& actor, ChallengeId id,
                                      const ChallengeInput& input);
  // Draft → published (shown to its audience; open from opens_at).
  // kFailedPrecondition when already published or already closed.
  StatusOr<Challenge> PublishChallenge(const accounts::Actor& actor, ChallengeId id);
  // A coordinator of `org` accepts or declines its invitation to co-host.
  // kNotFound when `org` was not invited (or the actor may not answer).
  StatusOr<Challenge> AnswerInvitation(const accounts::Actor& actor, ChallengeId id,
                                       OrganisationId org, bool accept);
  StatusOr<Challenge> GetChallenge(const accounts::Actor& actor, ChallengeId id);
  StatusOr<ChallengePage> ListChallenges(const accounts::Actor& actor,
                                         const ChallengeFilter& filter);
  // Challenges waiting for an answer from an organisation the actor
  // coordinates.
  StatusOr<std::vector<Challenge>> Invitations(const accounts::Actor& actor);

  // Submits an idea to the challenge while it is open. The idea belongs to
  // the first host the actor is a member of, else to the lead (where it is a
  // public record). kFailedPrecondition when it is not open,
  // kPermissionDenied / kUnauthenticated when the actor may not take part.
  StatusOr<Idea> SubmitIdea(const accounts::Actor& actor, ChallengeId id, const IdeaInput& input);
  // Publishes (or corrects) the results once the challenge has closed; every
  // awarded idea must have been submitted to it. The authors of all its
  // ideas are told the first time. kFailedPrecondition before it closes.
  StatusOr<Challenge> PublishResults(const accounts::Actor& actor, ChallengeId id,
                                     const ResultsInput& input);

  // Every challenge, for a search reindex (no permission check).
  Status ForEachChallenge(const std::function<Status(const Challenge&)>& fn);

 private:
  StatusOr<Challenge> FindVisible(db::Tx& tx, const accounts::Actor& actor, ChallengeId id);
  // Replaces the co-host invitations with `co_hosts`, inviting new ones.
  Status SyncCoHosts(db::Tx& tx, const accounts::Actor& actor, const Challenge& challenge,
                     const std::vector<OrganisationId>& co_hosts);
  Status NotifyCoordinators(db::Tx& tx, OrganisationId org, const Challenge& challenge);
  Status NotifyResults(db::Tx& tx, const accounts::Actor& actor, const Challenge& challenge);
  StatusOr<std::vector<ChallengeAward>> CheckAwards(db::Tx& tx, const Challenge& challenge,
                                                    const std::vector<AwardInput>& awards);
  Status Audit(db::Tx& tx, const accounts::Actor& actor, const Challenge& challenge,
               std::string action, nlohmann::json details = nlohmann::json::object());
  // Reads the challenge after a write and hands it to the search sink.
  StatusOr<Challenge> FindAndIndex(db::Tx& tx, ChallengeId id);

  db::Database& db_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  const inbox::Inbox& inbox_;
  IdeaService& ideas_;
  search::DocumentSink* search_sink_ = nullptr;
  ToDocument to_document_;
};

// Validates a ChallengeInput into the content of a Challenge (pure):
// kInvalidArgument naming each field.
StatusOr<Challenge> ValidateChallengeInput(const ChallengeInput& input);
// Whether `actor` may send an idea to `challenge` now: kFailedPrecondition
// when it is not open, kPermissionDenied / kUnauthenticated when it is open
// but not to them. The service and the form page ask the same.
Status CheckSubmission(const accounts::Actor& actor, const Challenge& challenge, UnixSeconds now);
// The input that writes `challenge` as it is (start of an edit).
ChallengeInput InputOf(const Challenge& challenge);

}  // namespace nyttig::ideas
