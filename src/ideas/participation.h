// Value types of taking part in an idea: comments threaded one level,
// reports of abuse, supports and follows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ideas/idea.h"

namespace nyttig::ideas {

using CommentId = std::int64_t;

inline constexpr size_t kMaxCommentChars = 3000;
inline constexpr size_t kMaxModerationReasonChars = 500;

struct Comment {
  CommentId id = 0;
  IdeaId idea_id = 0;
  std::optional<CommentId> parent_id;  // set on replies; replies have no replies
  PersonId author_id = 0;
  std::string author_name;             // filled by reads
  std::string body;                    // "" for readers who may not see a hidden comment
  UnixSeconds created_at = 0;
  std::optional<UnixSeconds> edited_at;
  std::optional<UnixSeconds> hidden_at;
  std::string hidden_reason;
  int reports = 0;                     // filled for moderators only
  std::vector<Comment> replies;        // filled by ListComments on top-level comments

  bool hidden() const { return hidden_at.has_value(); }
};

// What the idea page shows next to the idea about taking part.
struct Participation {
  std::int64_t supports = 0;
  std::int64_t comments = 0;  // visible, including replies
  bool supported = false;     // by the reader
  bool following = false;
  bool can_participate = false;
  bool can_moderate = false;
};

}  // namespace nyttig::ideas
