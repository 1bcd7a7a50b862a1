// The discussion page of an idea (/ideas/{id}/discussion): supports and
// follow as buttons, the comments threaded one level with a reply form under
// each, an edit form for the writer's own comment while it may still be
// changed, and hide (coordinators) and report forms behind a disclosure.
// Every form posts and comes back here (Post/Redirect/Get).
#include "http/problem.h"
#include "ideas/idea_page_support.h"
#include "ideas/participation_permissions.h"
#include "ideas/participation_routes.h"
#include "web/page.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;
using Ctx = web::RequestContext;

json CommentView(const Comment& c, const Participation& p, const Ctx& ctx, UnixSeconds now) {
  json replies = json::array();
  for (const Comment& reply : c.replies) replies.push_back(CommentView(reply, p, ctx, now));
  const bool editable = CanEditComment(ctx.actor, c.author_id, c.created_at, c.hidden(), now);
  return {{"comment_id", c.id},
          {"author", c.author_name},
          {"date", HumanDate(c.created_at, ctx)},
          {"edited", c.edited_at.has_value()},
          {"body", c.body},
          {"hidden", c.hidden()},
          {"hidden_reason", c.hidden_reason},
          {"reports", c.reports > 0 ? json(ctx.T("ideas.comment.reports", {{"count", std::to_string(c.reports)}})) : json()},
          {"can_reply", p.can_participate && !c.parent_id && !c.hidden()},
          {"can_edit", editable},
          {"can_report", p.can_participate && !c.hidden() && ctx.actor.person_id != c.author_id},
          {"can_hide", p.can_moderate && !c.hidden()},
          {"replies", replies},
          {"has_replies", !replies.empty()}};
}

http::Response Page(const ParticipationRouteDeps& deps, const http::Request& r, Ctx& ctx,
                    int status = 200, const Status& problem = Status::Ok(),
                    const web::FormFields& typed = {}) {
  auto idea = deps.ideas.GetIdea(ctx.actor, web::PathId(r));
  if (!idea.ok()) return web::ErrorPage(deps.renderer, idea.status(), r, ctx);
  auto p = deps.participation.GetParticipation(ctx.actor, idea->id);
  auto comments = deps.participation.ListComments(ctx.actor, idea->id);
  if (!p.ok() || !comments.ok()) {
    return web::ErrorPage(deps.renderer, p.ok() ? comments.status() : p.status(), r, ctx);
  }
  json data = problem.ok() ? json::object() : web::FormErrors(problem, ctx);
  if (!problem.ok() && problem.invalid_parameters().empty()) {
    data["has_errors"] = true;
    data["error_summary"] = json::array({{{"href", "#main"}, {"text", web::ErrorText(problem, ctx)}}});
  }
  const UnixSeconds now = deps.clock.Now();
  json items = json::array();
  for (const Comment& c : *comments) items.push_back(CommentView(c, *p, ctx, now));
  data.update({{"title", ctx.T("ideas.discussion.title")},
               {"idea_title", idea->title},
               {"id", idea->id},
               {"supports", ctx.T("ideas.support.count", {{"count", std::to_string(p->supports)}})},
               {"supported", p->supported},
               {"following", p->following},
               {"can_participate", p->can_participate},
               {"logged_out", !ctx.actor.authenticated()},
               {"comments", items},
               {"has_comments", !items.empty()},
               {"form", {{"body", typed.count("body") ? typed.at("body") : ""}}}});
  if (auto done = r.Query("done"); done && ctx.messages->Has("ideas.discussion.done." + *done)) {
    data["notice"] = ctx.T("ideas.discussion.done." + *done);
  }
  return web::HtmlPage(deps.renderer, "ideas_discussion", status, data, r, ctx);
}

