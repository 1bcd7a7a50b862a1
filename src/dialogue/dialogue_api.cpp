// The dialogue module's JSON API (/api/v1/dialogues…), documented in
// docs/api/paths/dialogue.json. Shapes follow CONTRACTS.md: snake_case,
// integer ids, RFC 3339 UTC times, paged lists, problem+json errors.
#include <nlohmann/json.hpp>

#include "accounts/secrets.h"
#include "core/time_format.h"
#include "dialogue/dialogue_pages.h"
#include "dialogue/permissions.h"
#include "dialogue/result_document.h"
#include "dialogue/routes.h"
#include "http/json_body.h"
#include "http/paging.h"
#include "web/page.h"

namespace nyttig::dialogue {
namespace {

using nlohmann::json;

json OptionalTime(const std::optional<UnixSeconds>& t) {
  return t ? json(FormatRfc3339(*t)) : json();
}

json DialogueJson(const Dialogue& d, UnixSeconds now) {
  return {{"id", d.id},
          {"organisation_id", d.organisation_id},
          {"question", d.question},
          {"introduction", d.introduction},
          {"opens_at", FormatRfc3339(d.opens_at)},
          {"closes_at", OptionalTime(d.closes_at)},
          {"is_open", d.IsOpen(now)},
          {"moderation", ModerationName(d.moderation)},
          {"allow_anonymous", d.allow_anonymous},
          {"allow_statements", d.allow_statements},
          {"max_statement_chars", d.max_statement_chars},
          {"live_seeding", d.live_seeding},
          {"url", "/dialogues/" + std::to_string(d.id)},
          {"created_at", FormatRfc3339(d.created_at)},
          {"updated_at", FormatRfc3339(d.updated_at)}};
}

json StatementJson(const Statement& s) {
  return {{"id", s.id},
          {"dialogue_id", s.dialogue_id},
          {"body", s.body},
          {"state", StatementStateName(s.state)},
          {"is_seed", s.is_seed},
          {"created_at", FormatRfc3339(s.created_at)}};
}

// An RFC 3339 member: absent → keep `fallback`; null → nullopt.
std::optional<UnixSeconds> TimeField(const json& body, const char* name,
                                     std::optional<UnixSeconds> fallback, Status& status) {
  if (!body.contains(name)) return fallback;
  if (body[name].is_null()) return std::nullopt;
  std::optional<UnixSeconds> t;
  if (body[name].is_string()) t = ParseRfc3339(body[name].get<std::string>());
  if (!t) status.AddInvalid(name, "dialogue.time.invalid", body[name].dump());
  return t;
}

StatusOr<std::vector<std::string>> SeedList(const json& body) {
  std::vector<std::string> seeds;
  if (!body.contains("seed_statements")) return seeds;
  const json& list = body["seed_statements"];
  if (!list.is_array()) return InvalidParameterError("seed_statements", "validation.not_list", list.dump());
  for (const json& item : list) {
    if (!item.is_string()) return InvalidParameterError("seed_statements", "validation.not_string", item.dump());
    seeds.push_back(item.get<std::string>());
  }
  return seeds;
}

// Reads the dialogue members of a POST or PATCH body over `base` (the
// current values for PATCH, defaults for POST).
StatusOr<DialogueInput> ReadDialogueInput(const json& body, DialogueInput base, bool create) {
  http::JsonFields f(body, {"organisation_id", "question", "introduction", "opens_at",
                            "closes_at", "moderation", "allow_anonymous", "allow_statements",
                            "max_statement_chars", "live_seeding", "seed_statements"});
  if (create) {
    f.RequiredInt("organisation_id", 1, INT64_MAX);
    base.question = f.RequiredString("question", kMaxQuestionChars * 4);
  } else if (auto q = f.OptionalString("question", kMaxQuestionChars * 4)) {
    base.question = *q;
  }
  if (auto i = f.OptionalString("introduction", kMaxIntroductionChars * 4)) base.introduction = *i;
  if (auto m = f.OptionalString("moderation", 10)) {
    auto parsed = ParseModeration(*m);
    if (!parsed) return InvalidParameterError("moderation", "dialogue.moderation.invalid", *m);
    base.moderation = *parsed;
  }
  base.allow_anonymous = f.OptionalBool("allow_anonymous").value_or(base.allow_anonymous);
  base.allow_statements = f.OptionalBool("allow_statements").value_or(base.allow_statements);
  base.live_seeding = f.OptionalBool("live_seeding").value_or(base.live_seeding);
  base.max_statement_chars = static_cast<int>(
      f.OptionalInt("max_statement_chars", 0, 1'000'000).value_or(base.max_statement_chars));
  RETURN_IF_ERROR(f.status());
  Status times = InvalidArgumentError("validation.failed");
  base.opens_at = TimeField(body, "opens_at", base.opens_at, times);
  base.closes_at = TimeField(body, "closes_at", base.closes_at, times);
  if (!times.invalid_parameters().empty()) return times;
  return base;
}

DialogueInput InputOf(const Dialogue& d) {
  return {d.question,         d.introduction,        d.opens_at,
          d.closes_at,        d.moderation,          d.allow_anonymous,
          d.allow_statements, d.max_statement_chars, d.live_seeding};
}

PageSpec Spec(const http::PageRequest& p) { return {p.page, p.limit}; }

void RegisterDialogueCrud(web::Router& router, const DialogueRouteDeps& deps) {
  router.Get("/api/v1/dialogues", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(http::PageRequest page, http::ParsePageRequest(r));
      ASSIGN_OR_RETURN(std::optional<std::int64_t> org, http::OptionalIdQuery(r, "organisation_id"));
      const bool open_only = r.Query("open").value_or("") == "true";
      ASSIGN_OR_RETURN(auto found, deps.dialogues.ListDialogues(ctx.actor, org, open_only,
                                                                 Spec(page)));
      json items = json::array();
      for (const Dialogue& d : found.items) items.push_back(DialogueJson(d, deps.dialogues.Now()));
      return web::Json(200, http::PagedJson(items, page, found.total));
    });
  });
  router.Post("/api/v1/dialogues", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      ASSIGN_OR_RETURN(DialogueInput input, ReadDialogueInput(body, {}, true));
      ASSIGN_OR_RETURN(std::vector<std::string> seeds, SeedList(body));
      ASSIGN_OR_RETURN(Dialogue d, deps.dialogues.CreateDialogue(
                                       ctx.actor, body["organisation_id"].get<std::int64_t>(),
                                       input, seeds));
      http::Response created = web::Json(201, DialogueJson(d, d.created_at));
      created.headers.Set("Location", "/api/v1/dialogues/" + std::to_string(d.id));
      return created;
    });
  });
  router.Get("/api/v1/dialogues/{id:int}", [deps](const http::Request& r,
                                                  web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(Dialogue d, deps.dialogues.GetDialogue(ctx.actor, web::PathId(r)));
      return web::Json(200, DialogueJson(d, deps.dialogues.Now()));
    });
  });
  router.Patch("/api/v1/dialogues/{id:int}", [deps](const http::Request& r,
                                                    web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      if (body.contains("organisation_id") || body.contains("seed_statements")) {
        return InvalidParameterError(body.contains("seed_statements") ? "seed_statements" : "organisation_id",
                       "validation.unknown_field", "");
      }
      ASSIGN_OR_RETURN(Dialogue old, deps.dialogues.GetDialogue(ctx.actor, web::PathId(r)));
      ASSIGN_OR_RETURN(DialogueInput input, ReadDialogueInput(body, InputOf(old), false));
      ASSIGN_OR_RETURN(Dialogue d, deps.dialogues.UpdateDialogue(ctx.actor, old.id, input));
      return web::Json(200, DialogueJson(d, d.updated_at));
    });
  });
  router.Post("/api/v1/dialogues/{id:int}/close", [deps](const http::Request& r,
                                                         web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(Dialogue d, deps.dialogues.CloseDialogue(ctx.actor, web::PathId(r)));
      return web::Json(200, DialogueJson(d, d.updated_at));
    });
  });
}

