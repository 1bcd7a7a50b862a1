// Value types of challenges (utmaningar, innovationstävlingar): an
// organisation — or several together — asks a question ("Hur kan vi …?")
// for a period, to a target group, with the criteria ideas will be judged
// by; ideas are submitted to it while it is open, and after it closes the
// hosts publish the results (a text and the awarded ideas).
//
// A challenge's phase follows from its dates and two marks:
//   draft → (published) upcoming → open → closed → (results published) decided
// Plain structs; ChallengeService owns the rules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "ideas/idea.h"

namespace nyttig::ideas {

// Who may take part: the hosts' staff only, or anyone who logs in
// (citizens, companies, staff of other organisations).
enum class ChallengeAudience { kStaff, kPublic };
std::string_view ChallengeAudienceName(ChallengeAudience audience);  // "staff", "public"
std::optional<ChallengeAudience> ParseChallengeAudience(std::string_view name);

enum class ChallengePhase { kDraft, kUpcoming, kOpen, kClosed, kDecided };
// "draft", "upcoming", "open", "closed", "decided"
std::string_view ChallengePhaseName(ChallengePhase phase);
std::optional<ChallengePhase> ParseChallengePhase(std::string_view name);

// An organisation behind the challenge. The lead created it; co-hosts are
// invited by the lead and count only once one of their coordinators has
// accepted (nobody can be named a host without agreeing to it).
struct ChallengeHost {
  OrganisationId organisation_id = 0;
  std::string name;  // filled by reads
  std::string slug;
  bool lead = false;
  std::optional<UnixSeconds> accepted_at;

  bool accepted() const { return accepted_at.has_value(); }
};

// What the ideas will be judged by, in the order shown.
struct ChallengeCriterion {
  std::string name;
  std::string description;
};

// An idea the hosts singled out in the results; rank 1 first.
struct ChallengeAward {
  IdeaId idea_id = 0;
  std::string idea_title;  // filled by reads
  int rank = 1;
  std::string title;       // "Vinnare", "Hedersomnämnande", …
  std::string motivation;
};

struct Challenge {
  ChallengeId id = 0;
  OrganisationId organisation_id = 0;  // the lead host
  std::string title;
  std::string question;      // "Hur kan vi …?"
  std::string description;   // markdown
  std::string target_group;  // in words: "Elever och lärare på gymnasiet"
  ChallengeAudience audience = ChallengeAudience::kStaff;
  UnixSeconds opens_at = 0;
  UnixSeconds closes_at = 0;  // exclusive
  std::optional<UnixSeconds> published_at;
  std::string results;  // markdown, shown once results are published
  std::optional<UnixSeconds> results_published_at;
  std::vector<ChallengeHost> hosts;  // the lead first; filled by reads
  std::vector<ChallengeCriterion> criteria;
  std::vector<ChallengeAward> awards;  // by rank
  std::optional<PersonId> created_by;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;

  ChallengePhase PhaseAt(UnixSeconds now) const;
  // The lead and the co-hosts that have accepted.
  bool IsHost(OrganisationId org) const;
  std::vector<OrganisationId> HostIds() const;
  const ChallengeHost* Lead() const;
};

}  // namespace nyttig::ideas
