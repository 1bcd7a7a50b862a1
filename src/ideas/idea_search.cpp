#include "ideas/idea_search.h"

#include "web/markdown.h"

namespace nyttig::ideas {
namespace {

search::Audience AudienceOf(const Idea& idea) {
  if (idea.culled_at || idea.unpublished_at) return search::Audience::kNobody;
  if (idea.anonymous) return search::Audience::kCoordinators;
  return idea.visibility == Visibility::kPublic ? search::Audience::kPublic
                                                : search::Audience::kOrganisation;
}

}  // namespace

search::SearchDocument ToSearchDocument(const Idea& idea) {
  search::SearchDocument doc;
  doc.kind = "idea";
  doc.id = idea.id;
  doc.organisation_id = idea.organisation_id;
  doc.audience = AudienceOf(idea);
  doc.title = idea.title;
  // The need first: people search for the problem they have, in their words.
  doc.body = idea.need + "\n\n" + idea.need_who + "\n\n" + idea.solution + "\n\n" +
             web::MarkdownToPlainText(idea.description) + "\n\n" + idea.value_estimate;
  doc.url = "/ideas/" + std::to_string(idea.id);
  if (!idea.area.empty()) doc.facets["area"] = {idea.area};
  for (int goal : idea.sdgs) doc.facets["sdg"].push_back(std::to_string(goal));
  if (!idea.value_types.empty()) doc.facets["value_type"] = idea.value_types;
  doc.facets["stage_kind"] = {std::string(StageKindName(idea.stage.kind))};
  doc.date = idea.created_at;
  return doc;
}

Status ForEachSearchDocument(IdeaService& ideas,
                             const std::function<Status(const search::SearchDocument&)>& fn) {
  return ideas.ForEachIdea([&](const Idea& idea) { return fn(ToSearchDocument(idea)); });
}

Status ForEachSearchDocument(db::Tx& tx,
                             const std::function<Status(const search::SearchDocument&)>& fn) {
  return IdeaStore::ForEach(tx, [&](const Idea& idea) { return fn(ToSearchDocument(idea)); });
}

}  // namespace nyttig::ideas
