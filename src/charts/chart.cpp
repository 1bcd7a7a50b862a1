#include "charts/chart.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include <fmt/format.h>

#include "charts/svg.h"

namespace nyttig::charts {
namespace {

using internal::kHeight;
using internal::kMarginBottom;
using internal::kMarginLeft;
using internal::kMarginRight;
using internal::kMarginTop;
using internal::kWidth;
using internal::Scale;
using internal::SvgBuilder;

constexpr const char* kDash = "–";

// Texts and number format for one drawing.
struct Style {
  const i18n::Catalog& messages;
  bool decimal_comma;
  std::string T(std::string_view key) const { return messages.Get(key); }
  std::string N(double value, int decimals = 2) const {
    return FormatNumber(value, decimal_comma, decimals);
  }
  std::string N(const std::optional<double>& value) const {
    return value ? N(*value) : std::string(kDash);
  }
};

Style MakeStyle(const i18n::Catalog* messages, bool decimal_comma) {
  if (messages) return {*messages, messages->language() == "sv"};
  return {i18n::Catalogs::Builtin().For("sv"), decimal_comma};
}

// Deterministic and distinct for different charts: ids must be unique in a
// page and stable between renders (tests compare pages).
std::string ChartId(const Figure& figure) {
  std::string key = figure.caption;
  for (const auto& row : figure.table.rows) {
    for (const auto& cell : row) key += "\x1f" + cell;
  }
  return fmt::format("chart-{:x}", std::hash<std::string>{}(key) & 0xffffffffffULL);
}

bool Finite(double value) { return std::isfinite(value); }

// [low, high] over every finite value, always including `include` (0 for bars).
std::pair<double, double> Extent(const std::vector<double>& values, std::optional<double> include) {
  double low = include.value_or(INFINITY), high = include.value_or(-INFINITY);
  for (double v : values) {
    if (!Finite(v)) continue;
    low = std::min(low, v);
    high = std::max(high, v);
  }
  if (!Finite(low)) return {0, 1};
  return {low, high};
}

Scale YScale(const std::vector<double>& ticks) {
  return {ticks.front(), ticks.back(), kHeight - kMarginBottom, kMarginTop};
}

void DrawYAxis(SvgBuilder& svg, const std::vector<double>& ticks, const std::string& title,
               const Style& style) {
  std::vector<std::string> labels;
  for (double tick : ticks) labels.push_back(style.N(tick));
  svg.YAxis(YScale(ticks), ticks, labels, title);
}

// A legend row above the plot: marker + label per series.
void DrawLegend(SvgBuilder& svg, const std::vector<std::string>& labels, bool markers) {
  if (labels.size() < 2) return;
  double x = kMarginLeft + 120;
  for (size_t idx = 0; idx < labels.size(); ++idx) {
    if (markers) svg.Marker(static_cast<int>(idx), x, 12, 9, internal::Colour(idx));
    else svg.Rect(x - 5, 7, 10, 10, internal::Colour(idx));
    std::string label = internal::Shorten(labels[idx], 18);
    svg.Text(x + 9, 16, label, "start");
    x += 24 + 7.0 * static_cast<double>(label.size());
  }
}

Figure Finish(SvgBuilder& svg, Figure figure) {
  figure.svg = svg.Finish();
  return figure;
}

std::string NewId(const std::string& caption, const Table& table) {
  Figure probe{.caption = caption, .table = table};
  return ChartId(probe);
}

}  // namespace

std::string FormatNumber(double value, bool decimal_comma, int decimals) {
  if (!Finite(value)) return kDash;
  std::string text = fmt::format("{:.{}f}", std::abs(value), std::max(decimals, 0));
  if (size_t dot = text.find('.'); dot != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  size_t dot = text.find('.');
  std::string whole = text.substr(0, dot), fraction = dot == std::string::npos ? "" : text.substr(dot + 1);
  std::string out;
  // 1234 stays together, 12 345 is grouped (Swedish style). Built by
  // appending: GCC 12 at -O3 warns falsely (-Wrestrict) on string::insert.
  for (size_t idx = 0; idx < whole.size(); ++idx) {
    if (whole.size() > 4 && idx > 0 && (whole.size() - idx) % 3 == 0) out += ' ';
    out += whole[idx];
  }
  if (!fraction.empty()) out += (decimal_comma ? "," : ".") + fraction;
  bool zero = out.find_first_not_of("0,. ") == std::string::npos;
  return (value < 0 && !zero ? "\u2212" : "") + out;
}

Figure Draw(const BarChart& chart, const i18n::Catalog* messages) {
  Style style = MakeStyle(messages, chart.decimal_comma);
  Figure figure{.caption = chart.caption};
  figure.table.headers.push_back(style.T("charts.category"));
  std::vector<double> all;
  std::vector<std::string> series_labels;
  for (const Series& series : chart.series) {
    figure.table.headers.push_back(series.label);
    series_labels.push_back(series.label);
    all.insert(all.end(), series.values.begin(), series.values.end());
  }
  for (size_t cat = 0; cat < chart.categories.size(); ++cat) {
    std::vector<std::string> row{chart.categories[cat]};
    for (const Series& series : chart.series) {
      row.push_back(cat < series.values.size() ? style.N(series.values[cat]) : kDash);
    }
    figure.table.rows.push_back(std::move(row));
  }
  auto [low, high] = Extent(all, 0.0);
  std::vector<double> ticks = internal::NiceTicks(low, high);
  SvgBuilder svg(NewId(figure.caption, figure.table), chart.caption);
  DrawYAxis(svg, ticks, chart.value_label, style);
  DrawLegend(svg, series_labels, false);
  Scale y = YScale(ticks);
  const double plot_width = kWidth - kMarginLeft - kMarginRight;
  const double slot = plot_width / std::max<size_t>(chart.categories.size(), 1);
  const double bar = slot * 0.8 / std::max<size_t>(chart.series.size(), 1);
  for (size_t cat = 0; cat < chart.categories.size(); ++cat) {
    double left = kMarginLeft + slot * static_cast<double>(cat) + slot * 0.1;
    for (size_t s = 0; s < chart.series.size(); ++s) {
      if (cat >= chart.series[s].values.size() || !Finite(chart.series[s].values[cat])) continue;
      double value = chart.series[s].values[cat];
      double top = y(std::max(value, 0.0)), bottom = y(std::min(value, 0.0));
      svg.Rect(left + bar * static_cast<double>(s), top, bar - 1, bottom - top,
               internal::Colour(static_cast<int>(s)),
               s % 2 ? " stroke=\"#1b1f24\" stroke-width=\"1\"" : "");
    }
    svg.Text(left + slot * 0.4, kHeight - kMarginBottom + 18,
             internal::Shorten(chart.categories[cat], static_cast<size_t>(slot / 7)));
  }
  svg.Line(kMarginLeft, y(0), kWidth - kMarginRight, y(0), "#1b1f24");
  return Finish(svg, std::move(figure));
}

namespace {

Table LineTable(const LineChart& chart, const Style& style) {
  Table table;
  table.headers.push_back(style.T("charts.period"));
  for (const Line& line : chart.lines) {
    table.headers.push_back(line.label);
    if (!line.low.empty()) {
      table.headers.push_back(line.label + " – " + style.T("charts.low"));
      table.headers.push_back(line.label + " – " + style.T("charts.high"));
    }
  }
  auto at = [](const std::vector<std::optional<double>>& values, size_t idx) {
    return idx < values.size() ? values[idx] : std::nullopt;
  };
  for (size_t x = 0; x < chart.x_labels.size(); ++x) {
    std::vector<std::string> row{chart.x_labels[x]};
    for (const Line& line : chart.lines) {
      row.push_back(style.N(at(line.values, x)));
      if (!line.low.empty()) {
        row.push_back(style.N(at(line.low, x)));
        row.push_back(style.N(at(line.high, x)));
      }
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

// Runs of consecutive values as path data, so a missing period breaks the line.
std::string PathOf(const std::vector<std::optional<double>>& values,
                   const std::function<double(size_t)>& x, const Scale& y) {
  std::string d;
  bool pen_down = false;
  for (size_t idx = 0; idx < values.size(); ++idx) {
    if (!values[idx] || !Finite(*values[idx])) {
      pen_down = false;
      continue;
    }
    d += fmt::format("{}{} {}", pen_down ? "L" : "M", internal::Num(x(idx)),
                     internal::Num(y(*values[idx])));
    pen_down = true;
  }
  return d;
}

// One closed polygon per run of periods that have both limits, so that a
// missing period breaks the band as it breaks the line.
std::string BandOf(const Line& line, const std::function<double(size_t)>& x, const Scale& y) {
  std::string bands, upper, lower;
  auto close_run = [&] {
    if (!upper.empty()) bands += upper + lower + "Z";
    upper.clear();
    lower.clear();
  };
  for (size_t idx = 0; idx < line.low.size() && idx < line.high.size(); ++idx) {
    if (!line.low[idx] || !line.high[idx]) {
      close_run();
      continue;
    }
    upper += fmt::format("{}{} {}", upper.empty() ? "M" : "L", internal::Num(x(idx)),
                         internal::Num(y(*line.high[idx])));
    lower = fmt::format("L{} {}", internal::Num(x(idx)), internal::Num(y(*line.low[idx]))) + lower;
  }
  close_run();
  return bands;
}

}  // namespace

Figure Draw(const LineChart& chart, const i18n::Catalog* messages) {
  Style style = MakeStyle(messages, chart.decimal_comma);
  Figure figure{.caption = chart.caption, .table = LineTable(chart, style)};
  std::vector<double> all;
  std::vector<std::string> labels;
  for (const Line& line : chart.lines) {
    labels.push_back(line.label);
    for (const auto* values : {&line.values, &line.low, &line.high}) {
      for (const auto& v : *values) if (v) all.push_back(*v);
    }
  }
  auto [low, high] = Extent(all, std::nullopt);
  std::vector<double> ticks = internal::NiceTicks(low, high);
  SvgBuilder svg(NewId(figure.caption, figure.table), chart.caption);
  DrawYAxis(svg, ticks, chart.value_label, style);
  DrawLegend(svg, labels, true);
  Scale y = YScale(ticks);
  const double step = (kWidth - kMarginLeft - kMarginRight - 20) /
                      std::max<double>(static_cast<double>(chart.x_labels.size()) - 1, 1);
  auto x = [&](size_t idx) { return kMarginLeft + 10 + step * static_cast<double>(idx); };
  const size_t label_every = std::max<size_t>(1, chart.x_labels.size() / 8);
  for (size_t idx = 0; idx < chart.x_labels.size(); idx += label_every) {
    svg.Text(x(idx), kHeight - kMarginBottom + 18, internal::Shorten(chart.x_labels[idx], 12));
  }
  static constexpr const char* kDashes[] = {"", "6 3", "2 3", "8 3 2 3"};
  for (size_t l = 0; l < chart.lines.size(); ++l) {
    const Line& line = chart.lines[l];
    const char* colour = internal::Colour(static_cast<int>(l));
    if (std::string band = BandOf(line, x, y); !band.empty()) {
      svg.Raw(fmt::format("<path d=\"{}\" fill=\"{}\" fill-opacity=\"0.18\"/>", band, colour));
    }
    svg.Raw(fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"{}/>",
                        PathOf(line.values, x, y), colour,
                        l % 4 ? fmt::format(" stroke-dasharray=\"{}\"", kDashes[l % 4]) : ""));
    for (size_t idx = 0; idx < line.values.size(); ++idx) {
      if (line.values[idx]) svg.Marker(static_cast<int>(l), x(idx), y(*line.values[idx]), 7, colour);
    }
  }
  return Finish(svg, std::move(figure));
}

Figure Draw(const ScatterChart& chart, const i18n::Catalog* messages) {
  Style style = MakeStyle(messages, chart.decimal_comma);
  Figure figure{.caption = chart.caption};
  figure.table.headers = {style.T("charts.point"), style.T("charts.group"), chart.x_label,
                          chart.y_label};
  std::vector<double> xs, ys;
  for (size_t idx = 0; idx < chart.points.size(); ++idx) {
    const Point& p = chart.points[idx];
    std::string name = p.highlight && !chart.highlight_label.empty() ? chart.highlight_label
                       : p.label.empty() ? std::to_string(idx + 1) : p.label;
    std::string group = p.group >= 0 && static_cast<size_t>(p.group) < chart.group_labels.size()
                            ? chart.group_labels[p.group] : kDash;
    figure.table.rows.push_back({name, group, style.N(p.x), style.N(p.y)});
    xs.push_back(p.x);
    ys.push_back(p.y);
  }
  auto [x_low, x_high] = Extent(xs, std::nullopt);
  std::vector<double> y_ticks = internal::NiceTicks(Extent(ys, std::nullopt).first,
                                                    Extent(ys, std::nullopt).second);
  std::vector<double> x_ticks = internal::NiceTicks(x_low, x_high);
  SvgBuilder svg(NewId(figure.caption, figure.table), chart.caption);
  DrawYAxis(svg, y_ticks, chart.y_label, style);
  DrawLegend(svg, chart.group_labels, true);
  Scale y = YScale(y_ticks);
  Scale x{x_ticks.front(), x_ticks.back(), kMarginLeft + 10, kWidth - kMarginRight - 10};
  svg.Text((kMarginLeft + kWidth) / 2, kHeight - 8, chart.x_label);
  for (const Point& p : chart.points) {
    if (!Finite(p.x) || !Finite(p.y) || p.highlight) continue;
    svg.Marker(std::max(p.group, 0), x(p.x), y(p.y), 7, internal::Colour(std::max(p.group, 0)),
               " fill-opacity=\"0.75\"");
  }
  for (const Point& p : chart.points) {  // on top, so it is never hidden
    if (!p.highlight || !Finite(p.x) || !Finite(p.y)) continue;
    svg.Marker(std::max(p.group, 0), x(p.x), y(p.y), 14, internal::Colour(std::max(p.group, 0)),
               " stroke=\"#1b1f24\" stroke-width=\"2\"");
    svg.Text(x(p.x) + 10, y(p.y) - 10, chart.highlight_label, "start", " font-weight=\"bold\"");
  }
  return Finish(svg, std::move(figure));
}

Figure Draw(const FunnelChart& chart, const i18n::Catalog* messages) {
  Style style = MakeStyle(messages, chart.decimal_comma);
  Figure figure{.caption = chart.caption};
  figure.table.headers = {style.T("charts.stage"), chart.value_label, style.T("charts.share_of_first")};
  double first = chart.stages.empty() ? 0 : chart.stages.front().count;
  double widest = 0;
  for (const FunnelStage& stage : chart.stages) {
    if (Finite(stage.count)) widest = std::max(widest, stage.count);
    std::string share = first > 0 && Finite(stage.count) ? style.N(100 * stage.count / first, 0) + " %" : kDash;
    figure.table.rows.push_back({stage.label, style.N(stage.count), share});
  }
  SvgBuilder svg(NewId(figure.caption, figure.table), chart.caption);
  const double label_width = 170, row = (kHeight - kMarginTop - 8) / std::max<size_t>(chart.stages.size(), 1);
  const double plot = kWidth - label_width - kMarginRight - 60;
  for (size_t idx = 0; idx < chart.stages.size(); ++idx) {
    const FunnelStage& stage = chart.stages[idx];
    double w = widest > 0 && Finite(stage.count) ? plot * stage.count / widest : 0;
    double top = kMarginTop + row * static_cast<double>(idx);
    svg.Text(label_width - 8, top + row / 2 + 4, internal::Shorten(stage.label, 24), "end");
    svg.Rect(label_width + (plot - w) / 2, top + 3, w, row - 6, internal::Colour(0));
    svg.Text(label_width + (plot + w) / 2 + 6, top + row / 2 + 4, style.N(stage.count), "start");
  }
  return Finish(svg, std::move(figure));
}

Figure Draw(const IntervalChart& chart, const i18n::Catalog* messages) {
  Style style = MakeStyle(messages, chart.decimal_comma);
  Figure figure{.caption = chart.caption};
  figure.table.headers = {style.T("charts.estimate"), chart.value_label, style.T("charts.low"),
                          style.T("charts.high")};
  std::vector<double> all{chart.reference};
  for (const Estimate& e : chart.estimates) {
    figure.table.rows.push_back({e.label, e.value ? style.N(e.value) : style.T("charts.not_computable"),
                                 style.N(e.low), style.N(e.high)});
    for (const auto& v : {e.value, e.low, e.high}) if (v && Finite(*v)) all.push_back(*v);
  }
  auto [low, high] = Extent(all, std::nullopt);
  std::vector<double> ticks = internal::NiceTicks(low, high);
  SvgBuilder svg(NewId(figure.caption, figure.table), chart.caption);
  const double label_width = 180;
  Scale x{ticks.front(), ticks.back(), label_width + 10, kWidth - kMarginRight - 10};
  const double row = (kHeight - kMarginTop - kMarginBottom) / std::max<size_t>(chart.estimates.size(), 1);
  for (double tick : ticks) {
    svg.Line(x(tick), kMarginTop, x(tick), kHeight - kMarginBottom, "#c9ced6");
    svg.Text(x(tick), kHeight - kMarginBottom + 18, style.N(tick));
  }
  svg.Line(x(chart.reference), kMarginTop, x(chart.reference), kHeight - kMarginBottom, "#1b1f24", 1.5, "4 3");
  svg.Text((label_width + kWidth) / 2, kHeight - 8, chart.value_label);
  for (size_t idx = 0; idx < chart.estimates.size(); ++idx) {
    const Estimate& e = chart.estimates[idx];
    double mid = kMarginTop + row * (static_cast<double>(idx) + 0.5);
    svg.Text(label_width - 8, mid + 4, internal::Shorten(e.label, 26), "end");
    if (e.low && e.high && Finite(*e.low) && Finite(*e.high)) {
      svg.Line(x(*e.low), mid, x(*e.high), mid, internal::Colour(0), 2.5);
    }
    if (e.value && Finite(*e.value)) svg.Marker(3, x(*e.value), mid, 12, internal::Colour(0));
    else svg.Text(label_width + 14, mid + 4, style.T("charts.not_computable"), "start");
  }
  return Finish(svg, std::move(figure));
}

nlohmann::json ToJson(const Figure& figure) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : figure.table.rows) {
    nlohmann::json cells = nlohmann::json::array();
    for (size_t idx = 1; idx < row.size(); ++idx) cells.push_back(row[idx]);
    rows.push_back({{"head", row.empty() ? "" : row.front()}, {"cells", cells}});
  }
  return {{"id", ChartId(figure)}, {"svg", figure.svg}, {"caption", figure.caption},
          {"headers", figure.table.headers}, {"rows", rows}};
}

}  // namespace nyttig::charts
