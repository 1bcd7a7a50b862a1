// Cases (erfarenheter) and adoptions: value types. A case is a packaged
// experience of one organisation; an adoption records that another
// organisation has introduced ("adopted") or is trying ("trying") it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "knowledge/document.h"

namespace nyttig::knowledge {

using CaseId = std::int64_t;
using AdoptionId = std::int64_t;

enum class CaseState { kDraft, kReview, kPublished };
std::string_view CaseStateName(CaseState state);  // "draft", "review", "published"
std::optional<CaseState> ParseCaseState(std::string_view name);

// A result with numbers: before and after, and where they come from.
struct CaseResult {
  std::string metric;
  std::optional<double> before;
  std::optional<double> after;
  std::string unit;
  std::string source;
  bool operator==(const CaseResult&) const = default;
};

// What an author writes; every text is Markdown.
struct CaseContent {
  std::string title;
  std::string summary;
  std::string problem;
  std::string solution;
  std::optional<std::string> period_start;  // YYYY-MM-DD
  std::optional<std::string> period_end;
  std::string costs;
  std::string effort;
  std::string hard_parts;
  std::string advice;
  std::string legal_notes;
  std::string contact_name;
  std::string contact_email;
  std::string area;
  std::vector<int> sdgs;  // 1-17
  std::vector<std::string> tags;
  std::vector<CaseResult> results;
  std::vector<DocumentId> document_ids;
  bool operator==(const CaseContent&) const = default;
};

struct Case {
  CaseId id = 0;
  std::int64_t organisation_id = 0;
  std::string organisation_name;
  std::optional<std::int64_t> idea_id;  // the idea it grew from (ideas module)
  CaseState state = CaseState::kDraft;
  CaseContent content;
  int version = 1;
  std::optional<std::int64_t> created_by;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
  std::optional<UnixSeconds> published_at;
  int adoption_count = 0;  // active adoptions
};

struct CaseVersion {
  int version = 0;
  std::string editor_name;
  UnixSeconds edited_at = 0;
  CaseContent content;
};

enum class AdoptionStatus { kAdopted, kTrying };
std::string_view AdoptionStatusName(AdoptionStatus status);  // "adopted", "trying"
std::optional<AdoptionStatus> ParseAdoptionStatus(std::string_view name);

struct AdoptionInput {
  AdoptionStatus status = AdoptionStatus::kAdopted;
  std::string adopted_on;  // YYYY-MM-DD
  std::string scope;
  bool adapted = true;  // adapted to local conditions, or largely copied
  std::optional<std::int64_t> idea_id;
  std::optional<std::int64_t> pilot_id;
  std::string results;
};

struct Adoption {
  AdoptionId id = 0;
  CaseId case_id = 0;
  std::string case_title;
  std::int64_t organisation_id = 0;
  std::string organisation_name;
  std::string county_code;  // for the spread by region; "" when unknown
  AdoptionInput input;
  UnixSeconds created_at = 0;
  std::optional<UnixSeconds> withdrawn_at;
};

// The spread of one case: its active adoptions and how they divide.
struct Spread {
  int organisations = 0;
  int adopted = 0;
  int trying = 0;
  int regions = 0;  // distinct counties
  std::vector<std::pair<std::string, int>> by_county;  // county code → adoptions, most first
};

}  // namespace nyttig::knowledge
