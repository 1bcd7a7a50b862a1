#include "knowledge/search_mapping.h"

#include <gtest/gtest.h>

namespace nyttig::knowledge {
namespace {

TEST(KnowledgeSearchMappingTest, OnlyPublishedCasesArePublic) {
  Case c{.id = 4, .organisation_id = 9, .state = CaseState::kReview};
  c.content = {.title = "Tallriksvåg", .problem = "Svinn", .area = "Skola", .sdgs = {12}};
  search::SearchDocument doc = ToSearchDocument(c);
  EXPECT_EQ(doc.kind, "case");
  EXPECT_EQ(doc.audience, search::Audience::kNobody);
  EXPECT_EQ(doc.url, "/cases/4");
  EXPECT_EQ(doc.facets["sdg"], std::vector<std::string>{"12"});
  c.state = CaseState::kPublished;
  EXPECT_EQ(ToSearchDocument(c).audience, search::Audience::kPublic);
}

TEST(KnowledgeSearchMappingTest, ACaseIsIndexedByItsWordsNotItsMarkdown) {
  Case c{.id = 4, .organisation_id = 9, .state = CaseState::kPublished};
  c.content = {.title = "Tallriksvåg",
               .summary = "## Kort\n\n**Mindre** svinn, se [rapporten](https://example.se/r)."};
  EXPECT_EQ(ToSearchDocument(c).body, " Kort\n\nMindre svinn, se rapporten.");
}

TEST(KnowledgeSearchMappingTest, InternalDocumentsStayInTheirOrganisation) {
  Document d{.id = 3, .organisation_id = 9, .transcript = "# Rubrik\n\nText", .is_public = false};
  d.metadata.title = "Rutin";
  d.metadata.decision_date = "2025-06-03";
  search::SearchDocument doc = ToSearchDocument(d);
  EXPECT_EQ(doc.kind, "document");
  EXPECT_EQ(doc.audience, search::Audience::kOrganisation);
  EXPECT_EQ(doc.body, " Rubrik\n\nText");
  EXPECT_EQ(doc.date, 1748908800);  // 2025-06-03T00:00:00Z
}

}  // namespace
}  // namespace nyttig::knowledge
