#include "ideas/idea_service.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "accounts/organisation_store.h"
#include "accounts/permissions.h"
#include "core/text.h"
#include "core/time_format.h"
#include "ideas/idea_permissions.h"

namespace nyttig::ideas {
namespace {

using accounts::Actor;

constexpr UnixSeconds kYear = 365 * kDay;

// For "2026-0142": the year of `now` in UTC (a submission in the last hour
// of New Year's Eve, Swedish time, counts to the new year only from 00:00 UTC).
int YearOf(UnixSeconds now) { return std::stoi(FormatIsoDate(now).substr(0, 4)); }

std::string RegistrationNumber(int year, int number) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%d-%04d", year, number);
  return buffer;
}

const Stage* FindStage(const std::vector<Stage>& pipeline, StageId id) {
  for (const Stage& stage : pipeline) {
    if (stage.id == id) return &stage;
  }
  return nullptr;
}

const Stage* FirstStage(const std::vector<Stage>& pipeline) {
  for (const Stage& stage : pipeline) {
    if (!IsSideStage(stage.kind)) return &stage;
  }
  return nullptr;
}

Status DenyMove(const Actor& actor, const Stage& target) {
  return accounts::DenyAccess(actor, IsGate(target.kind) ? "ideas.move.denied_gate"
                                                         : "ideas.move.denied");
}

// A person named on an idea or as its owner must be a member of its organisation.
StatusOr<bool> IsMember(db::Tx& tx, PersonId person, OrganisationId org) {
  ASSIGN_OR_RETURN(auto memberships, accounts::OrganisationStore::MembershipsOfPerson(tx, person));
  return std::any_of(memberships.begin(), memberships.end(),
                     [&](const accounts::Membership& m) { return m.organisation_id == org; });
}

// The default owner of new ideas: the organisation's first coordinator (or admin).
StatusOr<std::optional<PersonId>> DefaultOwner(db::Tx& tx, OrganisationId org) {
  constexpr int kScan = 500;
  ASSIGN_OR_RETURN(auto members,
                   accounts::OrganisationStore::MembershipsOfOrganisation(tx, org, 0, kScan));
  std::optional<PersonId> admin;
  for (const accounts::Membership& m : members.first) {
    if (m.role == accounts::Role::kCoordinator) return std::optional(m.person_id);
    if (m.role == accounts::Role::kAdmin && !admin) admin = m.person_id;
  }
  return admin;
}

// Anonymity where the organisation allows it; co-authors only among its staff.
Status CheckSubmitter(db::Tx& tx, const IdeaInput& input, const IdeaSettings& settings,
                      bool staff) {
  if (input.anonymous && !settings.anonymous_allowed) {
    return InvalidParameterError("anonymous", "ideas.anonymous.not_allowed");
  }
  if (!staff && !input.co_author_ids.empty()) {
    return InvalidParameterError("co_author_ids", "ideas.co_authors.staff_only");
  }
  for (PersonId co_author : input.co_author_ids) {
    ASSIGN_OR_RETURN(bool member, IsMember(tx, co_author, settings.organisation_id));
    if (!member) {
      return InvalidParameterError("co_author_ids", "ideas.co_authors.not_member",
                                   std::to_string(co_author));
    }
  }
  return Status::Ok();
}

void CopyContent(const Idea& from, Idea& to) {
  to.title = from.title;
  to.need = from.need;
  to.need_who = from.need_who;
  to.need_how_often = from.need_how_often;
  to.need_cost = from.need_cost;
  to.solution = from.solution;
  to.description = from.description;
  to.beneficiaries = from.beneficiaries;
  to.value_types = from.value_types;
  to.value_estimate = from.value_estimate;
  to.novelty = from.novelty;
  to.origin = from.origin;
  to.source_url = from.source_url;
  to.step = from.step;
  to.idea_type = from.idea_type;
  to.triggers = from.triggers;
  to.area = from.area;
  to.sdgs = from.sdgs;
  to.visibility = from.visibility;
}

}  // namespace

