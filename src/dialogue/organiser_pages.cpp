// Organisers' pages: opening a dialogue (/dialogues/new) and the moderation
// queue (/dialogues/{id}/moderation) with accept / reject buttons that are
// real form posts.
#include <nlohmann/json.hpp>
#include <sstream>

#include "accounts/permissions.h"
#include "core/text.h"
#include "core/time_format.h"
#include "dialogue/dialogue_pages.h"
#include "dialogue/permissions.h"
#include "web/page.h"

namespace nyttig::dialogue {
namespace {

using nlohmann::json;

json OrganisationOptions(const DialogueRouteDeps& deps, const accounts::Actor& actor,
                         const std::string& chosen) {
  json options = json::array();
  for (std::int64_t id : OrganisedOrganisations(actor)) {
    auto org = deps.organisations.GetOrganisation(id);
    if (!org.ok()) continue;
    options.push_back({{"value", std::to_string(id)},
                       {"label", org->name},
                       {"selected", chosen == std::to_string(id)}});
  }
  return options;
}

http::Response NewDialogueForm(const DialogueRouteDeps& deps, const http::Request& r,
                               web::RequestContext& ctx, int status = 200,
                               json form = json::object()) {
  if (OrganisedOrganisations(ctx.actor).empty()) {
    return web::ErrorPage(deps.renderer,
                          accounts::DenyAccess(ctx.actor, "dialogue.not_organiser"), r, ctx);
  }
  json data = {{"title", ctx.T("dialogue.new.title")},
               {"organisations", OrganisationOptions(deps, ctx.actor,
                                                     form.value("organisation_id", ""))},
               {"max_chars", std::to_string(kDefaultStatementChars)},
               {"allow_statements", true},
               {"post_moderation", true}};
  data.update(form);
  return web::HtmlPage(deps.renderer, "dialogue/new", status, data, r, ctx);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!Trim(line).empty()) lines.push_back(line);
  }
  return lines;
}

// The form as the person filled it, to show again with the errors.
json FormBack(web::FormFields& form) {
  return {{"organisation_id", form["organisation_id"]},
          {"question", form["question"]},
          {"introduction", form["introduction"]},
          {"seeds", form["seed_statements"]},
          {"closes_on", form["closes_on"]},
          {"max_chars", form["max_statement_chars"]},
          {"pre_moderation", form["moderation"] == "pre"},
          {"post_moderation", form["moderation"] != "pre"},
          {"allow_anonymous", form["allow_anonymous"] == "1"},
          {"allow_statements", form["allow_statements"] == "1"}};
}

StatusOr<DialogueInput> ReadForm(web::FormFields& form) {
  DialogueInput input{.question = form["question"], .introduction = form["introduction"]};
  input.moderation = form["moderation"] == "pre" ? Moderation::kPre : Moderation::kPost;
  input.allow_anonymous = form["allow_anonymous"] == "1";
  input.allow_statements = form["allow_statements"] == "1";
  Status bad = InvalidArgumentError("validation.failed");
  try {
    input.max_statement_chars = std::stoi(form["max_statement_chars"]);
  } catch (const std::exception&) {
    bad.AddInvalid("max_statement_chars", "validation.not_integer", form["max_statement_chars"]);
  }
  if (!form["closes_on"].empty()) {
    input.closes_at = ParseLastDay(form["closes_on"]);  // open through the whole last day
    if (!input.closes_at) bad.AddInvalid("closes_on", "dialogue.date.invalid", form["closes_on"]);
  }
  if (!bad.invalid_parameters().empty()) return bad;
  return input;
}

