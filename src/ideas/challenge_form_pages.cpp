// The challenge forms: creating and editing a challenge (/challenges/new,
// /challenges/{id}/edit), sending an idea to it (/challenges/{id}/ideas/new)
// and publishing its results (/challenges/{id}/results). Every form posts
// without JavaScript, shows errors at the top and next to each field, and
// keeps what was typed.
#include <set>

#include "accounts/permissions.h"
#include "core/time_format.h"
#include "http/problem.h"
#include "core/text.h"
#include "ideas/challenge_permissions.h"
#include "ideas/challenge_routes.h"
#include "ideas/idea_page_support.h"
#include "ideas/idea_permissions.h"
#include "ideas/routes.h"
#include "web/page.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;
using Ctx = web::RequestContext;

constexpr std::size_t kEmptyCriterionRows = 2;  // blank rows after the filled ones
constexpr std::size_t kAwardRows = 5;
constexpr int kCoHostChoices = 100;  // organisations offered as co-hosts

// The form as posted: the fields by name (for showing them again) and the
// repeated co-host checkboxes.
struct ChallengeForm {
  web::FormFields fields;
  std::set<OrganisationId> co_hosts;
};

ChallengeForm ReadForm(const http::Request& r) {
  ChallengeForm form;
  for (const auto& [key, value] : http::ParseUrlEncoded(r.body)) {
    if (key == "co_hosts") form.co_hosts.insert(std::atoll(value.c_str()));
    else form.fields[key] = value;
  }
  return form;
}

std::string Numbered(const char* name, std::size_t idx) {
  return std::string(name) + "_" + std::to_string(idx + 1);
}

// The form's fields from a challenge (or a blank one) for showing it.
ChallengeForm FormOf(const ChallengeInput& in) {
  ChallengeForm form;
  form.fields = {{"title", in.title}, {"question", in.question},
                 {"description", in.description}, {"target_group", in.target_group},
                 {"audience", in.audience}};
  if (in.opens_at) form.fields["opens_on"] = FormatIsoDate(*in.opens_at);
  if (in.closes_at) form.fields["closes_on"] = FormatLastDay(*in.closes_at);
  for (std::size_t idx = 0; idx < in.criteria.size(); ++idx) {
    form.fields[Numbered("criterion_name", idx)] = in.criteria[idx].name;
    form.fields[Numbered("criterion_text", idx)] = in.criteria[idx].description;
  }
  form.co_hosts.insert(in.co_hosts.begin(), in.co_hosts.end());
  return form;
}

StatusOr<ChallengeInput> InputFromForm(ChallengeForm& form) {
  web::FormFields& f = form.fields;
  ChallengeInput in{.title = f["title"], .question = f["question"],
                    .description = f["description"], .target_group = f["target_group"],
                    .audience = f["audience"]};
  Status bad = InvalidArgumentError("validation.failed");
  if (!f["opens_on"].empty()) {
    in.opens_at = ParseLastDay(f["opens_on"]);  // the next midnight: open from that day
    if (in.opens_at) *in.opens_at -= kDay;
    else bad.AddInvalid("opens_on", "challenges.date.invalid", f["opens_on"]);
  }
  if (!f["closes_on"].empty()) {
    in.closes_at = ParseLastDay(f["closes_on"]);  // open through the whole last day
    if (!in.closes_at) bad.AddInvalid("closes_on", "challenges.date.invalid", f["closes_on"]);
  }
  for (std::size_t idx = 0; idx < kMaxChallengeCriteria; ++idx) {
    std::string name = f[Numbered("criterion_name", idx)], text = f[Numbered("criterion_text", idx)];
    if (!Trim(name).empty() || !Trim(text).empty()) in.criteria.push_back({name, text});
  }
  in.co_hosts.assign(form.co_hosts.begin(), form.co_hosts.end());
  if (!bad.invalid_parameters().empty()) return bad;
  return in;
}

// The service names the period "opens_at"/"closes_at"; the form's fields
// are the days.
Status ForForm(const Status& status) {
  if (status.code() != StatusCode::kInvalidArgument) return status;
  Status out = InvalidArgumentError(status.message());
  for (const InvalidParameter& p : status.invalid_parameters()) {
    std::string name = p.name == "opens_at" ? "opens_on" : p.name == "closes_at" ? "closes_on" : p.name;
    out.AddInvalid(name, p.reason, p.value, p.args);
  }
  return out;
}

json Field(const char* type, const std::string& name, const std::string& label_key,
           ChallengeForm& form, const json& errors, const Ctx& ctx) {
  const std::string hint_key = label_key + ".hint";
  return {{"name", name},
          {"label", ctx.T(label_key)},
          {"hint", ctx.messages && ctx.messages->Has(hint_key) ? json(ctx.T(hint_key)) : json()},
          {"value", form.fields[name]},
          {"error", errors.contains(name) ? errors[name] : json()},
          {std::string("is_") + type, true}};
}

