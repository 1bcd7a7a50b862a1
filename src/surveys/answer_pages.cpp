// The answer flow (UX.md "one thing per page"): a start page, one question
// per page with its progress, check your answers, and a receipt. Works
// without JavaScript; what a person has answered is kept server-side as a
// draft under a random token in the `nyttig_survey` cookie, so nothing is
// lost between pages, and a page with an error shows what was typed.
#include <charconv>

#include "accounts/secrets.h"
#include "surveys/answer_form.h"
#include "surveys/answers.h"
#include "surveys/routes.h"
#include "web/page.h"

namespace nyttig::surveys {
namespace {

using nlohmann::json;

constexpr std::string_view kBrowserCookie = "nyttig_survey";
constexpr int kBrowserCookieDays = 365;

// The browser's token, set as a cookie on first use. Only the token's hash
// (salted with the survey id) is ever stored.
std::string BrowserToken(const SurveyRouteDeps& deps, const http::Request& r,
                         web::RequestContext& ctx) {
  std::optional<std::string> cookie = r.Cookie(kBrowserCookie);
  if (cookie && cookie->size() >= 32 && cookie->size() <= 64) return *cookie;
  std::string token = accounts::NewToken();
  ctx.set_cookies.push_back(http::FormatSetCookie(
      kBrowserCookie, token,
      {.max_age_seconds = kBrowserCookieDays * 24 * 3600, .secure = deps.secure_cookies,
       .path = "/surveys"}));
  return token;
}

std::string Base(const Survey& survey) { return "/surveys/" + std::to_string(survey.id); }

std::string QuestionHref(const Survey& survey, size_t index) {
  return Base(survey) + "/q/" + std::to_string(index + 1);
}

// The question number from the path, 1-based; nullopt when out of range.
std::optional<size_t> QuestionIndex(const Survey& survey, const http::Request& r) {
  size_t n = 0;
  const std::string& text = r.Param("n");
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || n < 1 || n > survey.questions.size()) return std::nullopt;
  return n - 1;
}

json SurveyHead(const Survey& survey, const web::RequestContext& ctx) {
  return {{"survey_title", survey.title.In(ctx.language)},
          {"survey_href", Base(survey)},
          {"question_count", std::to_string(survey.questions.size())}};
}

std::string EligibilityKey(Eligibility e) {
  switch (e) {
    case Eligibility::kCanAnswer: return "";
    case Eligibility::kNotOpenYet: return "surveys.answer.not_open_yet";
    case Eligibility::kClosed: return "surveys.answer.closed";
    case Eligibility::kLogInFirst: return "surveys.answer.log_in";
    case Eligibility::kStaffOnly: return "surveys.answer.staff_only";
    case Eligibility::kAlreadyAnswered: return "surveys.answer.already";
  }
  return "";
}

http::Response StartPage(const SurveyRouteDeps& deps, const http::Request& r,
                         web::RequestContext& ctx) {
  StatusOr<Survey> survey = deps.surveys.GetSurvey(ctx.actor, web::PathId(r));
  if (!survey.ok()) return web::ErrorPage(deps.renderer, survey.status(), r, ctx);
  std::string token = BrowserToken(deps, r, ctx);
  StatusOr<Eligibility> eligible = deps.surveys.CheckEligibility(ctx.actor, survey->id, token);
  if (!eligible.ok()) return web::ErrorPage(deps.renderer, eligible.status(), r, ctx);
  json data = SurveyHead(*survey, ctx);
  data["title"] = survey->title.In(ctx.language);
  const std::string& intro = survey->introduction.In(ctx.language);
  data["introduction"] = intro.empty() ? json() : json(intro);
  data["can_answer"] = *eligible == Eligibility::kCanAnswer;
  std::string refusal = EligibilityKey(*eligible);
  data["refusal"] = refusal.empty() ? json() : json(ctx.T(refusal));
  data["log_in_href"] = *eligible == Eligibility::kLogInFirst
                            ? json("/login?next=" + http::PercentEncode(Base(*survey)))
                            : json();
  data["anonymous"] = survey->access == Access::kAnonymousLink;
  data["first_href"] = QuestionHref(*survey, 0);
  return web::HtmlPage(deps.renderer, "surveys/start", 200, data, r, ctx);
}

// Loads the survey for a step of the flow; any refusal sends the person to
// the start page, which says why.
struct Flow {
  Survey survey;
  std::string token;
  AnswerSet draft;
};

StatusOr<Flow> LoadFlow(const SurveyRouteDeps& deps, const http::Request& r,
                        web::RequestContext& ctx) {
  ASSIGN_OR_RETURN(Survey survey, deps.surveys.GetSurvey(ctx.actor, web::PathId(r)));
  std::string token = BrowserToken(deps, r, ctx);
  ASSIGN_OR_RETURN(Eligibility eligible, deps.surveys.CheckEligibility(ctx.actor, survey.id, token));
  if (eligible != Eligibility::kCanAnswer) return FailedPreconditionError(EligibilityKey(eligible));
  ASSIGN_OR_RETURN(AnswerSet draft, deps.surveys.LoadDraft(survey.id, token));
  return Flow{std::move(survey), std::move(token), std::move(draft)};
}

http::Response FlowRefused(const SurveyRouteDeps& deps, const Status& status,
                           const http::Request& r, web::RequestContext& ctx) {
  if (status.code() == StatusCode::kFailedPrecondition) {
    return http::Response::Redirect("/surveys/" + r.Param("id"), 303);
  }
  return web::ErrorPage(deps.renderer, status, r, ctx);
}

http::Response QuestionPage(const SurveyRouteDeps& deps, const http::Request& r,
                            web::RequestContext& ctx, const Flow& flow, size_t index,
                            const PostedAnswer* posted, const Status& problems) {
  const Question& q = flow.survey.questions[index];
  json errors = web::FormErrors(problems, ctx);
  std::string error = errors["errors"].value(AnswerField(q.id), "");
  const Answer* answer = posted ? &posted->answer : flow.draft.Find(q.id);
  json data = SurveyHead(flow.survey, ctx);
  data.update(errors);
  data["title"] = q.text.In(ctx.language);
  data["progress"] = ctx.T("surveys.answer.progress", {{"n", std::to_string(index + 1)},
                                                       {"total", std::to_string(flow.survey.questions.size())}});
  data["question"] = QuestionView(q, answer, posted ? posted->typed : "", ctx.language, error,
                                  ctx.T("surveys.answer.optional"));
  data["action"] = QuestionHref(flow.survey, index);
  data["has_back"] = true;
  return web::HtmlPage(deps.renderer, "surveys/question", problems.ok() ? 200 : 400, data, r, ctx);
}

// The draft with `answer` in place of whatever it held for that question.
AnswerSet WithAnswer(AnswerSet draft, const Answer& answer) {
  std::erase_if(draft.answers, [&](const Answer& a) { return a.question_id == answer.question_id; });
  if (!answer.empty()) draft.answers.push_back(answer);
  return draft;
}

http::Response PostQuestion(const SurveyRouteDeps& deps, const http::Request& r,
                            web::RequestContext& ctx) {
  StatusOr<Flow> flow = LoadFlow(deps, r, ctx);
  if (!flow.ok()) return FlowRefused(deps, flow.status(), r, ctx);
  std::optional<size_t> index = QuestionIndex(flow->survey, r);
  if (!index) return web::ErrorPage(deps.renderer, NotFoundError("surveys.not_found"), r, ctx);
  FormValues form = http::ParseUrlEncoded(r.body);
  PostedAnswer posted = ReadPostedAnswer(flow->survey.questions[*index], form);
  bool back = form.count("goto") > 0 && form.find("goto")->second == "back";
  AnswerSet draft = WithAnswer(flow->draft, posted.answer);
  Status problems = posted.problem ? InvalidArgumentError("surveys.answers.invalid")
                                         .AddInvalid(posted.problem->name, posted.problem->reason,
                                                     posted.problem->value)
                                   : deps.surveys.ValidateAnswers(flow->survey, draft,
                                                                  {posted.answer.question_id});
  // Going back keeps whatever could be read, even if it needs correcting later.
  if (!problems.ok() && !(back && !posted.problem)) {
    return QuestionPage(deps, r, ctx, *flow, *index, &posted, problems);
  }
  Status saved = deps.surveys.SaveDraft(flow->survey.id, flow->token, draft);
  if (!saved.ok()) return FlowRefused(deps, saved, r, ctx);
  if (back) {
    return http::Response::Redirect(*index == 0 ? Base(flow->survey)
                                                : QuestionHref(flow->survey, *index - 1), 303);
  }
  bool last = *index + 1 == flow->survey.questions.size();
  return http::Response::Redirect(last ? Base(flow->survey) + "/check"
                                       : QuestionHref(flow->survey, *index + 1), 303);
}

http::Response CheckPage(const SurveyRouteDeps& deps, const http::Request& r,
                         web::RequestContext& ctx, const Flow& flow, const Status& problems) {
  json rows = json::array();
  json errors = web::FormErrors(problems, ctx);
  for (size_t idx = 0; idx < flow.survey.questions.size(); ++idx) {
    const Question& q = flow.survey.questions[idx];
    const Answer* answer = flow.draft.Find(q.id);
    std::string text = answer ? AnswerText(q, *answer, ctx.language, ctx.T("surveys.answer.of_five")) : "";
    rows.push_back({{"question", q.text.In(ctx.language)},
                    {"answer", text.empty() ? ctx.T("surveys.answer.not_answered") : text},
                    {"change_href", QuestionHref(flow.survey, idx)},
                    {"error", errors["errors"].value(AnswerField(q.id), "")}});
  }
  // Each problem links to the page where it can be put right.
  for (json& item : errors["error_summary"]) {
    for (size_t idx = 0; idx < flow.survey.questions.size(); ++idx) {
      if (item["href"] == "#field-" + AnswerField(flow.survey.questions[idx].id)) {
        item["href"] = QuestionHref(flow.survey, idx);
      }
    }
  }
  json data = SurveyHead(flow.survey, ctx);
  data.update(errors);
  data["title"] = ctx.T("surveys.check.title");
  data["rows"] = rows;
  data["action"] = Base(flow.survey) + "/check";
  return web::HtmlPage(deps.renderer, "surveys/check", problems.ok() ? 200 : 400, data, r, ctx);
}

void RegisterFlow(web::Router& router, const SurveyRouteDeps& deps) {
  router.Get("/surveys/{id:int}/q/{n:int}", [deps](const http::Request& r, auto& ctx) {
    StatusOr<Flow> flow = LoadFlow(deps, r, ctx);
    if (!flow.ok()) return FlowRefused(deps, flow.status(), r, ctx);
    std::optional<size_t> index = QuestionIndex(flow->survey, r);
    if (!index) return web::ErrorPage(deps.renderer, NotFoundError("surveys.not_found"), r, ctx);
    return QuestionPage(deps, r, ctx, *flow, *index, nullptr, Status::Ok());
  });
  router.Post("/surveys/{id:int}/q/{n:int}", [deps](const http::Request& r, auto& ctx) {
    return PostQuestion(deps, r, ctx);
  });
  router.Get("/surveys/{id:int}/check", [deps](const http::Request& r, auto& ctx) {
    StatusOr<Flow> flow = LoadFlow(deps, r, ctx);
    if (!flow.ok()) return FlowRefused(deps, flow.status(), r, ctx);
    return CheckPage(deps, r, ctx, *flow, Status::Ok());
  });
  router.Post("/surveys/{id:int}/check", [deps](const http::Request& r, auto& ctx) {
    StatusOr<Flow> flow = LoadFlow(deps, r, ctx);
    if (!flow.ok()) return FlowRefused(deps, flow.status(), r, ctx);
    StatusOr<Receipt> receipt =
        deps.surveys.SubmitResponse(ctx.actor, flow->survey.id, flow->draft, flow->token);
    if (receipt.status().code() == StatusCode::kInvalidArgument) {
      return CheckPage(deps, r, ctx, *flow, receipt.status());
    }
    if (!receipt.ok()) return FlowRefused(deps, receipt.status(), r, ctx);
    return http::Response::Redirect(Base(flow->survey) + "/thanks?ref=" + receipt->reference, 303);
  });
}

bool IsReference(const std::string& text) {
  return !text.empty() && text.size() <= 24 &&
         text.find_first_not_of("0123456789-") == std::string::npos;
}

// An organisation's open citizen surveys (/o/{slug}/surveys), linked from its
// public front page.
http::Response PublicList(const SurveyRouteDeps& deps, const http::Request& r,
                          web::RequestContext& ctx) {
  StatusOr<accounts::Organisation> org = deps.organisations.GetOrganisationBySlug(r.Param("slug"));
  if (!org.ok()) return web::ErrorPage(deps.renderer, org.status(), r, ctx);
  StatusOr<std::vector<Survey>> open = deps.surveys.OpenCitizenSurveys(org->id);
  if (!open.ok()) return web::ErrorPage(deps.renderer, open.status(), r, ctx);
  json items = json::array();
  for (const Survey& s : *open) {
    const std::string& intro = s.introduction.In(ctx.language);
    items.push_back({{"title", s.title.In(ctx.language)},
                     {"href", Base(s)},
                     {"introduction", intro.empty() ? json() : json(intro)}});
  }
  json data = {{"title", ctx.T("surveys.public.title", {{"organisation", org->name}})},
               {"organisation", org->name},
               {"org_href", "/o/" + org->slug + "/"},
               {"items", items},
               {"has_items", !items.empty()}};
  return web::HtmlPage(deps.renderer, "surveys/public_list", 200, data, r, ctx);
}

}  // namespace

void RegisterSurveyAnswerPages(web::Router& router, const SurveyRouteDeps& deps) {
  router.Get("/surveys/{id:int}", [deps](const http::Request& r, auto& ctx) {
    return StartPage(deps, r, ctx);
  });
  RegisterFlow(router, deps);
  router.Get("/o/{slug}/surveys", [deps](const http::Request& r, auto& ctx) {
    return PublicList(deps, r, ctx);
  });
  router.Get("/surveys/{id:int}/thanks", [deps](const http::Request& r, auto& ctx) {
    StatusOr<Survey> survey = deps.surveys.GetSurvey(ctx.actor, web::PathId(r));
    if (!survey.ok()) return web::ErrorPage(deps.renderer, survey.status(), r, ctx);
    std::string reference = r.Query("ref").value_or("");
    json data = SurveyHead(*survey, ctx);
    data["title"] = ctx.T("surveys.receipt.title");
    data["reference"] = IsReference(reference) ? json(reference) : json();
    return web::HtmlPage(deps.renderer, "surveys/receipt", 200, data, r, ctx);
  });
}

}  // namespace nyttig::surveys
