#include "charts/svg.h"

#include <cmath>

#include <fmt/format.h>

#include "core/text.h"

namespace nyttig::charts::internal {

std::string EscapeXml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // Control characters are not allowed in XML 1.0 text.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') out += c;
    }
  }
  return out;
}

double Scale::operator()(double value) const {
  if (domain_high == domain_low) return (range_low + range_high) / 2;
  return range_low + (value - domain_low) / (domain_high - domain_low) * (range_high - range_low);
}

// Heckbert's "nice numbers" for graph labels: a step of 1, 2 or 5 × 10^n.
std::vector<double> NiceTicks(double low, double high, int target) {
  if (!std::isfinite(low) || !std::isfinite(high)) return {0, 1};
  if (high < low) std::swap(low, high);
  if (high == low) {
    double pad = low == 0 ? 1 : std::abs(low) * 0.1;
    low -= pad;
    high += pad;
  }
  double raw = (high - low) / std::max(target - 1, 1);
  double magnitude = std::pow(10, std::floor(std::log10(raw)));
  double fraction = raw / magnitude;
  double step = (fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10) * magnitude;
  std::vector<double> ticks;
  const double first = std::floor(low / step + 1e-9);
  for (int idx = 0; idx < 100; ++idx) {
    double tick = (first + idx) * step;  // multiplied, not summed: no drift
    ticks.push_back(std::abs(tick) < step * 1e-9 ? 0 : tick);
    if (tick >= high - step * 1e-9) break;
  }
  return ticks;
}

std::string Num(double value) { return fmt::format("{:.1f}", value); }

SvgBuilder::SvgBuilder(std::string_view id, std::string_view caption) : id_(id) {
  head_ = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 {} {}\" "
      "role=\"img\" aria-labelledby=\"{}-title\" focusable=\"false\"><title id=\"{}-title\">{}"
      "</title>",
      Num(kWidth), Num(kHeight), id_, id_, EscapeXml(caption));
}

void SvgBuilder::Line(double x1, double y1, double x2, double y2, std::string_view stroke,
                      double width, std::string_view dash) {
  body_ += fmt::format(
      "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"{}/>",
      Num(x1), Num(y1), Num(x2), Num(y2), stroke, Num(width),
      dash.empty() ? "" : fmt::format(" stroke-dasharray=\"{}\"", dash));
}

void SvgBuilder::Rect(double x, double y, double w, double h, std::string_view fill,
                      std::string_view extra) {
  body_ += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}/>", Num(x),
                       Num(y), Num(std::max(w, 0.0)), Num(std::max(h, 0.0)), fill, extra);
}

void SvgBuilder::Text(double x, double y, std::string_view text, std::string_view anchor,
                      std::string_view extra) {
  body_ += fmt::format(
      "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-size=\"12\" fill=\"#1b1f24\"{}>{}</text>",
      Num(x), Num(y), anchor, extra, EscapeXml(text));
}

void SvgBuilder::Marker(int shape, double x, double y, double size, std::string_view fill,
                        std::string_view extra) {
  const double r = size / 2;
  switch (shape % 5) {
    case 0:
      body_ += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"{}/>", Num(x), Num(y),
                           Num(r), fill, extra);
      break;
    case 1: Rect(x - r, y - r, size, size, fill, extra); break;
    case 2:
      body_ += fmt::format("<path d=\"M{} {}L{} {}L{} {}Z\" fill=\"{}\"{}/>", Num(x), Num(y - r),
                           Num(x + r), Num(y + r), Num(x - r), Num(y + r), fill, extra);
      break;
    case 3:
      body_ += fmt::format("<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{}\"{}/>", Num(x),
                           Num(y - r), Num(x + r), Num(y), Num(x), Num(y + r), Num(x - r), Num(y),
                           fill, extra);
      break;
    default:
      body_ += fmt::format(
          "<path d=\"M{} {}L{} {}M{} {}L{} {}\" stroke=\"{}\" stroke-width=\"2.5\"{}/>",
          Num(x - r), Num(y - r), Num(x + r), Num(y + r), Num(x - r), Num(y + r), Num(x + r),
          Num(y - r), fill, extra);
  }
}

void SvgBuilder::YAxis(const Scale& y, const std::vector<double>& ticks,
                       const std::vector<std::string>& labels, std::string_view title) {
  for (size_t tick_idx = 0; tick_idx < ticks.size(); ++tick_idx) {
    double at = y(ticks[tick_idx]);
    Line(kMarginLeft, at, kWidth - kMarginRight, at, "#c9ced6");
    Text(kMarginLeft - 6, at + 4, labels[tick_idx], "end");
  }
  Text(kMarginLeft - 56, kMarginTop - 14, title, "start", " font-weight=\"bold\"");
}

std::string SvgBuilder::Finish() { return head_ + body_ + "</svg>"; }

std::string Shorten(std::string_view label, size_t max_chars) {
  if (Utf8Length(label) <= max_chars) return std::string(label);
  std::string out;
  size_t chars = 0;
  for (size_t at = 0; at < label.size() && chars + 1 < max_chars; ++chars) {
    size_t len = 1;
    unsigned char lead = static_cast<unsigned char>(label[at]);
    if (lead >= 0xF0) len = 4; else if (lead >= 0xE0) len = 3; else if (lead >= 0xC0) len = 2;
    out.append(label.substr(at, len));
    at += len;
  }
  return out + "…";
}

}  // namespace nyttig::charts::internal
