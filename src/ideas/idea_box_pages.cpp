// An organisation's public idea box (/o/{slug}/ideas): the citizen's way in,
// one thing per page — the need, the solution, more about the idea (all
// optional), about you — then check your answers, send, and a receipt with
// the registration number and the date of the answer. No server-side draft:
// each step carries the earlier answers in hidden fields, so it works
// without JavaScript and without logging in where the organisation allows.
// The step travels as "box_step": "step" is one of the idea's own fields.
#include <array>

#include "accounts/permissions.h"
#include "http/problem.h"
#include "ideas/idea_page_support.h"
#include "ideas/idea_permissions.h"
#include "ideas/routes.h"
#include "web/page.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;

constexpr int kPublicIdeasShown = 10;

struct Step {
  const char* name;
  FieldGroup group;
};
constexpr std::array<Step, 4> kSteps = {{{"need", FieldGroup::kNeed},
                                         {"solution", FieldGroup::kSolution},
                                         {"details", FieldGroup::kDetails},
                                         {"about", FieldGroup::kAbout}}};

int StepIndex(const std::string& name) {
  for (std::size_t idx = 0; idx < kSteps.size(); ++idx) {
    if (name == kSteps[idx].name) return int(idx);
  }
  return -1;
}

struct Box {
  accounts::Organisation org;
  IdeaSettings settings;
};

StatusOr<Box> LoadBox(const IdeaRouteDeps& deps, const http::Request& r) {
  ASSIGN_OR_RETURN(accounts::Organisation org, deps.organisations.GetOrganisationBySlug(r.Param("slug")));
  ASSIGN_OR_RETURN(IdeaSettings settings, deps.ideas.GetSettings(org.id));
  return Box{std::move(org), settings};
}

std::string BoxPath(const Box& box) { return "/o/" + box.org.slug + "/ideas"; }

http::Response BoxFront(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  auto box = LoadBox(deps, r);
  if (!box.ok()) return web::ErrorPage(deps.renderer, box.status(), r, ctx);
  IdeaFilter filter{.organisation_id = box->org.id, .limit = kPublicIdeasShown};
  // The public front shows what anyone may see, also to members.
  auto open = deps.ideas.ListIdeas(accounts::Actor::Anonymous(), filter);
  json items = json::array();
  if (open.ok()) {
    for (const Idea& idea : open->items) {
      items.push_back({{"id", idea.id}, {"title", idea.title}, {"tag", StageTag(idea.stage, ctx)}});
    }
  }
  bool member = ctx.actor.IsMemberOf(box->org.id);
  json data = {{"title", ctx.T("ideas.box.title", {{"organisation", box->org.name}})},
               {"organisation", box->org.name},
               {"slug", box->org.slug},
               {"open", box->settings.public_box_open},
               {"member", member},
               {"can_start", box->settings.public_box_open || member},
               {"start", member ? "/ideas/new" : BoxPath(*box) + "/new"},
               {"anonymous_allowed", box->settings.anonymous_allowed},
               {"feedback_days", std::to_string(box->settings.feedback_days)},
               {"items", items},
               {"has_items", !items.empty()}};
  return web::HtmlPage(deps.renderer, "ideas/box", 200, data, r, ctx);
}

// May the actor use this box at all? Anonymous visitors are sent to log in
// where the organisation does not take anonymous ideas.
Status CheckBoxOpen(const Box& box, const accounts::Actor& actor) {
  if (!box.settings.public_box_open) return NotFoundError("ideas.box.closed");
  if (!CanSubmitToIdeaBox(actor, box.settings)) return accounts::DenyAccess(actor, "ideas.box.closed");
  return Status::Ok();
}