Viewer ViewerOf(const Actor& actor) {
  Viewer viewer;
  if (actor.service_organisation) {
    if (actor.HasScope(accounts::TokenScope::kRead)) {
      viewer.coordinator_of.push_back(*actor.service_organisation);
    }
    return viewer;
  }
  if (actor.authenticated() && !actor.HasScope(accounts::TokenScope::kRead)) return viewer;
  viewer.person_id = actor.person_id;
  for (const accounts::Membership& m : actor.memberships) {
    viewer.member_of.push_back(m.organisation_id);
    if (m.role == accounts::Role::kCoordinator || m.role == accounts::Role::kAdmin) {
      viewer.coordinator_of.push_back(m.organisation_id);
    }
  }
  return viewer;
}

IdeaService::IdeaService(db::Database& db, const Clock& clock, const audit::AuditLog& audit,
                         const inbox::Inbox& inbox, storage::FileStore& files,
                         IdeaOptions options)
    : db_(db), clock_(clock), audit_(audit), inbox_(inbox), files_(files), options_(options) {}

StatusOr<IdeaSettings> IdeaService::SettingsIn(db::Tx& tx, OrganisationId org) {
  RETURN_IF_ERROR(accounts::OrganisationStore::Find(tx, org));
  ASSIGN_OR_RETURN(std::optional<IdeaSettings> saved, IdeaStore::FindSettings(tx, org));
  if (saved) return *saved;
  return IdeaSettings{.organisation_id = org};
}

StatusOr<std::vector<Stage>> IdeaService::EnsurePipeline(db::Tx& tx, OrganisationId org) {
  ASSIGN_OR_RETURN(std::vector<Stage> stages, IdeaStore::ListStages(tx, org));
  if (!stages.empty()) return stages;
  ASSIGN_OR_RETURN(IdeaSettings settings, SettingsIn(tx, org));
  for (Stage stage : TemplateStages(settings.pipeline_template)) {
    stage.organisation_id = org;
    ASSIGN_OR_RETURN(stage.id, IdeaStore::InsertStage(tx, stage));
    stages.push_back(stage);
  }
  return stages;
}

StatusOr<IdeaSettings> IdeaService::GetSettings(OrganisationId org) {
  return db_.ReadValue<IdeaSettings>([&](db::Tx& tx) { return SettingsIn(tx, org); });
}

StatusOr<IdeaSettings> IdeaService::UpdateSettings(const Actor& actor, OrganisationId org,
                                                   const SettingsInput& in) {
  if (!CanManageIdeaSettings(actor, org)) {
    return accounts::DenyAccess(actor, "ideas.settings.denied");
  }
  Status problems = InvalidArgumentError("validation.failed");
  std::optional<PipelineTemplate> tmpl;
  if (in.pipeline_template) {
    tmpl = ParsePipelineTemplate(*in.pipeline_template);
    if (!tmpl) problems.AddInvalid("pipeline_template", "ideas.code.invalid", *in.pipeline_template);
  }
  if (in.feedback_days && (*in.feedback_days < kMinFeedbackDays || *in.feedback_days > kMaxFeedbackDays)) {
    problems.AddInvalid("feedback_days", "validation.out_of_range", std::to_string(*in.feedback_days),
                        {{"min", std::to_string(kMinFeedbackDays)}, {"max", std::to_string(kMaxFeedbackDays)}});
  }
  if (in.retention_years && (*in.retention_years < 0 || *in.retention_years > kMaxRetentionYears)) {
    problems.AddInvalid("retention_years", "validation.out_of_range", std::to_string(*in.retention_years),
                        {{"min", "0"}, {"max", std::to_string(kMaxRetentionYears)}});
  }
  if (!problems.invalid_parameters().empty()) return problems;
  return db_.WriteValue<IdeaSettings>([&](db::Tx& tx) -> StatusOr<IdeaSettings> {
    ASSIGN_OR_RETURN(IdeaSettings s, SettingsIn(tx, org));
    if (tmpl && *tmpl != s.pipeline_template) {
      ASSIGN_OR_RETURN(std::int64_t ideas, IdeaStore::CountIdeas(tx, org));
      if (ideas > 0) return FailedPreconditionError("ideas.settings.template_in_use");
      RETURN_IF_ERROR(IdeaStore::DeleteStages(tx, org));
      s.pipeline_template = *tmpl;
    }
    s.feedback_days = in.feedback_days.value_or(s.feedback_days);
    s.anonymous_allowed = in.anonymous_allowed.value_or(s.anonymous_allowed);
    s.public_box_open = in.public_box_open.value_or(s.public_box_open);
    s.retention_years = in.retention_years.value_or(s.retention_years);
    s.updated_at = clock_.Now();
    RETURN_IF_ERROR(IdeaStore::SaveSettings(tx, s));
    RETURN_IF_ERROR(audit_.Append(tx, accounts::MakeAuditEvent(
        actor, org, "idea_settings.update", "organisation", std::to_string(org),
        {{"pipeline_template", PipelineTemplateName(s.pipeline_template)},
         {"feedback_days", s.feedback_days}, {"anonymous_allowed", s.anonymous_allowed},
         {"public_box_open", s.public_box_open}, {"retention_years", s.retention_years}})).status());
    return s;
  });
}