http::Response CreatePost(const DialogueRouteDeps& deps, const http::Request& r,
                          web::RequestContext& ctx) {
  web::FormFields form = web::ParseForm(r);
  StatusOr<Dialogue> created = [&]() -> StatusOr<Dialogue> {
    ASSIGN_OR_RETURN(DialogueInput input, ReadForm(form));
    std::int64_t org = std::atoll(form["organisation_id"].c_str());
    return deps.dialogues.CreateDialogue(ctx.actor, org, input, Lines(form["seed_statements"]));
  }();
  if (created.ok()) {
    return http::Response::Redirect("/dialogues/" + std::to_string(created->id), 303);
  }
  if (created.status().code() != StatusCode::kInvalidArgument) {
    return web::ErrorPage(deps.renderer, created.status(), r, ctx);
  }
  json back = FormBack(form);
  back.update(web::FormErrors(created.status(), ctx));
  return NewDialogueForm(deps, r, ctx, 400, back);
}

json StatementRows(const std::vector<Statement>& statements) {
  json rows = json::array();
  for (const Statement& s : statements) {
    rows.push_back({{"id", std::to_string(s.id)}, {"body", s.body}, {"seed", s.is_seed}});
  }
  return rows;
}

http::Response ModerationPage(const DialogueRouteDeps& deps, const http::Request& r,
                              web::RequestContext& ctx) {
  auto d = deps.dialogues.GetDialogue(ctx.actor, web::PathId(r));
  if (!d.ok()) return web::ErrorPage(deps.renderer, d.status(), r, ctx);
  if (!CanModerateDialogue(ctx.actor, *d)) {
    return web::ErrorPage(deps.renderer,
                          accounts::DenyAccess(ctx.actor, "dialogue.not_organiser"), r, ctx);
  }
  json data = DialogueSummary(deps, *d, ctx);
  data["title"] = ctx.T("dialogue.moderation.title");
  for (StatementState state :
       {StatementState::kPending, StatementState::kAccepted, StatementState::kRejected}) {
    auto found = deps.dialogues.ListStatements(ctx.actor, d->id, state, {1, 1000});
    if (!found.ok()) return web::ErrorPage(deps.renderer, found.status(), r, ctx);
    const std::string name(StatementStateName(state));
    data[name] = StatementRows(found->items);
    data["has_" + name] = !found->items.empty();
  }
  if (r.Query("done") == "decided") data["notice"] = ctx.T("dialogue.moderation.saved");
  return web::HtmlPage(deps.renderer, "dialogue/moderation", 200, data, r, ctx);
}

http::Response DecisionPost(const DialogueRouteDeps& deps, const http::Request& r,
                            web::RequestContext& ctx) {
  web::FormFields form = web::ParseForm(r);
  auto decision = ParseStatementState(form["decision"]);
  const DialogueId id = web::PathId(r);
  if (!decision) {
    return web::ErrorPage(deps.renderer, InvalidArgumentError("dialogue.decision"), r, ctx);
  }
  auto s = deps.dialogues.ModerateStatement(ctx.actor, id, web::PathId(r, "statement_id"), *decision);
  if (!s.ok()) return web::ErrorPage(deps.renderer, s.status(), r, ctx);
  return http::Response::Redirect("/dialogues/" + std::to_string(id) + "/moderation?done=decided",
                                  303);
}

}  // namespace

void RegisterOrganiserPages(web::Router& router, const DialogueRouteDeps& deps) {
  router.Get("/dialogues/new", [deps](const http::Request& r, web::RequestContext& ctx) {
    return NewDialogueForm(deps, r, ctx);
  });
  router.Post("/dialogues", [deps](const http::Request& r, web::RequestContext& ctx) {
    return CreatePost(deps, r, ctx);
  });
  router.Get("/dialogues/{id:int}/moderation", [deps](const http::Request& r,
                                                      web::RequestContext& ctx) {
    return ModerationPage(deps, r, ctx);
  });
  router.Post("/dialogues/{id:int}/statements/{statement_id:int}/decision",
              [deps](const http::Request& r, web::RequestContext& ctx) {
                return DecisionPost(deps, r, ctx);
              });
}

}  // namespace nyttig::dialogue
