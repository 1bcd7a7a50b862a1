#include "app/app.h"

#include <spdlog/spdlog.h>

#include <unistd.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "accounts/routes.h"
#include "accounts/secrets.h"
#include "app/site_routes.h"
#include "app/system_routes.h"
#include "core/text.h"
#include "dialogue/routes.h"
#include "http/problem.h"
#include "search/search_routes.h"
#include "knowledge/routes.h"
#include "knowledge/search_mapping.h"
#include "ideas/idea_search.h"
#include "ideas/routes.h"
#include "ideas/participation_routes.h"
#include "ideas/challenge_routes.h"
#include "ideas/pilot_idea_link.h"
#include "inbox/routes.h"
#include "pilots/pilot_search.h"
#include "pilots/routes.h"
#include "surveys/pilot_perception.h"
#include "surveys/routes.h"
#include "web/page.h"

namespace nyttig::app {
namespace {

// The dialogue a dialogue job is about; nullopt (logged) when the payload
// names none, so that a job that can never succeed is not retried.
std::optional<dialogue::DialogueId> DialogueIdOf(const jobs::Job& job) {
  auto it = job.payload.find("dialogue_id");
  if (it == job.payload.end() || !it->is_number_integer() || it->get<std::int64_t>() < 1) {
    spdlog::warn("job {} ({}) names no dialogue; dropped", job.id, job.kind);
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

// A dialogue that is gone since its job was queued leaves nothing to do.
Status DoneIfGone(Status status) {
  return status.code() == StatusCode::kNotFound ? Status::Ok() : status;
}

// The similar-idea finder's text search: an any-word query on kind "idea"
// in one organisation, as the asker may see it.
ideas::IdeaTextSearch IdeaSearchThroughIndex(search::SearchService& search) {
  return [&search](const accounts::Actor& actor, accounts::OrganisationId org,
                   const std::string& words, int limit) -> StatusOr<std::vector<ideas::IdeaMatch>> {
    ASSIGN_OR_RETURN(search::SearchResults results,
                     search.Search(actor, {.query = words, .kinds = {"idea"},
                                           .organisation_ids = {org}, .match_any = true,
                                           .limit = limit}));
    std::vector<ideas::IdeaMatch> out;
    for (const search::SearchHit& hit : results.items) out.push_back({hit.id, hit.score});
    return out;
  };
}

constexpr int kMaxPilotsOnIdeaPage = 50;

// The idea page's section of pilots that test the idea, as the reader may
// see them: the ideas' pages ask through this seam, the pilots answer.
ideas::LinkedRecords PilotsOfIdea(pilots::PilotService& pilots) {
  return [&pilots](const web::RequestContext& ctx,
                   ideas::IdeaId idea) -> StatusOr<std::vector<ideas::LinkedRecord>> {
    ASSIGN_OR_RETURN(pilots::PilotPage page,
                     pilots.ListPilots(ctx.actor, {.idea_id = idea, .limit = kMaxPilotsOnIdeaPage}));
    std::vector<ideas::LinkedRecord> out;
    for (const pilots::Pilot& p : page.items) {
      out.push_back({p.title, "/pilots/" + std::to_string(p.id),
                     ctx.T("pilots.state." + std::string(pilots::PilotStateName(p.state)))});
    }
    return out;
  };
}

constexpr int kLanguageCookieDays = 365;

std::string RequestId() { return accounts::NewToken().substr(0, 16); }

// Unique per process, readable in the jobs table: "host:pid:random".
std::string WorkerId() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host) + ":" + std::to_string(getpid()) + ":" +
         accounts::NewToken().substr(0, 6);
}

// The client's address: the peer, or behind a trusted proxy the last
// address it added to X-Forwarded-For.
std::string ClientAddress(const http::Request& request, bool trust_proxy) {
  if (trust_proxy) {
    if (auto forwarded = request.Header("X-Forwarded-For")) {
      std::string_view list = *forwarded;
      size_t comma = list.rfind(',');
      std::string_view last = Trim(comma == std::string_view::npos ? list : list.substr(comma + 1));
      if (!last.empty()) return std::string(last);
    }
  }
  return request.client_address;
}

std::string CookieHeader(std::string_view name, std::string_view value, int max_age, bool secure) {
  return http::FormatSetCookie(name, value, {.max_age_seconds = max_age, .secure = secure});
}

void SecurityHeaders(http::Response& response, bool secure) {
  auto set_default = [&](const char* name, const char* value) {
    if (!response.headers.Get(name)) response.headers.Set(name, value);
  };
  set_default("Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
              "base-uri 'self'; object-src 'none'");
  set_default("X-Content-Type-Options", "nosniff");
  set_default("X-Frame-Options", "DENY");
  set_default("Referrer-Policy", "strict-origin-when-cross-origin");
  set_default("Cross-Origin-Opener-Policy", "same-origin");
  set_default("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  set_default("Cache-Control", "no-store");
  if (secure) set_default("Strict-Transport-Security", "max-age=31536000");
}

// A bearer token without the write scope only reads, whatever the route. The
// services check scopes for their own rules; this is the floor under them,
// so that no handler can forget it (a read token once got "already a member"
// instead of 403 when asking to join an organisation).
Status CheckTokenScope(const http::Request& request, const accounts::Actor& actor) {
  if (actor.method != accounts::AuthMethod::kToken || !http::IsUnsafe(request.method)) {
    return Status::Ok();
  }
  return actor.CanWrite() ? Status::Ok() : PermissionDeniedError("error.forbidden");
}

}  // namespace

App::App(AppOptions options, const Clock& clock, std::unique_ptr<db::Database> db)
    : options_(std::move(options)), clock_(clock), db_(std::move(db)) {}

App::~App() = default;

StatusOr<std::unique_ptr<App>> App::Create(AppOptions options, const Clock& clock,
                                           std::unique_ptr<db::Database> db) {
  RETURN_IF_ERROR(accounts::InitSodium());
  std::unique_ptr<App> app(new App(std::move(options), clock, std::move(db)));
  app->options_.accounts.public_base_url = app->options_.public_base_url;
  app->audit_ = std::make_unique<audit::AuditLog>(clock, app->options_.audit);
  app->outbox_ = std::make_unique<mail::Outbox>(
      clock, mail::OutboxOptions{.log_messages = app->options_.development});
  app->accounts_ = std::make_unique<accounts::AccountService>(
      *app->db_, clock, *app->audit_, *app->outbox_, app->options_.accounts);
  app->organisations_ =
      std::make_unique<accounts::OrganisationService>(*app->db_, clock, *app->audit_);
  app->tokens_ =
      std::make_unique<accounts::TokenService>(*app->db_, clock, *app->audit_, *app->accounts_);
  app->files_ =
      storage::OpenLocalFileStore(std::filesystem::path(app->options_.data_dir) / "files");
  app->documents_ = std::make_unique<knowledge::DocumentService>(*app->db_, *app->files_,
                                                                 *app->audit_, clock);
  app->cases_ = std::make_unique<knowledge::CaseService>(*app->db_, *app->audit_, clock);
  app->inbox_ = std::make_unique<inbox::Inbox>(*app->db_, clock, *app->outbox_,
                                              app->options_.public_base_url);
  app->ideas_ = std::make_unique<ideas::IdeaService>(*app->db_, clock, *app->audit_, *app->inbox_,
                                                    *app->files_);
  // Assessment and participation hook into the ideas' gates: the legal
  // checklist may refuse the gate to test; the followers' notices come last.
  app->idea_assessment_ = std::make_unique<ideas::AssessmentService>(*app->db_, clock, *app->audit_,
                                                                    *app->inbox_);
  app->idea_participation_ = std::make_unique<ideas::ParticipationService>(
      *app->db_, clock, *app->audit_, *app->inbox_, *app->ideas_);
  app->idea_challenges_ = std::make_unique<ideas::ChallengeService>(*app->db_, clock, *app->audit_,
                                                                    *app->inbox_, *app->ideas_);
  app->ideas_->AddGateCheck(&app->idea_assessment_->legal_gate());
  app->ideas_->AddGateCheck(&app->idea_participation_->follower_notifier());
  // One Hunspell dictionary for the process (loading it is the slowest part
  // of start-up): the search index and the similar-idea finder share it.
  ASSIGN_OR_RETURN(std::shared_ptr<search::CompoundSplitter> splitter,
                   search::SharedSwedishSplitter());
  app->pilots_ = std::make_unique<pilots::PilotService>(*app->db_, clock, *app->audit_);
  app->surveys_ = std::make_unique<surveys::SurveyService>(*app->db_, clock, *app->audit_);
  // Pilots reach ideas and surveys only through their seams, filled here by
  // small adapter libraries that link both sides.
  app->pilot_idea_link_ = std::make_unique<ideas::PilotIdeaLink>(*app->ideas_);
  app->pilots_->SetIdeaLink(app->pilot_idea_link_.get());
  app->pilot_perception_ = std::make_unique<surveys::PilotPerception>(*app->surveys_);
  app->pilots_->SetPerceptionSource(app->pilot_perception_.get());
  ASSIGN_OR_RETURN(std::unique_ptr<search::SearchIndex> index,
                   search::SearchIndex::Create({}, splitter));
  app->search_ = std::make_unique<search::SearchService>(*app->db_, *app->organisations_,
                                                         std::move(index));
  // Similar ideas come from the index: collection-wide BM25, the asker's visibility.
  app->similar_ideas_ = std::make_unique<ideas::IndexSimilarIdeaFinder>(
      *app->ideas_, IdeaSearchThroughIndex(*app->search_), splitter,
      ideas::IndexSimilarIdeaFinder::Options{});
  // Ideas are indexed in their own write transactions; reindex rebuilds them.
  app->ideas_->SetSearchSink(&app->search_->index(), &ideas::ToSearchDocument);
  app->search_->RegisterSource(search::MakeSearchSource(
      "idea", [](db::Tx& tx, const search::SearchSource::Visitor& visit) {
        return ideas::ForEachSearchDocument(tx, visit);
      }));
  app->idea_challenges_->SetSearchSink(&app->search_->index(), &ideas::ChallengeSearchDocument);
  app->search_->RegisterSource(search::MakeSearchSource(
      "challenge", [](db::Tx& tx, const search::SearchSource::Visitor& visit) {
        return ideas::ForEachChallengeDocument(tx, visit);
      }));
  app->pilots_->SetSearchSink(&app->search_->index());
  app->search_->RegisterSource(search::MakeSearchSource(
      "pilot", [](db::Tx& tx, const search::SearchSource::Visitor& visit) {
        return pilots::ForEachSearchDocument(tx, visit);
      }));
  app->job_queue_ = std::make_unique<jobs::JobQueue>(*app->db_, clock);
  app->worker_ = std::make_unique<jobs::Worker>(
      *app->job_queue_, jobs::WorkerOptions{.worker_id = WorkerId()});
  app->dialogues_ = std::make_unique<dialogue::DialogueService>(*app->db_, clock, *app->audit_,
                                                                *app->job_queue_);
  app->RegisterKnowledgeAndDialogueSearch();
  ASSIGN_OR_RETURN(app->renderer_, web::Renderer::LoadBuiltin());
  ASSIGN_OR_RETURN(app->statement_, LoadAccessibilityStatement(app->options_.data_dir));
  app->RegisterRoutes();
  app->RegisterJobHandlers();
  return app;
}

// Dialogues, cases and documents are indexed in their own write
// transactions (a dialogue also when it opens and closes, through a job);
// reindex rebuilds them from the same mappings.
void App::RegisterKnowledgeAndDialogueSearch() {
  search::DocumentSink* index = &search_->index();
  dialogues_->SetSearchSink(index);
  cases_->SetSearchSink(index);
  documents_->SetSearchSink(index);
  search_->RegisterSource(search::MakeSearchSource(
      "dialogue", [dialogues = dialogues_.get()](db::Tx& tx,
                                                 const search::SearchSource::Visitor& visit) {
        return dialogues->VisitSearchDocuments(tx, visit);
      }));
  search_->RegisterSource(
      search::MakeSearchSource("case", &knowledge::VisitCaseSearchDocuments));
  search_->RegisterSource(
      search::MakeSearchSource("document", &knowledge::VisitDocumentSearchDocuments));
}

// Modules add `worker_->Handle("<module>.<job>", …)` here.
void App::RegisterJobHandlers() {
  worker_->Handle(dialogue::kRecomputeJobKind, [this](const jobs::Job& job) {
    auto id = DialogueIdOf(job);
    return id ? DoneIfGone(dialogues_->Recompute(*id)) : Status::Ok();
  });
  worker_->Handle(dialogue::kSearchRefreshJobKind, [this](const jobs::Job& job) {
    auto id = DialogueIdOf(job);
    return id ? DoneIfGone(dialogues_->RefreshSearchDocument(*id)) : Status::Ok();
  });
}

Status App::StartBackgroundWork() { return worker_->Start(); }

StatusOr<int> App::RunPendingJobs() {
  int ran = 0;
  while (true) {
    ASSIGN_OR_RETURN(bool had_job, worker_->RunOnce());
    if (!had_job) return ran;
    ++ran;
  }
}

void App::RegisterRoutes() {
  RegisterSystemRoutes(router_, {*db_, static_files_, metrics_, *audit_});
  RegisterSiteRoutes(router_, {*db_, clock_, *renderer_, *outbox_, statement_, *idea_challenges_});
  dialogue::RegisterDialogueRoutes(router_, {*dialogues_, *organisations_, *renderer_});
  knowledge::RegisterKnowledgeRoutes(router_,
                                     {*documents_, *cases_, *organisations_, *renderer_, clock_});
  search::RegisterSearchRoutes(router_, {*search_, *organisations_, *renderer_});
  accounts::RegisterAccountRoutes(router_,
                                  {*accounts_, *organisations_, *tokens_, *audit_, *db_, *renderer_,
                                   options_.public_base_url.starts_with("https://")});
  ideas::RegisterIdeaRoutes(router_,
                            {*ideas_, *organisations_, *renderer_, clock_, PilotsOfIdea(*pilots_),
                             similar_ideas_.get()});
  ideas::RegisterChallengeRoutes(router_, {*idea_challenges_, *ideas_, *organisations_, *renderer_, clock_});
  ideas::RegisterParticipationRoutes(router_, {*ideas_, *idea_assessment_, *idea_participation_,
                                              *similar_ideas_, *organisations_, *renderer_, clock_});
  inbox::RegisterInboxRoutes(router_, {*inbox_, *renderer_});
  pilots::RegisterPilotRoutes(router_, {*pilots_, *organisations_, *renderer_});
  surveys::RegisterSurveyRoutes(router_, {*surveys_, *organisations_, *renderer_, clock_,
                                          options_.public_base_url.starts_with("https://")});
}

StatusOr<web::RequestContext> App::BuildContext(http::Request& request) {
  web::RequestContext ctx;
  ctx.secure = options_.public_base_url.starts_with("https://");
  const i18n::Catalogs& catalogs = i18n::Catalogs::Builtin();
  std::string chosen = request.Query("lang").value_or("");
  if (catalogs.Supports(chosen)) {
    ctx.set_cookies.push_back(
        CookieHeader(kLanguageCookie, chosen, kLanguageCookieDays * 86400, ctx.secure));
  } else {
    chosen = request.Cookie(kLanguageCookie).value_or("");
  }
  ctx.language =
      i18n::NegotiateLanguage(catalogs, chosen, request.Header("Accept-Language").value_or(""));
  ctx.messages = &catalogs.For(ctx.language);

  accounts::Actor origin;
  origin.client_address = ClientAddress(request, options_.trust_proxy);
  origin.user_agent = std::string(request.Header("User-Agent").value_or(""));
  ctx.actor = origin;
  if (auto auth = request.Header("Authorization")) {
    if (!auth->starts_with("Bearer ")) return UnauthenticatedError("accounts.token.invalid");
    ASSIGN_OR_RETURN(ctx.actor, tokens_->ResolveBearer(std::string(Trim(auth->substr(7))), origin));
    return ctx;  // bearer requests carry no cookies' authority and need no CSRF token
  }
  if (auto session = request.Cookie(kSessionCookie); session && !session->empty()) {
    auto actor = accounts_->ResolveSession(*session, origin);
    if (actor.ok()) {
      ctx.actor = std::move(actor).value();
      ctx.session_token = *session;
      ctx.csrf_token = accounts::KeyedHash(*session, "csrf");
      return ctx;
    }
    ctx.set_cookies.push_back(CookieHeader(kSessionCookie, "", 0, ctx.secure));
  }
  // Before log-in, forms are protected by a random token in its own cookie.
  auto pre = request.Cookie(kPreSessionCookie);
  if (pre && pre->size() >= 32) {
    ctx.csrf_token = *pre;
  } else {
    ctx.csrf_token = accounts::NewToken();
    ctx.set_cookies.push_back(CookieHeader(kPreSessionCookie, ctx.csrf_token, -1, ctx.secure));
  }
  return ctx;
}

Status App::CheckCsrf(const http::Request& request, const web::RequestContext& ctx) const {
  if (!http::IsUnsafe(request.method)) return Status::Ok();
  if (ctx.actor.method == accounts::AuthMethod::kToken) return Status::Ok();
  bool cookie_authority = ctx.session_token.has_value() || request.IsForm();
  if (!cookie_authority) return Status::Ok();
  std::string sent(request.Header("X-CSRF-Token").value_or(""));
  if (sent.empty() && request.IsForm()) {
    auto fields = web::ParseForm(request);
    sent = fields["csrf_token"];
  }
  // A pre-session token only counts when the browser sent the cookie back.
  bool pre_session_ok = ctx.session_token || request.Cookie(kPreSessionCookie).has_value();
  if (sent.empty() || !pre_session_ok || !accounts::ConstantTimeEquals(sent, ctx.csrf_token)) {
    return PermissionDeniedError("error.csrf");
  }
  return Status::Ok();
}

http::Response App::Dispatch(http::Request& request, web::RequestContext& ctx, std::string& route) {
  if (request.body.size() > options_.max_body_bytes) {
    return http::ProblemForHttpStatus(
        413,
        "The request body is larger than " + std::to_string(options_.max_body_bytes) + " bytes.",
        request.path);
  }
  auto match = router_.Find(request.method, request.path);
  const bool browser = request.WantsHtml() && !request.path.starts_with("/api/");
  if (match.status == 405) {
    // A browser that follows a link to a form's address gets a page that
    // says what to do, not JSON.
    http::Response r =
        browser ? web::HtmlPage(*renderer_, "error", 405,
                                {{"title", ctx.T("error.method_not_allowed.title")},
                                 {"message", ctx.T("error.method_not_allowed")}},
                                request, ctx)
                : http::ProblemForHttpStatus(405, "Method not allowed here.", request.path);
    r.headers.Set("Allow", match.allow);
    return r;
  }
  if (match.status == 404) {
    route = "unmatched";
    return browser ? web::HtmlPage(*renderer_, "error", 404,
                                   {{"title", ctx.T("error.not_found.title")},
                                    {"message", ctx.T("error.not_found")}},
                                   request, ctx)
                   : http::ProblemForHttpStatus(404, "No such resource.", request.path);
  }
  route = match.pattern;
  if (Status csrf = CheckCsrf(request, ctx); !csrf.ok()) return web::ApiError(csrf, request, ctx);
  if (Status scope = CheckTokenScope(request, ctx.actor); !scope.ok()) {
    return web::ApiError(scope, request, ctx);
  }
  request.path_params = std::move(match.params);
  return (*match.handler)(request, ctx);
}

http::Response App::Handle(http::Request& request) {
  const auto start = std::chrono::steady_clock::now();
  metrics_.AddInFlight(1);
  request.request_id = RequestId();
  std::string route = "unmatched";
  web::RequestContext ctx;
  http::Response response;
  try {
    auto built = BuildContext(request);
    if (!built.ok()) {
      ctx.messages = &i18n::Catalogs::Builtin().For("sv");
      response = web::ApiError(built.status(), request, ctx);
    } else {
      ctx = std::move(built).value();
      response = Dispatch(request, ctx, route);
    }
  } catch (const std::exception& e) {
    spdlog::error("request {} {} failed: {}", request.request_id, request.path, e.what());
    response = http::ProblemResponse(InternalError(e.what()), request.path);
  }
  Finish(request, ctx, response);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.AddInFlight(-1);
  metrics_.Observe(route, std::string(http::MethodName(request.method)), response.status, seconds);
  // One structured line per request; the path only — queries may carry tokens.
  spdlog::info(
      R"({{"request_id":"{}","method":"{}","route":"{}","path":{},"status":{},"ms":{:.2f},"bytes":{}}})",
      request.request_id, http::MethodName(request.method), route,
      nlohmann::json(IsValidUtf8(request.path) ? request.path : "(invalid)").dump(),
      response.status, seconds * 1000, response.body.size());
  return response;
}

void App::Finish(const http::Request& request, const web::RequestContext& ctx,
                 http::Response& response) const {
  for (const std::string& cookie : ctx.set_cookies) response.headers.Add("Set-Cookie", cookie);
  response.headers.Set("X-Request-Id", request.request_id);
  SecurityHeaders(response, ctx.secure);
}

}  // namespace nyttig::app
