// The dialogue module's HTTP surface: pages (/dialogues…: list, voting,
// statement submission, results, moderation, opening a dialogue) and the
// JSON API under /api/v1/dialogues…. Handlers parse, call the service,
// render.
#pragma once

#include <string_view>

#include "accounts/organisation_service.h"
#include "dialogue/dialogue_service.h"
#include "http/message.h"
#include "web/context.h"
#include "web/renderer.h"

namespace nyttig::dialogue {

// Per-browser participant id for anonymous participation: random, HttpOnly,
// one year; turned into a per-dialogue pseudonym by the service.
inline constexpr std::string_view kParticipantCookie = "nyttig_participant";
inline constexpr int kParticipantCookieDays = 365;

struct DialogueRouteDeps {
  DialogueService& dialogues;
  accounts::OrganisationService& organisations;
  const web::Renderer& renderer;
};

void RegisterDialogueRoutes(web::Router& router, const DialogueRouteDeps& deps);
void RegisterDialogueApi(web::Router& router, const DialogueRouteDeps& deps);
void RegisterDialoguePages(web::Router& router, const DialogueRouteDeps& deps);

// Who is taking part: the logged-in person and the browser's participant
// cookie. When `issue_cookie` and the browser has none, a new token is made
// and its Set-Cookie added to the context, so that the same browser is the
// same participant next time.
ParticipantIdentity IdentityOf(const http::Request& request, web::RequestContext& ctx,
                               bool issue_cookie);

}  // namespace nyttig::dialogue
