// SQL for comments, reports, supports, follows and merges (ideas_comments,
// ideas_comment_reports, ideas_supports, ideas_follows, ideas_merges). Runs
// inside the caller's transaction; the rules are ParticipationService's.
#pragma once

#include <optional>
#include <vector>

#include "core/status.h"
#include "db/database.h"
#include "ideas/participation.h"

namespace nyttig::ideas {

class ParticipationStore {
 public:
  static StatusOr<CommentId> InsertComment(db::Tx& tx, const Comment& comment);
  static StatusOr<Comment> FindComment(db::Tx& tx, CommentId id);  // kNotFound
  // Every comment of the idea, oldest first, flat (parent_id tells the thread).
  static StatusOr<std::vector<Comment>> ListComments(db::Tx& tx, IdeaId idea);
  static Status UpdateCommentBody(db::Tx& tx, CommentId id, const std::string& body,
                                  UnixSeconds at);
  static Status HideComment(db::Tx& tx, CommentId id, std::optional<PersonId> by,
                            const std::string& reason, UnixSeconds at);
  // True when a row was added (false: the person reported this comment before).
  static StatusOr<bool> InsertReport(db::Tx& tx, CommentId comment, PersonId reporter,
                                     const std::string& reason, UnixSeconds at);

  // True when a row was added (false: the person had already supported).
  static StatusOr<bool> InsertSupport(db::Tx& tx, IdeaId idea, PersonId person, UnixSeconds at);
  static StatusOr<bool> DeleteSupport(db::Tx& tx, IdeaId idea, PersonId person);
  static StatusOr<std::int64_t> CountSupports(db::Tx& tx, IdeaId idea);
  static StatusOr<bool> HasSupported(db::Tx& tx, IdeaId idea, PersonId person);

  static StatusOr<bool> InsertFollow(db::Tx& tx, IdeaId idea, PersonId person, UnixSeconds at);
  static StatusOr<bool> DeleteFollow(db::Tx& tx, IdeaId idea, PersonId person);
  static StatusOr<bool> IsFollowing(db::Tx& tx, IdeaId idea, PersonId person);
  static StatusOr<std::vector<PersonId>> Followers(db::Tx& tx, IdeaId idea);

  // Merging a duplicate: its supports and follows are added to the
  // original's (one per person), and the duplicate points to the original.
  static Status CopySupportsAndFollows(db::Tx& tx, IdeaId from, IdeaId to);
  static Status InsertMerge(db::Tx& tx, IdeaId duplicate, IdeaId original,
                            std::optional<PersonId> by, const std::string& reason, UnixSeconds at);
  // The idea `duplicate` was merged into, if any.
  static StatusOr<std::optional<IdeaId>> MergedInto(db::Tx& tx, IdeaId duplicate);
};

}  // namespace nyttig::ideas
