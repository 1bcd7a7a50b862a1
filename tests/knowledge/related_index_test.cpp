#include "knowledge/related_index.h"

#include <gtest/gtest.h>

namespace nyttig::knowledge {
namespace {

std::vector<RelatedInput> Library() {
  return {
      {1, "Strategi för cirkulär ekonomi", "Kommunen minskar avfall genom återbruk och reparation av möbler.", "2025-03-01", ""},
      {2, "Remissvar om cirkulär ekonomi", "Yttrande över strategin för återbruk, reparation och avfall.", "2025-03-15", ""},
      {3, "Skolskjuts på landsbygden", "Elever åker buss till skolan varje morgon och eftermiddag.", "2019-08-01", ""},
      {4, "Skolskjuts i tätorten", "Eleverna går eller cyklar till skolan, några åker buss.", "2019-09-01", ""},
      {5, "Beslut om taxa", "Nämnden beslutade om ny taxa för bygglov.", "2021-01-01", "KS 2021/17"},
      {6, "Underlag till taxan", "Kalkyl och jämförelse med grannkommuner.", "2021-01-10", "KS 2021/17"},
  };
}

TEST(RelatedIndexTest, SharedVocabularyRanksFirst) {
  auto index = RelatedIndex::Build(Library(), {.min_df = 1, .max_df = 1.0}, nullptr);
  ASSERT_TRUE(index.ok()) << index.status().ToString();
  auto related = (*index)->MostRelated(1, 3);
  ASSERT_FALSE(related.empty());
  EXPECT_EQ(related[0].id, 2);
  EXPECT_EQ((*index)->MostRelated(3, 1)[0].id, 4);
}

TEST(RelatedIndexTest, SharedDiaryNumberLinksDocumentsWithoutCommonWords) {
  auto index = RelatedIndex::Build(Library(), {.min_df = 1, .max_df = 1.0}, nullptr);
  ASSERT_TRUE(index.ok());
  auto related = (*index)->MostRelated(5, 1);
  ASSERT_EQ(related.size(), 1u);
  EXPECT_EQ(related[0].id, 6);
}

TEST(RelatedIndexTest, NeverListsTheDocumentItselfAndHonoursTheLimit) {
  auto index = RelatedIndex::Build(Library(), {.min_df = 1, .max_df = 1.0}, nullptr);
  ASSERT_TRUE(index.ok());
  for (DocumentId id = 1; id <= 6; ++id) {
    auto related = (*index)->MostRelated(id, 2);
    EXPECT_LE(related.size(), 2u);
    for (const ScoredDocument& s : related) EXPECT_NE(s.id, id);
  }
  EXPECT_TRUE((*index)->MostRelated(99, 5).empty());
}

TEST(RelatedIndexTest, CloseDecisionDatesBreakTiesOfEqualText) {
  std::vector<RelatedInput> docs = {
      {1, "Rapport om simundervisning", "simundervisning i skolan", "2020-05-01", ""},
      {2, "Rapport om simundervisning", "simundervisning i skolan", "2010-05-01", ""},
      {3, "Rapport om simundervisning", "simundervisning i skolan", "2020-06-01", ""},
  };
  auto index = RelatedIndex::Build(docs, {.min_df = 1, .max_df = 1.0}, nullptr);
  ASSERT_TRUE(index.ok());
  auto related = (*index)->MostRelated(1, 2);
  ASSERT_EQ(related.size(), 2u);
  EXPECT_EQ(related[0].id, 3);
  EXPECT_GT(related[0].score, related[1].score);
}

}  // namespace
}  // namespace nyttig::knowledge
