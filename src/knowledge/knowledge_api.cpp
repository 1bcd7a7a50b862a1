// The knowledge module's JSON API (CONTRACTS.md shapes) and open-data
// exports: /api/v1/documents…, /api/v1/cases…, /api/v1/adoptions….
#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>

#include "core/csv.h"
#include "core/time_format.h"
#include "http/json_body.h"
#include "http/paging.h"
#include "knowledge/routes.h"
#include "web/page.h"

namespace nyttig::knowledge {
namespace {

using nlohmann::json;
using Handler = std::function<http::Response(const http::Request&, web::RequestContext&)>;
constexpr int kExportPageSize = 100;
constexpr int kMaxExportPages = 10000;

json Opt(const std::optional<std::string>& v) { return v ? json(*v) : json(); }
json OptInt(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(); }

http::Response Ok(const json& body, int status = 200) { return web::Json(status, body); }

std::optional<std::string> Q(const http::Request& r, const char* name) {
  auto v = r.Query(name);
  return v && !v->empty() ? v : std::nullopt;
}

StatusOr<CaseContent> ContentFromJson(const json& body) {
  http::JsonFields f(body, {"title", "summary", "problem", "solution", "period_start",
                            "period_end", "costs", "effort", "hard_parts", "advice",
                            "legal_notes", "contact_name", "contact_email", "area", "sdgs",
                            "tags", "results", "document_ids", "organisation_id", "idea_id"});
  CaseContent c;
  c.title = f.RequiredString("title", kMaxCaseTitle);
  for (auto [name, field] : {std::pair{"summary", &c.summary}, {"problem", &c.problem},
                             {"solution", &c.solution}, {"costs", &c.costs}, {"effort", &c.effort},
                             {"hard_parts", &c.hard_parts}, {"advice", &c.advice},
                             {"legal_notes", &c.legal_notes}, {"contact_name", &c.contact_name},
                             {"contact_email", &c.contact_email}, {"area", &c.area}}) {
    *field = f.OptionalString(name, kMaxCaseText).value_or("");
  }
  c.period_start = f.OptionalString("period_start", 10);
  c.period_end = f.OptionalString("period_end", 10);
  f.OptionalInt("organisation_id", 1, INT64_MAX);
  f.OptionalInt("idea_id", 1, INT64_MAX);
  if (Status edge = f.status(); !edge.ok()) {
    // List the content rules' findings too, so one answer names every field.
    Status rules = CaseService::Validate(c);
    for (const InvalidParameter& p : rules.invalid_parameters()) {
      bool listed = std::any_of(edge.invalid_parameters().begin(), edge.invalid_parameters().end(),
                                [&](const InvalidParameter& e) { return e.name == p.name; });
      if (!listed) edge.AddInvalid(p.name, p.reason, p.value, p.args);
    }
    return edge;
  }
  try {
    if (body.contains("sdgs")) c.sdgs = body["sdgs"].get<std::vector<int>>();
    if (body.contains("tags")) c.tags = body["tags"].get<std::vector<std::string>>();
    if (body.contains("document_ids")) c.document_ids = body["document_ids"].get<std::vector<DocumentId>>();
    for (const json& r : body.value("results", json::array())) {
      CaseResult res{.metric = r.at("metric").get<std::string>(),
                     .unit = r.value("unit", ""), .source = r.value("source", "")};
      if (r.contains("before") && !r["before"].is_null()) res.before = r["before"].get<double>();
      if (r.contains("after") && !r["after"].is_null()) res.after = r["after"].get<double>();
      c.results.push_back(res);
    }
  } catch (const json::exception&) {
    return InvalidArgumentError("invalid case").AddInvalid("results", "knowledge.json.shape");
  }
  return c;
}

StatusOr<AdoptionInput> AdoptionFromJson(const json& body, bool with_org) {
  http::JsonFields f(body, {"organisation_id", "status", "adopted_on", "scope", "adaptation",
                            "idea_id", "pilot_id", "results"});
  if (with_org) f.RequiredInt("organisation_id", 1, INT64_MAX);
  std::string status = f.RequiredString("status", 20);
  AdoptionInput in{.adopted_on = f.RequiredString("adopted_on", 10),
                   .scope = f.OptionalString("scope", kMaxCaseText).value_or(""),
                   .adapted = f.OptionalString("adaptation", 20).value_or("adapted") != "copied",
                   .idea_id = f.OptionalInt("idea_id", 1, INT64_MAX),
                   .pilot_id = f.OptionalInt("pilot_id", 1, INT64_MAX),
                   .results = f.OptionalString("results", kMaxCaseText).value_or("")};
  RETURN_IF_ERROR(f.status());
  auto parsed = ParseAdoptionStatus(status);
  if (!parsed) return InvalidArgumentError("invalid adoption").AddInvalid("status", "knowledge.adoption.status.invalid", status);
  in.status = *parsed;
  return in;
}

// Wraps a handler body that returns StatusOr<json>: errors become problem+json.
template <typename F>
Handler Api(F body, int status = 200) {
  return [body, status](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiJson(r, ctx, status, [&] { return body(r, ctx); });
  };
}

StatusOr<json> ListDocuments(const KnowledgeRouteDeps& d, const http::Request& r,
                             web::RequestContext& ctx) {
  ASSIGN_OR_RETURN(http::PageRequest page, http::ParsePageRequest(r));
  DocumentFilter filter{.kind = Q(r, "kind").value_or(""), .query = Q(r, "q").value_or("")};
  ASSIGN_OR_RETURN(auto found, d.documents.List(ctx.actor, filter, {page.page, page.limit}));
  json items = json::array();
  for (const Document& doc : found.items) items.push_back(DocumentJson(doc, false));
  return http::PagedJson(items, page, found.total);
}

// An upload is the file itself as the body (any Content-Type: the type is
// sniffed) with the metadata in the query, so no multipart parser is needed.
StatusOr<json> UploadDocument(const KnowledgeRouteDeps& d, const http::Request& r,
                              web::RequestContext& ctx) {
  if (r.body.empty()) {
    return InvalidArgumentError("empty upload").AddInvalid("body", "knowledge.upload.empty");
  }
  ImportRequest request{.source_name = Q(r, "file_name").value_or("upload"),
                        .is_public = r.Query("public").value_or("true") != "false"};
  ASSIGN_OR_RETURN(request.organisation_id, http::OptionalIdQuery(r, "organisation_id"));
  request.metadata = {.title = Q(r, "title").value_or(""),
                      .kind = Q(r, "kind").value_or("rapport"),
                      .decision_date = Q(r, "decision_date"),
                      .decision_body = Q(r, "decision_body").value_or(""),
                      .diary_number = Q(r, "diary_number").value_or(""),
                      .language = Q(r, "language").value_or("sv")};
  ASSIGN_OR_RETURN(ImportOutcome outcome, d.documents.Upload(ctx.actor, r.body, request));
  ASSIGN_OR_RETURN(Document doc, d.documents.Get(ctx.actor, outcome.id));
  return DocumentJson(doc, false);
}

StatusOr<json> ListCases(const KnowledgeRouteDeps& d, const http::Request& r,
                         web::RequestContext& ctx) {
  ASSIGN_OR_RETURN(http::PageRequest page, http::ParsePageRequest(r));
  CaseFilter filter{.area = Q(r, "area").value_or(""), .query = Q(r, "q").value_or("")};
  ASSIGN_OR_RETURN(filter.organisation_id, http::OptionalIdQuery(r, "organisation_id"));
  ASSIGN_OR_RETURN(auto found, d.cases.List(ctx.actor, filter, {page.page, page.limit}));
  json items = json::array();
  for (const Case& c : found.items) items.push_back(CaseJson(c));
  return http::PagedJson(items, page, found.total);
}

StatusOr<json> CreateCase(const KnowledgeRouteDeps& d, const http::Request& r,
                          web::RequestContext& ctx) {
  ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
  ASSIGN_OR_RETURN(CaseContent content, ContentFromJson(body));
  std::int64_t org = body.value("organisation_id", std::int64_t{0});
  std::optional<std::int64_t> idea;
  if (body.contains("idea_id") && body["idea_id"].is_number_integer()) idea = body["idea_id"].get<std::int64_t>();
  ASSIGN_OR_RETURN(Case c, d.cases.CreateCase(ctx.actor, org, content, idea));
  return CaseJson(c);
}

StatusOr<json> UpdateCase(const KnowledgeRouteDeps& d, const http::Request& r,
                          web::RequestContext& ctx) {
  ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
  ASSIGN_OR_RETURN(CaseContent content, ContentFromJson(body));
  ASSIGN_OR_RETURN(Case c, d.cases.UpdateCase(ctx.actor, web::PathId(r), content));
  return CaseJson(c);
}

StatusOr<json> CaseVersions(const KnowledgeRouteDeps& d, const http::Request& r,
                            web::RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto versions, d.cases.History(ctx.actor, web::PathId(r)));
  json items = json::array();
  for (const CaseVersion& v : versions) {
    items.push_back({{"version", v.version}, {"editor", v.editor_name},
                     {"edited_at", FormatRfc3339(v.edited_at)},
                     {"content", json::parse(CaseContentToJson(v.content))}});
  }
  return http::WholeListJson(items);
}

StatusOr<json> CaseAdoptions(const KnowledgeRouteDeps& d, const http::Request& r,
                             web::RequestContext& ctx) {
  ASSIGN_OR_RETURN(auto adoptions, d.cases.Adoptions(ctx.actor, web::PathId(r)));
  json items = json::array();
  for (const Adoption& a : adoptions) items.push_back(AdoptionJson(a));
  json out = http::WholeListJson(items);
  Spread s = ComputeSpread(adoptions);
  json counties = json::object();
  for (const auto& [county, n] : s.by_county) counties[county] = n;
  out["spread"] = {{"organisations", s.organisations}, {"adopted", s.adopted},
                   {"trying", s.trying}, {"regions", s.regions}, {"by_county", counties}};
  return out;
}

StatusOr<json> RecordAdoption(const KnowledgeRouteDeps& d, const http::Request& r,
                              web::RequestContext& ctx) {
  ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
  ASSIGN_OR_RETURN(AdoptionInput in, AdoptionFromJson(body, true));
  ASSIGN_OR_RETURN(Adoption a, d.cases.RecordAdoption(ctx.actor, web::PathId(r),
                                                      body["organisation_id"].get<std::int64_t>(), in));
  return AdoptionJson(a);
}

StatusOr<json> UpdateAdoption(const KnowledgeRouteDeps& d, const http::Request& r,
                              web::RequestContext& ctx) {
  ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
  ASSIGN_OR_RETURN(AdoptionInput in, AdoptionFromJson(body, false));
  ASSIGN_OR_RETURN(Adoption a, d.cases.UpdateAdoption(ctx.actor, web::PathId(r), in));
  return AdoptionJson(a);
}

// Open data: every published case, or every public document, as one JSON
// list or CSV. Read through the same visibility rules as an anonymous
// visitor, whoever asks.
std::string CsvRow(const json& item, const std::vector<std::string>& columns) {
  std::string line;
  for (size_t col_idx = 0; col_idx < columns.size(); ++col_idx) {
    const json& v = item[columns[col_idx]];
    std::string text = v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump();
    line += (col_idx ? "," : "") + CsvQuote(text);
  }
  return line + "\n";
}

template <typename F>
http::Response Export(const http::Request& r, web::RequestContext& ctx, F fetch_page,
                      const std::vector<std::string>& columns, const std::string& name) {
  json all = json::array();
  for (int page = 1; page <= kMaxExportPages; ++page) {
    StatusOr<std::pair<json, std::int64_t>> got = fetch_page(page);
    if (!got.ok()) return web::ApiError(got.status(), r, ctx);
    for (const json& item : got->first) all.push_back(item);
    if (static_cast<std::int64_t>(all.size()) >= got->second || got->first.empty()) break;
  }
  if (r.Query("format").value_or("json") != "csv") return Ok(http::WholeListJson(all));
  std::string csv;
  for (size_t col_idx = 0; col_idx < columns.size(); ++col_idx) csv += (col_idx ? "," : "") + columns[col_idx];
  csv += "\n";
  for (const json& item : all) csv += CsvRow(item, columns);
  http::Response response = http::Response::Text(200, csv, "text/csv; charset=utf-8");
  response.headers.Set("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
  return response;
}

}  // namespace

json DocumentJson(const Document& d, bool with_transcript) {
  json out = {{"id", d.id}, {"organisation_id", OptInt(d.organisation_id)},
              {"title", d.metadata.title}, {"kind", d.metadata.kind},
              {"decision_date", Opt(d.metadata.decision_date)},
              {"decision_body", d.metadata.decision_body},
              {"diary_number", d.metadata.diary_number}, {"language", d.metadata.language},
              {"content_type", d.content_type}, {"file_size", d.file_size},
              {"page_count", d.page_count}, {"sha256", d.file_sha256},
              {"url", "/documents/" + std::to_string(d.id)},
              {"original_url", "/documents/" + std::to_string(d.id) + "/original"},
              {"created_at", FormatRfc3339(d.created_at)}};
  if (with_transcript) out["transcript"] = d.transcript;
  return out;
}

json CaseJson(const Case& c) {
  json content = json::parse(CaseContentToJson(c.content));
  content.update({{"id", c.id}, {"organisation_id", c.organisation_id},
                  {"organisation_name", c.organisation_name}, {"idea_id", OptInt(c.idea_id)},
                  {"state", CaseStateName(c.state)}, {"version", c.version},
                  {"adoption_count", c.adoption_count},
                  {"url", "/cases/" + std::to_string(c.id)},
                  {"created_at", FormatRfc3339(c.created_at)},
                  {"updated_at", FormatRfc3339(c.updated_at)},
                  {"published_at", c.published_at ? json(FormatRfc3339(*c.published_at)) : json()}});
  return content;
}

json AdoptionJson(const Adoption& a) {
  return {{"id", a.id}, {"case_id", a.case_id}, {"organisation_id", a.organisation_id},
          {"organisation_name", a.organisation_name},
          {"county_code", a.county_code.empty() ? json() : json(a.county_code)},
          {"status", AdoptionStatusName(a.input.status)}, {"adopted_on", a.input.adopted_on},
          {"scope", a.input.scope}, {"adaptation", a.input.adapted ? "adapted" : "copied"},
          {"idea_id", OptInt(a.input.idea_id)}, {"pilot_id", OptInt(a.input.pilot_id)},
          {"results", a.input.results}, {"created_at", FormatRfc3339(a.created_at)},
          {"withdrawn_at", a.withdrawn_at ? json(FormatRfc3339(*a.withdrawn_at)) : json()}};
}

void RegisterKnowledgeApi(web::Router& router, const KnowledgeRouteDeps& deps) {
  auto d = deps;
  router.Get("/api/v1/documents", Api([d](auto& r, auto& ctx) { return ListDocuments(d, r, ctx); }));
  router.Post("/api/v1/documents",
              Api([d](auto& r, auto& ctx) { return UploadDocument(d, r, ctx); }, 201));
  router.Get("/api/v1/documents/{id:int}", Api([d](auto& r, auto& ctx) -> StatusOr<json> {
    ASSIGN_OR_RETURN(Document doc, d.documents.Get(ctx.actor, web::PathId(r)));
    return DocumentJson(doc, true);
  }));
  router.Get("/api/v1/documents/{id:int}/related", Api([d](auto& r, auto& ctx) -> StatusOr<json> {
    ASSIGN_OR_RETURN(auto related, d.documents.Related(ctx.actor, web::PathId(r)));
    json items = json::array();
    for (const RelatedDocument& rd : related) {
      items.push_back({{"kind", "document"}, {"id", rd.id}, {"title", rd.title},
                       {"url", "/documents/" + std::to_string(rd.id)}, {"score", rd.score}});
    }
    return http::WholeListJson(items);
  }));
  router.Get("/api/v1/documents/export", [d](const http::Request& r, web::RequestContext& ctx) {
    return Export(r, ctx, [&](int page) -> StatusOr<std::pair<json, std::int64_t>> {
      ASSIGN_OR_RETURN(auto found, d.documents.List(accounts::Actor::Anonymous(), {}, {page, kExportPageSize}));
      json items = json::array();
      for (const Document& doc : found.items) items.push_back(DocumentJson(doc, false));
      return std::pair(items, found.total);
    }, {"id", "title", "kind", "decision_date", "decision_body", "diary_number", "language",
        "content_type", "url"}, "documents");
  });
  router.Get("/api/v1/cases", Api([d](auto& r, auto& ctx) { return ListCases(d, r, ctx); }));
  router.Post("/api/v1/cases", Api([d](auto& r, auto& ctx) { return CreateCase(d, r, ctx); }, 201));
  router.Get("/api/v1/cases/export", [d](const http::Request& r, web::RequestContext& ctx) {
    return Export(r, ctx, [&](int page) -> StatusOr<std::pair<json, std::int64_t>> {
      ASSIGN_OR_RETURN(auto found, d.cases.List(accounts::Actor::Anonymous(), {}, {page, kExportPageSize}));
      json items = json::array();
      for (const Case& c : found.items) items.push_back(CaseJson(c));
      return std::pair(items, found.total);
    }, {"id", "title", "organisation_name", "area", "summary", "period_start", "period_end",
        "adoption_count", "published_at", "url"}, "cases");
  });
  router.Get("/api/v1/cases/{id:int}", Api([d](auto& r, auto& ctx) -> StatusOr<json> {
    ASSIGN_OR_RETURN(Case c, d.cases.Get(ctx.actor, web::PathId(r)));
    return CaseJson(c);
  }));
  router.Patch("/api/v1/cases/{id:int}", Api([d](auto& r, auto& ctx) { return UpdateCase(d, r, ctx); }));
  router.Post("/api/v1/cases/{id:int}/submit", Api([d](auto& r, auto& ctx) -> StatusOr<json> {
    ASSIGN_OR_RETURN(Case c, d.cases.SubmitForReview(ctx.actor, web::PathId(r)));
    return CaseJson(c);
  }));
  router.Post("/api/v1/cases/{id:int}/publish", Api([d](auto& r, auto& ctx) -> StatusOr<json> {
    ASSIGN_OR_RETURN(Case c, d.cases.Publish(ctx.actor, web::PathId(r)));
    return CaseJson(c);
  }));
  router.Get("/api/v1/cases/{id:int}/versions", Api([d](auto& r, auto& ctx) { return CaseVersions(d, r, ctx); }));
  router.Get("/api/v1/cases/{id:int}/adoptions", Api([d](auto& r, auto& ctx) { return CaseAdoptions(d, r, ctx); }));
  router.Post("/api/v1/cases/{id:int}/adoptions",
              Api([d](auto& r, auto& ctx) { return RecordAdoption(d, r, ctx); }, 201));
  router.Get("/api/v1/adoptions/{id:int}", Api([d](auto& r, auto& ctx) -> StatusOr<json> {
    ASSIGN_OR_RETURN(Adoption a, d.cases.GetAdoption(ctx.actor, web::PathId(r)));
    return AdoptionJson(a);
  }));
  router.Patch("/api/v1/adoptions/{id:int}", Api([d](auto& r, auto& ctx) { return UpdateAdoption(d, r, ctx); }));
  router.Delete("/api/v1/adoptions/{id:int}", Api([d](auto& r, auto& ctx) -> StatusOr<json> {
    ASSIGN_OR_RETURN(Adoption a, d.cases.WithdrawAdoption(ctx.actor, web::PathId(r)));
    return AdoptionJson(a);
  }));
}

}  // namespace nyttig::knowledge
