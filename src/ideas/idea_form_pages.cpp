// The staff's submit form (/ideas/new) and the edit form (/ideas/{id}/edit):
// every field on one page, errors summarised at the top and next to each
// field, nothing typed lost.

#include "accounts/permissions.h"
#include "http/problem.h"
#include "ideas/idea_page_support.h"
#include "ideas/idea_permissions.h"
#include "ideas/routes.h"
#include "web/page.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;

http::Response FormPage(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx,
                        const IdeaInput& in, const Status& problems, std::optional<IdeaId> editing,
                        OrganisationId org) {
  std::string id = editing ? std::to_string(*editing) : "";
  return RenderIdeaForm(deps.renderer, r, ctx,
                        {.input = in,
                         .problems = problems,
                         .editing = editing.has_value(),
                         .organisation = org,
                         .action = editing ? "/ideas/" + id + "/edit" : "/ideas/new",
                         .cancel = editing ? "/ideas/" + id : "/ideas"});
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

http::Response EditForm(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  auto idea = deps.ideas.GetIdea(ctx.actor, web::PathId(r));
  if (!idea.ok()) return web::ErrorPage(deps.renderer, idea.status(), r, ctx);
  if (!CanEditIdea(ctx.actor, *idea)) {
    return web::ErrorPage(deps.renderer, accounts::DenyAccess(ctx.actor, "ideas.edit.denied"), r, ctx);
  }
  return FormPage(deps, r, ctx, InputOf(*idea), Status::Ok(), idea->id, idea->organisation_id);
}

http::Response PostEdit(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  IdeaId id = web::PathId(r);
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

http::Response RenderIdeaForm(const web::Renderer& renderer, const http::Request& r,
                              web::RequestContext& ctx, const IdeaForm& form) {
  json errors = web::FormErrors(form.problems, ctx);
  // The organisations the actor may submit to as staff.
  json orgs = form.challenge.is_null() ? MembershipChoices(ctx.actor, form.organisation)
                                       : json::array();
  json data = {{"title", ctx.T(form.editing ? "ideas.edit.title" : "ideas.new.title")},
               {"action", form.action},
               {"editing", form.editing},
               {"fields", IdeaFormFields(form.input, errors["errors"], FieldGroup::kAll, ctx)},
               {"organisations", orgs},
               {"choose_organisation", orgs.size() > 1},
               {"single_organisation", orgs.size() == 1 ? orgs[0] : json()},
               {"challenge", form.challenge},
               {"anonymous", form.input.anonymous},
               {"cancel", form.cancel}};
  data.update(errors);
  int status = form.problems.ok() ? 200 : http::HttpStatusFor(form.problems.code());
  return web::HtmlPage(renderer, "ideas/form", status, data, r, ctx);
}

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
