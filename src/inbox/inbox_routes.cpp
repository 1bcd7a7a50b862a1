#include <nlohmann/json.hpp>

#include "core/time_format.h"
#include "http/paging.h"
#include "inbox/routes.h"
#include "web/page.h"

namespace nyttig::inbox {
namespace {

using nlohmann::json;

json NotificationJson(const Notification& n, const web::RequestContext& ctx) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"text", ctx.T(n.text_key, n.args)},
          {"link", n.link},
          {"created_at", FormatRfc3339(n.created_at)},
          {"read_at", n.read_at ? json(FormatRfc3339(*n.read_at)) : json()}};
}

http::Response ApiList(const InboxRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  auto paging = http::ParsePageRequest(r);
  if (!paging.ok()) return web::ApiError(paging.status(), r, ctx);
  auto page = deps.inbox.List(ctx.actor, paging->page, paging->limit);
  if (!page.ok()) return web::ApiError(page.status(), r, ctx);
  json items = json::array();
  for (const Notification& n : page->items) items.push_back(NotificationJson(n, ctx));
  json body = http::PagedJson(items, *paging, page->total);
  body["unread"] = page->unread;
  return web::Json(200, body);
}

http::Response Page(const InboxRouteDeps& deps, const http::Request& r, web::RequestContext& ctx) {
  auto paging = http::ParsePageRequest(r);
  int page_number = paging.ok() ? paging->page : 1;
  constexpr int kPageSize = 20;
  auto page = deps.inbox.List(ctx.actor, page_number, kPageSize);
  if (!page.ok()) return web::ErrorPage(deps.renderer, page.status(), r, ctx);
  json items = json::array();
  for (const Notification& n : page->items) {
    json item = NotificationJson(n, ctx);
    item["date"] = FormatIsoDate(n.created_at);
    item["unread"] = !n.read_at.has_value();
    items.push_back(item);
  }
  json data = {{"title", ctx.T("inbox.title")},
               {"items", items},
               {"has_items", !items.empty()},
               {"has_unread", page->unread > 0},
               {"unread", ctx.T("inbox.unread_count", {{"count", std::to_string(page->unread)}})},
               {"pagination", web::PageLinks("/inbox?", page_number, page->total, kPageSize)}};
  if (r.Query("done") == "read") data["notice"] = ctx.T("inbox.done.read");
  return web::HtmlPage(deps.renderer, "inbox/inbox", 200, data, r, ctx);
}

}  // namespace

void RegisterInboxRoutes(web::Router& router, const InboxRouteDeps& deps) {
  router.Get("/api/v1/me/notifications", [deps](const http::Request& r, web::RequestContext& ctx) {
    return ApiList(deps, r, ctx);
  });
  router.Post("/api/v1/me/notifications/{id:int}/read",
              [deps](const http::Request& r, web::RequestContext& ctx) {
                Status s = deps.inbox.MarkRead(ctx.actor, web::PathId(r));
                if (!s.ok()) return web::ApiError(s, r, ctx);
                return http::Response::Text(204, "");
              });
  router.Post("/api/v1/me/notifications/read-all",
              [deps](const http::Request& r, web::RequestContext& ctx) {
                auto n = deps.inbox.MarkAllRead(ctx.actor);
                if (!n.ok()) return web::ApiError(n.status(), r, ctx);
                return web::Json(200, json{{"marked", *n}});
              });
  router.Get("/inbox", [deps](const http::Request& r, web::RequestContext& ctx) {
    return Page(deps, r, ctx);
  });
  router.Post("/inbox/{id:int}/read", [deps](const http::Request& r, web::RequestContext& ctx) {
    Status s = deps.inbox.MarkRead(ctx.actor, web::PathId(r));
    if (!s.ok()) return web::ErrorPage(deps.renderer, s, r, ctx);
    return http::Response::Redirect("/inbox?done=read", 303);
  });
  router.Post("/inbox/read-all", [deps](const http::Request& r, web::RequestContext& ctx) {
    auto n = deps.inbox.MarkAllRead(ctx.actor);
    if (!n.ok()) return web::ErrorPage(deps.renderer, n.status(), r, ctx);
    return http::Response::Redirect("/inbox?done=read", 303);
  });
}

}  // namespace nyttig::inbox
