// Pilots are findable the moment they are written: a draft by its own
// organisation only, a published pilot by anyone, through /api/v1/search.
#include <gtest/gtest.h>

#include "pilots/testing/pilots_http_fixture.h"
#include "search/search_service.h"

namespace nyttig::pilots::testing {
namespace {

using nlohmann::json;

class PilotSearchWiringTest : public PilotsHttpTest {
 protected:
  std::int64_t Found(TestClient& client) {
    http::Response r = client.Get("/api/v1/search?q=tillsyn&kind=pilot");
    EXPECT_EQ(r.status, 200) << r.body;
    return BodyJson(r)["total"].get<std::int64_t>();
  }
};

TEST_P(PilotSearchWiringTest, ADraftIsFoundByItsOrganisationAndAPublishedPilotByAnyone) {
  TestClient anna = LoggedInExisting("anna@exempelby.se");
  const std::int64_t id = CreatePilot(anna);
  TestClient omar = LoggedInExisting("omar@exempelby.se");
  TestClient bo = LoggedInExisting("bo@grannby.se");
  TestClient anonymous = NewClient();
  EXPECT_EQ(Found(omar), 1);
  EXPECT_EQ(Found(bo), 0);
  EXPECT_EQ(Found(anonymous), 0);

  http::Response r = anna.PostJson("/api/v1/pilots/" + std::to_string(id) + "/publication",
                                   json{{"published", true}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Found(anonymous), 1);
  EXPECT_EQ(Found(bo), 1);

  ASSERT_TRUE(app().search().Reindex().ok());
  EXPECT_EQ(Found(anonymous), 1);
  EXPECT_EQ(Found(omar), 1);
}

NYTTIG_INSTANTIATE_ENGINES(PilotSearchWiringTest);

}  // namespace
}  // namespace nyttig::pilots::testing