json AudienceField(ChallengeForm& form, const json& errors, const Ctx& ctx) {
  json field = Field("radios", "audience", "challenges.field.audience", form, errors, ctx);
  const std::string chosen = form.fields["audience"].empty() ? "staff" : form.fields["audience"];
  json options = json::array();
  for (const char* audience : {"staff", "public"}) {
    options.push_back({{"id", std::string("audience-") + audience}, {"value", audience},
                       {"label", ctx.T(std::string("challenges.audience.") + audience)},
                       {"checked", chosen == audience}});
  }
  field["options"] = options;
  return field;
}

json CriterionFields(ChallengeForm& form, const json& errors) {
  std::size_t filled = 0;
  while (filled < kMaxChallengeCriteria && (!form.fields[Numbered("criterion_name", filled)].empty() ||
                                            !form.fields[Numbered("criterion_text", filled)].empty())) {
    ++filled;
  }
  json rows = json::array();
  for (std::size_t idx = 0; idx < std::min(kMaxChallengeCriteria, filled + kEmptyCriterionRows); ++idx) {
    std::string n = std::to_string(idx + 1);
    rows.push_back({{"number", n},
                    {"name", form.fields[Numbered("criterion_name", idx)]},
                    {"text", form.fields[Numbered("criterion_text", idx)]}});
  }
  return {{"rows", rows}, {"error", errors.contains("criteria") ? errors["criteria"] : json()}};
}

json CoHostField(const ChallengeRouteDeps& deps, ChallengeForm& form, OrganisationId lead,
                 const json& errors, const Ctx& ctx) {
  json field = Field("checkboxes", "co_hosts", "challenges.field.co_hosts", form, errors, ctx);
  json options = json::array();
  auto orgs = deps.organisations.SearchOrganisations("", std::nullopt, {1, kCoHostChoices});
  if (orgs.ok()) {
    for (const accounts::Organisation& o : orgs->items) {
      if (o.id == lead) continue;
      options.push_back({{"id", "co-host-" + std::to_string(o.id)}, {"name", "co_hosts"},
                         {"value", std::to_string(o.id)}, {"label", o.name},
                         {"checked", form.co_hosts.contains(o.id)}});
    }
  }
  field["options"] = options;
  return field;
}

// The organisations whose challenges the actor may lead.
json LeadChoices(const accounts::Actor& actor, OrganisationId selected) {
  return MembershipChoices(actor, selected,
                           [&](OrganisationId org) { return CanCreateChallenge(actor, org); });
}

struct FormContext {
  std::optional<ChallengeId> editing;
  OrganisationId lead = 0;
};

http::Response ChallengeFormPage(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx,
                                 ChallengeForm form, const Status& problems, const FormContext& at) {
  json errors = web::FormErrors(problems, ctx);
  const json& e = errors["errors"];
  json fields = json::array({Field("text", "title", "challenges.field.title", form, e, ctx),
                             Field("text", "question", "challenges.field.question", form, e, ctx),
                             Field("textarea", "description", "challenges.field.description", form, e, ctx),
                             Field("text", "target_group", "challenges.field.target_group", form, e, ctx),
                             AudienceField(form, e, ctx),
                             Field("date", "opens_on", "challenges.field.opens_on", form, e, ctx),
                             Field("date", "closes_on", "challenges.field.closes_on", form, e, ctx)});
  const std::string id = at.editing ? std::to_string(*at.editing) : "";
  json leads = at.editing ? json::array() : LeadChoices(ctx.actor, at.lead);
  json co_hosts = CoHostField(deps, form, at.lead, e, ctx);
  json data = {{"title", ctx.T(at.editing ? "challenges.edit.title" : "challenges.new.title")},
               {"action", at.editing ? "/challenges/" + id + "/edit" : "/challenges/new"},
               {"cancel", at.editing ? "/challenges/" + id : "/challenges"},
               {"leads", leads},
               {"has_leads", !leads.empty()},
               {"fields", fields},
               {"criteria", CriterionFields(form, e)},
               // Its own block so that the partial renders it after the criteria.
               {"co_hosts_block", co_hosts["options"].empty() ? json()
                                                              : json{{"fields", json::array({co_hosts})}}}};
  data.update(errors);
  int status = problems.ok() ? 200 : http::HttpStatusFor(problems.code());
  return web::HtmlPage(deps.renderer, "challenges/form", status, data, r, ctx);
}

