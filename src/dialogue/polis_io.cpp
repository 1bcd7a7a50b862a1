#include "dialogue/polis_io.h"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "accounts/organisation_store.h"
#include "core/csv.h"
#include "accounts/secrets.h"
#include "core/text.h"
#include "dialogue/clustering/csv_reader.h"
#include "dialogue/clustering/polis_csv.h"
#include "dialogue/dialogue_store.h"

namespace nyttig::dialogue {
namespace {

namespace fs = std::filesystem;

struct PolisComment {
  std::int64_t id = 0;
  std::optional<std::int64_t> author;
  std::int64_t timestamp_ms = 0;
  std::string body;
  StatementState state = StatementState::kAccepted;
};

Status LineError(const std::string& file, int line, const std::string& what) {
  return InvalidArgumentError(file + " line " + std::to_string(line) + ": " + what);
}

std::optional<std::int64_t> ToInt(const std::string& text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

StatusOr<std::vector<PolisComment>> ReadComments(const CsvTable& table) {
  const int id = table.ColumnIndex("comment-id"), author = table.ColumnIndex("author-id"),
            time = table.ColumnIndex("timestamp"), body = table.ColumnIndex("comment-body");
  for (const char* name : {"comment-id", "author-id", "timestamp", "comment-body", "moderated"}) {
    if (table.ColumnIndex(name) < 0) {
      return InvalidArgumentError(std::string("comments.csv: missing column ") + name);
    }
  }
  ASSIGN_OR_RETURN(std::vector<std::int64_t> out_ids, ModeratedOutComments(table));
  const std::set<std::int64_t> out(out_ids.begin(), out_ids.end());
  const int moderated = table.ColumnIndex("moderated");
  std::vector<PolisComment> comments;
  for (const CsvRow& row : table.rows) {
    auto cid = ToInt(row.fields[id]);
    auto at = ToInt(row.fields[time]);
    if (!cid || !at) return LineError("comments.csv", row.line, "comment-id or timestamp");
    PolisComment c{.id = *cid, .author = ToInt(row.fields[author]), .timestamp_ms = *at,
                   .body = row.fields[body]};
    c.state = out.count(*cid)                    ? StatementState::kRejected
              : row.fields[moderated] == "0"     ? StatementState::kPending
                                                 : StatementState::kAccepted;
    comments.push_back(std::move(c));
  }
  std::sort(comments.begin(), comments.end(),
            [](const PolisComment& a, const PolisComment& b) { return a.id < b.id; });
  return comments;
}

std::string SummaryValue(const std::string& dir, const std::string& key) {
  auto table = ReadCsvFile((fs::path(dir) / "summary.csv").string());
  if (!table.ok()) return "";
  // summary.csv is key,value rows; the first row is read as the header.
  if (table->header.size() >= 2 && table->header[0] == key) return table->header[1];
  for (const CsvRow& row : table->rows) {
    if (row.fields.size() >= 2 && row.fields[0] == key) return row.fields[1];
  }
  return "";
}

// Cuts `text` to at most `max` characters (whole UTF-8 sequences).
std::string Clip(const std::string& text, size_t max) {
  if (Utf8Length(text) <= max) return text;
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < text.size() && chars < max; ++chars) {
    size_t len = 1;
    while (i + len < text.size() && (static_cast<unsigned char>(text[i + len]) & 0xC0) == 0x80) {
      ++len;
    }
    out += text.substr(i, len);
    i += len;
  }
  return out;
}

Dialogue ImportedDialogue(const std::string& dir, std::int64_t org,
                          const std::vector<PolisComment>& comments, UnixSeconds now) {
  std::string topic = SummaryValue(dir, "topic");
  if (Trim(topic).empty()) topic = fs::path(dir).lexically_normal().filename().string();
  if (topic.empty()) topic = fs::absolute(dir).parent_path().filename().string();
  size_t longest = kDefaultStatementChars;
  for (const PolisComment& c : comments) longest = std::max(longest, Utf8Length(c.body));
  return Dialogue{.organisation_id = org,
                  .question = Clip(std::string(Trim(topic)), kMaxQuestionChars),
                  .introduction = Clip(SummaryValue(dir, "conversation-description"),
                                       kMaxIntroductionChars),
                  .opens_at = now,
                  .closes_at = now,
                  .moderation = Moderation::kPost,
                  .max_statement_chars = static_cast<int>(
                      std::min<size_t>(longest, kMaxStatementChars)),
                  .created_at = now,
                  .updated_at = now};
}

struct ImportData {
  std::vector<PolisComment> comments;
  std::vector<VoteEvent> votes;
};

StatusOr<ImportData> ReadExport(const std::string& dir) {
  ImportData data;
  ASSIGN_OR_RETURN(CsvTable comments, ReadCsvFile((fs::path(dir) / "comments.csv").string()));
  ASSIGN_OR_RETURN(data.comments, ReadComments(comments));
  ASSIGN_OR_RETURN(CsvTable votes, ReadCsvFile((fs::path(dir) / "votes.csv").string()));
  ASSIGN_OR_RETURN(data.votes, VoteEvents(votes));
  std::set<std::int64_t> known;
  for (const PolisComment& c : data.comments) known.insert(c.id);
  for (size_t i = 0; i < data.votes.size(); ++i) {
    if (!known.count(data.votes[i].comment_id)) {
      return InvalidArgumentError("votes.csv line " + std::to_string(votes.rows[i].line) +
                                  ": comment " + std::to_string(data.votes[i].comment_id) +
                                  " is not in comments.csv");
    }
  }
  // Timestamp order, ties in file order: the later record wins, as in Polis.
  std::stable_sort(data.votes.begin(), data.votes.end(),
                   [](const VoteEvent& a, const VoteEvent& b) { return a.sequence < b.sequence; });
  return data;
}

// Participants in ascending Polis id, so that row order survives (1.2).
StatusOr<std::map<std::int64_t, ParticipantId>> InsertParticipants(db::Tx& tx, DialogueId id,
                                                                   const ImportData& data,
                                                                   const std::string& key,
                                                                   UnixSeconds now) {
  std::set<std::int64_t> polis_ids;
  for (const VoteEvent& v : data.votes) polis_ids.insert(v.participant_id);
  for (const PolisComment& c : data.comments) {
    if (c.author) polis_ids.insert(*c.author);
  }
  std::map<std::int64_t, ParticipantId> ids;
  for (std::int64_t pid : polis_ids) {
    const std::string hash = accounts::KeyedHash(key, "polis:" + std::to_string(pid));
    ASSIGN_OR_RETURN(ids[pid], DialogueStore::FindOrCreateParticipant(tx, id, hash, now));
  }
  return ids;
}

StatusOr<PolisImportReport> InsertImport(db::Tx& tx, const audit::AuditLog& audit,
                                         const std::string& dir, std::int64_t org,
                                         const ImportData& data, UnixSeconds now) {
  RETURN_IF_ERROR(accounts::OrganisationStore::Find(tx, org).status());
  Dialogue d = ImportedDialogue(dir, org, data.comments, now);
  ASSIGN_OR_RETURN(d.id, DialogueStore::Insert(tx, d));
  const std::string key = accounts::NewToken();
  RETURN_IF_ERROR(DialogueStore::InsertKey(tx, d.id, key));
  ASSIGN_OR_RETURN(auto participants, InsertParticipants(tx, d.id, data, key, now));
  std::map<std::int64_t, StatementId> statements;
  for (const PolisComment& c : data.comments) {
    Statement s{.dialogue_id = d.id, .body = c.body, .state = c.state,
                .created_at = c.timestamp_ms / 1000};
    if (c.author) s.author_participant_id = participants.at(*c.author);
    ASSIGN_OR_RETURN(statements[c.id], DialogueStore::InsertStatement(tx, s));
  }
  for (const VoteEvent& v : data.votes) {
    RETURN_IF_ERROR(DialogueStore::InsertVote(tx, d.id, participants.at(v.participant_id),
                                              statements.at(v.comment_id), v.vote, v.sequence)
                        .status());
  }
  audit::AuditEvent event{.chain_id = org, .actor_role = std::string(audit::kSystemActor),
                          .action = "dialogue.import", .entity_type = "dialogue",
                          .entity_id = std::to_string(d.id),
                          .details = {{"votes", data.votes.size()},
                                      {"statements", data.comments.size()}}};
  RETURN_IF_ERROR(audit.Append(tx, event).status());
  return PolisImportReport{d.id, std::int64_t(data.comments.size()),
                           std::int64_t(participants.size()), std::int64_t(data.votes.size())};
}

// Polis's `datetime` column, in UTC: "Sat Nov 17 05:09:36 UTC 2018".
std::string PolisDatetime(std::int64_t timestamp_ms) {
  std::time_t seconds = timestamp_ms / 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[64];
  std::strftime(text, sizeof text, "%a %b %d %H:%M:%S UTC %Y", &tm);
  return text;
}

int ModeratedValue(StatementState s) {
  return s == StatementState::kRejected ? -1 : s == StatementState::kPending ? 0 : 1;
}

struct ExportData {
  Dialogue dialogue;
  std::vector<Statement> statements;
  std::vector<VoteEventRow> votes;
};

Status WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) return InternalError("cannot write " + path.string());
  return Status::Ok();
}

