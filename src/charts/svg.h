// Internal to charts: an SVG string builder, linear scales and "nice" axis
// ticks. Everything drawn uses presentation attributes (fill=, stroke=), not
// style attributes, so that the page's strict CSP (style-src 'self') holds.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nyttig::charts::internal {

// Canvas: a fixed viewBox scaled to the page width by CSS.
inline constexpr double kWidth = 640;   // viewBox units
inline constexpr double kHeight = 320;  // viewBox units
inline constexpr double kMarginLeft = 64, kMarginRight = 16, kMarginTop = 32, kMarginBottom = 48;

// Colours with at least 3:1 contrast against white (WCAG 1.4.11); series
// differ by shape or pattern too (1.4.1), so colour is never the only cue.
inline constexpr const char* kColours[] = {"#0b5394", "#b35900", "#1d6b35", "#7b1fa2", "#b00020",
                                           "#4a5563"};
inline constexpr int kColourCount = 6;
inline const char* Colour(int index) { return kColours[index % kColourCount]; }

std::string EscapeXml(std::string_view text);

// Maps [domain_low, domain_high] onto [range_low, range_high].
struct Scale {
  double domain_low = 0, domain_high = 1, range_low = 0, range_high = 1;
  double operator()(double value) const;
};

// About `target` evenly spaced round tick values covering [low, high].
std::vector<double> NiceTicks(double low, double high, int target = 5);

// "M x y" formatting with one decimal, enough for a 640-unit canvas.
std::string Num(double value);

class SvgBuilder {
 public:
  SvgBuilder(std::string_view id, std::string_view caption);
  void Raw(std::string_view element) { body_ += element; }
  void Line(double x1, double y1, double x2, double y2, std::string_view stroke,
            double width = 1, std::string_view dash = "");
  void Rect(double x, double y, double w, double h, std::string_view fill,
            std::string_view extra = "");
  void Text(double x, double y, std::string_view text, std::string_view anchor = "middle",
            std::string_view extra = "");
  // A marker of `shape` (0 circle, 1 square, 2 triangle, 3 diamond, 4 cross,
  // then repeating) centred at (x, y).
  void Marker(int shape, double x, double y, double size, std::string_view fill,
              std::string_view extra = "");
  // A y axis with grid lines at `ticks`, labelled with `format`ted values.
  void YAxis(const Scale& y, const std::vector<double>& ticks,
             const std::vector<std::string>& labels, std::string_view title);
  std::string Finish();

 private:
  std::string id_;
  std::string head_;
  std::string body_;
};

// Shortens a label for the canvas (the table keeps it whole).
std::string Shorten(std::string_view label, size_t max_chars);

}  // namespace nyttig::charts::internal
