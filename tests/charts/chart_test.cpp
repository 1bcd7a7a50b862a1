// Server-side charts: each figure carries its caption and a table of the
// same numbers, labels are escaped, missing or non-finite values are never
// drawn and read "–", and the SVG stays inside the strict CSP (no style
// attributes, no scripts).
#include "charts/chart.h"

#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include "charts/svg.h"

namespace nyttig::charts {
namespace {

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

void ExpectSafeSvg(const Figure& figure) {
  EXPECT_TRUE(figure.svg.starts_with("<svg ")) << figure.svg.substr(0, 80);
  EXPECT_TRUE(figure.svg.ends_with("</svg>"));
  EXPECT_EQ(figure.svg.find("style="), std::string::npos) << "inline style breaks the CSP";
  EXPECT_EQ(figure.svg.find("<script"), std::string::npos);
  EXPECT_EQ(figure.svg.find("nan"), std::string::npos) << figure.svg;
  EXPECT_EQ(figure.svg.find("inf"), std::string::npos) << figure.svg;
  EXPECT_NE(figure.svg.find("role=\"img\""), std::string::npos);
}

TEST(FormatNumberTest, SwedishAndEnglishDecimalMarksAndGrouping) {
  EXPECT_EQ(FormatNumber(12, true), "12");
  EXPECT_EQ(FormatNumber(3.5, true), "3,5");
  EXPECT_EQ(FormatNumber(3.5, false), "3.5");
  EXPECT_EQ(FormatNumber(0.254, true), "0,25");
  EXPECT_EQ(FormatNumber(1234, true), "1234");
  EXPECT_EQ(FormatNumber(12345.5, true), "12 345,5");
  EXPECT_EQ(FormatNumber(-1.2, true), "\u22121,2");
  EXPECT_EQ(FormatNumber(-0.001, true), "0");
  EXPECT_EQ(FormatNumber(NAN, true), "–");
  EXPECT_EQ(FormatNumber(INFINITY, false), "–");
  EXPECT_EQ(FormatNumber(2.0 / 3, true, 0), "1");
}

TEST(NiceTicksTest, RoundStepsCoveringTheRange) {
  EXPECT_EQ(internal::NiceTicks(0, 47), (std::vector<double>{0, 10, 20, 30, 40, 50}));
  EXPECT_EQ(internal::NiceTicks(0, 1).size(), 6u);  // 0, 0.2, …, 1
  std::vector<double> ticks = internal::NiceTicks(-3.2, 7.9);
  EXPECT_LE(ticks.front(), -3.2);
  EXPECT_GE(ticks.back(), 7.9);
  EXPECT_GE(internal::NiceTicks(5, 5).size(), 2u);  // a flat series still gets an axis
}

TEST(BarChartTest, TableHoldsEveryValueAndTheSvgOneBarEach) {
  BarChart chart{.caption = "Idéer per område",
                 .value_label = "Antal",
                 .categories = {"Skola", "Äldreomsorg", "Kultur"},
                 .series = {{"2025", {4, 7, 1}}, {"2026", {6, 9.5, 0}}}};
  Figure figure = Draw(chart);
  ExpectSafeSvg(figure);
  EXPECT_EQ(figure.caption, "Idéer per område");
  ASSERT_EQ(figure.table.headers, (std::vector<std::string>{"Kategori", "2025", "2026"}));
  ASSERT_EQ(figure.table.rows.size(), 3u);
  EXPECT_EQ(figure.table.rows[1], (std::vector<std::string>{"Äldreomsorg", "7", "9,5"}));
  EXPECT_EQ(Count(figure.svg, "<rect"), 6u + 2u);  // six bars and a legend swatch per series
}

TEST(BarChartTest, MissingAndNonFiniteValuesAreNotDrawn) {
  BarChart chart{.caption = "c", .value_label = "v", .categories = {"a", "b", "c"},
                 .series = {{"s", {1, NAN, INFINITY}}}};
  Figure figure = Draw(chart);
  ExpectSafeSvg(figure);
  EXPECT_EQ(Count(figure.svg, "<rect"), 1u);
  EXPECT_EQ(figure.table.rows[1][1], "–");
  EXPECT_EQ(figure.table.rows[2][1], "–");
}

TEST(ChartTest, LabelsAreEscaped) {
  BarChart chart{.caption = "<script>alert(1)</script>", .value_label = "a&b",
                 .categories = {"\"x\" <y>"}, .series = {{"s", {1}}}};
  Figure figure = Draw(chart);
  EXPECT_EQ(figure.svg.find("<script>"), std::string::npos);
  EXPECT_NE(figure.svg.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(figure.svg.find("a&amp;b"), std::string::npos);
  EXPECT_NE(figure.svg.find("&quot;x&quot; &lt;y&gt;"), std::string::npos);
}

TEST(LineChartTest, BandColumnsInTheTableAndAGapForAMissingPeriod) {
  LineChart chart{.caption = "Väntetid per vecka",
                  .value_label = "Dagar",
                  .x_labels = {"v1", "v2", "v3"},
                  .lines = {{"Försök", {5.0, std::nullopt, 3.5}, {4.0, std::nullopt, 2.5},
                             {6.0, std::nullopt, 4.5}},
                            {"Jämförelse", {5.0, 5.2, 5.1}, {}, {}}}};
  Figure figure = Draw(chart);
  ExpectSafeSvg(figure);
  EXPECT_EQ(figure.table.headers.size(), 1u + 3u + 1u);
  EXPECT_EQ(figure.table.rows[1], (std::vector<std::string>{"v2", "–", "–", "–", "5,2"}));
  // The pilot line is two separate runs ("M" twice): the missing week is a gap.
  std::smatch match;
  std::regex path("<path d=\"(M[^\"]*)\" fill=\"none\"");
  ASSERT_TRUE(std::regex_search(figure.svg, match, path));
  EXPECT_EQ(Count(match[1].str(), "M"), 2u) << match[1].str();
  EXPECT_NE(figure.svg.find("fill-opacity=\"0.18\""), std::string::npos) << "the band";
}

TEST(ScatterChartTest, HighlightedPointIsNamedAndDrawnLast) {
  ScatterChart chart{.caption = "Opinionskarta", .x_label = "Komponent 1", .y_label = "Komponent 2",
                     .group_labels = {"Grupp A", "Grupp B"},
                     .points = {{-1, 0.5, 0, false, ""}, {1, -0.5, 1, false, ""}, {0.9, -0.4, 1, true, ""}},
                     .highlight_label = "Din position"};
  Figure figure = Draw(chart);
  ExpectSafeSvg(figure);
  ASSERT_EQ(figure.table.rows.size(), 3u);
  EXPECT_EQ(figure.table.rows[2][0], "Din position");
  EXPECT_EQ(figure.table.rows[2][1], "Grupp B");
  EXPECT_EQ(figure.table.rows[0][2], "\u22121");
  EXPECT_GT(figure.svg.rfind("Din position"), figure.svg.find("Grupp B"));
}

TEST(FunnelChartTest, SharesOfTheFirstStage) {
  FunnelChart chart{.caption = "Idéer genom slussen", .value_label = "Idéer",
                    .stages = {{"Idé", 200}, {"Bedömning", 80}, {"Test", 20}, {"Införande", 5}}};
  Figure figure = Draw(chart);
  ExpectSafeSvg(figure);
  EXPECT_EQ(figure.table.rows[2], (std::vector<std::string>{"Test", "20", "10 %"}));
  EXPECT_EQ(Count(figure.svg, "<rect"), 4u);
}

TEST(IntervalChartTest, NotComputableIsSaidInWordsNotDrawn) {
  IntervalChart chart{.caption = "Effekter", .value_label = "Skillnad",
                      .estimates = {{"Väntetid", -1.5, -2.5, -0.5}, {"Nöjdhet", std::nullopt, std::nullopt, std::nullopt}}};
  Figure figure = Draw(chart);
  ExpectSafeSvg(figure);
  EXPECT_EQ(figure.table.rows[1], (std::vector<std::string>{"Nöjdhet", "Kan inte beräknas", "–", "–"}));
  EXPECT_NE(figure.svg.find("Kan inte beräknas"), std::string::npos);
}

TEST(ChartTest, EnglishCatalogueGivesEnglishHeadersAndDecimalPoint) {
  const i18n::Catalog& en = i18n::Catalogs::Builtin().For("en");
  BarChart chart{.caption = "c", .value_label = "v", .categories = {"a"}, .series = {{"s", {2.5}}}};
  Figure figure = Draw(chart, &en);
  EXPECT_EQ(figure.table.headers[0], "Category");
  EXPECT_EQ(figure.table.rows[0][1], "2.5");
}

TEST(ChartTest, EmptyChartsDrawWithoutFailing) {
  ExpectSafeSvg(Draw(BarChart{.caption = "tom"}));
  ExpectSafeSvg(Draw(LineChart{.caption = "tom"}));
  ExpectSafeSvg(Draw(ScatterChart{.caption = "tom"}));
  ExpectSafeSvg(Draw(FunnelChart{.caption = "tom"}));
  ExpectSafeSvg(Draw(IntervalChart{.caption = "tom"}));
}

TEST(ToJsonTest, IdMatchesTheSvgTitleAndRowsSplitHeadFromCells) {
  Figure figure = Draw(FunnelChart{.caption = "f", .value_label = "n", .stages = {{"Idé", 3}}});
  nlohmann::json json = ToJson(figure);
  std::string id = json["id"];
  EXPECT_TRUE(id.starts_with("chart-"));
  EXPECT_NE(figure.svg.find("aria-labelledby=\"" + id + "-title\""), std::string::npos);
  EXPECT_EQ(json["rows"][0]["head"], "Idé");
  EXPECT_EQ(json["rows"][0]["cells"][0], "3");
  EXPECT_NE(ToJson(Draw(FunnelChart{.caption = "g"}))["id"], json["id"]);
}

}  // namespace
}  // namespace nyttig::charts
