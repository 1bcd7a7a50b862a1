// The results page of a dialogue: opinion groups with their sizes and
// representative statements, consensus statements, the opinion map as a
// table (per group, and the reader's own position only), participation over
// time, and every statement's counts. Nobody's group is shown but the
// reader's own (privacy: opinions are special-category data).
#include <map>
#include <nlohmann/json.hpp>

#include "charts/chart.h"
#include "core/time_format.h"
#include "dialogue/dialogue_pages.h"
#include "dialogue/permissions.h"
#include "dialogue/result_document.h"
#include "web/page.h"

namespace nyttig::dialogue {
namespace {

using nlohmann::json;

constexpr size_t kMaxMapPoints = 1000;  // points drawn on the opinion map

std::string GroupLetter(int group_id) {
  return std::string(1, static_cast<char>('A' + group_id % 26));
}

std::string Percent(double share) {
  return std::to_string(static_cast<int>(share * 100 + 0.5)) + " %";
}

std::string Coordinate(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

struct Lookup {
  std::map<std::int64_t, StatementCounts> by_id;
  std::string Body(std::int64_t id) const {
    auto it = by_id.find(id);
    return it == by_id.end() ? "" : it->second.statement.body;
  }
};

json RepresentativeRows(const json& list, const Lookup& statements,
                        const web::RequestContext& ctx) {
  json rows = json::array();
  for (const json& rep : list) {
    const bool agree = rep.value("direction", "agree") == "agree";
    rows.push_back({{"body", statements.Body(rep.value("comment_id", std::int64_t{0}))},
                    {"direction", ctx.T(agree ? "dialogue.results.agree" : "dialogue.results.disagree")},
                    {"share", Percent(rep.value("p_success", 0.0))}});
  }
  return rows;
}

// Per group: size, its representative statements and the centre of its
// points on the opinion map.
json GroupRows(const json& doc, const std::vector<MapPoint>& points, const Lookup& statements,
               const web::RequestContext& ctx) {
  std::map<int, std::pair<double, double>> sums;
  std::map<int, int> counts;
  for (const MapPoint& p : points) {
    if (p.group < 0) continue;
    sums[p.group].first += p.x;
    sums[p.group].second += p.y;
    ++counts[p.group];
  }
  json groups = json::array();
  for (const json& g : doc["groups"]) {
    const int id = g.value("id", 0);
    const int n = std::max(counts[id], 1);
    groups.push_back({{"label", ctx.T("dialogue.results.group", {{"letter", GroupLetter(id)}})},
                      {"size", std::to_string(g.value("size", 0))},
                      {"x", Coordinate(sums[id].first / n)},
                      {"y", Coordinate(sums[id].second / n)},
                      {"representative", RepresentativeRows(g["representative"], statements, ctx)},
                      {"has_representative", !g["representative"].empty()}});
  }
  return groups;
}

json ConsensusRows(const json& list, const Lookup& statements) {
  json rows = json::array();
  for (const json& c : list) {
    rows.push_back({{"body", statements.Body(c.value("comment_id", std::int64_t{0}))},
                    {"share", Percent(c.value("p_success", 0.0))}});
  }
  return rows;
}

json StatementRows(const std::vector<StatementCounts>& counts) {
  json rows = json::array();
  for (const StatementCounts& c : counts) {
    if (c.statement.state != StatementState::kAccepted) continue;
    rows.push_back({{"body", c.statement.body},
                    {"agree", std::to_string(c.agree)},
                    {"disagree", std::to_string(c.disagree)},
                    {"pass", std::to_string(c.pass)}});
  }
  return rows;
}

json OwnPosition(const std::vector<MapPoint>& points,
                 std::optional<ParticipantId> own, const web::RequestContext& ctx) {
  if (!own) return json();
  for (const MapPoint& p : points) {
    if (p.participant != *own) continue;
    json you = {{"x", Coordinate(p.x)}, {"y", Coordinate(p.y)}};
    if (p.group >= 0) {
      you["group"] = ctx.T("dialogue.results.group", {{"letter", GroupLetter(p.group)}});
    }
    return you;
  }
  return json();
}

// The opinion map: every participant's point (no names, no ids), coloured
// and shaped by group, the reader's own point marked. Large dialogues are
// thinned to every n-th point so that the page stays light.
json MapFigure(const std::vector<MapPoint>& points, const json& doc,
               std::optional<ParticipantId> own, const web::RequestContext& ctx) {
  charts::ScatterChart chart{.caption = ctx.T("dialogue.results.map_chart_caption"),
                             .x_label = ctx.T("dialogue.results.axis_x"),
                             .y_label = ctx.T("dialogue.results.axis_y"),
                             .highlight_label = ctx.T("dialogue.results.you_row"),
                             .decimal_comma = ctx.language == "sv"};
  for (const json& g : doc["groups"]) {
    chart.group_labels.push_back(
        ctx.T("dialogue.results.group", {{"letter", GroupLetter(g.value("id", 0))}}));
  }
  const int outside = static_cast<int>(chart.group_labels.size());
  chart.group_labels.push_back(ctx.T("dialogue.results.no_group"));
  const size_t step = points.size() / kMaxMapPoints + 1;
  for (size_t i = 0; i < points.size(); ++i) {
    const MapPoint& p = points[i];
    const bool mine = own && p.participant == *own;
    if (i % step != 0 && !mine) continue;
    chart.points.push_back({.x = p.x, .y = p.y, .group = p.group < 0 ? outside : p.group,
                            .highlight = mine});
  }
  return charts::ToJson(charts::Draw(chart, ctx.messages));
}

json ActivityFigure(const std::vector<DayActivity>& activity, const web::RequestContext& ctx) {
  charts::LineChart chart{.caption = ctx.T("dialogue.results.activity_caption"),
                          .value_label = ctx.T("dialogue.results.count_label"),
                          .decimal_comma = ctx.language == "sv"};
  charts::Line votes{.label = ctx.T("dialogue.results.votes_col")};
  charts::Line newcomers{.label = ctx.T("dialogue.results.new_col")};
  for (const DayActivity& a : activity) {
    chart.x_labels.push_back(FormatIsoDate(a.day));
    votes.values.push_back(static_cast<double>(a.votes));
    newcomers.values.push_back(static_cast<double>(a.participants));
  }
  chart.lines = {votes, newcomers};
  return charts::ToJson(charts::Draw(chart, ctx.messages));
}

json ResultData(const ResultView& view, const web::RequestContext& ctx) {
  Lookup statements;
  for (const StatementCounts& c : view.counts) statements.by_id[c.statement.id] = c;
  json doc = view.result ? json::parse(view.result->result_json, nullptr, false) : json();
  json data = {{"participants", std::to_string(view.participants_now)},
               {"votes", std::to_string(view.vote_count_now)},
               {"statements", StatementRows(view.counts)},
               {"has_activity", !view.activity.empty()}};
  if (!view.activity.empty()) data["activity_chart"] = ActivityFigure(view.activity, ctx);
  if (doc.is_discarded() || doc.is_null()) return data;
  const std::vector<MapPoint> points = StoredProjection(doc);
  data["result"] = {
      {"computed_at", FormatRfc3339(view.result->computed_at)},
      {"vote_count", std::to_string(view.result->vote_count)},
      {"in_conversation", std::to_string(doc.value("in_conversation", 0))},
      {"k", std::to_string(doc.value("k", 0))},
      {"groups", GroupRows(doc, points, statements, ctx)},
      {"consensus_agree", ConsensusRows(doc["consensus"]["agree"], statements)},
      {"consensus_disagree", ConsensusRows(doc["consensus"]["disagree"], statements)},
      {"you", OwnPosition(points, view.own_participant, ctx)},
      {"map_chart", MapFigure(points, doc, view.own_participant, ctx)}};
  data["result"]["has_consensus"] = !data["result"]["consensus_agree"].empty() ||
                                    !data["result"]["consensus_disagree"].empty();
  data["result"]["has_groups"] = !data["result"]["groups"].empty();
  return data;
}

http::Response ResultsPage(const DialogueRouteDeps& deps, const http::Request& r,
                           web::RequestContext& ctx) {
  auto d = deps.dialogues.GetDialogue(ctx.actor, web::PathId(r));
  if (!d.ok()) return web::ErrorPage(deps.renderer, d.status(), r, ctx);
  auto view = deps.dialogues.Results(ctx.actor, IdentityOf(r, ctx, false), d->id);
  if (!view.ok()) return web::ErrorPage(deps.renderer, view.status(), r, ctx);
  json data = DialogueSummary(deps, *d, ctx);
  data.update(ResultData(*view, ctx));
  data["title"] = ctx.T("dialogue.results.title", {{"question", d->question}});
  return web::HtmlPage(deps.renderer, "dialogue/results", 200, data, r, ctx);
}

}  // namespace

void RegisterResultsPage(web::Router& router, const DialogueRouteDeps& deps) {
  router.Get("/dialogues/{id:int}/results", [deps](const http::Request& r,
                                                   web::RequestContext& ctx) {
    return ResultsPage(deps, r, ctx);
  });
}

}  // namespace nyttig::dialogue
