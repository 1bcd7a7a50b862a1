// The evaluation page (/pilots/{id}/evaluation): per metric the verdict in
// plain language, the numbers behind it and the metric per period as a table;
// and the decision page (/pilots/{id}/decision).
#include <algorithm>

#include <nlohmann/json.hpp>

#include "accounts/permissions.h"
#include "charts/chart.h"
#include "http/problem.h"
#include "pilots/page_support.h"
#include "pilots/permissions.h"
#include "pilots/routes.h"

namespace nyttig::pilots {
namespace {

using nlohmann::json;

std::string Interval(const web::RequestContext& ctx, const EffectEstimate& e) {
  if (!e.ci_low || !e.ci_high) return ctx.T("pilots.eval.not_computable");
  return FormatNumber(ctx, e.ci_low) + " – " + FormatNumber(ctx, e.ci_high);
}

std::string PValue(const web::RequestContext& ctx, const std::optional<double>& p) {
  if (!p) return ctx.T("pilots.eval.not_computable");
  if (*p < 0.001) return ctx.language == "sv" ? "< 0,001" : "< 0.001";
  return FormatNumber(ctx, p, 3);
}

std::string PeriodLabel(const web::RequestContext& ctx, const std::string& period) {
  return period == "before" || period == "after" ? ctx.T("pilots.phase." + period) : period;
}

// The metric over time: one line per group (UX.md: a pilot's metric over time).
json OverTimeChart(const web::RequestContext& ctx, const MetricEvaluation& m) {
  charts::LineChart chart{
      .caption = ctx.T("pilots.chart.over_time", {{"metric", m.metric.name}}),
      .value_label = m.metric.unit_of_measure.empty() ? m.metric.name : m.metric.unit_of_measure,
      .decimal_comma = ctx.language == "sv"};
  charts::Line pilot{.label = ctx.T("pilots.group.pilot")};
  charts::Line comparison{.label = ctx.T("pilots.group.comparison")};
  for (const PeriodPoint& p : m.periods) {
    chart.x_labels.push_back(PeriodLabel(ctx, p.period));
    pilot.values.push_back(p.pilot_mean);
    comparison.values.push_back(p.comparison_mean);
  }
  chart.lines.push_back(std::move(pilot));
  const bool has_comparison = std::any_of(m.periods.begin(), m.periods.end(),
                                          [](const PeriodPoint& p) { return p.comparison_units > 0; });
  if (has_comparison) chart.lines.push_back(std::move(comparison));
  return charts::ToJson(charts::Draw(chart, ctx.messages));
}

// The estimated effect with its interval against "no difference" (0).
json EffectChart(const web::RequestContext& ctx, const MetricEvaluation& m) {
  const EffectEstimate& e = m.result.estimate;
  charts::IntervalChart chart{
      .caption = ctx.T("pilots.chart.effect", {{"metric", m.metric.name}}),
      .value_label = m.metric.unit_of_measure.empty() ? m.metric.name : m.metric.unit_of_measure,
      .estimates = {{.label = m.metric.name, .value = e.effect, .low = e.ci_low, .high = e.ci_high}},
      .reference = 0,
      .decimal_comma = ctx.language == "sv"};
  return charts::ToJson(charts::Draw(chart, ctx.messages));
}

json MetricSection(const web::RequestContext& ctx, const MetricEvaluation& m, size_t idx) {
  const EffectEstimate& e = m.result.estimate;
  const std::string unit = m.metric.unit_of_measure;
  json facts = json::array();
  auto add = [&](const char* key, const std::string& value) {
    facts.push_back({{"key", ctx.T(key)}, {"value", value}});
  };
  add("pilots.eval.method", e.method.empty() ? ctx.T("pilots.eval.no_method")
                                             : ctx.T("pilots.method." + e.method));
  add("pilots.eval.effect", e.effect ? FormatNumber(ctx, e.effect) + " " + unit
                                     : ctx.T("pilots.eval.not_computable"));
  add("pilots.eval.interval", Interval(ctx, e));
  add("pilots.eval.p_value", PValue(ctx, e.p_value));
  add("pilots.eval.units", ctx.T("pilots.eval.units_value", {{"pilot", std::to_string(e.n_pilot)},
                                                             {"comparison", std::to_string(e.n_comparison)}}));
  if (m.result.units_needed_per_group) {
    add("pilots.eval.power", ctx.T("pilots.eval.power_value",
                                   {{"units", std::to_string(*m.result.units_needed_per_group)}}));
  }
  json periods = json::array();
  for (const PeriodPoint& p : m.periods) {
    periods.push_back({{"period", PeriodLabel(ctx, p.period)},
                       {"pilot", FormatNumber(ctx, p.pilot_mean)},
                       {"comparison", FormatNumber(ctx, p.comparison_mean)},
                       {"pilot_units", p.pilot_units},
                       {"comparison_units", p.comparison_units}});
  }
  const std::string reading(ReadingName(m.reading));
  return {{"anchor", "metric-" + std::to_string(idx + 1)},
          {"name", m.metric.name},
          {"verdict", ctx.language == "sv" ? m.result.verdict.sv : m.result.verdict.en},
          {"reading", reading},
          {"reading_label", ctx.T("pilots.reading." + reading)},
          {"facts", facts},
          {"notes", e.notes},
          {"has_notes", !e.notes.empty()},
          {"periods", periods},
          {"has_periods", !periods.empty()},
          {"time_chart", periods.empty() ? json() : OverTimeChart(ctx, m)},
          {"effect_chart", e.computable() ? EffectChart(ctx, m) : json()},
          {"table_caption", ctx.T("pilots.eval.table_caption", {{"metric", m.metric.name}, {"unit", unit}})}};
}

http::Response EvaluationPage(const PilotRouteDeps& deps, const http::Request& r,
                              web::RequestContext& ctx) {
  const PilotId id = web::PathId(r);
  StatusOr<Pilot> pilot = deps.pilots.GetPilot(ctx.actor, id);
  if (!pilot.ok()) return web::ErrorPage(deps.renderer, pilot.status(), r, ctx);
  StatusOr<PilotEvaluation> evaluation = deps.pilots.Evaluate(ctx.actor, id);
  if (!evaluation.ok()) return web::ErrorPage(deps.renderer, evaluation.status(), r, ctx);
  json sections = json::array();
  for (size_t idx = 0; idx < evaluation->metrics.size(); ++idx) {
    sections.push_back(MetricSection(ctx, evaluation->metrics[idx], idx));
  }
  json perception = json::array();
  for (const PerceptionResult& p : evaluation->perception) {
    const bool en = ctx.language == "en";
    perception.push_back({{"title", en && !p.title.en.empty() ? p.title.en : p.title.sv},
                          {"url", p.url},
                          {"audience", ctx.T("pilots.eval.perception_audience." + p.audience)},
                          {"summary", en ? p.summary.en : p.summary.sv}});
  }
  json data = PilotHeader(ctx, *pilot);
  data.update({{"title", ctx.T("pilots.eval.title", {{"title", pilot->title}})},
               {"design", ctx.T("pilots.design." + std::string(DesignName(pilot->design)))},
               {"metrics", sections},
               {"has_metrics", !sections.empty()},
               {"perception", perception},
               {"has_perception", !perception.empty()}});
  return web::HtmlPage(deps.renderer, "pilots/evaluation", 200, data, r, ctx);
}

json DecisionForm(const web::RequestContext& ctx, const web::FormFields& form, const json& errors) {
  json outcomes = json::array();
  const std::string chosen = form.count("outcome") ? form.at("outcome") : "";
  for (std::string_view outcome : {"scale_up", "adjust", "stop"}) {
    outcomes.push_back({{"value", outcome},
                        {"label", ctx.T("pilots.outcome." + std::string(outcome))},
                        {"hint", ctx.T("pilots.outcome_hint." + std::string(outcome))},
                        {"checked", chosen == outcome}});
  }
  return {{"outcomes", outcomes},
          {"fields", json::array({Field(ctx, {"reasoning", "pilots.decision.reasoning",
                                              FieldKind::kTextarea, "pilots.hint.reasoning"},
                                        form, errors),
                                  Field(ctx, {"lessons", "pilots.decision.lessons",
                                              FieldKind::kTextarea, "pilots.hint.lessons"},
                                        form, errors)})}};
}

http::Response DecisionPage(const PilotRouteDeps& deps, const http::Request& r,
                            web::RequestContext& ctx, const web::FormFields& form,
                            const Status& problems) {
  const PilotId id = web::PathId(r);
  StatusOr<Pilot> pilot = deps.pilots.GetPilotWithIdea(ctx.actor, id);
  if (!pilot.ok()) return web::ErrorPage(deps.renderer, pilot.status(), r, ctx);
  if (!CanDecidePilot(ctx.actor, *pilot)) {
    Status refused = pilot->state == PilotState::kDecided
                         ? FailedPreconditionError("pilots.decided")
                         : accounts::DenyAccess(ctx.actor, "pilots.decision.forbidden");
    return web::ErrorPage(deps.renderer, refused, r, ctx);
  }
  json errors = web::FormErrors(problems, ctx);
  json data = PilotHeader(ctx, *pilot);
  data.update(errors);
  data.update(DecisionForm(ctx, form, errors["errors"]));
  data["title"] = ctx.T("pilots.decision.title", {{"title", pilot->title}});
  if (pilot->idea_title) {
    data["idea_note"] = ctx.T("pilots.decision.scale_up_moves_idea", {{"idea", *pilot->idea_title}});
  }
  data["outcome_error"] = errors["errors"].value("outcome", "");
  if (data["outcome_error"] == "") data["outcome_error"] = nullptr;
  return web::HtmlPage(deps.renderer, "pilots/decision",
                       problems.ok() ? 200 : http::HttpStatusFor(problems.code()), data, r, ctx);
}

}  // namespace

void RegisterEvaluationPages(web::Router& router, const PilotRouteDeps& deps) {
  router.Get("/pilots/{id:int}/evaluation", [deps](const http::Request& r, web::RequestContext& ctx) {
    return EvaluationPage(deps, r, ctx);
  });
  router.Get("/pilots/{id:int}/decision", [deps](const http::Request& r, web::RequestContext& ctx) {
    return DecisionPage(deps, r, ctx, {}, Status::Ok());
  });
  router.Post("/pilots/{id:int}/decision", [deps](const http::Request& r, web::RequestContext& ctx) {
    const PilotId id = web::PathId(r);
    web::FormFields form = web::ParseForm(r);
    StatusOr<Pilot> decided =
        deps.pilots.Decide(ctx.actor, id, {form["outcome"], form["reasoning"], form["lessons"]});
    if (decided.ok()) return http::Response::Redirect("/pilots/" + std::to_string(id) + "?done=decided");
    // A refused scale-up of the linked idea is shown on the form, with what
    // was typed kept, so the decision-maker can act on it and decide again
    // (an already decided pilot: DecisionPage answers its own 409).
    const StatusCode code = decided.status().code();
    if (code != StatusCode::kInvalidArgument && code != StatusCode::kFailedPrecondition) {
      return web::ErrorPage(deps.renderer, decided.status(), r, ctx);
    }
    return DecisionPage(deps, r, ctx, form, decided.status());
  });
}

}  // namespace nyttig::pilots
