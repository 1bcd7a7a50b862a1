#include "dialogue/dialogue_service.h"

#include <spdlog/spdlog.h>

#include "accounts/organisation_store.h"
#include "accounts/permissions.h"
#include "accounts/secrets.h"
#include "core/text.h"
#include "dialogue/clustering/polis_clustering.h"
#include "dialogue/permissions.h"
#include "dialogue/result_document.h"

namespace nyttig::dialogue {
namespace {

using accounts::Actor;

std::string Trimmed(const std::string& text) { return std::string(Trim(text)); }

void CheckText(Status& status, const std::string& name, const std::string& text, size_t max,
               bool required) {
  if (!IsValidUtf8(text)) {
    status.AddInvalid(name, "validation.not_string");
  } else if (required && Trim(text).empty()) {
    status.AddInvalid(name, "validation.required");
  } else if (Utf8Length(text) > max) {
    status.AddInvalid(name, "validation.too_long", text, {{"max", std::to_string(max)}});
  }
}

Dialogue FromInput(const DialogueInput& input, UnixSeconds now) {
  return Dialogue{.question = Trimmed(input.question),
                  .introduction = Trimmed(input.introduction),
                  .opens_at = input.opens_at.value_or(now),
                  .closes_at = input.closes_at,
                  .moderation = input.moderation,
                  .allow_anonymous = input.allow_anonymous,
                  .allow_statements = input.allow_statements,
                  .max_statement_chars = input.max_statement_chars,
                  .live_seeding = input.live_seeding};
}

nlohmann::json DialogueDetails(const Dialogue& d) {
  return {{"question", d.question},
          {"moderation", ModerationName(d.moderation)},
          {"allow_anonymous", d.allow_anonymous},
          {"allow_statements", d.allow_statements},
          {"max_statement_chars", d.max_statement_chars},
          {"live_seeding", d.live_seeding}};
}

// An event for something a participant did: no person, so that the
// organisation's chain never ties anyone to an opinion.
audit::AuditEvent ParticipantEvent(const Dialogue& d, std::string action, std::string entity,
                                   std::string entity_id) {
  audit::AuditEvent event;
  event.chain_id = d.organisation_id;
  event.actor_role = "participant";
  event.action = std::move(action);
  event.entity_type = std::move(entity);
  event.entity_id = std::move(entity_id);
  event.details = {{"dialogue_id", d.id}};
  return event;
}

// The text that is hashed into a participant pseudonym.
StatusOr<std::string> IdentityText(const Actor& actor, const ParticipantIdentity& identity,
                                   const Dialogue& d) {
  if (actor.person_id) return "person:" + std::to_string(*actor.person_id);
  if (!d.allow_anonymous) return accounts::DenyAccess(actor, "dialogue.login_required");
  if (identity.browser_token.size() < 32) {
    return FailedPreconditionError("dialogue.participant.cookie_missing");
  }
  return "browser:" + identity.browser_token;
}

Status DenyUnlessOpen(const Actor& actor, const Dialogue& d, UnixSeconds now, bool statement) {
  if (!d.IsOpen(now)) return FailedPreconditionError("dialogue.closed");
  if (statement && !d.allow_statements) return FailedPreconditionError("dialogue.no_statements");
  const bool allowed = statement ? CanSubmitStatement(actor, d, now) : CanVote(actor, d, now);
  return allowed ? Status::Ok() : accounts::DenyAccess(actor, "dialogue.login_required");
}

}  // namespace

Status ValidateDialogueInput(const DialogueInput& input, const std::vector<std::string>& seeds) {
  Status status = InvalidArgumentError("validation.failed");
  CheckText(status, "question", input.question, kMaxQuestionChars, true);
  CheckText(status, "introduction", input.introduction, kMaxIntroductionChars, false);
  if (input.closes_at && input.opens_at && *input.closes_at <= *input.opens_at) {
    status.AddInvalid("closes_at", "dialogue.closes_before_opens");
  }
  if (input.max_statement_chars < kMinStatementChars ||
      input.max_statement_chars > kMaxStatementChars) {
    status.AddInvalid("max_statement_chars", "validation.out_of_range",
                      std::to_string(input.max_statement_chars),
                      {{"min", std::to_string(kMinStatementChars)},
                       {"max", std::to_string(kMaxStatementChars)}});
  }
  if (seeds.size() > static_cast<size_t>(kMaxSeedStatements)) {
    status.AddInvalid("seed_statements", "dialogue.too_many_seeds", "",
                      {{"max", std::to_string(kMaxSeedStatements)}});
  }
  for (const std::string& seed : seeds) {
    CheckText(status, "seed_statements", seed, kMaxStatementChars, true);
  }
  return status.invalid_parameters().empty() ? Status::Ok() : status;
}

DialogueService::DialogueService(db::Database& db, const Clock& clock, const audit::AuditLog& audit,
                                 const jobs::JobQueue& jobs, DialogueServiceOptions options)
    : db_(db), clock_(clock), audit_(audit), jobs_(jobs), options_(options) {}

StatusOr<Dialogue> DialogueService::CreateDialogue(const Actor& actor, std::int64_t org,
                                                   const DialogueInput& input,
                                                   const std::vector<std::string>& seeds) {
  if (!CanCreateDialogue(actor, org)) return accounts::DenyAccess(actor, "dialogue.not_organiser");
  RETURN_IF_ERROR(ValidateDialogueInput(input, seeds));
  return db_.WriteValue<Dialogue>([&](db::Tx& tx) -> StatusOr<Dialogue> {
    RETURN_IF_ERROR(accounts::OrganisationStore::Find(tx, org).status());
    const UnixSeconds now = clock_.Now();
    Dialogue d = FromInput(input, now);
    d.organisation_id = org;
    d.created_at = d.updated_at = now;
    ASSIGN_OR_RETURN(d.id, DialogueStore::Insert(tx, d));
    RETURN_IF_ERROR(DialogueStore::InsertKey(tx, d.id, accounts::NewToken()));
    for (const std::string& seed : seeds) {
      Statement s{.dialogue_id = d.id, .body = Trimmed(seed), .is_seed = true,
                  .state = StatementState::kAccepted, .created_at = now};
      RETURN_IF_ERROR(DialogueStore::InsertStatement(tx, s).status());
    }
    RETURN_IF_ERROR(IndexDialogue(tx, d));
    nlohmann::json details = DialogueDetails(d);
    details["seed_statements"] = seeds.size();
    RETURN_IF_ERROR(audit_.Append(tx, accounts::MakeAuditEvent(actor, org, "dialogue.create",
                                                               "dialogue", std::to_string(d.id),
                                                               details)).status());
    return d;
  });
}

StatusOr<Dialogue> DialogueService::Organised(db::Tx& tx, const Actor& actor,
                                              DialogueId id) const {
  ASSIGN_OR_RETURN(Dialogue d, DialogueStore::Find(tx, id));
  if (CanEditDialogue(actor, d)) return d;
  if (!CanViewDialogue(actor, d, clock_.Now())) return NotFoundError("no such dialogue");
  return accounts::DenyAccess(actor, "dialogue.not_organiser");
}

StatusOr<Dialogue> DialogueService::UpdateDialogue(const Actor& actor, DialogueId id,
                                                   const DialogueInput& input) {
  RETURN_IF_ERROR(ValidateDialogueInput(input, {}));
  return db_.WriteValue<Dialogue>([&](db::Tx& tx) -> StatusOr<Dialogue> {
    ASSIGN_OR_RETURN(Dialogue old, Organised(tx, actor, id));
    Dialogue d = FromInput(input, old.opens_at);
    d.id = id;
    d.organisation_id = old.organisation_id;
    d.created_at = old.created_at;
    d.updated_at = clock_.Now();
    RETURN_IF_ERROR(DialogueStore::Update(tx, d));
    RETURN_IF_ERROR(IndexDialogue(tx, d));
    RETURN_IF_ERROR(audit_.Append(tx, accounts::MakeAuditEvent(actor, d.organisation_id,
                                                               "dialogue.update", "dialogue",
                                                               std::to_string(id),
                                                               DialogueDetails(d))).status());
    return d;
  });
}

StatusOr<Dialogue> DialogueService::CloseDialogue(const Actor& actor, DialogueId id) {
  return db_.WriteValue<Dialogue>([&](db::Tx& tx) -> StatusOr<Dialogue> {
    ASSIGN_OR_RETURN(Dialogue d, Organised(tx, actor, id));
    const UnixSeconds now = clock_.Now();
    if (!d.IsOpen(now) && d.opens_at <= now) return FailedPreconditionError("dialogue.closed");
    d.closes_at = now;
    d.updated_at = now;
    RETURN_IF_ERROR(DialogueStore::Update(tx, d));
    RETURN_IF_ERROR(IndexDialogue(tx, d));
    RETURN_IF_ERROR(audit_.Append(tx, accounts::MakeAuditEvent(actor, d.organisation_id,
                                                               "dialogue.close", "dialogue",
                                                               std::to_string(id))).status());
    return d;
  });
}

StatusOr<Dialogue> DialogueService::GetDialogue(const Actor& actor, DialogueId id) const {
  ASSIGN_OR_RETURN(Dialogue d,
                   db_.ReadValue<Dialogue>([&](db::Tx& tx) { return DialogueStore::Find(tx, id); }));
  if (!CanViewDialogue(actor, d, clock_.Now())) return NotFoundError("no such dialogue");
  return d;
}

StatusOr<Paged<Dialogue>> DialogueService::ListDialogues(const Actor& actor,
                                                         std::optional<std::int64_t> org,
                                                         bool open_only, PageSpec page) const {
  // Dialogues that have not opened yet are listed only to their organisers,
  // who ask with their organisation; everyone else sees dialogues from their
  // opening on.
  const UnixSeconds now = clock_.Now();
  const bool organiser = org && CanCreateDialogue(actor, *org);
  DialogueFilter filter{.organisation_id = org,
                        .offset = std::int64_t(page.page - 1) * page.limit,
                        .limit = page.limit};
  if (open_only) filter.open_at = now;
  if (!organiser) filter.opened_by = now;
  return db_.ReadValue<Paged<Dialogue>>([&](db::Tx& tx) -> StatusOr<Paged<Dialogue>> {
    ASSIGN_OR_RETURN(auto found, DialogueStore::List(tx, filter));
    return Paged<Dialogue>{.items = std::move(found.first), .total = found.second};
  });
}

StatusOr<Paged<Statement>> DialogueService::ListStatements(const Actor& actor, DialogueId id,
                                                           std::optional<StatementState> state,
                                                           PageSpec page) const {
  ASSIGN_OR_RETURN(Dialogue d, GetDialogue(actor, id));
  const bool organiser = CanModerateDialogue(actor, d);
  if (!organiser) {
    if (state && *state != StatementState::kAccepted) {
      return accounts::DenyAccess(actor, "dialogue.not_organiser");
    }
    state = StatementState::kAccepted;
  }
  StatementFilter filter{.state = state,
                         .offset = std::int64_t(page.page - 1) * page.limit,
                         .limit = page.limit};
  return db_.ReadValue<Paged<Statement>>([&](db::Tx& tx) -> StatusOr<Paged<Statement>> {
    ASSIGN_OR_RETURN(auto found, DialogueStore::ListStatements(tx, id, filter));
    Paged<Statement> out{.items = std::move(found.first), .total = found.second};
    // Authors are pseudonyms, still not for everyone's eyes.
    for (Statement& s : out.items) s.author_participant_id.reset();
    return out;
  });
}

StatusOr<std::optional<ParticipantId>> DialogueService::ExistingParticipant(
    db::Tx& tx, const Actor& actor, const ParticipantIdentity& identity, DialogueId id) const {
  ASSIGN_OR_RETURN(Dialogue d, DialogueStore::Find(tx, id));
  StatusOr<std::string> text = IdentityText(actor, identity, d);
  if (!text.ok()) return std::optional<ParticipantId>();
  ASSIGN_OR_RETURN(std::string key, DialogueStore::FindKey(tx, id));
  return DialogueStore::FindParticipant(tx, id, accounts::KeyedHash(key, *text));
}

StatusOr<ParticipantId> DialogueService::Participant(db::Tx& tx, const Actor& actor,
                                                     const ParticipantIdentity& identity,
                                                     DialogueId id) {
  ASSIGN_OR_RETURN(Dialogue d, DialogueStore::Find(tx, id));
  ASSIGN_OR_RETURN(std::string text, IdentityText(actor, identity, d));
  ASSIGN_OR_RETURN(std::string key, DialogueStore::FindKey(tx, id));
  return DialogueStore::FindOrCreateParticipant(tx, id, accounts::KeyedHash(key, text),
                                                clock_.Now());
}

StatusOr<Statement> DialogueService::SubmitStatement(const Actor& actor,
                                                     const ParticipantIdentity& identity,
                                                     DialogueId id, const std::string& body) {
  ASSIGN_OR_RETURN(Dialogue d, GetDialogue(actor, id));
  const UnixSeconds now = clock_.Now();
  RETURN_IF_ERROR(DenyUnlessOpen(actor, d, now, true));
  Status invalid = InvalidArgumentError("validation.failed");
  CheckText(invalid, "body", body, d.max_statement_chars, true);
  if (!invalid.invalid_parameters().empty()) return invalid;
  return db_.WriteValue<Statement>([&](db::Tx& tx) -> StatusOr<Statement> {
    ASSIGN_OR_RETURN(ParticipantId author, Participant(tx, actor, identity, id));
    Statement s{.dialogue_id = id,
                .body = Trimmed(body),
                .state = d.moderation == Moderation::kPre ? StatementState::kPending
                                                          : StatementState::kAccepted,
                .created_at = now,
                .author_participant_id = author};
    ASSIGN_OR_RETURN(s.id, DialogueStore::InsertStatement(tx, s));
    // Accepted at once (post-moderation): its words are in the dialogue's document.
    if (s.state == StatementState::kAccepted) RETURN_IF_ERROR(IndexDialogue(tx, id));
    RETURN_IF_ERROR(audit_.Append(tx, ParticipantEvent(d, "dialogue.statement.submit",
                                                       "statement", std::to_string(s.id)))
                        .status());
    return s;
  });
}

StatusOr<Statement> DialogueService::ModerateStatement(const Actor& actor, DialogueId dialogue,
                                                       StatementId id, StatementState decision) {
  if (decision == StatementState::kPending) {
    return InvalidArgumentError("validation.failed").AddInvalid("decision", "dialogue.decision");
  }
  return db_.WriteValue<Statement>([&](db::Tx& tx) -> StatusOr<Statement> {
    ASSIGN_OR_RETURN(Statement s, DialogueStore::FindStatement(tx, id));
    if (s.dialogue_id != dialogue) return NotFoundError("no such statement in this dialogue");
    ASSIGN_OR_RETURN(Dialogue d, DialogueStore::Find(tx, s.dialogue_id));
    if (!CanModerateDialogue(actor, d)) {
      if (!CanViewDialogue(actor, d, clock_.Now())) return NotFoundError("no such statement");
      return accounts::DenyAccess(actor, "dialogue.not_organiser");
    }
    // Only accepted statements are in the dialogue's document: re-index
    // when one joins or leaves that set.
    const bool in_document_before = s.state == StatementState::kAccepted;
    s.state = decision;
    RETURN_IF_ERROR(DialogueStore::SetStatementState(tx, id, decision, clock_.Now()));
    if (in_document_before != (decision == StatementState::kAccepted)) {
      RETURN_IF_ERROR(IndexDialogue(tx, d));
    }
    RETURN_IF_ERROR(QueueRecompute(tx, d.id));
    RETURN_IF_ERROR(audit_.Append(tx, accounts::MakeAuditEvent(
                                          actor, d.organisation_id, "dialogue.statement.moderate",
                                          "statement", std::to_string(id),
                                          {{"decision", StatementStateName(decision)}}))
                        .status());
    s.author_participant_id.reset();
    return s;
  });
}

StatusOr<VoteReceipt> DialogueService::CastVote(const Actor& actor,
                                                const ParticipantIdentity& identity, DialogueId id,
                                                StatementId statement, VoteValue vote) {
  ASSIGN_OR_RETURN(Dialogue d, GetDialogue(actor, id));
  const UnixSeconds now = clock_.Now();
  RETURN_IF_ERROR(DenyUnlessOpen(actor, d, now, false));
  return db_.WriteValue<VoteReceipt>([&](db::Tx& tx) -> StatusOr<VoteReceipt> {
    ASSIGN_OR_RETURN(Statement s, DialogueStore::FindStatement(tx, statement));
    if (s.dialogue_id != id) return NotFoundError("no such statement in this dialogue");
    if (s.state != StatementState::kAccepted) {
      return FailedPreconditionError("dialogue.statement.not_open");
    }
    ASSIGN_OR_RETURN(ParticipantId participant, Participant(tx, actor, identity, id));
    ASSIGN_OR_RETURN(std::int64_t event,
                     DialogueStore::InsertVote(tx, id, participant, statement,
                                               static_cast<int>(vote), now * 1000));
    RETURN_IF_ERROR(QueueRecompute(tx, id));
    return VoteReceipt{event, participant, vote};
  });
}

StatusOr<VotingState> DialogueService::Voting(const Actor& actor,
                                              const ParticipantIdentity& identity,
                                              DialogueId id) const {
  ASSIGN_OR_RETURN(Dialogue d, GetDialogue(actor, id));
  return db_.ReadValue<VotingState>([&](db::Tx& tx) -> StatusOr<VotingState> {
    ASSIGN_OR_RETURN(std::optional<ParticipantId> p, ExistingParticipant(tx, actor, identity, id));
    VotingState state;
    ASSIGN_OR_RETURN(state.next, DialogueStore::NextStatement(tx, id, p.value_or(0)));
    ASSIGN_OR_RETURN(auto progress, DialogueStore::Progress(tx, id, p.value_or(0)));
    state.voted = progress.first;
    state.total = progress.second;
    return state;
  });
}

StatusOr<std::optional<VoteValue>> DialogueService::OwnVote(const Actor& actor,
                                                            const ParticipantIdentity& identity,
                                                            DialogueId id,
                                                            StatementId statement) const {
  ASSIGN_OR_RETURN(Dialogue d, GetDialogue(actor, id));
  return db_.ReadValue<std::optional<VoteValue>>(
      [&](db::Tx& tx) -> StatusOr<std::optional<VoteValue>> {
        ASSIGN_OR_RETURN(auto p, ExistingParticipant(tx, actor, identity, id));
        if (!p) return std::optional<VoteValue>();
        ASSIGN_OR_RETURN(std::optional<int> v, DialogueStore::CurrentVote(tx, *p, statement));
        if (!v) return std::optional<VoteValue>();
        return std::optional(static_cast<VoteValue>(*v));
      });
}

StatusOr<ResultView> DialogueService::Results(const Actor& actor,
                                              const ParticipantIdentity& identity,
                                              DialogueId id) const {
  ASSIGN_OR_RETURN(Dialogue d, GetDialogue(actor, id));
  return db_.ReadValue<ResultView>([&](db::Tx& tx) -> StatusOr<ResultView> {
    ResultView view;
    ASSIGN_OR_RETURN(view.result, DialogueStore::FindResult(tx, id));
    ASSIGN_OR_RETURN(view.own_participant, ExistingParticipant(tx, actor, identity, id));
    ASSIGN_OR_RETURN(view.vote_count_now, DialogueStore::CountVoteEvents(tx, id));
    ASSIGN_OR_RETURN(view.participants_now, DialogueStore::CountParticipants(tx, id));
    ASSIGN_OR_RETURN(view.counts, DialogueStore::CountsByStatement(tx, id));
    ASSIGN_OR_RETURN(view.activity, DialogueStore::ActivityByDay(tx, id));
    return view;
  });
}

Status DialogueService::QueueRecompute(db::Tx& tx, DialogueId id) const {
  jobs::EnqueueOptions options{.dedupe_key = std::string(kRecomputeJobKind) + ":" +
                                             std::to_string(id),
                               .run_after = clock_.Now() + options_.recompute_delay_seconds};
  return jobs_.Enqueue(tx, kRecomputeJobKind, {{"dialogue_id", id}}, options).status();
}

Status DialogueService::Recompute(DialogueId id) {
  struct Snapshot {
    bool live_seeding = false;
    ConversationVotes votes;
    std::int64_t events = 0;
    std::optional<StoredResult> previous;
  };
  // Read in one snapshot, compute outside any transaction (it may take a
  // while on a large dialogue), then store.
  ASSIGN_OR_RETURN(Snapshot snap, db_.ReadValue<Snapshot>([&](db::Tx& tx) -> StatusOr<Snapshot> {
    Snapshot s;
    ASSIGN_OR_RETURN(Dialogue d, DialogueStore::Find(tx, id));
    s.live_seeding = d.live_seeding;
    ASSIGN_OR_RETURN(s.votes, DialogueStore::LoadVotes(tx, id));
    ASSIGN_OR_RETURN(s.events, DialogueStore::CountVoteEvents(tx, id));
    ASSIGN_OR_RETURN(s.previous, DialogueStore::FindResult(tx, id));
    return s;
  }));
  // A moderation decision changes the result without a new vote, so only
  // the same votes and the same moderated-out set count as "unchanged".
  const std::string fingerprint = VotesFingerprint(snap.votes);
  if (snap.previous && snap.previous->vote_count == snap.events &&
      StoredFingerprint(snap.previous->result_json) == fingerprint) {
    return Status::Ok();
  }
  ClusteringOptions options;
  std::optional<ClusteringResult> seed;
  if (snap.live_seeding && snap.previous) seed = StoredSeed(snap.previous->result_json);
  if (seed) options.seed_from = &*seed;
  ASSIGN_OR_RETURN(ClusteringResult result, ClusterConversation(snap.votes, options));
  StoredResult stored{id, snap.events, clock_.Now(), ResultDocument(result, fingerprint).dump()};
  spdlog::info("dialogue {}: clustered {} participants into {} groups", id, result.participants,
               result.groups.size());
  return db_.Write([&](db::Tx& tx) { return DialogueStore::SaveResult(tx, stored); });
}

}  // namespace nyttig::dialogue
