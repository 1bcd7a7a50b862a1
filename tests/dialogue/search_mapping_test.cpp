// dialogue::ToSearchDocument: what the index may show about a dialogue.
#include "dialogue/search_mapping.h"

#include <gtest/gtest.h>

namespace nyttig::dialogue {
namespace {

constexpr UnixSeconds kNow = 1'800'000'000;

TEST(DialogueSearchMappingTest, AnOpenDialogueIsPublicWithItsAcceptedStatementsOnly) {
  Dialogue d{.id = 4, .organisation_id = 7, .question = "Hur ska parken användas?",
             .introduction = "Tyck till.", .opens_at = kNow - 60};
  std::vector<Statement> statements = {
      {.id = 1, .body = "Fler bänkar.", .state = StatementState::kAccepted},
      {.id = 2, .body = "Hemligt förslag.", .state = StatementState::kPending},
      {.id = 3, .body = "Bortmodererat.", .state = StatementState::kRejected}};
  search::SearchDocument doc = ToSearchDocument(d, statements, kNow);
  EXPECT_EQ(doc.kind, "dialogue");
  EXPECT_EQ(doc.audience, search::Audience::kPublic);
  EXPECT_EQ(doc.title, "Hur ska parken användas?");
  EXPECT_EQ(doc.body, "Tyck till.\nFler bänkar.");
  EXPECT_EQ(doc.url, "/dialogues/4");
  EXPECT_EQ(doc.facets["state"], std::vector<std::string>{"open"});
}

TEST(DialogueSearchMappingTest, ADialogueNotYetOpenIsFoundByNobody) {
  Dialogue d{.id = 4, .organisation_id = 7, .question = "Snart", .opens_at = kNow + 60};
  EXPECT_EQ(ToSearchDocument(d, {}, kNow).audience, search::Audience::kNobody);
}

TEST(DialogueSearchMappingTest, TheDocumentChangesByItselfAtOpeningAndThenAtClosing) {
  Dialogue d{.id = 4, .question = "Snart", .opens_at = kNow + 60, .closes_at = kNow + 600};
  EXPECT_EQ(NextSearchChange(d, kNow), kNow + 60);
  EXPECT_EQ(NextSearchChange(d, kNow + 60), kNow + 600);
  EXPECT_EQ(NextSearchChange(d, kNow + 600), std::nullopt);
  d.closes_at.reset();
  EXPECT_EQ(NextSearchChange(d, kNow + 60), std::nullopt) << "open until closed by hand";
}

}  // namespace
}  // namespace nyttig::dialogue