std::string CommentsCsv(const ExportData& data, const std::map<std::int64_t, int>& statement_no,
                        const std::map<std::int64_t, int>& participant_no) {
  std::map<std::int64_t, std::pair<int, int>> counts;  // every record, as Polis counts (1.1)
  for (const VoteEventRow& v : data.votes) {
    if (v.vote > 0) ++counts[v.statement_id].first;
    if (v.vote < 0) ++counts[v.statement_id].second;
  }
  std::string csv = "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,"
                    "comment-body\n";
  for (const Statement& s : data.statements) {
    const std::int64_t ms = s.created_at * 1000;
    const std::string author = s.author_participant_id
                                   ? std::to_string(participant_no.at(*s.author_participant_id))
                                   : "";
    csv += std::to_string(ms) + "," + PolisDatetime(ms) + "," +
           std::to_string(statement_no.at(s.id)) + "," + author + "," +
           std::to_string(counts[s.id].first) + "," + std::to_string(counts[s.id].second) + "," +
           std::to_string(ModeratedValue(s.state)) + "," + CsvQuote(s.body) + "\n";
  }
  return csv;
}

std::string VotesCsv(const ExportData& data, const std::map<std::int64_t, int>& statement_no,
                     const std::map<std::int64_t, int>& participant_no) {
  std::string csv = "timestamp,datetime,comment-id,voter-id,vote\n";
  for (const VoteEventRow& v : data.votes) {
    csv += std::to_string(v.created_at_ms) + "," + PolisDatetime(v.created_at_ms) + "," +
           std::to_string(statement_no.at(v.statement_id)) + "," +
           std::to_string(participant_no.at(v.participant_id)) + "," + std::to_string(v.vote) +
           "\n";
  }
  return csv;
}

