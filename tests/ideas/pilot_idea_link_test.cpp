// ImplementationStageAfter: where a scaled-up pilot's idea goes (pure).
#include <gtest/gtest.h>

#include "ideas/pilot_idea_link.h"

namespace nyttig::ideas {
namespace {

Stage StageAt(const std::vector<Stage>& stages, StageKind kind) {
  for (const Stage& s : stages) {
    if (s.kind == kind) return s;
  }
  return {};
}

TEST(PilotIdeaLinkTest, BothTemplatesGoFromTestToImplementation) {
  for (PipelineTemplate t : {PipelineTemplate::kIdeaSluice, PipelineTemplate::kServiceDesign}) {
    std::vector<Stage> stages = TemplateStages(t);
    const Stage* next = ImplementationStageAfter(stages, StageAt(stages, StageKind::kTest));
    ASSERT_NE(next, nullptr);
    EXPECT_EQ(next->kind, StageKind::kImplementation);
  }
}

TEST(PilotIdeaLinkTest, NoImplementationRightAfterTestMeansNone) {
  std::vector<Stage> stages = {{.position = 1, .kind = StageKind::kTest},
                               {.position = 2, .kind = StageKind::kSpread},
                               {.position = 3, .kind = StageKind::kImplementation},
                               {.position = 4, .kind = StageKind::kClosed}};
  EXPECT_EQ(ImplementationStageAfter(stages, stages[0]), nullptr);
  EXPECT_EQ(ImplementationStageAfter(stages, stages[2]), nullptr);  // nothing regular after
}

}  // namespace
}  // namespace nyttig::ideas
