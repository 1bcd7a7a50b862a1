#include "ideas/idea.h"

#include <algorithm>
#include <array>
#include <sstream>

namespace nyttig::ideas {
namespace {

template <typename E, std::size_t N>
std::optional<E> ParseBy(std::string_view name, const std::array<std::pair<E, std::string_view>, N>& table) {
  for (const auto& [value, text] : table) {
    if (text == name) return value;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view NameBy(E value, const std::array<std::pair<E, std::string_view>, N>& table) {
  for (const auto& [v, text] : table) {
    if (v == value) return text;
  }
  return "";
}

constexpr std::array<std::pair<StageKind, std::string_view>, 7> kStageKindNames{{
    {StageKind::kIdea, "idea"},
    {StageKind::kAssessment, "assessment"},
    {StageKind::kTest, "test"},
    {StageKind::kImplementation, "implementation"},
    {StageKind::kSpread, "spread"},
    {StageKind::kParked, "parked"},
    {StageKind::kClosed, "closed"},
}};

constexpr std::array<std::pair<EventKind, std::string_view>, 7> kEventKindNames{{
    {EventKind::kSubmitted, "submitted"},
    {EventKind::kMoved, "moved"},
    {EventKind::kFeedback, "feedback"},
    {EventKind::kUpdated, "updated"},
    {EventKind::kUnpublished, "unpublished"},
    {EventKind::kRepublished, "republished"},
    {EventKind::kCulled, "culled"},
}};

}  // namespace

std::string_view StageKindName(StageKind kind) { return NameBy(kind, kStageKindNames); }
std::optional<StageKind> ParseStageKind(std::string_view name) {
  return ParseBy(name, kStageKindNames);
}

std::string_view EventKindName(EventKind kind) { return NameBy(kind, kEventKindNames); }
std::optional<EventKind> ParseEventKind(std::string_view name) {
  return ParseBy(name, kEventKindNames);
}

std::string_view PipelineTemplateName(PipelineTemplate t) {
  return t == PipelineTemplate::kServiceDesign ? "service_design" : "idea_sluice";
}

std::optional<PipelineTemplate> ParsePipelineTemplate(std::string_view name) {
  if (name == "idea_sluice") return PipelineTemplate::kIdeaSluice;
  if (name == "service_design") return PipelineTemplate::kServiceDesign;
  return std::nullopt;
}

std::vector<Stage> TemplateStages(PipelineTemplate t) {
  std::vector<Stage> stages;
  auto add = [&](std::string key, std::string name, StageKind kind) {
    stages.push_back({.position = int(stages.size()) + 1,
                      .key = std::move(key),
                      .name = std::move(name),
                      .kind = kind});
  };
  if (t == PipelineTemplate::kServiceDesign) {
    // Ringa in is the "Hur kan vi …?" need statement; the idea stage of this flow.
    add("define", "Ringa in", StageKind::kIdea);
    add("explore", "Undersöka", StageKind::kAssessment);
    add("focus", "Fokusera", StageKind::kAssessment);
    add("ideate", "Ta fram idéer", StageKind::kAssessment);
    add("prototype", "Testa", StageKind::kTest);
    add("realise", "Förverkliga", StageKind::kImplementation);
    add("spreading", "Spridd", StageKind::kSpread);
  } else {
    add("idea", "Idé", StageKind::kIdea);
    add("assessment", "Bedömning", StageKind::kAssessment);
    add("test", "Test", StageKind::kTest);
    add("implementation", "Införande", StageKind::kImplementation);
    add("spread", "Spridning", StageKind::kSpread);
  }
  add("parked", "Parkerad", StageKind::kParked);
  add("closed", "Avslutad", StageKind::kClosed);
  return stages;
}

std::string_view VisibilityName(Visibility v) {
  return v == Visibility::kPublic ? "public" : "organisation";
}

std::optional<Visibility> ParseVisibility(std::string_view name) {
  if (name == "public") return Visibility::kPublic;
  if (name == "organisation") return Visibility::kOrganisation;
  return std::nullopt;
}

std::string_view ChannelName(Channel c) { return c == Channel::kPublicBox ? "public_box" : "staff"; }

bool Idea::IsAuthor(PersonId person) const {
  if (submitter_id == person) return true;
  return std::any_of(authors.begin(), authors.end(),
                     [&](const Author& a) { return a.person_id == person; });
}

std::string JoinCodes(std::span<const std::string> codes) {
  if (codes.empty()) return "";
  std::string out = " ";
  for (const std::string& code : codes) out += code + " ";
  return out;
}

std::vector<std::string> SplitCodes(std::string_view stored) {
  std::vector<std::string> out;
  std::istringstream in{std::string(stored)};
  for (std::string code; in >> code;) out.push_back(code);
  return out;
}

const Stage* NextRegularStage(const std::vector<Stage>& pipeline, const Stage& from) {
  const Stage* next = nullptr;
  for (const Stage& stage : pipeline) {
    if (IsSideStage(stage.kind) || stage.position <= from.position) continue;
    if (!next || stage.position < next->position) next = &stage;
  }
  return next;
}

}  // namespace nyttig::ideas
