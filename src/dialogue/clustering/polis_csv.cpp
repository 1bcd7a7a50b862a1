#include "dialogue/clustering/polis_csv.h"

#include <charconv>

namespace nyttig::dialogue {
namespace {

constexpr int kModeratedOut = -1;

Status FieldError(const CsvRow& row, std::string_view column, std::string_view what,
                  const std::string& value) {
  return InvalidArgumentError("line " + std::to_string(row.line) + ", column " +
                              std::string(column) + ": " + std::string(what) + ", found '" + value +
                              "'");
}

StatusOr<int> RequireColumn(const CsvTable& table, std::string_view name) {
  const int index = table.ColumnIndex(name);
  if (index < 0) return InvalidArgumentError("missing column '" + std::string(name) + "'");
  return index;
}

StatusOr<int64_t> IntegerField(const CsvRow& row, int column, std::string_view name) {
  const std::string& text = row.fields[static_cast<size_t>(column)];
  int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || ptr != end) {
    return FieldError(row, name, "expected an integer", text);
  }
  return value;
}

StatusOr<bool> BooleanField(const CsvRow& row, int column, std::string_view name) {
  const std::string& text = row.fields[static_cast<size_t>(column)];
  if (text.empty() || text == "false" || text == "0" || text == "f") return false;
  if (text == "true" || text == "1" || text == "t") return true;
  return FieldError(row, name, "expected true or false", text);
}

Status WithSource(const Status& status, const std::string& source) {
  return Status(status.code(), source + ": " + status.message());
}

}  // namespace

StatusOr<std::vector<int64_t>> ModeratedOutComments(const CsvTable& comments) {
  ASSIGN_OR_RETURN(const int id_column, RequireColumn(comments, "comment-id"));
  ASSIGN_OR_RETURN(const int moderated_column, RequireColumn(comments, "moderated"));
  const int meta_column = comments.ColumnIndex("is-meta");
  std::vector<int64_t> moderated_out;
  for (const CsvRow& row : comments.rows) {
    ASSIGN_OR_RETURN(const int64_t comment_id, IntegerField(row, id_column, "comment-id"));
    ASSIGN_OR_RETURN(const int64_t moderated, IntegerField(row, moderated_column, "moderated"));
    bool is_meta = false;
    if (meta_column >= 0) {
      ASSIGN_OR_RETURN(is_meta, BooleanField(row, meta_column, "is-meta"));
    }
    if (moderated == kModeratedOut || is_meta) moderated_out.push_back(comment_id);
  }
  return moderated_out;
}

StatusOr<std::vector<VoteEvent>> VoteEvents(const CsvTable& votes) {
  ASSIGN_OR_RETURN(const int time_column, RequireColumn(votes, "timestamp"));
  ASSIGN_OR_RETURN(const int comment_column, RequireColumn(votes, "comment-id"));
  ASSIGN_OR_RETURN(const int voter_column, RequireColumn(votes, "voter-id"));
  ASSIGN_OR_RETURN(const int vote_column, RequireColumn(votes, "vote"));
  std::vector<VoteEvent> events;
  events.reserve(votes.rows.size());
  for (const CsvRow& row : votes.rows) {
    VoteEvent event;
    ASSIGN_OR_RETURN(event.sequence, IntegerField(row, time_column, "timestamp"));
    ASSIGN_OR_RETURN(event.comment_id, IntegerField(row, comment_column, "comment-id"));
    ASSIGN_OR_RETURN(event.participant_id, IntegerField(row, voter_column, "voter-id"));
    ASSIGN_OR_RETURN(const int64_t vote, IntegerField(row, vote_column, "vote"));
    if (vote != kAgree && vote != kDisagree && vote != kPass) {
      return FieldError(row, "vote", "expected -1, 0 or 1", std::to_string(vote));
    }
    event.vote = static_cast<int>(vote);
    events.push_back(event);
  }
  return events;
}

StatusOr<ConversationVotes> ReadPolisExport(const std::string& comments_csv,
                                            const std::string& votes_csv) {
  ASSIGN_OR_RETURN(const CsvTable comments, ReadCsvFile(comments_csv));
  ASSIGN_OR_RETURN(const CsvTable votes, ReadCsvFile(votes_csv));
  ConversationVotes conversation;
  auto moderated = ModeratedOutComments(comments);
  if (!moderated.ok()) return WithSource(moderated.status(), comments_csv);
  conversation.moderated_out_comment_ids = std::move(moderated).value();
  auto events = VoteEvents(votes);
  if (!events.ok()) return WithSource(events.status(), votes_csv);
  conversation.events = std::move(events).value();
  return conversation;
}

}  // namespace nyttig::dialogue
