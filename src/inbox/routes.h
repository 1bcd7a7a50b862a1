// The inbox's HTTP surface: the page /inbox (mark one or all read) and the
// API GET /api/v1/me/notifications, POST …/{id}/read, POST …/read-all.
#pragma once

#include "inbox/inbox.h"
#include "web/context.h"
#include "web/renderer.h"

namespace nyttig::inbox {

struct InboxRouteDeps {
  const Inbox& inbox;
  const web::Renderer& renderer;
};

void RegisterInboxRoutes(web::Router& router, const InboxRouteDeps& deps);

}  // namespace nyttig::inbox
