// App: the composition root. Builds every service over one Database and
// Clock, registers every module's routes, and runs each request through the
// pipeline: size limit → language → who is asking (bearer token or session
// cookie) → CSRF check → route → security headers → log line and metrics.
//
//   ASSIGN_OR_RETURN(auto app, App::Create(options, clock, std::move(db)));
//   http::Response r = app->Handle(request);   // in-process, as the tests do
//
// Thread-safety: Handle() may run on many threads at once.
#pragma once

#include <memory>
#include <string>

#include "accounts/account_service.h"
#include "accounts/organisation_service.h"
#include "accounts/token_service.h"
#include "app/metrics.h"
#include "app/site_routes.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "db/database.h"
#include "dialogue/dialogue_service.h"
#include "knowledge/case_service.h"
#include "knowledge/document_service.h"
#include "http/message.h"
#include "jobs/job_queue.h"
#include "jobs/worker.h"
#include "ideas/idea_service.h"
#include "ideas/assessment_service.h"
#include "ideas/participation_service.h"
#include "ideas/challenge_service.h"
#include "ideas/similar_ideas.h"
#include "ideas/pilot_idea_link.h"
#include "inbox/inbox.h"
#include "mail/outbox.h"
#include "search/search_service.h"
#include "pilots/pilot_service.h"
#include "storage/file_store.h"
#include "surveys/pilot_perception.h"
#include "surveys/survey_service.h"
#include "web/context.h"
#include "web/renderer.h"
#include "web/static_files.h"

namespace nyttig::app {

struct AppOptions {
  std::string data_dir = "data";
  std::string public_base_url = "http://127.0.0.1:8080";  // https:// → Secure cookies, HSTS
  bool development = false;          // logs outgoing mail; never in production
  bool trust_proxy = false;          // take the client address from X-Forwarded-For
  std::size_t max_body_bytes = 1 << 20;  // bytes; larger requests get 413
  accounts::AccountOptions accounts;
  audit::AuditOptions audit;
};

inline constexpr std::string_view kSessionCookie = accounts::kSessionCookieName;
inline constexpr std::string_view kPreSessionCookie = "nyttig_csrf";
inline constexpr std::string_view kLanguageCookie = "nyttig_lang";

class App {
 public:
  static StatusOr<std::unique_ptr<App>> Create(AppOptions options, const Clock& clock,
                                               std::unique_ptr<db::Database> db);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Answers one request through the whole pipeline. Never throws.
  http::Response Handle(http::Request& request);

  db::Database& db() { return *db_; }
  const Clock& clock() const { return clock_; }
  const AppOptions& options() const { return options_; }
  accounts::AccountService& accounts() { return *accounts_; }
  accounts::OrganisationService& organisations() { return *organisations_; }
  accounts::TokenService& tokens() { return *tokens_; }
  const audit::AuditLog& audit_log() const { return *audit_; }
  const mail::Outbox& outbox() const { return *outbox_; }
  storage::FileStore& files() { return *files_; }
  dialogue::DialogueService& dialogues() { return *dialogues_; }
  knowledge::DocumentService& documents() { return *documents_; }
  knowledge::CaseService& cases() { return *cases_; }
  surveys::SurveyService& surveys() { return *surveys_; }
  inbox::Inbox& inbox() { return *inbox_; }
  ideas::IdeaService& ideas() { return *ideas_; }
  ideas::AssessmentService& idea_assessment() { return *idea_assessment_; }
  ideas::ParticipationService& idea_participation() { return *idea_participation_; }
  ideas::ChallengeService& idea_challenges() { return *idea_challenges_; }
  pilots::PilotService& pilots() { return *pilots_; }
  // The search index; modules update it in their own write transactions
  // (search().index().Upsert(tx, …)) and register a SearchSource for reindexing.
  search::SearchService& search() { return *search_; }
  Metrics& metrics() { return metrics_; }
  // Background work: modules enqueue in their own transactions and register
  // a handler per job kind in App::Create (RegisterJobHandlers). The worker
  // runs only while `serve` runs (StartBackgroundWork), so that commands and
  // tests decide themselves when jobs run (tests call RunPendingJobs).
  jobs::JobQueue& job_queue() { return *job_queue_; }
  jobs::Worker& worker() { return *worker_; }
  Status StartBackgroundWork();
  void StopBackgroundWork() { worker_->Stop(); }
  // Runs every due job of a kind with a handler, one after another, on the
  // calling thread; returns how many ran. For tests and one-shot commands.
  StatusOr<int> RunPendingJobs();
  // The registered routes (for documentation checks).
  const web::Router& router() const { return router_; }

 private:
  App(AppOptions options, const Clock& clock, std::unique_ptr<db::Database> db);
  void RegisterRoutes();
  void RegisterJobHandlers();
  void RegisterKnowledgeAndDialogueSearch();
  http::Response Dispatch(http::Request& request, web::RequestContext& ctx, std::string& route);
  StatusOr<web::RequestContext> BuildContext(http::Request& request);
  Status CheckCsrf(const http::Request& request, const web::RequestContext& ctx) const;
  void Finish(const http::Request& request, const web::RequestContext& ctx,
              http::Response& response) const;

  AppOptions options_;
  const Clock& clock_;
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<audit::AuditLog> audit_;
  std::unique_ptr<mail::Outbox> outbox_;
  std::unique_ptr<accounts::AccountService> accounts_;
  std::unique_ptr<accounts::OrganisationService> organisations_;
  std::unique_ptr<accounts::TokenService> tokens_;
  std::unique_ptr<storage::FileStore> files_;
  std::unique_ptr<ideas::AssessmentService> idea_assessment_;
  std::unique_ptr<ideas::ParticipationService> idea_participation_;
  std::unique_ptr<ideas::ChallengeService> idea_challenges_;
  std::unique_ptr<ideas::SimilarIdeaFinder> similar_ideas_;
  std::unique_ptr<dialogue::DialogueService> dialogues_;
  std::unique_ptr<knowledge::DocumentService> documents_;
  std::unique_ptr<knowledge::CaseService> cases_;
  std::unique_ptr<surveys::SurveyService> surveys_;
  std::unique_ptr<inbox::Inbox> inbox_;
  std::unique_ptr<ideas::IdeaService> ideas_;
  std::unique_ptr<pilots::PilotService> pilots_;
  std::unique_ptr<ideas::PilotIdeaLink> pilot_idea_link_;          // pilots → ideas
  std::unique_ptr<surveys::PilotPerception> pilot_perception_;  // pilots → surveys
  std::unique_ptr<search::SearchService> search_;
  std::unique_ptr<jobs::JobQueue> job_queue_;
  std::unique_ptr<jobs::Worker> worker_;
  std::unique_ptr<web::Renderer> renderer_;
  AccessibilityStatement statement_;
  web::StaticFiles static_files_;
  web::Router router_;
  Metrics metrics_;
};

}  // namespace nyttig::app