http::Response NewForm(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx) {
  if (LeadChoices(ctx.actor, 0).empty()) {
    return web::ErrorPage(deps.renderer, accounts::DenyAccess(ctx.actor, "challenges.create.denied"), r, ctx);
  }
  ChallengeInput blank;
  const UnixSeconds today = deps.clock.Now() - deps.clock.Now() % kDay;
  blank.opens_at = today;
  blank.closes_at = today + 30 * kDay;
  return ChallengeFormPage(deps, r, ctx, FormOf(blank), Status::Ok(), {});
}

http::Response PostNew(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx) {
  ChallengeForm form = ReadForm(r);
  OrganisationId lead = std::atoll(form.fields["organisation_id"].c_str());
  StatusOr<Challenge> created = [&]() -> StatusOr<Challenge> {
    ASSIGN_OR_RETURN(ChallengeInput in, InputFromForm(form));
    return deps.challenges.CreateChallenge(ctx.actor, lead, in);
  }();
  if (created.ok()) return http::Response::Redirect("/challenges/" + std::to_string(created->id) + "?done=created", 303);
  if (created.status().code() != StatusCode::kInvalidArgument) {
    return web::ErrorPage(deps.renderer, created.status(), r, ctx);
  }
  return ChallengeFormPage(deps, r, ctx, std::move(form), ForForm(created.status()), {.lead = lead});
}

http::Response EditForm(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx) {
  auto c = deps.challenges.GetChallenge(ctx.actor, web::PathId(r));
  if (!c.ok()) return web::ErrorPage(deps.renderer, c.status(), r, ctx);
  if (!CanEditChallenge(ctx.actor, *c, deps.clock.Now())) {
    return web::ErrorPage(deps.renderer, accounts::DenyAccess(ctx.actor, "challenges.edit.denied"), r, ctx);
  }
  return ChallengeFormPage(deps, r, ctx, FormOf(InputOf(*c)), Status::Ok(),
                           {.editing = c->id, .lead = c->organisation_id});
}

http::Response PostEdit(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx) {
  ChallengeForm form = ReadForm(r);
  const ChallengeId id = web::PathId(r);
  StatusOr<Challenge> updated = [&]() -> StatusOr<Challenge> {
    ASSIGN_OR_RETURN(ChallengeInput in, InputFromForm(form));
    return deps.challenges.UpdateChallenge(ctx.actor, id, in);
  }();
  if (updated.ok()) return http::Response::Redirect("/challenges/" + std::to_string(id) + "?done=updated", 303);
  if (updated.status().code() != StatusCode::kInvalidArgument) {
    return web::ErrorPage(deps.renderer, updated.status(), r, ctx);
  }
  return ChallengeFormPage(deps, r, ctx, std::move(form), ForForm(updated.status()), {.editing = id});
}

// --- an idea for the challenge ---

http::Response IdeaForm(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx,
                        const Challenge& c, const IdeaInput& in, const Status& problems) {
  const std::string id = std::to_string(c.id);
  return RenderIdeaForm(deps.renderer, r, ctx,
                        {.input = in,
                         .problems = problems,
                         .action = "/challenges/" + id + "/ideas/new",
                         .cancel = "/challenges/" + id,
                         .challenge = {{"id", c.id}, {"title", c.title}, {"question", c.question},
                                       {"organisation_id", c.organisation_id}}});
}

http::Response NewIdeaForm(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx) {
  auto c = deps.challenges.GetChallenge(ctx.actor, web::PathId(r));
  if (!c.ok()) return web::ErrorPage(deps.renderer, c.status(), r, ctx);
  if (Status allowed = CheckSubmission(ctx.actor, *c, deps.clock.Now()); !allowed.ok()) {
    return web::ErrorPage(deps.renderer, allowed, r, ctx);
  }
  return IdeaForm(deps, r, ctx, *c, IdeaInput{}, Status::Ok());
}

http::Response PostIdea(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx) {
  auto c = deps.challenges.GetChallenge(ctx.actor, web::PathId(r));
  if (!c.ok()) return web::ErrorPage(deps.renderer, c.status(), r, ctx);
  IdeaInput in = IdeaInputFromForm(r);
  auto idea = deps.challenges.SubmitIdea(ctx.actor, c->id, in);
  if (idea.ok()) return http::Response::Redirect("/ideas/" + std::to_string(idea->id) + "?done=created", 303);
  if (idea.status().code() != StatusCode::kInvalidArgument) {
    return web::ErrorPage(deps.renderer, idea.status(), r, ctx);
  }
  return IdeaForm(deps, r, ctx, *c, in, idea.status());
}

// --- results ---