StatusOr<std::vector<Stage>> IdeaService::GetPipeline(OrganisationId org) {
  // Every idea page and the board read the pipeline: a read transaction, so
  // that they do not queue behind writers (SQLite's BEGIN IMMEDIATE). Only an
  // organisation that never had ideas needs the write that stores its stages.
  ASSIGN_OR_RETURN(std::vector<Stage> stages,
                   db_.ReadValue<std::vector<Stage>>(
                       [&](db::Tx& tx) { return IdeaStore::ListStages(tx, org); }));
  if (!stages.empty()) return stages;
  return db_.WriteValue<std::vector<Stage>>([&](db::Tx& tx) { return EnsurePipeline(tx, org); });
}

StatusOr<Idea> IdeaService::SubmitIdea(const Actor& actor, OrganisationId org,
                                       const IdeaInput& input) {
  // Validated before the write transaction: bad input never takes the lock.
  ASSIGN_OR_RETURN(Idea idea, ValidateIdeaInput(input));
  return db_.WriteValue<Idea>([&](db::Tx& tx) {
    return SubmitValidated(tx, actor, org, std::move(idea), input, std::nullopt);
  });
}

StatusOr<Idea> IdeaService::SubmitIdeaIn(db::Tx& tx, const Actor& actor, OrganisationId org,
                                         const IdeaInput& input,
                                         std::optional<ChallengeId> challenge) {
  ASSIGN_OR_RETURN(Idea idea, ValidateIdeaInput(input));
  return SubmitValidated(tx, actor, org, std::move(idea), input, challenge);
}

StatusOr<Idea> IdeaService::SubmitValidated(db::Tx& tx, const Actor& actor, OrganisationId org,
                                            Idea idea, const IdeaInput& input,
                                            std::optional<ChallengeId> challenge) {
  ASSIGN_OR_RETURN(IdeaSettings settings, SettingsIn(tx, org));
  const bool staff = actor.IsMemberOf(org);
  // A challenge admits its own participants (the caller checked them);
  // otherwise the organisation's staff and its public idea box do.
  if (!challenge &&
      (staff ? !CanSubmitStaffIdea(actor, org) : !CanSubmitToIdeaBox(actor, settings))) {
    return accounts::DenyAccess(actor, staff ? "ideas.submit.denied" : "ideas.box.closed");
  }
  RETURN_IF_ERROR(CheckSubmitter(tx, input, settings, staff));
  const UnixSeconds now = clock_.Now();
  idea.organisation_id = org;
  idea.anonymous = idea.anonymous || !actor.person_id;
  idea.submitter_id = actor.person_id;
  idea.channel = staff ? Channel::kStaff : Channel::kPublicBox;
  if (!staff) {
    ASSIGN_OR_RETURN(int number, IdeaStore::NextRegistrationNumber(tx, org, YearOf(now)));
    idea.registration_number = RegistrationNumber(YearOf(now), number);
    idea.received_at = now;
  }
  idea.feedback_due_at = now + settings.feedback_days * kDay;
  idea.challenge_id = challenge;
  ASSIGN_OR_RETURN(idea.owner_id, DefaultOwner(tx, org));
  return InsertSubmission(tx, actor, std::move(idea), input.co_author_ids);
}

