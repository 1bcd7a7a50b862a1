#include "dialogue/search_mapping.h"

namespace nyttig::dialogue {

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

}  // namespace nyttig::dialogue