http::Response After(const ParticipationRouteDeps& deps, const http::Request& r, Ctx& ctx,
                     const Status& status, const std::string& done, const web::FormFields& typed,
                     const std::string& anchor = "") {
  if (status.ok()) {
    return http::Response::Redirect(
        "/ideas/" + r.Param("id") + "/discussion?done=" + done + anchor, 303);
  }
  if (status.code() == StatusCode::kNotFound || status.code() == StatusCode::kUnauthenticated) {
    return web::ErrorPage(deps.renderer, status, r, ctx);
  }
  return Page(deps, r, ctx, http::HttpStatusFor(status.code()), status, typed);
}

std::optional<CommentId> ParentOf(const web::FormFields& form) {
  auto parent = form.find("parent_id");
  if (parent == form.end() || parent->second.empty()) return std::nullopt;
  return std::atoll(parent->second.c_str());
}

void RegisterCommentPosts(web::Router& router, const ParticipationRouteDeps& deps) {
  router.Post("/ideas/{id:int}/discussion/comments", [deps](const http::Request& r, Ctx& ctx) {
    web::FormFields form = web::ParseForm(r);
    auto c = deps.participation.AddComment(ctx.actor, web::PathId(r), form["body"], ParentOf(form));
    return After(deps, r, ctx, c.status(), "commented", form,
                 c.ok() ? "#comment-" + std::to_string(c->id) : "");
  });
  router.Post("/ideas/{id:int}/discussion/comments/{comment_id:int}/edit",
              [deps](const http::Request& r, Ctx& ctx) {
    web::FormFields form = web::ParseForm(r);
    auto c = deps.participation.EditComment(ctx.actor, web::PathId(r), web::PathId(r, "comment_id"), form["body"]);
    return After(deps, r, ctx, c.status(), "edited", {}, "#comment-" + r.Param("comment_id"));
  });
  router.Post("/ideas/{id:int}/discussion/comments/{comment_id:int}/hide",
              [deps](const http::Request& r, Ctx& ctx) {
    web::FormFields form = web::ParseForm(r);
    auto c = deps.participation.HideComment(ctx.actor, web::PathId(r), web::PathId(r, "comment_id"), form["reason"]);
    return After(deps, r, ctx, c.status(), "hidden", {}, "#comment-" + r.Param("comment_id"));
  });
  router.Post("/ideas/{id:int}/discussion/comments/{comment_id:int}/report",
              [deps](const http::Request& r, Ctx& ctx) {
    web::FormFields form = web::ParseForm(r);
    Status s = deps.participation.ReportComment(ctx.actor, web::PathId(r), web::PathId(r, "comment_id"), form["reason"]);
    return After(deps, r, ctx, s, "reported", {});
  });
}

}  // namespace

void RegisterDiscussionPages(web::Router& router, const ParticipationRouteDeps& deps) {
  router.Get("/ideas/{id:int}/discussion", [deps](const http::Request& r, Ctx& ctx) {
    return Page(deps, r, ctx);
  });
  router.Post("/ideas/{id:int}/discussion/support", [deps](const http::Request& r, Ctx& ctx) {
    const bool on = web::ParseForm(r)["support"] != "no";
    auto p = deps.participation.SetSupport(ctx.actor, web::PathId(r), on);
    return After(deps, r, ctx, p.status(), on ? "supported" : "unsupported", {});
  });
  router.Post("/ideas/{id:int}/discussion/follow", [deps](const http::Request& r, Ctx& ctx) {
    const bool on = web::ParseForm(r)["follow"] != "no";
    auto p = deps.participation.SetFollow(ctx.actor, web::PathId(r), on);
    return After(deps, r, ctx, p.status(), on ? "followed" : "unfollowed", {});
  });
  RegisterCommentPosts(router, deps);
}

void RegisterParticipationRoutes(web::Router& router, const ParticipationRouteDeps& deps) {
  RegisterAssessmentApi(router, deps);
  RegisterParticipationApi(router, deps);
  RegisterAssessmentPages(router, deps);
  RegisterDiscussionPages(router, deps);
  RegisterBoardPages(router, deps);
  RegisterSimilarIdeaRoutes(router, deps);
}

}  // namespace nyttig::ideas
