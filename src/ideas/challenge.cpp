#include "ideas/challenge.h"

#include <array>
#include <utility>

namespace nyttig::ideas {
namespace {

constexpr std::array<std::pair<ChallengePhase, std::string_view>, 5> kPhaseNames = {{
    {ChallengePhase::kDraft, "draft"},
    {ChallengePhase::kUpcoming, "upcoming"},
    {ChallengePhase::kOpen, "open"},
    {ChallengePhase::kClosed, "closed"},
    {ChallengePhase::kDecided, "decided"},
}};

}  // namespace

std::string_view ChallengeAudienceName(ChallengeAudience audience) {
  return audience == ChallengeAudience::kPublic ? "public" : "staff";
}

std::optional<ChallengeAudience> ParseChallengeAudience(std::string_view name) {
  if (name == "staff") return ChallengeAudience::kStaff;
  if (name == "public") return ChallengeAudience::kPublic;
  return std::nullopt;
}

std::string_view ChallengePhaseName(ChallengePhase phase) {
  for (const auto& [value, name] : kPhaseNames) {
    if (value == phase) return name;
  }
  return "draft";
}

std::optional<ChallengePhase> ParseChallengePhase(std::string_view name) {
  for (const auto& [value, phase_name] : kPhaseNames) {
    if (phase_name == name) return value;
  }
  return std::nullopt;
}

ChallengePhase Challenge::PhaseAt(UnixSeconds now) const {
  if (!published_at) return ChallengePhase::kDraft;
  if (results_published_at) return ChallengePhase::kDecided;
  if (now < opens_at) return ChallengePhase::kUpcoming;
  if (now < closes_at) return ChallengePhase::kOpen;
  return ChallengePhase::kClosed;
}

bool Challenge::IsHost(OrganisationId org) const {
  for (const ChallengeHost& host : hosts) {
    if (host.organisation_id == org && host.accepted()) return true;
  }
  return false;
}

std::vector<OrganisationId> Challenge::HostIds() const {
  std::vector<OrganisationId> out;
  for (const ChallengeHost& host : hosts) {
    if (host.accepted()) out.push_back(host.organisation_id);
  }
  return out;
}

const ChallengeHost* Challenge::Lead() const {
  for (const ChallengeHost& host : hosts) {
    if (host.lead) return &host;
  }
  return nullptr;
}

}  // namespace nyttig::ideas