StatusOr<Idea> IdeaService::InsertSubmission(db::Tx& tx, const Actor& actor, Idea idea,
                                             const std::vector<PersonId>& co_authors) {
  ASSIGN_OR_RETURN(std::vector<Stage> pipeline, EnsurePipeline(tx, idea.organisation_id));
  const Stage* first = FirstStage(pipeline);
  if (!first) return InternalError("pipeline without a regular stage");
  idea.stage = *first;
  idea.stage_id = first->id;
  idea.created_at = idea.stage_since = clock_.Now();
  ASSIGN_OR_RETURN(idea.id, IdeaStore::Insert(tx, idea));
  std::vector<PersonId> authors;
  if (actor.person_id) authors.push_back(*actor.person_id);
  for (PersonId p : co_authors) {
    if (std::find(authors.begin(), authors.end(), p) == authors.end()) authors.push_back(p);
  }
  RETURN_IF_ERROR(IdeaStore::SetAuthors(tx, idea.id, authors));
  RETURN_IF_ERROR(IdeaStore::InsertEvent(
      tx, {.idea_id = idea.id, .kind = EventKind::kSubmitted, .to_stage_id = first->id,
           .actor_id = idea.anonymous ? std::nullopt : actor.person_id,
           .actor_name = idea.anonymous ? "" : actor.display_name, .occurred_at = idea.created_at}));
  RETURN_IF_ERROR(AuditIdea(tx, audit_, actor, idea, "idea.submit",
                        {{"channel", ChannelName(idea.channel)},
                         {"registration_number", idea.registration_number}}));
  return FindAndIndex(tx, idea.id);
}

StatusOr<Idea> IdeaService::FindAndIndex(db::Tx& tx, IdeaId id) {
  ASSIGN_OR_RETURN(Idea idea, IdeaStore::Find(tx, id));
  if (search_sink_) RETURN_IF_ERROR(search_sink_->Upsert(tx, to_document_(idea)));
  return idea;
}

StatusOr<Idea> FindVisibleIdea(db::Tx& tx, const Actor& actor, IdeaId id) {
  StatusOr<Idea> idea = IdeaStore::Find(tx, id);
  // Ideas the actor may not see answer exactly like missing ones.
  if (!idea.ok() || !CanViewIdea(actor, *idea)) return NotFoundError("error.not_found");
  return idea;
}

Status AuditIdea(db::Tx& tx, const audit::AuditLog& log, const Actor& actor, const Idea& idea,
                 std::string action, nlohmann::json details) {
  return log
      .Append(tx, accounts::MakeAuditEvent(actor, idea.organisation_id, std::move(action), "idea",
                                           std::to_string(idea.id), std::move(details)))
      .status();
}

StatusOr<Idea> IdeaService::UpdateIdea(const Actor& actor, IdeaId id, const IdeaInput& input) {
  ASSIGN_OR_RETURN(Idea changes, ValidateIdeaInput(input));
  return db_.WriteValue<Idea>([&](db::Tx& tx) -> StatusOr<Idea> {
    ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
    if (!CanEditIdea(actor, idea)) return accounts::DenyAccess(actor, "ideas.edit.denied");
    CopyContent(changes, idea);
    if (input.owner_id && input.owner_id != idea.owner_id) {
      if (!IsIdeaCoordinator(actor, idea.organisation_id)) {
        return accounts::DenyAccess(actor, "ideas.owner.denied");
      }
      ASSIGN_OR_RETURN(bool member, IsMember(tx, *input.owner_id, idea.organisation_id));
      if (!member) {
        return InvalidArgumentError("validation.failed")
            .AddInvalid("owner_id", "ideas.owner.not_member", std::to_string(*input.owner_id));
      }
      idea.owner_id = input.owner_id;
    }
    idea.updated_at = clock_.Now();
    RETURN_IF_ERROR(IdeaStore::UpdateContent(tx, idea));
    RETURN_IF_ERROR(AuditIdea(tx, audit_, actor, idea, "idea.update"));
    return FindAndIndex(tx, id);
  });
}

StatusOr<Idea> IdeaService::GetIdea(const Actor& actor, IdeaId id) {
  return db_.ReadValue<Idea>([&](db::Tx& tx) { return FindVisibleIdea(tx, actor, id); });
}

StatusOr<IdeaPage> IdeaService::ListIdeas(const Actor& actor, const IdeaFilter& filter) {
  return db_.ReadValue<IdeaPage>([&](db::Tx& tx) -> StatusOr<IdeaPage> {
    ASSIGN_OR_RETURN(auto found, IdeaStore::List(tx, filter, ViewerOf(actor)));
    return IdeaPage{std::move(found.first), std::min(found.second, filter.count_limit),
                    found.second > filter.count_limit};
  });
}