json StepData(const Box& box, int index, const IdeaInput& in, const Status& problems,
              const web::RequestContext& ctx) {
  const Step& step = kSteps[index];
  json errors = web::FormErrors(problems, ctx);
  json data = {{"title", ctx.T(std::string("ideas.box.step.") + step.name)},
               {"organisation", box.org.name},
               {"action", BoxPath(box) + "/new"},
               {"step", step.name},
               {"progress", ctx.T("ideas.box.progress", {{"step", std::to_string(index + 1)},
                                                         {"steps", std::to_string(kSteps.size())}})},
               {"back", index > 0 ? json(kSteps[index - 1].name) : json()},
               {"intro", ctx.T(std::string("ideas.box.intro.") + step.name)},
               {"fields", IdeaFormFields(in, errors["errors"], step.group, ctx)},
               {"hidden", HiddenFields(in, step.group)},
               {"about", step.group == FieldGroup::kAbout},
               {"is_need", step.group == FieldGroup::kNeed},
               {"organisation_id", box.org.id},
               {"anonymous_allowed", box.settings.anonymous_allowed && ctx.actor.person_id},
               {"anonymous", in.anonymous},
               {"logged_in", ctx.actor.person_id.has_value()}};
  data.update(errors);
  return data;
}

http::Response RenderStep(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx,
                          const Box& box, int index, const IdeaInput& in, const Status& problems) {
  int status = problems.ok() ? 200 : http::HttpStatusFor(problems.code());
  return web::HtmlPage(deps.renderer, "ideas/box_step", status, StepData(box, index, in, problems, ctx), r, ctx);
}

json CheckRows(const IdeaInput& in, const web::RequestContext& ctx) {
  json rows = json::array();
  auto row = [&](const char* step, const std::string& field, const std::string& value) {
    rows.push_back({{"key", ctx.T("ideas.field." + field)},
                    {"value", value.empty() ? ctx.T("ideas.box.not_given") : value},
                    {"step", step}});
  };
  row("need", "title", in.title);
  row("need", "need", in.need);
  row("need", "need_who", in.need_who);
  row("need", "need_how_often", in.need_how_often);
  row("need", "need_cost", in.need_cost);
  row("solution", "solution", in.solution);
  row("solution", "description", in.description);
  std::string benefits;
  for (const std::string& b : in.beneficiaries) benefits += (benefits.empty() ? "" : ", ") + ctx.T("ideas.beneficiaries." + b);
  row("solution", "beneficiaries", benefits);
  row("details", "area", in.area.empty() ? "" : ctx.T("ideas.area." + in.area));
  row("about", "visibility", ctx.T("ideas.visibility." + in.visibility));
  if (in.anonymous) row("about", "anonymous", ctx.T("ideas.box.anonymous_yes"));
  return rows;
}

// Ideas that look like this one, for the check step: the way a citizen
// without JavaScript sees them before sending (the steps fetch them live).
json SimilarIdeas(const IdeaRouteDeps& deps, const web::RequestContext& ctx, OrganisationId org,
                  const IdeaInput& in) {
  json items = json::array();
  if (!deps.similar) return items;
  auto found = deps.similar->Find(ctx.actor, {.organisation_id = org, .title = in.title,
                                              .need = in.need, .solution = in.solution});
  if (!found.ok()) return items;
  for (const SimilarIdea& s : *found) {
    items.push_back({{"id", s.idea.id}, {"title", s.idea.title}, {"tag", StageTag(s.idea.stage, ctx)}});
  }
  return items;
}

http::Response RenderCheck(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx,
                           const Box& box, const IdeaInput& in, const Status& problems) {
  json data = {{"title", ctx.T("ideas.box.check.title")},
               {"organisation", box.org.name},
               {"action", BoxPath(box) + "/new"},
               {"rows", CheckRows(in, ctx)},
               {"hidden", HiddenFields(in, FieldGroup::kAll)},
               {"feedback_days", std::to_string(box.settings.feedback_days)}};
  json similar = SimilarIdeas(deps, ctx, box.org.id, in);
  data["has_similar"] = !similar.empty();
  data["similar"] = similar;
  data.update(web::FormErrors(problems, ctx));
  int status = problems.ok() ? 200 : http::HttpStatusFor(problems.code());
  return web::HtmlPage(deps.renderer, "ideas/box_check", status, data, r, ctx);
}

