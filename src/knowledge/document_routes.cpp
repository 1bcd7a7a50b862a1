// Pages of the document library: /documents (filters: kind, year, words in
// the title) and /documents/{id} (metadata, the original to download, the
// related documents and the transcript with linkable headings).
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "http/paging.h"
#include "knowledge/routes.h"
#include "knowledge/text_extraction.h"
#include "web/page.h"

namespace nyttig::knowledge {
namespace {

using nlohmann::json;
constexpr int kLibraryPageSize = 20;

json Optional(const std::string& text) { return text.empty() ? json() : json(text); }

std::string KindLabel(const web::RequestContext& ctx, const std::string& kind) {
  return ctx.T("knowledge.document.kind." + kind);
}

// The transcript as sections for the template: headings with anchors and
// paragraphs (escaped by the template, never raw).
json TranscriptSections(const std::string& transcript) {
  json blocks = json::array();
  std::string paragraph;
  auto flush = [&] {
    if (!paragraph.empty()) blocks.push_back({{"paragraph", paragraph}});
    paragraph.clear();
  };
  size_t pos = 0;
  std::map<std::string, int> used;
  while (pos <= transcript.size()) {
    size_t nl = transcript.find('\n', pos);
    if (nl == std::string::npos) nl = transcript.size();
    std::string line = transcript.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty()) {
      flush();
    } else if (line[0] == '#') {
      flush();
      size_t level = std::min<size_t>(line.find_first_not_of('#'), 4);
      std::string text(Trim(line.substr(line.find_first_not_of('#'))));
      std::string anchor = "h-" + HeadingAnchor(text);
      if (int n = used[anchor]++; n > 0) anchor += "-" + std::to_string(n + 1);
      // The page owns h1; transcript headings start at h2.
      blocks.push_back({{"heading", text}, {"anchor", anchor}, {"h" + std::to_string(level + 1), true}});
    } else {
      paragraph += paragraph.empty() ? line : "\n" + line;
    }
  }
  flush();
  return blocks;
}

json DocumentSummary(const Document& d, const web::RequestContext& ctx) {
  return {{"id", d.id},
          {"title", d.metadata.title},
          {"kind", KindLabel(ctx, d.metadata.kind)},
          {"organisation", d.organisation_name.empty() ? ctx.T("knowledge.library.shared")
                                                       : d.organisation_name},
          {"decision_date", Optional(d.metadata.decision_date.value_or(""))}};
}

json KindOptions(const web::RequestContext& ctx, const std::string& selected) {
  json kinds = json::array();
  for (std::string_view k : kDocumentKinds) {
    kinds.push_back({{"value", k}, {"label", KindLabel(ctx, std::string(k))},
                     {"selected", k == selected}});
  }
  return kinds;
}

http::Response Library(const KnowledgeRouteDeps& deps, const http::Request& r,
                       web::RequestContext& ctx) {
  DocumentFilter filter;
  filter.kind = r.Query("kind").value_or("");
  if (!filter.kind.empty() && !IsDocumentKind(filter.kind)) filter.kind.clear();
  filter.query = r.Query("q").value_or("");
  std::string year = r.Query("year").value_or("");
  if (year.size() == 4 && std::all_of(year.begin(), year.end(), ::isdigit)) filter.year = std::stoi(year);
  auto paging = http::ParsePageRequest(r);
  int page = paging.ok() ? paging->page : 1;
  auto found = deps.documents.List(ctx.actor, filter, {page, kLibraryPageSize});
  if (!found.ok()) return web::ErrorPage(deps.renderer, found.status(), r, ctx);
  json items = json::array();
  for (const Document& d : found->items) items.push_back(DocumentSummary(d, ctx));
  json data = {{"title", ctx.T("knowledge.library.title")},
               {"q", filter.query},
               {"year", filter.year ? year : ""},
               {"kinds", KindOptions(ctx, filter.kind)},
               {"items", items},
               {"has_items", !items.empty()},
               {"total", std::to_string(found->total)},
               {"pagination", web::PageLinks(web::PageBase(r), page, found->total, kLibraryPageSize)}};
  return web::HtmlPage(deps.renderer, "knowledge/library", 200, data, r, ctx);
}

json MetadataRows(const Document& d, const web::RequestContext& ctx) {
  json rows = json::array();
  auto add = [&](const char* key, const std::string& value) {
    if (!value.empty()) rows.push_back({{"key", ctx.T(key)}, {"value", value}});
  };
  add("knowledge.document.kind", KindLabel(ctx, d.metadata.kind));
  add("knowledge.document.organisation",
      d.organisation_name.empty() ? ctx.T("knowledge.library.shared") : d.organisation_name);
  add("knowledge.document.decision_date", d.metadata.decision_date.value_or(""));
  add("knowledge.document.decision_body", d.metadata.decision_body);
  add("knowledge.document.diary_number", d.metadata.diary_number);
  add("knowledge.document.language", ctx.T("knowledge.language." + d.metadata.language));
  if (d.page_count > 0) add("knowledge.document.pages", std::to_string(d.page_count));
  return rows;
}

http::Response DocumentPage(const KnowledgeRouteDeps& deps, const http::Request& r,
                            web::RequestContext& ctx) {
  DocumentId id = web::PathId(r);
  auto doc = deps.documents.Get(ctx.actor, id);
  if (!doc.ok()) return web::ErrorPage(deps.renderer, doc.status(), r, ctx);
  auto related = deps.documents.Related(ctx.actor, id);
  json related_items = json::array();
  if (related.ok()) {
    for (const RelatedDocument& rd : *related) {
      related_items.push_back({{"id", rd.id}, {"title", rd.title}, {"kind", KindLabel(ctx, rd.kind)}});
    }
  }
  json sections = TranscriptSections(doc->transcript);
  json toc = json::array();
  for (const json& s : sections) {
    if (s.contains("heading") && s.contains("h2")) toc.push_back(s);
  }
  json data = {{"title", doc->metadata.title},
               {"id", id},
               {"metadata", MetadataRows(*doc, ctx)},
               {"file_name", std::filesystem::path(doc->source_name).filename().string()},
               {"related", related_items},
               {"has_related", !related_items.empty()},
               {"sections", sections},
               {"toc", toc},
               {"has_toc", toc.size() > 1}};
  return web::HtmlPage(deps.renderer, "knowledge/document", 200, data, r, ctx);
}

// The original as an attachment: never rendered by the browser, so an HTML
// original cannot run its scripts on our origin.
http::Response OriginalFile(const KnowledgeRouteDeps& deps, const http::Request& r,
                            web::RequestContext& ctx) {
  auto original = deps.documents.GetOriginal(ctx.actor, web::PathId(r));
  if (!original.ok()) return web::ErrorPage(deps.renderer, original.status(), r, ctx);
  std::string type = original->content_type == "application/pdf" ? "application/pdf"
                                                                  : "application/octet-stream";
  http::Response response = http::Response::Text(200, std::move(original->bytes), type);
  std::string name;
  for (char c : original->file_name) name += (c == '"' || c == '\\' || c < 0x20) ? '_' : c;
  response.headers.Set("Content-Disposition",
                       "attachment; filename=\"" + name + "\"; filename*=UTF-8''" +
                           http::PercentEncode(original->file_name));
  return response;
}

}  // namespace

void RegisterDocumentRoutes(web::Router& router, const KnowledgeRouteDeps& deps) {
  router.Get("/documents", [deps](const http::Request& r, web::RequestContext& ctx) {
    return Library(deps, r, ctx);
  });
  router.Get("/documents/{id:int}", [deps](const http::Request& r, web::RequestContext& ctx) {
    return DocumentPage(deps, r, ctx);
  });
  router.Get("/documents/{id:int}/original",
             [deps](const http::Request& r, web::RequestContext& ctx) {
               return OriginalFile(deps, r, ctx);
             });
}

void RegisterKnowledgeRoutes(web::Router& router, const KnowledgeRouteDeps& deps) {
  RegisterDocumentRoutes(router, deps);
  RegisterCaseRoutes(router, deps);
  RegisterKnowledgeApi(router, deps);
}

}  // namespace nyttig::knowledge
