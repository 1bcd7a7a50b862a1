// The similar-idea finder over the real search index on SQLite and
// PostgreSQL: a paraphrase of an existing idea's need finds it, an
// unrelated idea does not come along, and nobody is shown an idea they may
// not see.
#include "ideas/similar_ideas.h"

#include <gtest/gtest.h>

#include "ideas/idea_search.h"
#include "ideas/ideas_test_support.h"
#include "search/search_service.h"

namespace nyttig::ideas {
namespace {

using accounts::Role;

class SimilarIdeasTest : public IdeasTest {
 protected:
  void SetUp() override {
    IdeasTest::SetUp();
    auto splitter = search::SharedSwedishSplitter();
    ASSERT_TRUE(splitter.ok()) << splitter.status().ToString();
    auto index = search::SearchIndex::Create({}, *splitter);
    ASSERT_TRUE(index.ok()) << index.status().ToString();
    search_ = std::make_unique<search::SearchService>(db(), *organisations_, std::move(*index));
    ideas_->SetSearchSink(&search_->index(), &ToSearchDocument);
    // The same query the App sends (src/app/app.cpp, IdeaSearchThroughIndex).
    auto through_index = [this](const accounts::Actor& actor, OrganisationId org,
                                const std::string& words, int limit) -> StatusOr<std::vector<IdeaMatch>> {
      ASSIGN_OR_RETURN(search::SearchResults results,
                       search_->Search(actor, {.query = words, .kinds = {"idea"},
                                               .organisation_ids = {org}, .match_any = true,
                                               .limit = limit}));
      std::vector<IdeaMatch> out;
      for (const search::SearchHit& hit : results.items) out.push_back({hit.id, hit.score});
      return out;
    };
    finder_ = std::make_unique<IndexSimilarIdeaFinder>(*ideas_, through_index, *splitter,
                                                       IndexSimilarIdeaFinder::Options{});
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

  std::unique_ptr<search::SearchService> search_;
  std::unique_ptr<IndexSimilarIdeaFinder> finder_;
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

TEST_P(SimilarIdeasTest, OnlyStopWordsFindNothing) {
  auto found = finder_->Find(employee_, {.organisation_id = org_, .title = "Det är en av de som"});
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found->empty());
}

TEST_P(SimilarIdeasTest, TheIdeaBeingEditedIsNotItsOwnDuplicate) {
  Idea sms = Submit("Sms före mötet", "Sökande glömmer bygglovsmöten.", "Sms-påminnelse.");
  auto found = finder_->Find(employee_, {.organisation_id = org_, .title = sms.title,
                                         .need = sms.need, .exclude = sms.id});
  ASSERT_TRUE(found.ok());
  for (const SimilarIdea& s : *found) EXPECT_NE(s.idea.id, sms.id);
}

TEST(ContentWordsTest, DropsStopWordsPunctuationAndRepeats) {
  EXPECT_EQ(ContentWords("Påminn OM bokade möten – och \"bokade\" möten: kind:idea -x", 40),
            (std::vector<std::string>{"påminn", "bokade", "möten", "kind", "idea", "x"}));
  EXPECT_EQ(ContentWords("ett två tre fyra", 2).size(), 2u);
}

TEST_P(SimilarIdeasTest, AQueryWithoutTextIsRefused) {
  auto refused = finder_->Find(employee_, {.organisation_id = org_, .title = "  "});
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
}

NYTTIG_INSTANTIATE_ENGINES(SimilarIdeasTest);

}  // namespace
}  // namespace nyttig::ideas