void RegisterStatementApi(web::Router& router, const DialogueRouteDeps& deps) {
  router.Get("/api/v1/dialogues/{id:int}/statements", [deps](const http::Request& r,
                                                             web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(http::PageRequest page, http::ParsePageRequest(r));
      std::optional<StatementState> state;
      if (auto s = r.Query("state")) {
        state = ParseStatementState(*s);
        if (!state) return InvalidParameterError("state", "dialogue.state.invalid", *s);
      }
      ASSIGN_OR_RETURN(auto found,
                       deps.dialogues.ListStatements(ctx.actor, web::PathId(r), state, Spec(page)));
      json items = json::array();
      for (const Statement& s : found.items) items.push_back(StatementJson(s));
      return web::Json(200, http::PagedJson(items, page, found.total));
    });
  });
  router.Post("/api/v1/dialogues/{id:int}/statements", [deps](const http::Request& r,
                                                              web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      http::JsonFields f(body, {"body"});
      std::string text = f.RequiredString("body", kMaxStatementChars * 4);
      RETURN_IF_ERROR(f.status());
      ASSIGN_OR_RETURN(Statement s, deps.dialogues.SubmitStatement(
                                        ctx.actor, IdentityOf(r, ctx, true), web::PathId(r), text));
      return web::Json(201, StatementJson(s));
    });
  });
  router.Post("/api/v1/dialogues/{id:int}/statements/{statement_id:int}/decision",
              [deps](const http::Request& r, web::RequestContext& ctx) {
                return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
                  ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
                  http::JsonFields f(body, {"decision"});
                  std::string decision = f.RequiredString("decision", 20);
                  RETURN_IF_ERROR(f.status());
                  auto state = ParseStatementState(decision);
                  if (!state || *state == StatementState::kPending) {
                    return InvalidParameterError("decision", "dialogue.decision", decision);
                  }
                  ASSIGN_OR_RETURN(Statement s, deps.dialogues.ModerateStatement(
                                                    ctx.actor, web::PathId(r),
                                                    web::PathId(r, "statement_id"), *state));
                  return web::Json(200, StatementJson(s));
                });
              });
}

