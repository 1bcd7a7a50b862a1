#include "dialogue/search_mapping.h"

#include "dialogue/dialogue_store.h"

namespace nyttig::dialogue {
namespace {

constexpr int kAllStatements = 1 << 30;  // the body holds every accepted statement

}  // namespace

search::SearchDocument ToSearchDocument(const Dialogue& dialogue,
                                        const std::vector<Statement>& statements,
                                        UnixSeconds now) {
  search::SearchDocument doc;
  doc.kind = "dialogue";
  doc.id = dialogue.id;
  doc.organisation_id = dialogue.organisation_id;
  doc.audience = dialogue.opens_at <= now ? search::Audience::kPublic : search::Audience::kNobody;
  doc.title = dialogue.question;
  doc.body = dialogue.introduction;
  for (const Statement& s : statements) {
    if (s.state != StatementState::kAccepted) continue;
    doc.body += (doc.body.empty() ? "" : "\n") + s.body;
  }
  doc.url = "/dialogues/" + std::to_string(dialogue.id);
  doc.facets["state"] = {dialogue.IsOpen(now) ? "open" : "closed"};
  doc.date = dialogue.opens_at;
  return doc;
}

StatusOr<search::SearchDocument> LoadSearchDocument(db::Tx& tx, const Dialogue& dialogue,
                                                    UnixSeconds now) {
  StatementFilter accepted{.state = StatementState::kAccepted, .limit = kAllStatements};
  ASSIGN_OR_RETURN(auto statements, DialogueStore::ListStatements(tx, dialogue.id, accepted));
  return ToSearchDocument(dialogue, statements.first, now);
}

std::optional<UnixSeconds> NextSearchChange(const Dialogue& dialogue, UnixSeconds now) {
  if (dialogue.opens_at > now) return dialogue.opens_at;
  if (dialogue.closes_at && *dialogue.closes_at > now) return dialogue.closes_at;
  return std::nullopt;
}

}  // namespace nyttig::dialogue
