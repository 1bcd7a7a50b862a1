#include "pilots/pilot_search.h"

#include "pilots/pilot_store.h"

namespace nyttig::pilots {

search::SearchDocument ToSearchDocument(const Pilot& pilot) {
  search::SearchDocument doc{
      .kind = "pilot",
      .id = pilot.id,
      .organisation_id = pilot.organisation_id,
      .audience = pilot.published ? search::Audience::kPublic : search::Audience::kOrganisation,
      .title = pilot.title,
      .url = "/pilots/" + std::to_string(pilot.id),
      .date = pilot.created_at};
  // What a person would search for: the idea behind it, where, for whom, what is measured.
  doc.body = pilot.hypothesis + "\n" + pilot.target_group + "\n" + pilot.geography;
  for (const Metric& metric : pilot.metrics) doc.body += "\n" + metric.name;
  for (const ScopeUnit& unit : pilot.units) doc.body += "\n" + unit.name;
  if (pilot.decision) doc.body += "\n" + pilot.decision->reasoning + "\n" + pilot.decision->lessons;
  doc.facets["state"] = {std::string(PilotStateName(pilot.state))};
  doc.facets["design"] = {std::string(DesignName(pilot.design))};
  if (pilot.decision) doc.facets["outcome"] = {std::string(OutcomeName(pilot.decision->outcome))};
  return doc;
}

Status ForEachSearchDocument(db::Tx& tx,
                             const std::function<Status(const search::SearchDocument&)>& fn) {
  ASSIGN_OR_RETURN(std::vector<PilotId> ids, PilotStore::AllIds(tx));
  for (PilotId id : ids) {
    ASSIGN_OR_RETURN(Pilot pilot, PilotStore::Find(tx, id));
    RETURN_IF_ERROR(fn(ToSearchDocument(pilot)));
  }
  return Status::Ok();
}

}  // namespace nyttig::pilots