void RegisterVotingApi(web::Router& router, const DialogueRouteDeps& deps) {
  router.Post("/api/v1/dialogues/{id:int}/votes", [deps](const http::Request& r,
                                                         web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      http::JsonFields f(body, {"statement_id", "vote"});
      std::int64_t statement = f.RequiredInt("statement_id", 1, INT64_MAX);
      std::string vote_name = f.RequiredString("vote", 20);
      RETURN_IF_ERROR(f.status());
      auto vote = ParseVote(vote_name);
      if (!vote) return InvalidParameterError("vote", "dialogue.vote.invalid", vote_name);
      ASSIGN_OR_RETURN(VoteReceipt receipt,
                       deps.dialogues.CastVote(ctx.actor, IdentityOf(r, ctx, true), web::PathId(r),
                                               statement, *vote));
      return web::Json(201, {{"statement_id", statement},
                             {"vote", VoteName(receipt.vote)},
                             {"event_id", receipt.event_id}});
    });
  });
  router.Get("/api/v1/dialogues/{id:int}/next", [deps](const http::Request& r,
                                                       web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(VotingState state,
                       deps.dialogues.Voting(ctx.actor, IdentityOf(r, ctx, false), web::PathId(r)));
      return web::Json(200, {{"statement", state.next ? StatementJson(*state.next) : json()},
                             {"voted", state.voted},
                             {"total", state.total}});
    });
  });
  router.Get("/api/v1/dialogues/{id:int}/results", [deps](const http::Request& r,
                                                          web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      const DialogueId id = web::PathId(r);
      ASSIGN_OR_RETURN(Dialogue d, deps.dialogues.GetDialogue(ctx.actor, id));
      ASSIGN_OR_RETURN(ResultView view,
                       deps.dialogues.Results(ctx.actor, IdentityOf(r, ctx, false), id));
      const bool organiser = CanExportDialogue(ctx.actor, d);
      return web::Json(200, json::parse(ResultJson(view.result, view.own_participant, organiser)
                                            .dump()));
    });
  });
}

}  // namespace

ParticipantIdentity IdentityOf(const http::Request& request, web::RequestContext& ctx,
                               bool issue_cookie) {
  ParticipantIdentity identity{.person_id = ctx.actor.person_id};
  if (auto token = request.Cookie(kParticipantCookie); token && token->size() >= 32) {
    identity.browser_token = *token;
  } else if (issue_cookie && !ctx.actor.person_id && !ctx.actor.service_organisation) {
    identity.browser_token = accounts::NewToken();
    ctx.set_cookies.push_back(http::FormatSetCookie(
        kParticipantCookie, identity.browser_token,
        {.max_age_seconds = kParticipantCookieDays * 86400, .secure = ctx.secure}));
  }
  return identity;
}

void RegisterDialogueApi(web::Router& router, const DialogueRouteDeps& deps) {
  RegisterDialogueCrud(router, deps);
  RegisterStatementApi(router, deps);
  RegisterVotingApi(router, deps);
}

void RegisterDialogueRoutes(web::Router& router, const DialogueRouteDeps& deps) {
  RegisterDialogueApi(router, deps);
  RegisterDialoguePages(router, deps);
}

}  // namespace nyttig::dialogue
