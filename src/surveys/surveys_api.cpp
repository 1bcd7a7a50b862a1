// The surveys JSON API (/api/v1/…), documented in docs/api/paths/surveys.json.
#include <sstream>

#include "http/json_body.h"
#include "http/paging.h"
#include "surveys/answers.h"
#include "surveys/routes.h"
#include "surveys/survey_json.h"
#include "web/page.h"

namespace nyttig::surveys {
namespace {

using nlohmann::json;

StatusOr<SurveyFilter> ParseFilter(const http::Request& r) {
  ASSIGN_OR_RETURN(http::PageRequest page, http::ParsePageRequest(r));
  SurveyFilter filter{.page = page.page, .limit = page.limit};
  Status bad = InvalidArgumentError("validation.failed");
  if (std::optional<std::string> state = r.Query("state")) {
    filter.state = ParseSurveyState(*state);
    if (!filter.state) bad.AddInvalid("state", "surveys.state.invalid", *state);
  }
  if (std::optional<std::string> audience = r.Query("audience")) {
    filter.audience = ParseAudience(*audience);
    if (!filter.audience) bad.AddInvalid("audience", "surveys.audience.invalid", *audience);
  }
  if (!bad.invalid_parameters().empty()) return bad;
  return filter;
}

void RegisterBuilderApi(web::Router& router, const SurveyRouteDeps& deps) {
  SurveyService& surveys = deps.surveys;
  router.Get("/api/v1/organisations/{id:int}/surveys", [&](const http::Request& r, auto& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(SurveyFilter filter, ParseFilter(r));
      ASSIGN_OR_RETURN(Paged<Survey> found, surveys.ListSurveys(ctx.actor, web::PathId(r), filter));
      json items = json::array();
      for (const Survey& s : found.items) items.push_back(SurveyJson(s));
      return web::Json(200, http::PagedJson(items, {filter.page, filter.limit}, found.total));
    });
  });
  router.Post("/api/v1/organisations/{id:int}/surveys", [&](const http::Request& r, auto& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      ASSIGN_OR_RETURN(SurveyInput input, SurveyInputFromJson(body, true));
      ASSIGN_OR_RETURN(Survey survey, surveys.CreateSurvey(ctx.actor, web::PathId(r), input));
      return web::Json(201, SurveyJson(survey));
    });
  });
  router.Get("/api/v1/surveys/{id:int}", [&](const http::Request& r, auto& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(Survey survey, surveys.GetSurvey(ctx.actor, web::PathId(r)));
      return web::Json(200, SurveyJson(survey));
    });
  });
  router.Put("/api/v1/surveys/{id:int}", [&](const http::Request& r, auto& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      ASSIGN_OR_RETURN(SurveyInput input, SurveyInputFromJson(body, false));
      ASSIGN_OR_RETURN(Survey survey, surveys.UpdateSurvey(ctx.actor, web::PathId(r), input));
      return web::Json(200, SurveyJson(survey));
    });
  });
}

void RegisterQuestionApi(web::Router& router, const SurveyRouteDeps& deps) {
  SurveyService& surveys = deps.surveys;
  router.Post("/api/v1/surveys/{id:int}/questions", [&](const http::Request& r, auto& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      ASSIGN_OR_RETURN(QuestionInput input, QuestionInputFromJson(body));
      ASSIGN_OR_RETURN(Question q, surveys.AddQuestion(ctx.actor, web::PathId(r), input));
      return web::Json(201, QuestionJson(q));
    });
  });
  router.Put("/api/v1/surveys/{id:int}/questions/{question_id:int}",
             [&](const http::Request& r, auto& ctx) {
               return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
                 ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
                 ASSIGN_OR_RETURN(QuestionInput input, QuestionInputFromJson(body));
                 ASSIGN_OR_RETURN(Question q, surveys.UpdateQuestion(ctx.actor, web::PathId(r),
                                                                     web::PathId(r, "question_id"), input));
                 return web::Json(200, QuestionJson(q));
               });
             });
  router.Delete("/api/v1/surveys/{id:int}/questions/{question_id:int}",
                [&](const http::Request& r, auto& ctx) {
                  return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
                    RETURN_IF_ERROR(surveys.RemoveQuestion(ctx.actor, web::PathId(r),
                                                           web::PathId(r, "question_id")));
                    return http::Response::Text(204, "");
                  });
                });
}

void RegisterStateApi(web::Router& router, const SurveyRouteDeps& deps) {
  SurveyService& surveys = deps.surveys;
  router.Post("/api/v1/surveys/{id:int}/publish", [&](const http::Request& r, auto& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(Survey survey, surveys.Publish(ctx.actor, web::PathId(r)));
      return web::Json(200, SurveyJson(survey));
    });
  });
  router.Post("/api/v1/surveys/{id:int}/close", [&](const http::Request& r, auto& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(Survey survey, surveys.Close(ctx.actor, web::PathId(r)));
      return web::Json(200, SurveyJson(survey));
    });
  });
}

void RegisterResponseApi(web::Router& router, const SurveyRouteDeps& deps) {
  SurveyService& surveys = deps.surveys;
  // API clients have no per-browser guard: link surveys count each call
  // (docs/surveys.md says so); logged-in surveys still take one per person.
  router.Post("/api/v1/surveys/{id:int}/responses", [&](const http::Request& r, auto& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      ASSIGN_OR_RETURN(AnswerSet answers, AnswerSetFromJson(body));
      ASSIGN_OR_RETURN(Receipt receipt, surveys.SubmitResponse(ctx.actor, web::PathId(r), answers, ""));
      return web::Json(201, ReceiptJson(receipt));
    });
  });
  router.Get("/api/v1/surveys/{id:int}/results", [&](const http::Request& r, auto& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(SurveyResults results, surveys.Results(ctx.actor, web::PathId(r)));
      return web::Json(200, ResultsJson(results));
    });
  });
  router.Get("/api/v1/surveys/{id:int}/responses/export", [&](const http::Request& r, auto& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      std::string language = r.Query("lang").value_or(ctx.language) == "en" ? "en" : "sv";
      std::ostringstream csv;
      RETURN_IF_ERROR(surveys.ExportCsv(ctx.actor, web::PathId(r), language, csv));
      http::Response response = http::Response::Text(200, csv.str(), "text/csv; charset=utf-8");
      response.headers.Set("Content-Disposition", "attachment; filename=\"enkat-" +
                                                        r.Param("id") + "-svar.csv\"");
      return response;
    });
  });
}

}  // namespace

void RegisterSurveysApi(web::Router& router, const SurveyRouteDeps& deps) {
  RegisterBuilderApi(router, deps);
  RegisterQuestionApi(router, deps);
  RegisterStateApi(router, deps);
  RegisterResponseApi(router, deps);
}

void RegisterSurveyRoutes(web::Router& router, const SurveyRouteDeps& deps) {
  RegisterSurveysApi(router, deps);
  RegisterSurveyBuilderPages(router, deps);
  RegisterSurveyAnswerPages(router, deps);
  RegisterSurveyResultsPages(router, deps);
}

}  // namespace nyttig::surveys