http::Response Send(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx,
                    const Box& box, const IdeaInput& in) {
  auto idea = deps.ideas.SubmitIdea(ctx.actor, box.org.id, in);
  if (!idea.ok()) {
    if (idea.status().code() != StatusCode::kInvalidArgument) return web::ErrorPage(deps.renderer, idea.status(), r, ctx);
    return RenderCheck(deps, r, ctx, box, in, idea.status());
  }
  std::string number = idea->registration_number.empty() ? "" : "number=" + idea->registration_number + "&";
  return http::Response::Redirect(BoxPath(box) + "/received?" + number + "due=" +
                                      std::to_string(idea->feedback_due_at.value_or(0)) + "&id=" +
                                      std::to_string(idea->id), 303);
}

http::Response PostStep(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  auto box = LoadBox(deps, r);
  if (!box.ok()) return web::ErrorPage(deps.renderer, box.status(), r, ctx);
  if (Status open = CheckBoxOpen(*box, ctx.actor); !open.ok()) return web::ErrorPage(deps.renderer, open, r, ctx);
  IdeaInput in = IdeaInputFromForm(r);
  if (in.visibility.empty()) in.visibility = "organisation";
  web::FormFields form = web::ParseForm(r);
  if (int target = StepIndex(form["goto"]); target >= 0) {
    return RenderStep(deps, r, ctx, *box, target, in, Status::Ok());
  }
  if (form["box_step"] == "check") return Send(deps, r, ctx, *box, in);
  int index = StepIndex(form["box_step"]);
  if (index < 0) index = 0;
  Status problems = ProblemsOf(ValidateIdeaInput(in).status(), kSteps[index].group);
  if (!problems.ok()) return RenderStep(deps, r, ctx, *box, index, in, problems);
  if (index + 1 < int(kSteps.size())) return RenderStep(deps, r, ctx, *box, index + 1, in, Status::Ok());
  return RenderCheck(deps, r, ctx, *box, in, Status::Ok());
}

http::Response FirstStep(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  auto box = LoadBox(deps, r);
  if (!box.ok()) return web::ErrorPage(deps.renderer, box.status(), r, ctx);
  if (Status open = CheckBoxOpen(*box, ctx.actor); !open.ok()) return web::ErrorPage(deps.renderer, open, r, ctx);
  IdeaInput in;
  in.visibility = "organisation";
  return RenderStep(deps, r, ctx, *box, 0, in, Status::Ok());
}

http::Response Receipt(const IdeaRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  auto box = LoadBox(deps, r);
  if (!box.ok()) return web::ErrorPage(deps.renderer, box.status(), r, ctx);
  std::string number = r.Query("number").value_or("");
  UnixSeconds due = std::atoll(r.Query("due").value_or("0").c_str());
  IdeaId id = std::atoll(r.Query("id").value_or("0").c_str());
  json data = {{"title", ctx.T("ideas.box.receipt.title")},
               {"organisation", box->org.name},
               {"number", number.empty() ? json() : json(number)},
               {"due", due > 0 ? json(HumanDate(due, ctx)) : json()},
               {"idea_href", ctx.actor.person_id && id > 0 ? json("/ideas/" + std::to_string(id)) : json()},
               {"box", BoxPath(*box)}};
  return web::HtmlPage(deps.renderer, "ideas/box_receipt", 200, data, r, ctx);
}

}  // namespace

void RegisterIdeaBoxPages(web::Router& router, const IdeaRouteDeps& deps) {
  router.Get("/o/{slug}/ideas", [deps](const http::Request& r, web::RequestContext& ctx) {
    return BoxFront(deps, r, ctx);
  });
  router.Get("/o/{slug}/ideas/new", [deps](const http::Request& r, web::RequestContext& ctx) {
    return FirstStep(deps, r, ctx);
  });
  router.Post("/o/{slug}/ideas/new", [deps](const http::Request& r, web::RequestContext& ctx) {
    return PostStep(deps, r, ctx);
  });
  router.Get("/o/{slug}/ideas/received", [deps](const http::Request& r, web::RequestContext& ctx) {
    return Receipt(deps, r, ctx);
  });
}

}  // namespace nyttig::ideas
