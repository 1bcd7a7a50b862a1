#include "ideas/challenge_routes.h"
#include "ideas/challenge_store.h"
#include "web/markdown.h"

namespace nyttig::ideas {

search::SearchDocument ChallengeSearchDocument(const Challenge& c) {
  search::SearchDocument doc;
  doc.kind = "challenge";
  doc.id = c.id;
  doc.organisation_id = c.organisation_id;
  if (!c.published_at) {
    doc.audience = search::Audience::kNobody;
  } else {
    // A staff challenge of several hosts is found by the lead's members
    // only: a search document has one organisation.
    doc.audience = c.audience == ChallengeAudience::kPublic ? search::Audience::kPublic
                                                            : search::Audience::kOrganisation;
  }
  doc.title = c.title;
  doc.body = c.question + "\n\n" + c.target_group + "\n\n" +
             web::MarkdownToPlainText(c.description);
  for (const ChallengeCriterion& criterion : c.criteria) {
    doc.body += "\n\n" + criterion.name + " " + criterion.description;
  }
  if (c.results_published_at) doc.body += "\n\n" + web::MarkdownToPlainText(c.results);
  doc.url = "/challenges/" + std::to_string(c.id);
  doc.date = c.published_at.value_or(c.created_at);
  return doc;
}

Status ForEachChallengeDocument(db::Tx& tx,
                               const std::function<Status(const search::SearchDocument&)>& fn) {
  return ChallengeStore::ForEach(tx, [&](const Challenge& c) { return fn(ChallengeSearchDocument(c)); });
}

}  // namespace nyttig::ideas
