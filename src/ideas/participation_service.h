// ParticipationService: taking part in an idea — comments threaded one
// level (the author edits for kCommentEditWindow, coordinators hide with a
// reason, anyone who can see the idea reports abuse), supports (one per
// person, counted), and follows: followers are told in their inbox, in the
// same transaction, about new comments and — through FollowerNotifier, a
// hook at the gates — about every move of the idea.
//
//   ParticipationService participation(db, clock, audit_log, inbox);
//   ideas.AddGateCheck(&participation.follower_notifier());  // after the real checks
//   ASSIGN_OR_RETURN(Comment c, participation.AddComment(actor, idea_id, "Bra!", {}));
//
// Each write validates, asks a predicate of participation_permissions.h, runs
// in one transaction with its audit record. Ideas the actor may not see
// answer kNotFound, and so do comments of such ideas.
//
// Thread-safety: stateless apart from references; share one instance.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounts/actor.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"
#include "ideas/idea_service.h"
#include "ideas/participation.h"
#include "inbox/inbox.h"

namespace nyttig::ideas {

// Tells the idea's followers (not its authors, whom IdeaService tells) that
// it moves. Registered as a gate check so that it runs inside the move's
// transaction: if the move fails, the notices are rolled back with it. It
// never refuses a move; register it after the checks that may.
class FollowerNotifier : public GateCheck {
 public:
  explicit FollowerNotifier(const inbox::Inbox& inbox) : inbox_(inbox) {}
  Status Check(db::Tx& tx, const Idea& idea, const Stage& target) const override;

 private:
  const inbox::Inbox& inbox_;
};

class ParticipationService {
 public:
  // `ideas` moves a merged duplicate to its closed stage (and must outlive this).
  ParticipationService(db::Database& db, const Clock& clock, const audit::AuditLog& audit,
                       const inbox::Inbox& inbox, IdeaService& ideas);
  ParticipationService(const ParticipationService&) = delete;
  ParticipationService& operator=(const ParticipationService&) = delete;

  const GateCheck& follower_notifier() const { return follower_notifier_; }

  // The idea's comments, top-level ones oldest first with their replies.
  // Hidden comments keep their place with the reason; their text is empty
  // except for moderators. kNotFound when the idea is not visible.
  StatusOr<std::vector<Comment>> ListComments(const accounts::Actor& actor, IdeaId id);
  // Writes a comment (a reply when `parent` is a top-level comment of the
  // same idea) and makes the writer a follower. kInvalidArgument for an
  // empty or too long text or a parent that is itself a reply.
  StatusOr<Comment> AddComment(const accounts::Actor& actor, IdeaId id, const std::string& body,
                               std::optional<CommentId> parent);
  // kFailedPrecondition "ideas.comment.edit_window" after 15 minutes.
  StatusOr<Comment> EditComment(const accounts::Actor& actor, IdeaId id, CommentId comment,
                                const std::string& body);
  // Moderation: kInvalidArgument without a reason.
  StatusOr<Comment> HideComment(const accounts::Actor& actor, IdeaId id, CommentId comment,
                                const std::string& reason);
  // kAlreadyExists when the actor reported this comment before.
  Status ReportComment(const accounts::Actor& actor, IdeaId id, CommentId comment,
                       const std::string& reason);

  // Support or withdraw it; idempotent. Returns the idea's participation.
  StatusOr<Participation> SetSupport(const accounts::Actor& actor, IdeaId id, bool support);
  StatusOr<Participation> SetFollow(const accounts::Actor& actor, IdeaId id, bool follow);
  // Merges `duplicate` into `original` (both of one organisation): the
  // original gains the duplicate's supports and follows (one per person),
  // the duplicate moves to the first closed stage with the reason in its
  // history and points to the original; nothing is deleted.
  // kInvalidArgument without a reason; kFailedPrecondition when the
  // duplicate is already merged or closed; kPermissionDenied unless
  // CanMergeIdeas.
  StatusOr<Idea> MergeIdeas(const accounts::Actor& actor, IdeaId duplicate, IdeaId original,
                            const std::string& reason);
  // The idea `id` was merged into, if any (kNotFound when not visible).
  StatusOr<std::optional<IdeaId>> MergedInto(const accounts::Actor& actor, IdeaId id);

  // Counts and the reader's own state.
  StatusOr<Participation> GetParticipation(const accounts::Actor& actor, IdeaId id);

 private:
  StatusOr<Comment> CommentOf(db::Tx& tx, IdeaId id, CommentId comment);
  StatusOr<Participation> ParticipationIn(db::Tx& tx, const accounts::Actor& actor,
                                          const Idea& idea);

  db::Database& db_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
  const inbox::Inbox& inbox_;
  IdeaService& ideas_;
  FollowerNotifier follower_notifier_;
};

}  // namespace nyttig::ideas