std::string SummaryCsv(const ExportData& data, size_t voters) {
  return "topic," + CsvQuote(data.dialogue.question) + "\nurl,/dialogues/" +
         std::to_string(data.dialogue.id) + "\nvoters," + std::to_string(voters) +
         "\ncomments," + std::to_string(data.statements.size()) +
         "\nconversation-description," + CsvQuote(data.dialogue.introduction) + "\n";
}

StatusOr<ExportData> LoadExport(db::Database& db, DialogueId id) {
  return db.ReadValue<ExportData>([&](db::Tx& tx) -> StatusOr<ExportData> {
    ExportData data;
    ASSIGN_OR_RETURN(data.dialogue, DialogueStore::Find(tx, id));
    ASSIGN_OR_RETURN(auto statements,
                     DialogueStore::ListStatements(tx, id, {.offset = 0, .limit = 1 << 30}));
    data.statements = std::move(statements.first);
    ASSIGN_OR_RETURN(data.votes, DialogueStore::VoteEvents(tx, id));
    return data;
  });
}

}  // namespace

StatusOr<PolisImportReport> ImportPolis(db::Database& db, const Clock& clock,
                                        const audit::AuditLog& audit, const std::string& dir,
                                        std::int64_t organisation_id,
                                        const AfterImport& after_import) {
  ASSIGN_OR_RETURN(ImportData data, ReadExport(dir));
  return db.WriteValue<PolisImportReport>([&](db::Tx& tx) -> StatusOr<PolisImportReport> {
    ASSIGN_OR_RETURN(PolisImportReport report,
                     InsertImport(tx, audit, dir, organisation_id, data, clock.Now()));
    if (after_import) RETURN_IF_ERROR(after_import(tx, report.dialogue_id));
    return report;
  });
}

