#include "surveys/survey_validation.h"

#include <cmath>

#include "core/text.h"

namespace nyttig::surveys {
namespace {

std::string Trimmed(const std::string& text) { return std::string(Trim(text)); }

LocalText TrimmedText(const LocalText& text) { return {Trimmed(text.sv), Trimmed(text.en)}; }

// Checks both languages of a text; the Swedish one is required when
// `required_key` (the message for a missing text) is not empty.
void CheckText(Status& status, const std::string& field, const LocalText& text, size_t max,
               const std::string& required_key = {}) {
  for (const auto& [suffix, value] : {std::pair{"_sv", &text.sv}, std::pair{"_en", &text.en}}) {
    std::string name = field + suffix;
    std::string trimmed = Trimmed(*value);
    if (!IsValidUtf8(trimmed)) {
      status.AddInvalid(name, "surveys.field.invalid_text");
    } else if (Utf8Length(trimmed) > max) {
      status.AddInvalid(name, "surveys.field.too_long", {}, {{"max", std::to_string(max)}});
    } else if (!required_key.empty() && suffix == std::string("_sv") && trimmed.empty()) {
      status.AddInvalid(name, required_key);
    }
  }
}

bool ValidContextKind(const std::string& kind) {
  if (kind.empty() || kind.size() > kMaxContextKindChars) return false;
  for (char c : kind) {
    if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
  }
  return true;
}

bool IsChoice(QuestionKind kind) {
  return kind == QuestionKind::kSingleChoice || kind == QuestionKind::kMultipleChoice;
}

void CheckNumberLimit(Status& status, const char* name, std::optional<double> value) {
  if (value && (!std::isfinite(*value) || std::fabs(*value) > kMaxNumberMagnitude)) {
    status.AddInvalid(name, "surveys.question.number_limit");
  }
}

void CheckOptions(Status& status, const QuestionInput& input) {
  int count = static_cast<int>(input.options.size());
  if (count < kMinOptions || count > kMaxOptions) {
    status.AddInvalid("options", "surveys.question.option_count", std::to_string(count),
                      {{"min", std::to_string(kMinOptions)}, {"max", std::to_string(kMaxOptions)}});
  }
  for (size_t option_idx = 0; option_idx < input.options.size() && option_idx < kMaxOptions;
       ++option_idx) {
    CheckText(status, "options[" + std::to_string(option_idx) + "].label",
              input.options[option_idx], kMaxOptionChars, "surveys.option.required");
  }
}

}  // namespace

Status ValidateSurveyInput(const SurveyInput& input) {
  Status status = InvalidArgumentError("surveys.survey.invalid");
  CheckText(status, "title", input.title, kMaxTitleChars, "surveys.title.required");
  CheckText(status, "introduction", input.introduction, kMaxIntroductionChars);
  if (input.opens_at && input.closes_at && *input.closes_at <= *input.opens_at) {
    status.AddInvalid("closes_at", "surveys.closes_at.before_opens");
  }
  if (input.context && (!ValidContextKind(input.context->kind) || input.context->id <= 0)) {
    status.AddInvalid("context_kind", "surveys.context.invalid", input.context->kind);
  }
  return status.invalid_parameters().empty() ? Status::Ok() : status;
}

Status ValidateQuestionInput(const QuestionInput& input) {
  Status status = InvalidArgumentError("surveys.question.invalid");
  CheckText(status, "text", input.text, kMaxQuestionTextChars, "surveys.question.text_required");
  CheckText(status, "help", input.help, kMaxHelpChars);
  if (input.kind == QuestionKind::kLikert) {
    CheckText(status, "low_label", input.low_label, kMaxScaleLabelChars);
    CheckText(status, "high_label", input.high_label, kMaxScaleLabelChars);
  }
  if (input.kind == QuestionKind::kNumber) {
    CheckNumberLimit(status, "min_value", input.min_value);
    CheckNumberLimit(status, "max_value", input.max_value);
    if (input.min_value && input.max_value && *input.max_value < *input.min_value) {
      status.AddInvalid("max_value", "surveys.question.max_below_min");
    }
  }
  if (input.kind == QuestionKind::kFreeText && input.max_chars &&
      (*input.max_chars < 1 || *input.max_chars > kMaxFreeTextChars)) {
    status.AddInvalid("max_chars", "surveys.question.max_chars", std::to_string(*input.max_chars),
                      {{"max", std::to_string(kMaxFreeTextChars)}});
  }
  if (IsChoice(input.kind)) CheckOptions(status, input);
  return status.invalid_parameters().empty() ? Status::Ok() : status;
}

Survey SurveyFromInput(const SurveyInput& input) {
  return Survey{.title = TrimmedText(input.title),
                .introduction = TrimmedText(input.introduction),
                .audience = input.audience,
                .access = input.access,
                .opens_at = input.opens_at,
                .closes_at = input.closes_at};
}

Question QuestionFromInput(const QuestionInput& input) {
  Question q{.kind = input.kind,
             .required = input.required,
             .text = TrimmedText(input.text),
             .help = TrimmedText(input.help)};
  if (q.kind == QuestionKind::kLikert) {
    q.low_label = TrimmedText(input.low_label);
    q.high_label = TrimmedText(input.high_label);
    if (q.low_label.sv.empty()) q.low_label = {"Instämmer inte alls", "Strongly disagree"};
    if (q.high_label.sv.empty()) q.high_label = {"Instämmer helt", "Strongly agree"};
  }
  if (q.kind == QuestionKind::kNumber) {
    q.min_value = input.min_value;
    q.max_value = input.max_value;
  }
  if (q.kind == QuestionKind::kFreeText) q.max_chars = input.max_chars.value_or(kDefaultFreeTextChars);
  if (IsChoice(q.kind)) {
    for (const LocalText& label : input.options) {
      q.options.push_back(Option{.label = TrimmedText(label)});
    }
  }
  return q;
}

}  // namespace nyttig::surveys
