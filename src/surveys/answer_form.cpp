#include "surveys/answer_form.h"

#include <algorithm>
#include <charconv>

#include "core/text.h"
#include "surveys/answers.h"

namespace nyttig::surveys {
namespace {

std::vector<std::string> Values(const FormValues& form, const std::string& name) {
  std::vector<std::string> out;
  auto [begin, end] = form.equal_range(name);
  for (auto it = begin; it != end; ++it) out.push_back(std::string(Trim(it->second)));
  return out;
}

std::optional<OptionId> ParseId(const std::string& text) {
  OptionId id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return id;
}

bool Chosen(const Answer* answer, OptionId id) {
  return answer && std::count(answer->option_ids.begin(), answer->option_ids.end(), id) > 0;
}

nlohmann::json Choices(const Question& q, const Answer* answer, const std::string& language) {
  nlohmann::json choices = nlohmann::json::array();
  std::string field = AnswerField(q.id);
  auto add = [&](const std::string& value, const std::string& label, bool checked) {
    std::string id = choices.empty() ? "field-" + field : "field-" + field + "-" + value;
    choices.push_back({{"value", value}, {"label", label}, {"checked", checked}, {"input_id", id}});
  };
  if (q.kind == QuestionKind::kLikert) {
    for (int value = kLikertMin; value <= kLikertMax; ++value) {
      std::string label = std::to_string(value);
      if (value == kLikertMin) label += " – " + q.low_label.In(language);
      if (value == kLikertMax) label += " – " + q.high_label.In(language);
      add(std::to_string(value), label, answer && answer->number == value);
    }
    return choices;
  }
  for (const Option& option : q.options) {
    add(std::to_string(option.id), option.label.In(language), Chosen(answer, option.id));
  }
  return choices;
}

}  // namespace

PostedAnswer ReadPostedAnswer(const Question& question, const FormValues& form) {
  PostedAnswer posted;
  posted.answer.question_id = question.id;
  std::string field = AnswerField(question.id);
  std::vector<std::string> values = Values(form, field);
  values.erase(std::remove(values.begin(), values.end(), ""), values.end());
  switch (question.kind) {
    case QuestionKind::kFreeText:
      if (auto it = form.find(field); it != form.end()) posted.typed = it->second;
      if (!posted.typed.empty()) posted.answer.text = posted.typed;
      return posted;
    case QuestionKind::kLikert:
    case QuestionKind::kNumber: {
      if (values.empty()) return posted;
      posted.typed = values.front();
      std::string digits = posted.typed;  // "12 500" as people write it
      digits.erase(std::remove(digits.begin(), digits.end(), ' '), digits.end());
      posted.answer.number = ParseLocalNumber(digits);
      if (!posted.answer.number) {
        posted.problem = InvalidParameter{field, "surveys.answer.number_invalid", posted.typed, {}};
      }
      return posted;
    }
    case QuestionKind::kSingleChoice:
    case QuestionKind::kMultipleChoice:
      for (const std::string& value : values) {
        std::optional<OptionId> id = ParseId(value);
        if (!id) {
          posted.problem = InvalidParameter{field, "surveys.answer.unknown_option", value, {}};
          continue;
        }
        posted.answer.option_ids.push_back(*id);
      }
      return posted;
  }
  return posted;
}

nlohmann::json QuestionView(const Question& q, const Answer* answer, const std::string& typed,
                            const std::string& language, const std::string& error,
                            const std::string& optional_label) {
  bool choice = q.kind != QuestionKind::kNumber && q.kind != QuestionKind::kFreeText;
  std::string value = typed;
  if (value.empty() && answer && answer->number) value = LocalNumber(*answer->number, language);
  if (value.empty() && answer && answer->text) value = *answer->text;
  const std::string& help = q.help.In(language);
  return {{"id", q.id},
          {"field", AnswerField(q.id)},
          {"text", q.text.In(language)},
          {"optional", q.required ? nlohmann::json() : nlohmann::json(optional_label)},
          {"help", help.empty() ? nlohmann::json() : nlohmann::json(help)},
          {"is_choice", choice},
          {"input_type", q.kind == QuestionKind::kMultipleChoice ? "checkbox" : "radio"},
          {"is_number", q.kind == QuestionKind::kNumber},
          {"is_text", q.kind == QuestionKind::kFreeText},
          {"choices", choice ? Choices(q, answer, language) : nlohmann::json::array()},
          {"value", value},
          {"max_chars", q.max_chars},
          {"min", q.min_value ? nlohmann::json(LocalNumber(*q.min_value, language)) : nlohmann::json()},
          {"max", q.max_value ? nlohmann::json(LocalNumber(*q.max_value, language)) : nlohmann::json()},
          {"error", error.empty() ? nlohmann::json() : nlohmann::json(error)}};
}

std::string AnswerText(const Question& q, const Answer& answer, const std::string& language,
                       const std::string& scale_of) {
  if (q.kind == QuestionKind::kLikert && answer.number) {
    return LocalNumber(*answer.number, language) + " " + scale_of;
  }
  if (answer.number) return LocalNumber(*answer.number, language);
  if (answer.text) return *answer.text;
  std::string out;
  for (const Option& option : q.options) {
    if (!Chosen(&answer, option.id)) continue;
    out += (out.empty() ? "" : ", ") + option.label.In(language);
  }
  return out;
}

std::string LocalNumber(double value, const std::string& language) {
  std::string text = FormatNumber(value);
  if (language == "sv") std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

}  // namespace nyttig::surveys