Status ExportPolis(db::Database& db, DialogueId id, const std::string& dir) {
  ASSIGN_OR_RETURN(ExportData data, LoadExport(db, id));
  // Pseudonymous numbers in id order (statements; participants who voted or wrote).
  std::map<std::int64_t, int> statement_no, participant_no;
  for (const Statement& s : data.statements) statement_no.emplace(s.id, int(statement_no.size()));
  std::set<std::int64_t> participants;
  std::set<std::int64_t> voters;
  for (const VoteEventRow& v : data.votes) participants.insert(v.participant_id);
  voters = participants;
  for (const Statement& s : data.statements) {
    if (s.author_participant_id) participants.insert(*s.author_participant_id);
  }
  for (std::int64_t p : participants) participant_no.emplace(p, int(participant_no.size()));
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return InternalError("cannot create " + dir + ": " + ec.message());
  RETURN_IF_ERROR(WriteFile(fs::path(dir) / "comments.csv",
                            CommentsCsv(data, statement_no, participant_no)));
  RETURN_IF_ERROR(WriteFile(fs::path(dir) / "votes.csv",
                            VotesCsv(data, statement_no, participant_no)));
  return WriteFile(fs::path(dir) / "summary.csv", SummaryCsv(data, voters.size()));
}

int RunImportPolisCommand(db::Database& db, const Clock& clock, const audit::AuditLog& audit,
                          DialogueService& dialogues, const std::string& dir,
                          std::int64_t organisation_id, std::ostream& out, std::ostream& err) {
  auto index = [&](db::Tx& tx, DialogueId id) { return dialogues.IndexDialogue(tx, id); };
  auto report = ImportPolis(db, clock, audit, dir, organisation_id, index);
  if (!report.ok()) {
    err << "import polis: " << report.status().message() << "\n";
    return 1;
  }
  if (Status computed = dialogues.Recompute(report->dialogue_id); !computed.ok()) {
    err << "import polis: imported, but the results could not be computed: "
        << computed.message() << "\n";
    return 1;
  }
  out << nlohmann::json{{"dialogue_id", report->dialogue_id},
                        {"statements", report->statements},
                        {"participants", report->participants},
                        {"votes", report->votes}}
             .dump()
      << "\n";
  return 0;
}

int RunExportPolisCommand(db::Database& db, DialogueId id, const std::string& dir,
                          std::ostream& out, std::ostream& err) {
  Status s = ExportPolis(db, id, dir);
  if (!s.ok()) {
    err << "export polis: " << s.message() << "\n";
    return 1;
  }
  out << nlohmann::json{{"dialogue_id", id}, {"dir", dir}}.dump() << "\n";
  return 0;
}

}  // namespace nyttig::dialogue
