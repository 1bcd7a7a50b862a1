// The search module's HTTP surface: GET /api/v1/search,
// GET /api/v1/search/related and the /search page (facets as filter links,
// works without JavaScript; htmx swaps only the results while typing).
#pragma once

#include "accounts/organisation_service.h"
#include "search/search_service.h"
#include "web/context.h"
#include "web/renderer.h"

namespace nyttig::search {

struct SearchRouteDeps {
  SearchService& search;
  accounts::OrganisationService& organisations;
  const web::Renderer& renderer;
};

void RegisterSearchRoutes(web::Router& router, const SearchRouteDeps& deps);

// Split by audience; each registers its own routes.
void RegisterSearchApi(web::Router& router, const SearchRouteDeps& deps);
void RegisterSearchPage(web::Router& router, const SearchRouteDeps& deps);

}  // namespace nyttig::search
