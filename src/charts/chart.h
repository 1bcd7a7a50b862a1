// Charts drawn on the server as SVG: no JavaScript, a strict CSP holds, a few
// KB per chart. Every chart comes with its caption and the same numbers as a
// table (UX.md: "Every chart has a caption saying what it shows and the same
// numbers in a table"), so a screen reader or a printout loses nothing.
//
//   charts::BarChart chart{.caption = "Idéer per steg", .value_label = "Antal",
//                          .categories = {"Idé", "Bedömning"},
//                          .series = {{"Exempelby", {12, 4}}}};
//   charts::Figure figure = charts::Draw(chart, ctx.messages);
//   page["funnel"] = charts::ToJson(figure);
//   // template: {{#funnel}}{{> chart_figure}}{{/funnel}}
//
// The SVG uses the classes in web/static/nyttig.css (chart-*) and distinguishes
// series by shape and pattern as well as colour (WCAG 1.4.1). Labels are
// escaped; the caller passes plain text. Non-finite values are never drawn and
// show as "–" in the table.
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "i18n/catalog.h"

namespace nyttig::charts {

// The table of the same numbers, already formatted for people (Swedish or
// English decimal mark is the caller's choice through `decimal_comma`).
struct Table {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
};

struct Figure {
  std::string svg;      // a complete <svg role="img" aria-labelledby=…> element
  std::string caption;  // what the chart shows, one sentence
  Table table;
};

struct Series {
  std::string label;
  std::vector<double> values;  // one per category / x label
};

// Grouped vertical bars: categories along x, one bar per series.
struct BarChart {
  std::string caption;
  std::string value_label;  // the y axis ("Antal", "Andel (%)")
  std::vector<std::string> categories;
  std::vector<Series> series;
  bool decimal_comma = true;
};

// Lines over ordered x labels (periods), each optionally with a band
// (a confidence interval) drawn behind it.
struct Line {
  std::string label;
  std::vector<std::optional<double>> values;  // nullopt = no value for that period
  std::vector<std::optional<double>> low;     // empty = no band
  std::vector<std::optional<double>> high;
};
struct LineChart {
  std::string caption;
  std::string value_label;
  std::vector<std::string> x_labels;
  std::vector<Line> lines;
  bool decimal_comma = true;
};

// Points coloured and shaped by group, e.g. the opinion map. One point can be
// marked ("Du är här").
struct Point {
  double x = 0;
  double y = 0;
  int group = 0;           // index into group_labels
  bool highlight = false;  // drawn larger, labelled in the table
  std::string label;       // table row name; may be empty
};
struct ScatterChart {
  std::string caption;
  std::string x_label;
  std::string y_label;
  std::vector<std::string> group_labels;
  std::vector<Point> points;
  std::string highlight_label;  // e.g. "Din position"
  bool decimal_comma = true;
};

// Horizontal bars narrowing stage by stage (the pipeline funnel).
struct FunnelStage {
  std::string label;
  double count = 0;
};
struct FunnelChart {
  std::string caption;
  std::string value_label;
  std::vector<FunnelStage> stages;
  bool decimal_comma = true;
};

// Estimates with intervals on one axis (a forest plot), with a reference line
// (usually 0 = no effect).
struct Estimate {
  std::string label;
  std::optional<double> value;  // nullopt = not computable (table says so)
  std::optional<double> low;
  std::optional<double> high;
};
struct IntervalChart {
  std::string caption;
  std::string value_label;
  std::vector<Estimate> estimates;
  double reference = 0;
  bool decimal_comma = true;
};

// Draws the chart and builds its table. `messages` gives the table's own
// headers ("Lägre gräns", …; keys charts.*) and the decimal mark (comma for
// Swedish); without it the Swedish catalogue and the chart's decimal_comma
// are used.
Figure Draw(const BarChart& chart, const i18n::Catalog* messages = nullptr);
Figure Draw(const LineChart& chart, const i18n::Catalog* messages = nullptr);
Figure Draw(const ScatterChart& chart, const i18n::Catalog* messages = nullptr);
Figure Draw(const FunnelChart& chart, const i18n::Catalog* messages = nullptr);
Figure Draw(const IntervalChart& chart, const i18n::Catalog* messages = nullptr);

// "12", "3,5", "0,25", "−1,2", "12 345": at most `decimals` decimals,
// trailing zeros dropped, thousands grouped with a space; "–" for a value
// that is not finite.
std::string FormatNumber(double value, bool decimal_comma, int decimals = 2);

// {"id", "svg", "caption", "headers": [...], "rows": [{"head", "cells": [...]}]} for the
// `chart_figure` partial (web/templates/partials/chart_figure.mustache), which renders a
// <figure> with the SVG, the caption and the table behind "Visa som tabell".
nlohmann::json ToJson(const Figure& figure);

}  // namespace nyttig::charts