Status IdeaService::RunGateChecks(db::Tx& tx, const Idea& idea, const Stage& target) const {
  for (const GateCheck* check : gate_checks_) RETURN_IF_ERROR(check->Check(tx, idea, target));
  return Status::Ok();
}

Status IdeaService::NotifyAuthors(db::Tx& tx, const Actor& actor, const Idea& idea,
                                  const std::string& kind, const std::string& key,
                                  std::vector<std::pair<std::string, std::string>> args) {
  std::set<PersonId> recipients;
  if (idea.submitter_id) recipients.insert(*idea.submitter_id);
  for (const Author& a : idea.authors) recipients.insert(a.person_id);
  if (actor.person_id) recipients.erase(*actor.person_id);  // nobody is told what they did
  for (PersonId person : recipients) {
    RETURN_IF_ERROR(inbox_.Notify(tx, {.person_id = person, .kind = kind, .text_key = key,
                                       .args = args, .link = "/ideas/" + std::to_string(idea.id)}));
  }
  return Status::Ok();
}

StatusOr<Idea> IdeaService::MoveIdea(const Actor& actor, IdeaId id, StageId target_id,
                                     const std::string& reason) {
  return db_.WriteValue<Idea>(
      [&](db::Tx& tx) { return MoveIdeaIn(tx, actor, id, target_id, reason); });
}

StatusOr<Idea> IdeaService::MoveIdeaIn(db::Tx& tx, const Actor& actor, IdeaId id,
                                       StageId target_id, const std::string& reason) {
  ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
  ASSIGN_OR_RETURN(std::vector<Stage> pipeline, EnsurePipeline(tx, idea.organisation_id));
  const Stage* target = FindStage(pipeline, target_id);
  if (!target) {
    return InvalidArgumentError("validation.failed")
        .AddInvalid("stage_id", "ideas.move.unknown_stage", std::to_string(target_id));
  }
  if (!CanMoveIdea(actor, idea, *target)) return DenyMove(actor, *target);
  const std::string why(Trim(reason));
  RETURN_IF_ERROR(CheckTransition(pipeline, idea.stage, *target, why));
  RETURN_IF_ERROR(RunGateChecks(tx, idea, *target));
  const UnixSeconds now = clock_.Now();
  RETURN_IF_ERROR(IdeaStore::SetStage(tx, id, *target, now));
  RETURN_IF_ERROR(IdeaStore::InsertEvent(
      tx, {.idea_id = id, .kind = EventKind::kMoved, .from_stage_id = idea.stage_id,
           .to_stage_id = target->id, .actor_id = actor.person_id,
           .actor_name = actor.display_name, .text = why, .occurred_at = now}));
  RETURN_IF_ERROR(AuditIdea(tx, audit_, actor, idea, "idea.move",
                        {{"from", idea.stage.key}, {"to", target->key}}));
  RETURN_IF_ERROR(NotifyAuthors(tx, actor, idea, "idea.moved", "inbox.idea.moved",
                                {{"title", idea.title}, {"stage", target->name},
                                 {"by", actor.display_name}}));
  return FindAndIndex(tx, id);
}

StatusOr<std::vector<IdeaEvent>> IdeaService::History(const Actor& actor, IdeaId id) {
  return db_.ReadValue<std::vector<IdeaEvent>>(
      [&](db::Tx& tx) -> StatusOr<std::vector<IdeaEvent>> {
        RETURN_IF_ERROR(FindVisibleIdea(tx, actor, id));
        return IdeaStore::ListEvents(tx, id);
      });
}

StatusOr<Idea> IdeaService::RecordFeedback(const Actor& actor, IdeaId id, const std::string& text) {
  const std::string answer(Trim(text));
  if (answer.empty() || Utf8Length(answer) > kMaxLongTextChars) {
    return InvalidArgumentError("validation.failed")
        .AddInvalid("text", answer.empty() ? "ideas.feedback.required" : "validation.too_long", "",
                    {{"max", std::to_string(kMaxLongTextChars)}});
  }
  return db_.WriteValue<Idea>([&](db::Tx& tx) -> StatusOr<Idea> {
    ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
    if (!CanGiveFeedback(actor, idea)) return accounts::DenyAccess(actor, "ideas.feedback.denied");
    const UnixSeconds now = clock_.Now();
    RETURN_IF_ERROR(IdeaStore::SetFeedbackGiven(tx, id, now));
    RETURN_IF_ERROR(IdeaStore::InsertEvent(
        tx, {.idea_id = id, .kind = EventKind::kFeedback, .actor_id = actor.person_id,
             .actor_name = actor.display_name, .text = answer, .occurred_at = now}));
    RETURN_IF_ERROR(AuditIdea(tx, audit_, actor, idea, "idea.feedback"));
    RETURN_IF_ERROR(NotifyAuthors(tx, actor, idea, "idea.feedback", "inbox.idea.feedback",
                                  {{"title", idea.title}, {"by", actor.display_name}}));
    return FindAndIndex(tx, id);
  });
}

