// The results page (counts, shares, means with intervals, free texts; a bar
// chart with the same numbers as a table) and the CSV download.
#include <cmath>
#include <sstream>

#include "charts/chart.h"
#include "surveys/answer_form.h"
#include "surveys/routes.h"
#include "web/page.h"

namespace nyttig::surveys {
namespace {

using nlohmann::json;

std::string Percent(const std::optional<double>& share, const std::string& language) {
  if (!share) return "–";
  return LocalNumber(std::round(*share * 1000) / 10, language) + " %";
}

std::string Rounded(double value, const std::string& language) {
  return LocalNumber(std::round(value * 100) / 100, language);
}

// "Medelvärde 3,75 (95 % konfidensintervall 1,75–5,75), 4 svar", or why the
// interval is missing.
std::string MeanText(const MeanEstimate& m, const web::RequestContext& ctx) {
  if (!m.mean) return ctx.T("surveys.results.no_answers");
  i18n::Args args = {{"mean", Rounded(*m.mean, ctx.language)}, {"n", std::to_string(m.n)}};
  if (m.ci_low && m.ci_high) {
    args.push_back({"low", Rounded(*m.ci_low, ctx.language)});
    args.push_back({"high", Rounded(*m.ci_high, ctx.language)});
    return ctx.T("surveys.results.mean_ci", args);
  }
  return ctx.T("surveys.results.mean_" + m.note, args);
}

json ChartFor(const QuestionResult& q, const web::RequestContext& ctx) {
  charts::BarChart chart{.caption = ctx.T("surveys.results.chart_caption",
                                          {{"question", q.question.text.In(ctx.language)}}),
                         .value_label = ctx.T("surveys.results.share_axis")};
  charts::Series series{.label = ctx.T("surveys.results.share")};
  for (const OptionCount& c : q.counts) {
    chart.categories.push_back(c.label.In(ctx.language));
    series.values.push_back(c.share ? std::round(*c.share * 1000) / 10 : 0);
  }
  chart.series.push_back(series);
  return charts::ToJson(charts::Draw(chart, ctx.messages));  // headers in the reader's language
}

json QuestionResultView(const QuestionResult& q, size_t index, const web::RequestContext& ctx) {
  json counts = json::array();
  for (const OptionCount& c : q.counts) {
    counts.push_back({{"label", c.label.In(ctx.language)},
                      {"count", std::to_string(c.count)},
                      {"share", Percent(c.share, ctx.language)}});
  }
  return {{"number", std::to_string(index + 1)},
          {"text", q.question.text.In(ctx.language)},
          {"kind", ctx.T("surveys.kind." + std::string(QuestionKindName(q.question.kind)))},
          {"answered", std::to_string(q.answered)},
          {"has_counts", !counts.empty()},
          {"counts", counts},
          {"chart", !counts.empty() && q.answered > 0 ? ChartFor(q, ctx) : json()},
          {"mean", q.mean ? json(MeanText(*q.mean, ctx)) : json()},
          {"has_texts", !q.texts.empty()},
          {"texts", q.texts},
          {"no_texts", q.question.kind == QuestionKind::kFreeText && q.texts.empty()}};
}

http::Response ResultsPage(const SurveyRouteDeps& deps, const http::Request& r,
                           web::RequestContext& ctx) {
  StatusOr<SurveyResults> results = deps.surveys.Results(ctx.actor, web::PathId(r));
  if (!results.ok()) return web::ErrorPage(deps.renderer, results.status(), r, ctx);
  json questions = json::array();
  for (size_t idx = 0; idx < results->questions.size(); ++idx) {
    questions.push_back(QuestionResultView(results->questions[idx], idx, ctx));
  }
  std::string base = "/surveys/" + std::to_string(results->survey.id);
  json data = {{"title", ctx.T("surveys.results.title")},
               {"survey_title", results->survey.title.In(ctx.language)},
               {"survey_href", base + "/edit"},
               {"state", ctx.T("surveys.state." + std::string(SurveyStateName(results->survey.state)))},
               {"responses", std::to_string(results->responses)},
               {"has_responses", results->responses > 0},
               {"questions", questions},
               {"csv_href", base + "/results.csv"}};
  return web::HtmlPage(deps.renderer, "surveys/results", 200, data, r, ctx);
}

}  // namespace

void RegisterSurveyResultsPages(web::Router& router, const SurveyRouteDeps& deps) {
  router.Get("/surveys/{id:int}/results", [deps](const http::Request& r, auto& ctx) {
    return ResultsPage(deps, r, ctx);
  });
  router.Get("/surveys/{id:int}/results.csv", [deps](const http::Request& r, auto& ctx) {
    std::ostringstream csv;
    Status s = deps.surveys.ExportCsv(ctx.actor, web::PathId(r), ctx.language, csv);
    if (!s.ok()) return web::ErrorPage(deps.renderer, s, r, ctx);
    http::Response response = http::Response::Text(200, csv.str(), "text/csv; charset=utf-8");
    response.headers.Set("Content-Disposition",
                         "attachment; filename=\"enkat-" + r.Param("id") + "-svar.csv\"");
    return response;
  });
}

}  // namespace nyttig::surveys
