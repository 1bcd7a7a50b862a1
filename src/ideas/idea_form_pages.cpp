// The staff's submit form (/ideas/new) and the edit form (/ideas/{id}/edit):
// every field on one page, errors summarised at the top and next to each
// field, nothing typed lost.
#include <set>

#include "accounts/permissions.h"
#include "http/problem.h"
#include "ideas/idea_page_support.h"
#include "ideas/idea_permissions.h"
#include "ideas/routes.h"
#include "web/page.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;

// The organisations the actor may submit to as staff (each once).
json OrganisationChoices(const accounts::Actor& actor, OrganisationId selected) {
  json out = json::array();
  std::set<OrganisationId> seen;
  for (const accounts::Membership& m : actor.memberships) {
    if (!seen.insert(m.organisation_id).second) continue;
    out.push_back({{"id", m.organisation_id}, {"name", m.organisation_name},
                   {"selected", m.organisation_id == selected}});
  }
  return out;
}

http::Response FormPage(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx,
                        const IdeaInput& in, const Status& problems, std::optional<IdeaId> editing,
                        OrganisationId org) {
  json errors = web::FormErrors(problems, ctx);
  json orgs = OrganisationChoices(ctx.actor, org);
  json data = {{"title", ctx.T(editing ? "ideas.edit.title" : "ideas.new.title")},
               {"action", editing ? "/ideas/" + std::to_string(*editing) + "/edit" : "/ideas/new"},
               {"editing", editing.has_value()},
               {"fields", IdeaFormFields(in, errors["errors"], FieldGroup::kAll, ctx)},
               {"organisations", orgs},
               {"choose_organisation", orgs.size() > 1},
               {"single_organisation", orgs.size() == 1 ? orgs[0] : json()},
               {"anonymous", in.anonymous},
               {"cancel", editing ? "/ideas/" + std::to_string(*editing) : "/ideas"}};
  data.update(errors);
  int status = problems.ok() ? 200 : http::HttpStatusFor(problems.code());
  return web::HtmlPage(deps.renderer, "ideas/form", status, data, r, ctx);
}

http::Response NewForm(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  if (!ctx.actor.person_id) {
    return web::ErrorPage(deps.renderer, UnauthenticatedError("accounts.login.required"), r, ctx);
  }
  if (ctx.actor.memberships.empty()) {
    return web::HtmlPage(deps.renderer, "ideas/not_staff", 200, {{"title", ctx.T("ideas.new.title")}}, r, ctx);
  }
  return FormPage(deps, r, ctx, IdeaInput{}, Status::Ok(), std::nullopt, 0);
}

http::Response PostNew(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  IdeaInput in = IdeaInputFromForm(r);
  web::FormFields form = web::ParseForm(r);
  OrganisationId org = std::atoll(form["organisation_id"].c_str());
  auto idea = deps.ideas.SubmitIdea(ctx.actor, org, in);
  if (!idea.ok()) {
    if (idea.status().code() == StatusCode::kUnauthenticated || idea.status().code() == StatusCode::kNotFound) {
      return web::ErrorPage(deps.renderer, idea.status(), r, ctx);
    }
    return FormPage(deps, r, ctx, in, idea.status(), std::nullopt, org);
  }
  return http::Response::Redirect("/ideas/" + std::to_string(idea->id) + "?done=created", 303);
}

IdeaInput InputOf(const Idea& i) {
  IdeaInput in{i.title, i.need, i.need_who, i.need_how_often, i.need_cost, i.solution,
               i.description, i.beneficiaries, i.value_types, i.value_estimate, i.novelty,
               i.origin, i.source_url, i.step, i.idea_type, i.triggers, i.area, i.sdgs};
  in.visibility = std::string(VisibilityName(i.visibility));
  in.anonymous = i.anonymous;
  return in;
}

http::Response EditForm(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  auto idea = deps.ideas.GetIdea(ctx.actor, std::stoll(r.Param("id")));
  if (!idea.ok()) return web::ErrorPage(deps.renderer, idea.status(), r, ctx);
  if (!CanEditIdea(ctx.actor, *idea)) {
    return web::ErrorPage(deps.renderer, accounts::DenyAccess(ctx.actor, "ideas.edit.denied"), r, ctx);
  }
  return FormPage(deps, r, ctx, InputOf(*idea), Status::Ok(), idea->id, idea->organisation_id);
}

http::Response PostEdit(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  IdeaId id = std::stoll(r.Param("id"));
  IdeaInput in = IdeaInputFromForm(r);
  auto idea = deps.ideas.UpdateIdea(ctx.actor, id, in);
  if (!idea.ok()) {
    StatusCode code = idea.status().code();
    if (code != StatusCode::kInvalidArgument) return web::ErrorPage(deps.renderer, idea.status(), r, ctx);
    return FormPage(deps, r, ctx, in, idea.status(), id, 0);
  }
  return http::Response::Redirect("/ideas/" + std::to_string(id) + "?done=updated", 303);
}

}  // namespace

void RegisterIdeaFormPages(web::Router& router, const IdeaRouteDeps& deps) {
  router.Get("/ideas/new", [deps](const http::Request& r, web::RequestContext& ctx) {
    return NewForm(deps, r, ctx);
  });
  router.Post("/ideas/new", [deps](const http::Request& r, web::RequestContext& ctx) {
    return PostNew(deps, r, ctx);
  });
  router.Get("/ideas/{id:int}/edit", [deps](const http::Request& r, web::RequestContext& ctx) {
    return EditForm(deps, r, ctx);
  });
  router.Post("/ideas/{id:int}/edit", [deps](const http::Request& r, web::RequestContext& ctx) {
    return PostEdit(deps, r, ctx);
  });
}

}  // namespace nyttig::ideas
