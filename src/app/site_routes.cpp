#include "app/site_routes.h"

#include <soci/soci.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.h"
#include "web/page.h"

namespace nyttig::app {
namespace {

constexpr size_t kMaxFeedbackChars = 5000;
constexpr size_t kMaxContactChars = 200;

nlohmann::json StatementData(const AccessibilityStatement& s, const web::RequestContext& ctx) {
  return {{"organisation", s.organisation},
          {"compliance_text", ctx.T("accessibility.compliance." + s.compliance)},
          {"assessed_on", s.assessed_on},
          {"updated_on", s.updated_on},
          {"method", ctx.language == "en" ? s.method_en : s.method_sv},
          // kainjow/mustache treats "" as true: send null so {{#contact_email}} hides.
          {"contact_email",
           s.contact_email.empty() ? nlohmann::json() : nlohmann::json(s.contact_email)},
          {"response_days", s.response_days}};
}

// The challenges open now that the visitor may see, soonest closing first.
nlohmann::json OpenChallenges(const SiteRouteDeps& deps, const web::RequestContext& ctx) {
  constexpr int kShown = 3;
  nlohmann::json out = nlohmann::json::array();
  auto open = deps.challenges.ListChallenges(
      ctx.actor, {.phase = ideas::ChallengePhase::kOpen, .limit = kShown});
  if (!open.ok()) return out;
  for (const ideas::Challenge& c : open->items) {
    out.push_back({{"id", c.id}, {"title", c.title}, {"question", c.question}});
  }
  return out;
}

http::Response StartPage(const SiteRouteDeps& deps, const http::Request& r,
                         web::RequestContext& ctx) {
  nlohmann::json data = {{"title", ctx.T("home.title")}};
  data["challenges"] = OpenChallenges(deps, ctx);
  data["has_challenges"] = !data["challenges"].empty();
  if (r.Query("logged_out") && !ctx.actor.person_id) data["notice"] = ctx.T("accounts.logout.done");
  if (ctx.actor.person_id) {
    nlohmann::json orgs = nlohmann::json::array();
    for (const auto& m : ctx.actor.memberships) {
      orgs.push_back({{"name", m.organisation_name},
                      {"slug", m.organisation_slug},
                      {"role", ctx.T("role." + std::string(accounts::RoleName(m.role)))}});
    }
    data["memberships"] = orgs;
    data["has_memberships"] = !orgs.empty();
  }
  return http::Response::Html(200, deps.renderer.Page("home", data, ctx, r));
}

StatusOr<std::int64_t> SaveFeedback(const SiteRouteDeps& deps, const std::string& page,
                                    const std::string& message, const std::string& contact) {
  return deps.db.WriteValue<std::int64_t>([&](db::Tx& tx) -> StatusOr<std::int64_t> {
    long long id = 0, now = deps.clock.Now();
    tx.sql() << "INSERT INTO site_accessibility_feedback(page_url, message, contact, created_at) "
                "VALUES (:p, :m, :c, :t) RETURNING id",
        soci::use(page), soci::use(message), soci::use(contact), soci::use(now), soci::into(id);
    if (!deps.statement.contact_email.empty()) {
      RETURN_IF_ERROR(deps.outbox
                          .Enqueue(tx, deps.statement.contact_email,
                                   "Synpunkt på tillgänglighet #" + std::to_string(id),
                                   "Sida: " + page + "\n\n" + message + "\n\nKontakt: " + contact)
                          .status());
    }
    return id;
  });
}

http::Response FeedbackPost(const SiteRouteDeps& deps, const http::Request& r,
                            web::RequestContext& ctx) {
  web::FormFields form = web::ParseForm(r);
  std::string message(Trim(form["message"])), contact(Trim(form["contact"])),
      page(Trim(form["page_url"]));
  Status problems = InvalidArgumentError("validation.failed");
  if (message.empty()) problems.AddInvalid("message", "accessibility.feedback.message.required");
  if (!IsValidUtf8(message) || Utf8Length(message) > kMaxFeedbackChars) {
    problems.AddInvalid("message", "validation.too_long", "",
                        {{"max", std::to_string(kMaxFeedbackChars)}});
  }
  if (Utf8Length(contact) > kMaxContactChars || !IsValidUtf8(contact)) {
    problems.AddInvalid("contact", "validation.too_long", "",
                        {{"max", std::to_string(kMaxContactChars)}});
  }
  nlohmann::json data = StatementData(deps.statement, ctx);
  data["title"] = ctx.T("accessibility.feedback.title");
  data["form"] = {{"message", message}, {"contact", contact}, {"page_url", page}};
  if (!problems.invalid_parameters().empty()) {
    data.update(web::FormErrors(problems, ctx));
    return http::Response::Html(400, deps.renderer.Page("accessibility_feedback", data, ctx, r));
  }
  auto saved = SaveFeedback(deps, page.substr(0, 500), message, contact);
  if (!saved.ok()) return web::ApiError(saved.status(), r, ctx);
  data["receipt"] = std::to_string(*saved);
  return http::Response::Html(200, deps.renderer.Page("accessibility_feedback", data, ctx, r));
}

}  // namespace

StatusOr<AccessibilityStatement> LoadAccessibilityStatement(const std::string& data_dir) {
  AccessibilityStatement s;
  std::filesystem::path path = std::filesystem::path(data_dir) / "accessibility.json";
  std::ifstream in(path);
  if (!in) return s;
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return InvalidArgumentError(path.string() + " is not a JSON object");
  }
  auto read = [&](const char* key, std::string& field) {
    if (j.contains(key) && j[key].is_string()) field = j[key].get<std::string>();
  };
  read("organisation", s.organisation);
  read("compliance", s.compliance);
  read("assessed_on", s.assessed_on);
  read("updated_on", s.updated_on);
  read("method_sv", s.method_sv);
  read("method_en", s.method_en);
  read("contact_email", s.contact_email);
  read("response_days", s.response_days);
  if (s.compliance != "full" && s.compliance != "partial" && s.compliance != "none") {
    return InvalidArgumentError(path.string() + ": compliance must be full, partial or none");
  }
  return s;
}

void RegisterSiteRoutes(web::Router& router, SiteRouteDeps deps) {
  router.Get("/", [deps](const http::Request& r, web::RequestContext& ctx) {
    return StartPage(deps, r, ctx);
  });
  router.Get("/accessibility", [deps](const http::Request& r, web::RequestContext& ctx) {
    nlohmann::json data = StatementData(deps.statement, ctx);
    data["title"] = ctx.T("accessibility.title");
    return http::Response::Html(200, deps.renderer.Page("accessibility", data, ctx, r));
  });
  router.Get("/accessibility/feedback", [deps](const http::Request& r, web::RequestContext& ctx) {
    nlohmann::json data = StatementData(deps.statement, ctx);
    data["title"] = ctx.T("accessibility.feedback.title");
    data["form"] = {{"page_url", r.Query("page").value_or("")}};
    return http::Response::Html(200, deps.renderer.Page("accessibility_feedback", data, ctx, r));
  });
  router.Post("/accessibility/feedback", [deps](const http::Request& r, web::RequestContext& ctx) {
    return FeedbackPost(deps, r, ctx);
  });
}

}  // namespace nyttig::app
