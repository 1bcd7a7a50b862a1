#include "surveys/answers.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "core/text.h"
#include "surveys/survey_service.h"

namespace nyttig::surveys {
namespace {

const Question* FindQuestion(const Survey& survey, QuestionId id) {
  for (const Question& question : survey.questions) {
    if (question.id == id) return &question;
  }
  return nullptr;
}

bool HasOption(const Question& question, OptionId id) {
  return std::any_of(question.options.begin(), question.options.end(),
                     [&](const Option& option) { return option.id == id; });
}

void Invalid(Status& status, QuestionId question, std::string_view key, std::string value = {},
             std::vector<std::pair<std::string, std::string>> args = {}) {
  status.AddInvalid(AnswerField(question), "surveys.answer." + std::string(key), std::move(value),
                    std::move(args));
}

bool IsChoice(QuestionKind kind) {
  return kind == QuestionKind::kSingleChoice || kind == QuestionKind::kMultipleChoice;
}

bool IsNumeric(QuestionKind kind) {
  return kind == QuestionKind::kLikert || kind == QuestionKind::kNumber;
}

// The answer carries members that its question's kind does not use.
bool WrongKind(const Question& question, const Answer& answer) {
  bool has_text = answer.text && !answer.text->empty();
  if (IsChoice(question.kind)) return answer.number || has_text;
  if (IsNumeric(question.kind)) return !answer.option_ids.empty() || has_text;
  return answer.number || !answer.option_ids.empty();
}

void CheckNumber(Status& status, const Question& question, double value) {
  std::string shown = std::isfinite(value) ? FormatNumber(value) : "";
  if (!std::isfinite(value) || std::fabs(value) > kMaxNumberMagnitude) {
    return Invalid(status, question.id, "number_invalid", shown);
  }
  if (question.kind == QuestionKind::kLikert) {
    if (value != std::floor(value) || value < kLikertMin || value > kLikertMax) {
      Invalid(status, question.id, "likert_range", shown);
    }
    return;
  }
  if (question.min_value && value < *question.min_value) {
    Invalid(status, question.id, "number_min", shown, {{"min", FormatNumber(*question.min_value)}});
  } else if (question.max_value && value > *question.max_value) {
    Invalid(status, question.id, "number_max", shown, {{"max", FormatNumber(*question.max_value)}});
  }
}

void CheckOptions(Status& status, const Question& question, const Answer& answer) {
  if (question.kind == QuestionKind::kSingleChoice && answer.option_ids.size() > 1) {
    return Invalid(status, question.id, "one_option");
  }
  for (OptionId option : answer.option_ids) {
    if (!HasOption(question, option)) {
      return Invalid(status, question.id, "unknown_option", std::to_string(option));
    }
  }
}

void CheckText(Status& status, const Question& question, const std::string& text) {
  if (!IsValidUtf8(text)) return Invalid(status, question.id, "text_invalid");
  if (Utf8Length(text) > static_cast<size_t>(question.max_chars)) {
    Invalid(status, question.id, "text_too_long", {},
            {{"max", std::to_string(question.max_chars)}});
  }
}

void CheckAnswer(Status& status, const Question& question, const Answer& answer) {
  if (WrongKind(question, answer)) return Invalid(status, question.id, "wrong_kind");
  if (answer.number) CheckNumber(status, question, *answer.number);
  if (IsChoice(question.kind)) CheckOptions(status, question, answer);
  if (answer.text) CheckText(status, question, *answer.text);
}

}  // namespace

std::string AnswerField(QuestionId question) { return "q" + std::to_string(question); }

AnswerSet NormalizeAnswers(const Survey& survey, const AnswerSet& answers) {
  AnswerSet out;
  for (Answer answer : answers.answers) {
    if (answer.text) answer.text = std::string(Trim(*answer.text));
    if (const Question* question = FindQuestion(survey, answer.question_id)) {
      std::set<OptionId> chosen(answer.option_ids.begin(), answer.option_ids.end());
      std::vector<OptionId> ordered;
      for (const Option& option : question->options) {
        if (chosen.erase(option.id)) ordered.push_back(option.id);
      }
      ordered.insert(ordered.end(), chosen.begin(), chosen.end());  // unknown ones: validation
      answer.option_ids = std::move(ordered);
    }
    if (answer.text && answer.text->empty()) answer.text.reset();
    if (!answer.empty()) out.answers.push_back(std::move(answer));
  }
  return out;
}

Status ValidateAnswerSet(const Survey& survey, const AnswerSet& answers,
                         const std::vector<QuestionId>& only) {
  Status status = InvalidArgumentError("surveys.answers.invalid");
  for (const Answer& answer : answers.answers) {
    if (!FindQuestion(survey, answer.question_id)) {
      Invalid(status, answer.question_id, "unknown_question");
    }
  }
  for (const Question& question : survey.questions) {
    if (!only.empty() && std::find(only.begin(), only.end(), question.id) == only.end()) continue;
    const Answer* answer = answers.Find(question.id);
    if (!answer || answer->empty()) {
      if (question.required) Invalid(status, question.id, "required");
      continue;
    }
    CheckAnswer(status, question, *answer);
  }
  return status.invalid_parameters().empty() ? Status::Ok() : status;
}

nlohmann::json AnswerSetToJson(const AnswerSet& answers) {
  nlohmann::json list = nlohmann::json::array();
  for (const Answer& answer : answers.answers) {
    list.push_back({{"question_id", answer.question_id},
                    {"number", answer.number ? nlohmann::json(*answer.number) : nullptr},
                    {"option_ids", answer.option_ids},
                    {"text", answer.text ? nlohmann::json(*answer.text) : nullptr}});
  }
  return {{"answers", list}};
}

namespace {

// One element of "answers"; problems are added to `status` under `prefix`.
Answer AnswerFromJson(const nlohmann::json& item, const std::string& prefix, Status& status) {
  Answer answer;
  if (!item.is_object()) {
    status.AddInvalid(prefix, "surveys.answers.not_object");
    return answer;
  }
  for (const auto& [name, value] : item.items()) {
    if (name == "question_id" && value.is_number_integer()) {
      answer.question_id = value.get<std::int64_t>();
    } else if (name == "number" && (value.is_number() || value.is_null())) {
      if (value.is_number()) answer.number = value.get<double>();
    } else if (name == "text" && (value.is_string() || value.is_null())) {
      if (value.is_string()) answer.text = value.get<std::string>();
    } else if (name == "option_ids" && value.is_array() &&
               std::all_of(value.begin(), value.end(),
                           [](const nlohmann::json& v) { return v.is_number_integer(); })) {
      answer.option_ids = value.get<std::vector<OptionId>>();
    } else {
      status.AddInvalid(prefix + "." + name, "surveys.answers.member_invalid");
    }
  }
  if (!item.contains("question_id")) {
    status.AddInvalid(prefix + ".question_id", "surveys.answers.question_id");
  } else if (answer.question_id <= 0 && item["question_id"].is_number_integer()) {
    status.AddInvalid(prefix + ".question_id", "surveys.answers.member_invalid");
  }
  return answer;
}

}  // namespace

StatusOr<AnswerSet> AnswerSetFromJson(const nlohmann::json& body) {
  Status status = InvalidArgumentError("surveys.answers.invalid");
  for (const auto& [name, value] : body.items()) {
    if (name != "answers") status.AddInvalid(name, "surveys.answers.member_invalid");
  }
  auto it = body.find("answers");
  if (it == body.end() || !it->is_array() || it->size() > kMaxQuestions) {
    status.AddInvalid("answers", "surveys.answers.list");
    return status;
  }
  AnswerSet answers;
  std::set<QuestionId> seen;
  for (size_t idx = 0; idx < it->size(); ++idx) {
    std::string prefix = "answers[" + std::to_string(idx) + "]";
    Answer answer = AnswerFromJson((*it)[idx], prefix, status);
    if (answer.question_id > 0 && !seen.insert(answer.question_id).second) {
      status.AddInvalid(prefix + ".question_id", "surveys.answers.duplicate");
    }
    answers.answers.push_back(std::move(answer));
  }
  if (!status.invalid_parameters().empty()) return status;
  return answers;
}

std::string FormatNumber(double value) {
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (ec != std::errc()) return "";
  return std::string(buffer, end);
}

}  // namespace nyttig::surveys