StatusOr<Idea> IdeaService::SetPublished(const Actor& actor, IdeaId id, bool published,
                                         const std::string& reason) {
  const std::string why(Trim(reason));
  if (!published && why.empty()) {
    return InvalidArgumentError("validation.failed").AddInvalid("reason", "ideas.unpublish.reason_required");
  }
  return db_.WriteValue<Idea>([&](db::Tx& tx) -> StatusOr<Idea> {
    ASSIGN_OR_RETURN(Idea idea, FindVisibleIdea(tx, actor, id));
    if (!CanUnpublishIdea(actor, idea)) return accounts::DenyAccess(actor, "ideas.unpublish.denied");
    if (published == !idea.unpublished_at.has_value()) return idea;  // nothing to change
    const UnixSeconds now = clock_.Now();
    RETURN_IF_ERROR(IdeaStore::SetUnpublished(tx, id, published ? std::nullopt : std::optional(now), now));
    RETURN_IF_ERROR(IdeaStore::InsertEvent(
        tx, {.idea_id = id, .kind = published ? EventKind::kRepublished : EventKind::kUnpublished,
             .actor_id = actor.person_id, .actor_name = actor.display_name, .text = why,
             .occurred_at = now}));
    RETURN_IF_ERROR(AuditIdea(tx, audit_, actor, idea, published ? "idea.republish" : "idea.unpublish",
                          {{"reason", why}}));
    return FindAndIndex(tx, id);
  });
}

StatusOr<int> IdeaService::CullExpired(const Actor& actor, OrganisationId org) {
  if (!CanCullIdeas(actor, org)) return accounts::DenyAccess(actor, "ideas.cull.denied");
  return db_.WriteValue<int>([&](db::Tx& tx) -> StatusOr<int> {
    ASSIGN_OR_RETURN(IdeaSettings settings, SettingsIn(tx, org));
    if (settings.retention_years == 0) return FailedPreconditionError("ideas.cull.no_rule");
    const UnixSeconds now = clock_.Now();
    ASSIGN_OR_RETURN(std::vector<IdeaId> due,
                     IdeaStore::CullCandidates(tx, org, now - settings.retention_years * kYear));
    for (IdeaId id : due) {
      ASSIGN_OR_RETURN(Idea idea, IdeaStore::Find(tx, id));
      RETURN_IF_ERROR(IdeaStore::Cull(tx, id, now));
      RETURN_IF_ERROR(FindAndIndex(tx, id).status());
      RETURN_IF_ERROR(IdeaStore::InsertEvent(
          tx, {.idea_id = id, .kind = EventKind::kCulled, .actor_id = actor.person_id,
               .actor_name = actor.display_name, .occurred_at = now}));
      RETURN_IF_ERROR(AuditIdea(tx, audit_, actor, idea, "idea.cull",
                            {{"registration_number", idea.registration_number},
                             {"retention_years", settings.retention_years}}));
    }
    return int(due.size());
  });
}

StatusOr<IdeaPage> IdeaService::OverdueIdeas(const Actor& actor, OrganisationId org, int page,
                                             int limit) {
  if (!CanSeeOverdueIdeas(actor, org)) return accounts::DenyAccess(actor, "ideas.overdue.denied");
  IdeaFilter filter{.organisation_id = org,
                    .feedback_overdue_at = clock_.Now(),
                    .sort = IdeaSort::kOldest,
                    .offset = std::int64_t(page - 1) * limit,
                    .limit = limit};
  return ListIdeas(actor, filter);
}

Status IdeaService::ForEachIdea(const std::function<Status(const Idea&)>& fn) {
  return db_.Read([&](db::Tx& tx) { return IdeaStore::ForEach(tx, fn); });
}

}  // namespace nyttig::ideas
