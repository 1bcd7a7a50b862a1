#include "surveys/survey_csv.h"

#include <algorithm>

#include "core/csv.h"
#include "core/time_format.h"
#include "surveys/answers.h"

namespace nyttig::surveys {
namespace {

void WriteRow(const std::vector<std::string>& cells, std::ostream& out) {
  for (size_t cell_idx = 0; cell_idx < cells.size(); ++cell_idx) {
    if (cell_idx > 0) out << ',';
    out << cells[cell_idx];
  }
  out << "\r\n";
}

std::vector<std::string> HeaderRow(const Survey& survey, std::string_view language) {
  std::vector<std::string> cells = {"reference", "submitted_at"};
  for (const Question& question : survey.questions) {
    const std::string& text = question.text.In(language);
    if (question.kind != QuestionKind::kMultipleChoice) {
      cells.push_back(CsvTextCell(text));
      continue;
    }
    for (const Option& option : question.options) {
      cells.push_back(CsvTextCell(text + ": " + option.label.In(language)));
    }
  }
  return cells;
}

std::string OptionLabel(const Question& question, OptionId id, std::string_view language) {
  for (const Option& option : question.options) {
    if (option.id == id) return option.label.In(language);
  }
  return "";
}

// The cells of one question for one answer (nullptr: not answered).
void AppendCells(const Question& question, const Answer* answer, std::string_view language,
                 std::vector<std::string>& cells) {
  if (question.kind == QuestionKind::kMultipleChoice) {
    for (const Option& option : question.options) {
      bool chosen = answer && std::count(answer->option_ids.begin(), answer->option_ids.end(),
                                         option.id) > 0;
      cells.push_back(answer ? (chosen ? "1" : "0") : "");
    }
    return;
  }
  if (!answer) return cells.push_back("");
  if (answer->number) return cells.push_back(FormatNumber(*answer->number));
  if (!answer->option_ids.empty()) {
    return cells.push_back(CsvTextCell(OptionLabel(question, answer->option_ids.front(), language)));
  }
  cells.push_back(CsvTextCell(answer->text.value_or("")));
}

}  // namespace

std::string CsvTextCell(std::string_view text) { return CsvCell(text); }

std::string ResponseReference(ResponseId id, UnixSeconds submitted_at) {
  std::string number = std::to_string(id);
  if (number.size() < 5) number.insert(0, 5 - number.size(), '0');
  return FormatIsoDate(submitted_at).substr(0, 4) + "-" + number;
}

void WriteResponsesCsv(const Survey& survey, const std::vector<StoredResponse>& responses,
                       std::string_view language, std::ostream& out) {
  out << "\xEF\xBB\xBF";  // BOM: Excel reads the file as UTF-8 only with it
  WriteRow(HeaderRow(survey, language), out);
  for (const StoredResponse& response : responses) {
    std::vector<std::string> cells = {ResponseReference(response.id, response.submitted_at),
                                      FormatRfc3339(response.submitted_at)};
    for (const Question& question : survey.questions) {
      const Answer* answer = response.answers.Find(question.id);
      AppendCells(question, answer && !answer->empty() ? answer : nullptr, language, cells);
    }
    WriteRow(cells, out);
  }
}

}  // namespace nyttig::surveys
