// Names of the module's enumerations as stored and sent over the API.
#include <algorithm>

#include "knowledge/case.h"
#include "knowledge/document.h"

namespace nyttig::knowledge {

bool IsDocumentKind(std::string_view kind) {
  return std::find(kDocumentKinds.begin(), kDocumentKinds.end(), kind) != kDocumentKinds.end();
}

std::string_view CaseStateName(CaseState state) {
  switch (state) {
    case CaseState::kDraft: return "draft";
    case CaseState::kReview: return "review";
    case CaseState::kPublished: return "published";
  }
  return "draft";
}

std::optional<CaseState> ParseCaseState(std::string_view name) {
  for (CaseState s : {CaseState::kDraft, CaseState::kReview, CaseState::kPublished}) {
    if (CaseStateName(s) == name) return s;
  }
  return std::nullopt;
}

std::string_view AdoptionStatusName(AdoptionStatus status) {
  return status == AdoptionStatus::kAdopted ? "adopted" : "trying";
}

std::optional<AdoptionStatus> ParseAdoptionStatus(std::string_view name) {
  if (name == "adopted") return AdoptionStatus::kAdopted;
  if (name == "trying") return AdoptionStatus::kTrying;
  return std::nullopt;
}

}  // namespace nyttig::knowledge
