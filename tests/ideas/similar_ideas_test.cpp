// The similar-idea finder on SQLite and PostgreSQL: a paraphrase of an
// existing idea's need finds it, an unrelated idea does not come along, and
// nobody is shown an idea they may not see.
#include "ideas/similar_ideas.h"

#include <gtest/gtest.h>

#include "ideas/ideas_test_support.h"

namespace nyttig::ideas {
namespace {

using accounts::Role;

class SimilarIdeasTest : public IdeasTest {
 protected:
  void SetUp() override {
    IdeasTest::SetUp();
    auto splitter = search::CompoundSplitter::Load();
    ASSERT_TRUE(splitter.ok()) << splitter.status().ToString();
    finder_ = std::make_unique<AnalyzerSimilarIdeaFinder>(
        *ideas_, std::shared_ptr<search::CompoundSplitter>(std::move(*splitter)));
    org_ = Org("Exempelby kommun");
    employee_ = Member(org_, Role::kEmployee, "omar@exempelby.se", "Omar Said");
    Submit("Sms-påminnelse före bygglovsmöten",
           "Var femte bokat möte om bygglov blir av med kort varsel eftersom den sökande glömt det.",
           "Skicka en påminnelse med sms dagen före mötet.");
    Submit("Lånecyklar för skolans utflykter",
           "Klasser kan inte ta sig till naturen eller biblioteket utan att hyra buss.",
           "Köp in en cykelpool som skolorna bokar.");
    Submit("Digitala matsedlar med allergener",
           "Vårdnadshavare ringer skolköken för att fråga vad maten innehåller.",
           "Publicera matsedeln med allergener på webben.");
  }

  Idea Submit(const std::string& title, const std::string& need, const std::string& solution) {
    IdeaInput in = Input(title);
    in.need = need;
    in.solution = solution;
    auto idea = ideas_->SubmitIdea(employee_, org_, in);
    EXPECT_TRUE(idea.ok()) << idea.status().ToString();
    return idea.ok() ? *idea : Idea{};
  }

  std::unique_ptr<AnalyzerSimilarIdeaFinder> finder_;
  OrganisationId org_ = 0;
  accounts::Actor employee_;
};

TEST_P(SimilarIdeasTest, AParaphraseOfTheNeedFindsTheExistingIdea) {
  auto found = finder_->Find(
      employee_, {.organisation_id = org_, .title = "Påminn om bokade möten",
                  .need = "Sökande glömmer sina möten med bygglovshandläggaren och kommer inte."});
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  ASSERT_FALSE(found->empty());
  EXPECT_EQ((*found)[0].idea.title, "Sms-påminnelse före bygglovsmöten");
  for (const SimilarIdea& s : *found) EXPECT_NE(s.idea.title, "Lånecyklar för skolans utflykter");
}

TEST_P(SimilarIdeasTest, NothingAlikeGivesAnEmptyList) {
  auto found = finder_->Find(employee_, {.organisation_id = org_,
                                         .title = "Snöröjning av gångbanor i tid",
                                         .need = "Äldre halkar på vintern."});
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found->empty());
}

TEST_P(SimilarIdeasTest, IdeasTheAskerMayNotSeeAreNeverSuggested) {
  accounts::Actor citizen = Citizen("a@example.org");  // internal ideas are not theirs to see
  auto found = finder_->Find(citizen, {.organisation_id = org_,
                                       .title = "Sms-påminnelse före bygglovsmöten"});
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found->empty());
}

TEST_P(SimilarIdeasTest, AQueryWithoutTextIsRefused) {
  auto refused = finder_->Find(employee_, {.organisation_id = org_, .title = "  "});
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
}

NYTTIG_INSTANTIATE_ENGINES(SimilarIdeasTest);

}  // namespace
}  // namespace nyttig::ideas