json AwardRows(const std::vector<Idea>& ideas, web::FormFields& f) {
  json rows = json::array();
  for (std::size_t idx = 0; idx < kAwardRows; ++idx) {
    json options = json::array();
    const std::string chosen = f[Numbered("award_idea", idx)];
    for (const Idea& idea : ideas) {
      options.push_back({{"value", std::to_string(idea.id)}, {"label", idea.title},
                         {"selected", chosen == std::to_string(idea.id)}});
    }
    rows.push_back({{"number", std::to_string(idx + 1)}, {"options", options},
                    {"title", f[Numbered("award_title", idx)]},
                    {"motivation", f[Numbered("award_motivation", idx)]}});
  }
  return rows;
}

web::FormFields ResultsFormOf(const Challenge& c) {
  web::FormFields f = {{"text", c.results}};
  for (std::size_t idx = 0; idx < c.awards.size() && idx < kAwardRows; ++idx) {
    f[Numbered("award_idea", idx)] = std::to_string(c.awards[idx].idea_id);
    f[Numbered("award_title", idx)] = c.awards[idx].title;
    f[Numbered("award_motivation", idx)] = c.awards[idx].motivation;
  }
  return f;
}

http::Response ResultsPage(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx,
                           const Challenge& c, web::FormFields f, const Status& problems) {
  constexpr int kCandidates = 100;
  auto ideas = deps.ideas.ListIdeas(ctx.actor, {.challenge_id = c.id, .sort = IdeaSort::kTitle,
                                                .limit = kCandidates});
  if (!ideas.ok()) return web::ErrorPage(deps.renderer, ideas.status(), r, ctx);
  json data = {{"title", ctx.T("challenges.results.title", {{"challenge", c.title}})},
               {"id", c.id},
               {"text", f["text"]},
               {"awards", AwardRows(ideas->items, f)},
               {"has_ideas", !ideas->items.empty()}};
  data.update(web::FormErrors(problems, ctx));
  int status = problems.ok() ? 200 : http::HttpStatusFor(problems.code());
  return web::HtmlPage(deps.renderer, "challenges/results", status, data, r, ctx);
}

StatusOr<Challenge> ResultsChallenge(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx) {
  ASSIGN_OR_RETURN(Challenge c, deps.challenges.GetChallenge(ctx.actor, web::PathId(r)));
  if (!CanManageChallenge(ctx.actor, c)) return accounts::DenyAccess(ctx.actor, "challenges.edit.denied");
  if (!CanPublishChallengeResults(ctx.actor, c, deps.clock.Now())) {
    return FailedPreconditionError("challenges.results.not_closed");
  }
  return c;
}

http::Response ResultsForm(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx) {
  auto c = ResultsChallenge(deps, r, ctx);
  if (!c.ok()) return web::ErrorPage(deps.renderer, c.status(), r, ctx);
  return ResultsPage(deps, r, ctx, *c, ResultsFormOf(*c), Status::Ok());
}

http::Response PostResults(const ChallengeRouteDeps& deps, const http::Request& r, Ctx& ctx) {
  auto c = ResultsChallenge(deps, r, ctx);
  if (!c.ok()) return web::ErrorPage(deps.renderer, c.status(), r, ctx);
  web::FormFields f = web::ParseForm(r);
  ResultsInput in{.text = f["text"]};
  for (std::size_t idx = 0; idx < kAwardRows; ++idx) {
    IdeaId idea = std::atoll(f[Numbered("award_idea", idx)].c_str());
    if (idea > 0) {
      in.awards.push_back({idea, f[Numbered("award_title", idx)], f[Numbered("award_motivation", idx)]});
    }
  }
  auto published = deps.challenges.PublishResults(ctx.actor, c->id, in);
  if (published.ok()) return http::Response::Redirect("/challenges/" + std::to_string(c->id) + "?done=results", 303);
  if (published.status().code() != StatusCode::kInvalidArgument) {
    return web::ErrorPage(deps.renderer, published.status(), r, ctx);
  }
  return ResultsPage(deps, r, ctx, *c, std::move(f), published.status());
}

}  // namespace

void RegisterChallengeFormPages(web::Router& router, const ChallengeRouteDeps& deps) {
  using Handler = http::Response (*)(const ChallengeRouteDeps&, const http::Request&, Ctx&);
  auto bind = [deps](Handler handler) {
    return [deps, handler](const http::Request& r, Ctx& ctx) { return handler(deps, r, ctx); };
  };
  router.Get("/challenges/new", bind(&NewForm));
  router.Post("/challenges/new", bind(&PostNew));
  router.Get("/challenges/{id:int}/edit", bind(&EditForm));
  router.Post("/challenges/{id:int}/edit", bind(&PostEdit));
  router.Get("/challenges/{id:int}/ideas/new", bind(&NewIdeaForm));
  router.Post("/challenges/{id:int}/ideas/new", bind(&PostIdea));
  router.Get("/challenges/{id:int}/results", bind(&ResultsForm));
  router.Post("/challenges/{id:int}/results", bind(&PostResults));
}

}  // namespace nyttig::ideas
