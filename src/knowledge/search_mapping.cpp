#include "knowledge/search_mapping.h"

#include "core/time_format.h"
#include "knowledge/case_store.h"
#include "knowledge/document_store.h"
#include "knowledge/text_extraction.h"

namespace nyttig::knowledge {
namespace {

void AppendParagraph(std::string& body, const std::string& text) {
  if (text.empty()) return;
  if (!body.empty()) body += "\n\n";
  body += text;
}

// Heading marks are layout, not words.
std::string WithoutHeadingMarks(const std::string& transcript) {
  std::string out;
  bool line_start = true;
  for (char c : transcript) {
    if (line_start && c == '#') continue;
    line_start = c == '\n';
    out += c;
  }
  return out;
}

}  // namespace

search::SearchDocument ToSearchDocument(const Case& c) {
  search::SearchDocument doc{.kind = "case", .id = c.id, .organisation_id = c.organisation_id};
  doc.audience = c.state == CaseState::kPublished ? search::Audience::kPublic
                                                  : search::Audience::kNobody;
  doc.title = c.content.title;
  // The texts are Markdown: index their words, not their markup.
  for (const std::string* part : {&c.content.summary, &c.content.problem, &c.content.solution,
                                  &c.content.hard_parts, &c.content.advice}) {
    AppendParagraph(doc.body, WithoutHeadingMarks(MarkdownToTranscript(*part)));
  }
  for (const CaseResult& r : c.content.results) AppendParagraph(doc.body, r.metric);
  doc.url = "/cases/" + std::to_string(c.id);
  if (!c.content.area.empty()) doc.facets["area"] = {c.content.area};
  for (int goal : c.content.sdgs) doc.facets["sdg"].push_back(std::to_string(goal));
  if (!c.content.tags.empty()) doc.facets["tag"] = c.content.tags;
  doc.date = c.published_at.value_or(c.created_at);
  return doc;
}

search::SearchDocument ToSearchDocument(const Document& d) {
  search::SearchDocument doc{.kind = "document", .id = d.id, .organisation_id = d.organisation_id};
  doc.audience = d.is_public ? search::Audience::kPublic : search::Audience::kOrganisation;
  doc.title = d.metadata.title;
  doc.body = WithoutHeadingMarks(d.transcript);
  doc.url = "/documents/" + std::to_string(d.id);
  doc.facets["document_kind"] = {d.metadata.kind};
  doc.facets["language"] = {d.metadata.language};
  // The decision date is what a reader filters a year by; the upload time otherwise.
  auto decided = d.metadata.decision_date ? ParseRfc3339(*d.metadata.decision_date) : std::nullopt;
  doc.date = decided.value_or(d.created_at);
  return doc;
}

namespace {
constexpr int kVisitBatch = 200;  // rows read at a time
}  // namespace

Status VisitCaseSearchDocuments(db::Tx& tx, const SearchVisitor& visit) {
  CaseFilter all;
  all.all_visible = true;
  for (std::int64_t offset = 0;; offset += kVisitBatch) {
    ASSIGN_OR_RETURN(std::vector<Case> batch, CaseStore::List(tx, all, kVisitBatch, offset));
    for (const Case& listed : batch) {
      ASSIGN_OR_RETURN(Case c, CaseStore::Get(tx, listed.id));  // with its results
      RETURN_IF_ERROR(visit(ToSearchDocument(c)));
    }
    if (batch.size() < static_cast<size_t>(kVisitBatch)) return Status::Ok();
  }
}

Status VisitDocumentSearchDocuments(db::Tx& tx, const SearchVisitor& visit) {
  DocumentFilter all;
  all.all_visible = true;
  for (std::int64_t offset = 0;; offset += kVisitBatch) {
    ASSIGN_OR_RETURN(std::vector<Document> batch, DocumentStore::List(tx, all, kVisitBatch, offset));
    for (const Document& listed : batch) {
      ASSIGN_OR_RETURN(Document d, DocumentStore::Get(tx, listed.id));  // with its transcript
      RETURN_IF_ERROR(visit(ToSearchDocument(d)));
    }
    if (batch.size() < static_cast<size_t>(kVisitBatch)) return Status::Ok();
  }
}

}  // namespace nyttig::knowledge
