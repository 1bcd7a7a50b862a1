#include "ideas/challenge_service.h"

#include <algorithm>
#include <set>

#include "accounts/organisation_store.h"
#include "accounts/permissions.h"
#include "core/time_format.h"
#include "ideas/challenge_permissions.h"

namespace nyttig::ideas {
namespace {

using accounts::Actor;

void ValidatePeriod(const ChallengeInput& in, Challenge& c, Status& problems) {
  if (!in.opens_at) problems.AddInvalid("opens_at", "validation.required");
  if (!in.closes_at) problems.AddInvalid("closes_at", "validation.required");
  if (!in.opens_at || !in.closes_at) return;
  c.opens_at = *in.opens_at;
  c.closes_at = *in.closes_at;
  if (c.closes_at <= c.opens_at) {
    problems.AddInvalid("closes_at", "challenges.period.closes_before_opens");
  } else if (c.closes_at - c.opens_at > kMaxChallengePeriod) {
    problems.AddInvalid("closes_at", "challenges.period.too_long",
                        FormatIsoDate(c.closes_at), {{"days", std::to_string(kMaxChallengePeriod / kDay)}});
  }
}

void ValidateCriteria(const ChallengeInput& in, Challenge& c, Status& problems) {
  if (in.criteria.size() > kMaxChallengeCriteria) {
    problems.AddInvalid("criteria", "validation.too_many", "",
                        {{"max", std::to_string(kMaxChallengeCriteria)}});
    return;
  }
  for (const ChallengeCriterion& criterion : in.criteria) {
    ChallengeCriterion out;
    ValidateText(problems, "criteria", criterion.name, out.name, kMaxChallengeCriterionNameChars,
                 "challenges.criterion.name_required");
    ValidateText(problems, "criteria", criterion.description, out.description,
                 kMaxChallengeCriterionTextChars, "");
    c.criteria.push_back(std::move(out));
  }
}

// Every organisation once, never the lead itself.
std::vector<OrganisationId> DistinctCoHosts(const std::vector<OrganisationId>& in,
                                            OrganisationId lead) {
  std::vector<OrganisationId> out;
  for (OrganisationId org : in) {
    if (org != lead && std::find(out.begin(), out.end(), org) == out.end()) out.push_back(org);
  }
  return out;
}

}  // namespace

StatusOr<Challenge> ValidateChallengeInput(const ChallengeInput& in) {
  Status problems = InvalidArgumentError("validation.failed");
  Challenge c;
  ValidateText(problems, "title", in.title, c.title, kMaxChallengeTitleChars,
               "validation.required");
  ValidateText(problems, "question", in.question, c.question, kMaxChallengeQuestionChars,
               "validation.required");
  ValidateText(problems, "description", in.description, c.description,
               kMaxChallengeDescriptionChars, "");
  ValidateText(problems, "target_group", in.target_group, c.target_group, kMaxTargetGroupChars,
               "");
  if (auto audience = ParseChallengeAudience(in.audience)) {
    c.audience = *audience;
  } else {
    problems.AddInvalid("audience", "ideas.code.invalid", in.audience);
  }
  ValidatePeriod(in, c, problems);
  ValidateCriteria(in, c, problems);
  if (in.co_hosts.size() > kMaxCoHosts) {
    problems.AddInvalid("co_hosts", "validation.too_many", "",
                        {{"max", std::to_string(kMaxCoHosts)}});
  }
  if (!problems.invalid_parameters().empty()) return problems;
  return c;
}

Status CheckSubmission(const Actor& actor, const Challenge& challenge, UnixSeconds now) {
  if (challenge.PhaseAt(now) != ChallengePhase::kOpen) {
    return FailedPreconditionError("challenges.submit.not_open");
  }
  if (!CanSubmitToChallenge(actor, challenge, now)) {
    return accounts::DenyAccess(actor, "challenges.submit.denied");
  }
  return Status::Ok();
}

ChallengeInput InputOf(const Challenge& c) {
  ChallengeInput in{.title = c.title,
                    .question = c.question,
                    .description = c.description,
                    .target_group = c.target_group,
                    .audience = std::string(ChallengeAudienceName(c.audience)),
                    .opens_at = c.opens_at,
                    .closes_at = c.closes_at,
                    .criteria = c.criteria};
  for (const ChallengeHost& host : c.hosts) {
    if (!host.lead) in.co_hosts.push_back(host.organisation_id);
  }
  return in;
}

ChallengeService::ChallengeService(db::Database& db, const Clock& clock,
                                   const audit::AuditLog& audit, const inbox::Inbox& inbox,
                                   IdeaService& ideas)
    : db_(db), clock_(clock), audit_(audit), inbox_(inbox), ideas_(ideas) {}

StatusOr<Challenge> ChallengeService::FindVisible(db::Tx& tx, const Actor& actor, ChallengeId id) {
  StatusOr<Challenge> challenge = ChallengeStore::Find(tx, id);
  if (!challenge.ok() || !CanViewChallenge(actor, *challenge)) {
    return NotFoundError("error.not_found");
  }
  return challenge;
}

StatusOr<Challenge> ChallengeService::FindAndIndex(db::Tx& tx, ChallengeId id) {
  ASSIGN_OR_RETURN(Challenge challenge, ChallengeStore::Find(tx, id));
  if (search_sink_) RETURN_IF_ERROR(search_sink_->Upsert(tx, to_document_(challenge)));
  return challenge;
}

Status ChallengeService::Audit(db::Tx& tx, const Actor& actor, const Challenge& challenge,
                               std::string action, nlohmann::json details) {
  details["title"] = challenge.title;
  return audit_
      .Append(tx, accounts::MakeAuditEvent(actor, challenge.organisation_id, std::move(action),
                                           "challenge", std::to_string(challenge.id),
                                           std::move(details)))
      .status();
}

Status ChallengeService::NotifyCoordinators(db::Tx& tx, OrganisationId org,
                                            const Challenge& challenge) {
  constexpr int kScan = 500;
  ASSIGN_OR_RETURN(auto members,
                   accounts::OrganisationStore::MembershipsOfOrganisation(tx, org, 0, kScan));
  const ChallengeHost* lead = challenge.Lead();
  for (const accounts::Membership& m : members.first) {
    if (m.role != accounts::Role::kCoordinator && m.role != accounts::Role::kAdmin) continue;
    RETURN_IF_ERROR(inbox_.Notify(
        tx, {.person_id = m.person_id, .kind = "challenge.invited",
             .text_key = "inbox.challenge.invited",
             .args = {{"title", challenge.title}, {"organisation", lead ? lead->name : ""}},
             .link = "/challenges/" + std::to_string(challenge.id)}));
  }
  return Status::Ok();
}

Status ChallengeService::SyncCoHosts(db::Tx& tx, const Actor& actor, const Challenge& challenge,
                                     const std::vector<OrganisationId>& wanted) {
  for (const ChallengeHost& host : challenge.hosts) {
    if (host.lead) continue;
    if (std::find(wanted.begin(), wanted.end(), host.organisation_id) == wanted.end()) {
      RETURN_IF_ERROR(ChallengeStore::RemoveHost(tx, challenge.id, host.organisation_id));
    }
  }
  for (OrganisationId org : wanted) {
    auto known = std::find_if(challenge.hosts.begin(), challenge.hosts.end(),
                              [&](const ChallengeHost& h) { return h.organisation_id == org; });
    if (known != challenge.hosts.end()) continue;
    if (!accounts::OrganisationStore::Find(tx, org).ok()) {
      return InvalidParameterError("co_hosts", "challenges.co_host.unknown", std::to_string(org));
    }
    RETURN_IF_ERROR(ChallengeStore::InviteHost(tx, challenge.id, org));
    RETURN_IF_ERROR(NotifyCoordinators(tx, org, challenge));
    RETURN_IF_ERROR(Audit(tx, actor, challenge, "challenge.invite", {{"organisation_id", org}}));
  }
  return Status::Ok();
}

StatusOr<Challenge> ChallengeService::CreateChallenge(const Actor& actor, OrganisationId lead,
                                                      const ChallengeInput& input) {
  ASSIGN_OR_RETURN(Challenge challenge, ValidateChallengeInput(input));
  return db_.WriteValue<Challenge>([&](db::Tx& tx) -> StatusOr<Challenge> {
    RETURN_IF_ERROR(accounts::OrganisationStore::Find(tx, lead));
    if (!CanCreateChallenge(actor, lead)) {
      return accounts::DenyAccess(actor, "challenges.create.denied");
    }
    challenge.organisation_id = lead;
    challenge.created_by = actor.person_id;
    challenge.created_at = challenge.updated_at = clock_.Now();
    ASSIGN_OR_RETURN(challenge.id, ChallengeStore::Insert(tx, challenge));
    ASSIGN_OR_RETURN(Challenge stored, ChallengeStore::Find(tx, challenge.id));
    RETURN_IF_ERROR(Audit(tx, actor, stored, "challenge.create"));
    RETURN_IF_ERROR(SyncCoHosts(tx, actor, stored, DistinctCoHosts(input.co_hosts, lead)));
    return FindAndIndex(tx, challenge.id);
  });
}

StatusOr<Challenge> ChallengeService::UpdateChallenge(const Actor& actor, ChallengeId id,
                                                      const ChallengeInput& input) {
  ASSIGN_OR_RETURN(Challenge update, ValidateChallengeInput(input));
  return db_.WriteValue<Challenge>([&](db::Tx& tx) -> StatusOr<Challenge> {
    ASSIGN_OR_RETURN(Challenge current, FindVisible(tx, actor, id));
    if (!CanManageChallenge(actor, current)) {
      return accounts::DenyAccess(actor, "challenges.edit.denied");
    }
    if (!CanEditChallenge(actor, current, clock_.Now())) {
      return FailedPreconditionError("challenges.edit.closed");
    }
    update.id = id;
    update.updated_at = clock_.Now();
    RETURN_IF_ERROR(ChallengeStore::Update(tx, update));
    RETURN_IF_ERROR(
        SyncCoHosts(tx, actor, current, DistinctCoHosts(input.co_hosts, current.organisation_id)));
    RETURN_IF_ERROR(Audit(tx, actor, current, "challenge.update"));
    return FindAndIndex(tx, id);
  });
}

StatusOr<Challenge> ChallengeService::PublishChallenge(const Actor& actor, ChallengeId id) {
  return db_.WriteValue<Challenge>([&](db::Tx& tx) -> StatusOr<Challenge> {
    ASSIGN_OR_RETURN(Challenge challenge, FindVisible(tx, actor, id));
    if (!CanManageChallenge(actor, challenge)) {
      return accounts::DenyAccess(actor, "challenges.edit.denied");
    }
    if (challenge.published_at) return FailedPreconditionError("challenges.publish.already");
    const UnixSeconds now = clock_.Now();
    if (challenge.closes_at <= now) return FailedPreconditionError("challenges.publish.past");
    RETURN_IF_ERROR(ChallengeStore::SetPublished(tx, id, now));
    RETURN_IF_ERROR(Audit(tx, actor, challenge, "challenge.publish"));
    return FindAndIndex(tx, id);
  });
}

StatusOr<Challenge> ChallengeService::AnswerInvitation(const Actor& actor, ChallengeId id,
                                                       OrganisationId org, bool accept) {
  return db_.WriteValue<Challenge>([&](db::Tx& tx) -> StatusOr<Challenge> {
    StatusOr<Challenge> challenge = ChallengeStore::Find(tx, id);
    // Only the invited organisation's coordinators learn that it exists.
    if (!challenge.ok() || !CanAnswerCoHostInvitation(actor, *challenge, org)) {
      return NotFoundError("error.not_found");
    }
    if (accept) {
      RETURN_IF_ERROR(ChallengeStore::AcceptHost(tx, id, org, actor.person_id, clock_.Now()));
    } else {
      RETURN_IF_ERROR(ChallengeStore::RemoveHost(tx, id, org));
    }
    RETURN_IF_ERROR(Audit(tx, actor, *challenge, accept ? "challenge.accept" : "challenge.decline",
                          {{"organisation_id", org}}));
    return FindAndIndex(tx, id);
  });
}

StatusOr<Challenge> ChallengeService::GetChallenge(const Actor& actor, ChallengeId id) {
  return db_.ReadValue<Challenge>([&](db::Tx& tx) { return FindVisible(tx, actor, id); });
}

StatusOr<ChallengePage> ChallengeService::ListChallenges(const Actor& actor,
                                                         const ChallengeFilter& filter) {
  return db_.ReadValue<ChallengePage>([&](db::Tx& tx) -> StatusOr<ChallengePage> {
    ASSIGN_OR_RETURN(auto page, ChallengeStore::List(tx, filter, ViewerOf(actor), clock_.Now()));
    return ChallengePage{std::move(page.first), page.second};
  });
}

StatusOr<std::vector<Challenge>> ChallengeService::Invitations(const Actor& actor) {
  // The organisations the actor coordinates, as the idea lists see them.
  const std::vector<OrganisationId> coordinated = ViewerOf(actor).coordinator_of;
  return db_.ReadValue<std::vector<Challenge>>(
      [&](db::Tx& tx) { return ChallengeStore::PendingInvitations(tx, coordinated); });
}

StatusOr<Idea> ChallengeService::SubmitIdea(const Actor& actor, ChallengeId id,
                                            const IdeaInput& input) {
  // SubmitIdeaIn validates the input once, inside the transaction.
  return db_.WriteValue<Idea>([&](db::Tx& tx) -> StatusOr<Idea> {
    ASSIGN_OR_RETURN(Challenge challenge, FindVisible(tx, actor, id));
    RETURN_IF_ERROR(CheckSubmission(actor, challenge, clock_.Now()));
    OrganisationId org = challenge.organisation_id;
    for (OrganisationId host : challenge.HostIds()) {
      if (actor.IsMemberOf(host)) {
        org = host;
        break;
      }
    }
    return ideas_.SubmitIdeaIn(tx, actor, org, input, challenge.id);
  });
}

StatusOr<std::vector<ChallengeAward>> ChallengeService::CheckAwards(
    db::Tx& tx, const Challenge& challenge, const std::vector<AwardInput>& awards) {
  Status problems = InvalidArgumentError("validation.failed");
  if (awards.size() > kMaxAwards) {
    return problems.AddInvalid("awards", "validation.too_many", "",
                               {{"max", std::to_string(kMaxAwards)}});
  }
  std::vector<ChallengeAward> out;
  std::set<IdeaId> seen;
  for (const AwardInput& in : awards) {
    ChallengeAward award{.idea_id = in.idea_id};
    ValidateText(problems, "awards", in.title, award.title, kMaxAwardTitleChars,
                 "challenges.award.title_required");
    ValidateText(problems, "awards", in.motivation, award.motivation, kMaxAwardMotivationChars,
                 "");
    StatusOr<Idea> idea = IdeaStore::Find(tx, in.idea_id);
    if (!idea.ok() || idea->challenge_id != challenge.id || idea->culled_at) {
      problems.AddInvalid("awards", "challenges.award.not_submitted", std::to_string(in.idea_id));
    } else if (!seen.insert(in.idea_id).second) {
      problems.AddInvalid("awards", "challenges.award.twice", std::to_string(in.idea_id));
    }
    out.push_back(std::move(award));
  }
  if (!problems.invalid_parameters().empty()) return problems;
  return out;
}

Status ChallengeService::NotifyResults(db::Tx& tx, const Actor& actor, const Challenge& challenge) {
  ASSIGN_OR_RETURN(std::vector<PersonId> people, IdeaStore::ChallengeParticipants(tx, challenge.id));
  for (PersonId person : people) {
    if (person == actor.person_id) continue;  // nobody is told what they did
    RETURN_IF_ERROR(inbox_.Notify(
        tx, {.person_id = person, .kind = "challenge.results",
             .text_key = "inbox.challenge.results", .args = {{"title", challenge.title}},
             .link = "/challenges/" + std::to_string(challenge.id)}));
  }
  return Status::Ok();
}

StatusOr<Challenge> ChallengeService::PublishResults(const Actor& actor, ChallengeId id,
                                                     const ResultsInput& input) {
  Status problems = InvalidArgumentError("validation.failed");
  std::string text;
  ValidateText(problems, "text", input.text, text, kMaxResultsChars, "validation.required");
  if (!problems.invalid_parameters().empty()) return problems;
  return db_.WriteValue<Challenge>([&](db::Tx& tx) -> StatusOr<Challenge> {
    ASSIGN_OR_RETURN(Challenge challenge, FindVisible(tx, actor, id));
    if (!CanManageChallenge(actor, challenge)) {
      return accounts::DenyAccess(actor, "challenges.edit.denied");
    }
    if (!CanPublishChallengeResults(actor, challenge, clock_.Now())) {
      return FailedPreconditionError("challenges.results.not_closed");
    }
    ASSIGN_OR_RETURN(std::vector<ChallengeAward> awards, CheckAwards(tx, challenge, input.awards));
    RETURN_IF_ERROR(ChallengeStore::SetResults(tx, id, text, awards, clock_.Now()));
    if (!challenge.results_published_at) RETURN_IF_ERROR(NotifyResults(tx, actor, challenge));
    RETURN_IF_ERROR(Audit(tx, actor, challenge,
                          challenge.results_published_at ? "challenge.results_correct"
                                                         : "challenge.results_publish",
                          {{"awards", awards.size()}}));
    return FindAndIndex(tx, id);
  });
}

Status ChallengeService::ForEachChallenge(const std::function<Status(const Challenge&)>& fn) {
  return db_.Read([&](db::Tx& tx) { return ChallengeStore::ForEach(tx, fn); });
}

}  // namespace nyttig::ideas
