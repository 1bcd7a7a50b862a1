#include "search/search_service.h"

#include <mutex>

namespace nyttig::search {
namespace {

constexpr std::int64_t kNoOrganisation = -1;  // an id no organisation has: matches nothing

class FunctionSource : public SearchSource {
 public:
  FunctionSource(std::string kind, std::function<Status(db::Tx&, const Visitor&)> visit_all)
      : kind_(std::move(kind)), visit_all_(std::move(visit_all)) {}
  std::string kind() const override { return kind_; }
  Status VisitAll(db::Tx& tx, const Visitor& visit) override { return visit_all_(tx, visit); }

 private:
  std::string kind_;
  std::function<Status(db::Tx&, const Visitor&)> visit_all_;
};

}  // namespace

std::unique_ptr<SearchSource> MakeSearchSource(
    std::string kind, std::function<Status(db::Tx&, const SearchSource::Visitor&)> visit_all) {
  return std::make_unique<FunctionSource>(std::move(kind), std::move(visit_all));
}

StatusOr<std::shared_ptr<CompoundSplitter>> SharedSwedishSplitter() {
  static std::mutex mutex;
  static std::shared_ptr<CompoundSplitter> loaded;
  std::lock_guard lock(mutex);
  if (!loaded) {
    ASSIGN_OR_RETURN(std::unique_ptr<CompoundSplitter> splitter, CompoundSplitter::Load());
    loaded = std::move(splitter);
  }
  return loaded;
}

void SearchService::RegisterSource(std::unique_ptr<SearchSource> source) {
  sources_.push_back(std::move(source));
}

std::int64_t SearchService::ResolveOrganisation(const std::string& id_or_slug) {
  StatusOr<accounts::Organisation> found = organisations_.ResolveOrganisation(id_or_slug);
  return found.ok() ? found->id : kNoOrganisation;
}

StatusOr<SearchResults> SearchService::Search(const accounts::Actor& actor, SearchRequest request,
                                              const std::vector<std::string>& organisations) {
  std::vector<std::string> wanted = organisations;
  const QueryFilters in_query = ParseQuery(request.query).filters;
  wanted.insert(wanted.end(), in_query.organisations.begin(), in_query.organisations.end());
  for (const std::string& org : wanted) {
    request.organisation_ids.push_back(ResolveOrganisation(org));
  }
  const Visibility visibility = VisibilityFor(actor);
  return db_.ReadValue<SearchResults>(
      [&](db::Tx& tx) { return index_->Search(tx, request, visibility); });
}

StatusOr<std::vector<SearchHit>> SearchService::Related(const accounts::Actor& actor,
                                                        const std::string& kind, std::int64_t id,
                                                        int limit) {
  const Visibility visibility = VisibilityFor(actor);
  return db_.ReadValue<std::vector<SearchHit>>(
      [&](db::Tx& tx) { return index_->Related(tx, kind, id, limit, visibility); });
}

StatusOr<ReindexReport> SearchService::Reindex() {
  return db_.WriteValue<ReindexReport>([&](db::Tx& tx) -> StatusOr<ReindexReport> {
    ReindexReport report;
    RETURN_IF_ERROR(index_->Clear(tx));
    for (const std::unique_ptr<SearchSource>& source : sources_) {
      std::int64_t& count = report.documents_by_kind[source->kind()];
      RETURN_IF_ERROR(source->VisitAll(tx, [&](const SearchDocument& document) -> Status {
        ++count;
        return index_->Upsert(tx, document);
      }));
      report.documents += count;
    }
    return report;
  });
}

}  // namespace nyttig::search
