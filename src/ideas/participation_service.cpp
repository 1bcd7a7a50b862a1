#include "ideas/participation_service.h"

#include <algorithm>
#include <set>

#include "accounts/permissions.h"
#include "core/text.h"
#include "ideas/idea_permissions.h"
#include "ideas/idea_store.h"
#include "ideas/participation_permissions.h"
#include "ideas/participation_store.h"

namespace nyttig::ideas {
namespace {

using accounts::Actor;

StatusOr<std::string> CheckedText(std::string_view text, const char* field, const char* required,
                                  size_t max_chars) {
  std::string trimmed(Trim(text));
  if (trimmed.empty()) return InvalidParameterError(field, required);
  if (Utf8Length(trimmed) > max_chars) {
    return InvalidParameterError(field, "validation.too_long", "", {{"max", std::to_string(max_chars)}});
  }
  return trimmed;
}

std::string Link(IdeaId id) { return "/ideas/" + std::to_string(id); }

// Followers and authors of the idea, without `except` (who caused it).
StatusOr<std::set<PersonId>> Audience(db::Tx& tx, const Idea& idea, bool with_authors,
                                      std::optional<PersonId> except) {
  ASSIGN_OR_RETURN(std::vector<PersonId> followers, ParticipationStore::Followers(tx, idea.id));
  std::set<PersonId> out(followers.begin(), followers.end());
  for (const Author& a : idea.authors) {
    if (with_authors) {
      out.insert(a.person_id);
    } else {
      out.erase(a.person_id);  // IdeaService tells the authors itself
    }
  }
  if (!with_authors && idea.submitter_id) out.erase(*idea.submitter_id);
  if (with_authors && idea.submitter_id) out.insert(*idea.submitter_id);
  if (except) out.erase(*except);
  return out;
}

}  // namespace

Status FollowerNotifier::Check(db::Tx& tx, const Idea& idea, const Stage& target) const {
  ASSIGN_OR_RETURN(std::set<PersonId> people, Audience(tx, idea, false, std::nullopt));
  for (PersonId person : people) {
    RETURN_IF_ERROR(inbox_.Notify(tx, {.person_id = person, .kind = "idea.followed_moved",
                                       .text_key = "inbox.idea.followed_moved",
                                       .args = {{"title", idea.title}, {"stage", target.name}},
                                       .link = Link(idea.id)}));
  }
  return Status::Ok();
}

ParticipationService::ParticipationService(db::Database& db, const Clock& clock,
                                           const audit::AuditLog& audit,
                                           const inbox::Inbox& inbox, IdeaService& ideas)
    : db_(db), clock_(clock), audit_(audit), inbox_(inbox), ideas_(ideas),
      follower_notifier_(inbox) {}

StatusOr<Comment> ParticipationService::CommentOf(db::Tx& tx, IdeaId id, CommentId comment) {
  StatusOr<Comment> found = ParticipationStore::FindComment(tx, comment);
  // A comment id of another idea answers like one that does not exist.
  if (!found.ok() || found->idea_id != id) return NotFoundError("error.not_found");
  return found;
}

StatusOr<std::vector<Comment>> ParticipationService::ListComments(const Actor& actor, IdeaId id) {
  return db_.ReadValue<std::vector<Comment>>([&](db::Tx& tx) -> StatusOr<std::vector<Comment>> {
    ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
    const bool moderator = CanModerateComments(actor, idea);
    ASSIGN_OR_RETURN(std::vector<Comment> flat, ParticipationStore::ListComments(tx, id));
    std::vector<Comment> threads;
    for (Comment& c : flat) {
      if (c.hidden() && !moderator) c.body.clear();
      if (!moderator) c.reports = 0;
      if (!c.parent_id) {
        threads.push_back(std::move(c));
        continue;
      }
      for (Comment& top : threads) {
        if (top.id == *c.parent_id) top.replies.push_back(std::move(c));
      }
    }
    return threads;
  });
}

StatusOr<Comment> ParticipationService::AddComment(const Actor& actor, IdeaId id,
                                                   const std::string& body,
                                                   std::optional<CommentId> parent) {
  ASSIGN_OR_RETURN(std::string text, CheckedText(body, "body", "ideas.comment.required",
                                                 kMaxCommentChars));
  return db_.WriteValue<Comment>([&](db::Tx& tx) -> StatusOr<Comment> {
    ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
    if (!CanParticipate(actor, idea)) return accounts::DenyAccess(actor, "ideas.comment.denied");
    if (parent) {
      StatusOr<Comment> top = CommentOf(tx, id, *parent);
      if (!top.ok() || top->parent_id) return InvalidParameterError("parent_id", "ideas.comment.bad_parent");
    }
    const UnixSeconds now = clock_.Now();
    Comment c{.idea_id = id, .parent_id = parent, .author_id = *actor.person_id, .body = text,
              .created_at = now};
    ASSIGN_OR_RETURN(c.id, ParticipationStore::InsertComment(tx, c));
    RETURN_IF_ERROR(ParticipationStore::InsertFollow(tx, id, *actor.person_id, now).status());
    RETURN_IF_ERROR(AuditIdea(tx, audit_, actor, idea, "idea.comment.add", {{"comment_id", c.id}}));
    ASSIGN_OR_RETURN(std::set<PersonId> people, Audience(tx, idea, true, actor.person_id));
    for (PersonId person : people) {
      RETURN_IF_ERROR(inbox_.Notify(
          tx, {.person_id = person, .kind = "idea.commented", .text_key = "inbox.idea.commented",
               .args = {{"title", idea.title}, {"by", actor.display_name}},
               .link = Link(id) + "#comment-" + std::to_string(c.id)}));
    }
    return ParticipationStore::FindComment(tx, c.id);
  });
}

StatusOr<Comment> ParticipationService::EditComment(const Actor& actor, IdeaId id,
                                                    CommentId comment, const std::string& body) {
  ASSIGN_OR_RETURN(std::string text, CheckedText(body, "body", "ideas.comment.required",
                                                 kMaxCommentChars));
  return db_.WriteValue<Comment>([&](db::Tx& tx) -> StatusOr<Comment> {
    ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
    ASSIGN_OR_RETURN(Comment c, CommentOf(tx, id, comment));
    const UnixSeconds now = clock_.Now();
    if (!CanEditComment(actor, c.author_id, c.created_at, c.hidden(), now)) {
      const bool own = actor.person_id == c.author_id && !c.hidden();
      if (own) return FailedPreconditionError("ideas.comment.edit_window");
      return accounts::DenyAccess(actor, "ideas.comment.edit_denied");
    }
    RETURN_IF_ERROR(ParticipationStore::UpdateCommentBody(tx, comment, text, now));
    RETURN_IF_ERROR(AuditIdea(tx, audit_, actor, idea, "idea.comment.edit", {{"comment_id", comment}}));
    return ParticipationStore::FindComment(tx, comment);
  });
}

StatusOr<Comment> ParticipationService::HideComment(const Actor& actor, IdeaId id,
                                                    CommentId comment,
                                                    const std::string& reason) {
  ASSIGN_OR_RETURN(std::string why, CheckedText(reason, "reason", "ideas.comment.reason_required",
                                                kMaxModerationReasonChars));
  return db_.WriteValue<Comment>([&](db::Tx& tx) -> StatusOr<Comment> {
    ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
    ASSIGN_OR_RETURN(Comment c, CommentOf(tx, id, comment));
    if (!CanModerateComments(actor, idea)) {
      return accounts::DenyAccess(actor, "ideas.comment.moderate_denied");
    }
    if (c.hidden()) return c;
    RETURN_IF_ERROR(ParticipationStore::HideComment(tx, comment, actor.person_id, why, clock_.Now()));
    RETURN_IF_ERROR(AuditIdea(tx, audit_, actor, idea, "idea.comment.hide",
                          {{"comment_id", comment}, {"reason", why}}));
    RETURN_IF_ERROR(inbox_.Notify(tx, {.person_id = c.author_id, .kind = "idea.comment_hidden",
                                       .text_key = "inbox.idea.comment_hidden",
                                       .args = {{"title", idea.title}, {"reason", why}},
                                       .link = Link(id)}));
    return ParticipationStore::FindComment(tx, comment);
  });
}

Status ParticipationService::ReportComment(const Actor& actor, IdeaId id, CommentId comment,
                                           const std::string& reason) {
  ASSIGN_OR_RETURN(std::string why, CheckedText(reason, "reason", "ideas.comment.reason_required",
                                                kMaxModerationReasonChars));
  return db_.Write([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
    RETURN_IF_ERROR(CommentOf(tx, id, comment).status());
    if (!CanParticipate(actor, idea)) return accounts::DenyAccess(actor, "ideas.comment.denied");
    ASSIGN_OR_RETURN(bool inserted, ParticipationStore::InsertReport(
                                        tx, comment, *actor.person_id, why, clock_.Now()));
    if (!inserted) return AlreadyExistsError("ideas.comment.already_reported");
    // The reporter stays out of the audit chain's details: only that it happened.
    return AuditIdea(tx, audit_, actor, idea, "idea.comment.report", {{"comment_id", comment}});
  });
}

StatusOr<Idea> ParticipationService::MergeIdeas(const Actor& actor, IdeaId duplicate,
                                               IdeaId original, const std::string& reason) {
  ASSIGN_OR_RETURN(std::string why, CheckedText(reason, "reason", "ideas.merge.reason_required",
                                                kMaxModerationReasonChars));
  return db_.WriteValue<Idea>([&](db::Tx& tx) -> StatusOr<Idea> {
    ASSIGN_OR_RETURN(Idea dup, FindVisibleIdea(tx, actor, duplicate));
    ASSIGN_OR_RETURN(Idea orig, FindVisibleIdea(tx, actor, original));
    if (!CanMergeIdeas(actor, dup, orig)) return accounts::DenyAccess(actor, "ideas.merge.denied");
    ASSIGN_OR_RETURN(std::optional<IdeaId> merged, ParticipationStore::MergedInto(tx, duplicate));
    if (merged || dup.stage.kind == StageKind::kClosed) {
      return FailedPreconditionError("ideas.merge.already_closed");
    }
    ASSIGN_OR_RETURN(std::vector<Stage> pipeline, IdeaStore::ListStages(tx, dup.organisation_id));
    auto closed = std::find_if(pipeline.begin(), pipeline.end(),
                               [](const Stage& s) { return s.kind == StageKind::kClosed; });
    if (closed == pipeline.end()) return InternalError("pipeline without a closed stage");
    RETURN_IF_ERROR(ParticipationStore::CopySupportsAndFollows(tx, duplicate, original));
    RETURN_IF_ERROR(
        ParticipationStore::InsertMerge(tx, duplicate, original, actor.person_id, why, clock_.Now()));
    // Closing goes through the ideas' own move: history, gates, notices to
    // authors and followers, and the search index stay right.
    RETURN_IF_ERROR(ideas_
                        .MoveIdeaIn(tx, actor, duplicate, closed->id,
                                    why + " (#" + std::to_string(original) + ")")
                        .status());
    RETURN_IF_ERROR(AuditIdea(tx, audit_, actor, dup, "idea.merge", {{"original_id", original}, {"reason", why}}));
    return IdeaStore::Find(tx, original);
  });
}

StatusOr<std::optional<IdeaId>> ParticipationService::MergedInto(const Actor& actor, IdeaId id) {
  return db_.ReadValue<std::optional<IdeaId>>([&](db::Tx& tx) -> StatusOr<std::optional<IdeaId>> {
    RETURN_IF_ERROR(FindVisibleIdea(tx, actor, id).status());
    return ParticipationStore::MergedInto(tx, id);
  });
}

StatusOr<Participation> ParticipationService::ParticipationIn(db::Tx& tx, const Actor& actor,
                                                              const Idea& idea) {
  Participation out;
  ASSIGN_OR_RETURN(out.supports, ParticipationStore::CountSupports(tx, idea.id));
  ASSIGN_OR_RETURN(std::vector<Comment> comments, ParticipationStore::ListComments(tx, idea.id));
  for (const Comment& c : comments) out.comments += c.hidden() ? 0 : 1;
  if (actor.person_id) {
    ASSIGN_OR_RETURN(out.supported, ParticipationStore::HasSupported(tx, idea.id, *actor.person_id));
    ASSIGN_OR_RETURN(out.following, ParticipationStore::IsFollowing(tx, idea.id, *actor.person_id));
  }
  out.can_participate = CanParticipate(actor, idea);
  out.can_moderate = CanModerateComments(actor, idea);
  return out;
}

StatusOr<Participation> ParticipationService::GetParticipation(const Actor& actor, IdeaId id) {
  return db_.ReadValue<Participation>([&](db::Tx& tx) -> StatusOr<Participation> {
    ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
    return ParticipationIn(tx, actor, idea);
  });
}

StatusOr<Participation> ParticipationService::SetSupport(const Actor& actor, IdeaId id,
                                                         bool support) {
  return db_.WriteValue<Participation>([&](db::Tx& tx) -> StatusOr<Participation> {
    ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
    if (!CanParticipate(actor, idea)) return accounts::DenyAccess(actor, "ideas.support.denied");
    const PersonId person = *actor.person_id;
    ASSIGN_OR_RETURN(bool changed,
                     support ? ParticipationStore::InsertSupport(tx, id, person, clock_.Now())
                             : ParticipationStore::DeleteSupport(tx, id, person));
    if (changed) {
      RETURN_IF_ERROR(AuditIdea(tx, audit_, actor, idea, support ? "idea.support" : "idea.unsupport"));
    }
    return ParticipationIn(tx, actor, idea);
  });
}

StatusOr<Participation> ParticipationService::SetFollow(const Actor& actor, IdeaId id,
                                                        bool follow) {
  return db_.WriteValue<Participation>([&](db::Tx& tx) -> StatusOr<Participation> {
    ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
    if (!CanParticipate(actor, idea)) return accounts::DenyAccess(actor, "ideas.follow.denied");
    const PersonId person = *actor.person_id;
    ASSIGN_OR_RETURN(bool changed,
                     follow ? ParticipationStore::InsertFollow(tx, id, person, clock_.Now())
                            : ParticipationStore::DeleteFollow(tx, id, person));
    if (changed) {
      RETURN_IF_ERROR(AuditIdea(tx, audit_, actor, idea, follow ? "idea.follow" : "idea.unfollow"));
    }
    return ParticipationIn(tx, actor, idea);
  });
}

}  // namespace nyttig::ideas
