#include "surveys/builder_form.h"

#include <charconv>
#include <sstream>

#include "core/text.h"
#include "core/time_format.h"
#include "surveys/answer_form.h"
#include "surveys/answers.h"

namespace nyttig::surveys {
namespace {

std::string Value(const FormMap& form, const std::string& name) {
  auto it = form.find(name);
  return it == form.end() ? "" : it->second;
}

LocalText Pair(const FormMap& form, const std::string& name) {
  return {Value(form, name + "_sv"), Value(form, name + "_en")};
}

std::optional<UnixSeconds> DateField(const FormMap& form, const std::string& name,
                                     Status& problems) {
  std::string text(Trim(Value(form, name)));
  if (text.empty()) return std::nullopt;
  std::optional<UnixSeconds> t = ParseRfc3339(text + "T00:00:00Z");
  if (!t || text.size() != 10) problems.AddInvalid(name, "surveys.field.date", text);
  return t;
}

std::optional<double> NumberField(const FormMap& form, const std::string& name, Status& problems) {
  std::string text(Trim(Value(form, name)));
  if (text.empty()) return std::nullopt;
  Question probe{.id = 0, .kind = QuestionKind::kNumber};
  PostedAnswer posted = ReadPostedAnswer(probe, {{AnswerField(0), text}});
  if (!posted.answer.number) problems.AddInvalid(name, "surveys.field.not_number", text);
  return posted.answer.number;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::string trimmed(Trim(line));
    if (!trimmed.empty()) lines.push_back(trimmed);
  }
  return lines;
}

std::string Joined(const std::vector<Option>& options, bool english) {
  std::string out;
  for (const Option& o : options) out += (english ? o.label.en : o.label.sv) + "\n";
  return out;
}

std::string Date(const std::optional<UnixSeconds>& t) { return t ? FormatIsoDate(*t) : ""; }

}  // namespace

SurveyInput SurveyInputFromForm(const FormMap& form, Status& problems) {
  SurveyInput input{.title = Pair(form, "title"), .introduction = Pair(form, "introduction")};
  input.audience = ParseAudience(Value(form, "audience")).value_or(Audience::kCitizens);
  input.access = ParseAccess(Value(form, "access")).value_or(Access::kAnonymousLink);
  input.opens_at = DateField(form, "opens_at", problems);
  if (std::string last(Trim(Value(form, "closes_at"))); !last.empty()) {
    input.closes_at = ParseLastDay(last);  // open through the whole last day
    if (!input.closes_at) problems.AddInvalid("closes_at", "surveys.field.date", last);
  }
  return input;
}

nlohmann::json SurveyFormValues(const Survey& s) {
  return {{"title_sv", s.title.sv},
          {"title_en", s.title.en},
          {"introduction_sv", s.introduction.sv},
          {"introduction_en", s.introduction.en},
          {"audience_" + std::string(AudienceName(s.audience)), true},
          {"access_" + std::string(AccessName(s.access)), true},
          {"opens_at", Date(s.opens_at)},
          {"closes_at", s.closes_at ? FormatLastDay(*s.closes_at) : ""}};
}

QuestionInput QuestionInputFromForm(QuestionKind kind, const FormMap& form, Status& problems) {
  QuestionInput input{.kind = kind,
                      .required = Value(form, "required") == "yes",
                      .text = Pair(form, "text"),
                      .help = Pair(form, "help"),
                      .low_label = Pair(form, "low_label"),
                      .high_label = Pair(form, "high_label")};
  if (kind == QuestionKind::kNumber) {
    input.min_value = NumberField(form, "min_value", problems);
    input.max_value = NumberField(form, "max_value", problems);
  }
  if (kind == QuestionKind::kFreeText) {
    std::string text(Trim(Value(form, "max_chars")));
    int max = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), max);
    if (!text.empty() && (ec != std::errc() || end != text.data() + text.size())) {
      problems.AddInvalid("max_chars", "surveys.field.not_number", text);
    } else if (!text.empty()) {
      input.max_chars = max;
    }
  }
  if (kind == QuestionKind::kSingleChoice || kind == QuestionKind::kMultipleChoice) {
    std::vector<std::string> sv = Lines(Value(form, "options_sv"));
    std::vector<std::string> en = Lines(Value(form, "options_en"));
    if (!en.empty() && en.size() != sv.size()) {
      problems.AddInvalid("options_en", "surveys.options.en_count");
    }
    for (size_t idx = 0; idx < sv.size(); ++idx) {
      input.options.push_back({sv[idx], idx < en.size() ? en[idx] : ""});
    }
  }
  return input;
}

nlohmann::json QuestionFormValues(const Question& q) {
  return {{"text_sv", q.text.sv},         {"text_en", q.text.en},
          {"help_sv", q.help.sv},         {"help_en", q.help.en},
          {"low_label_sv", q.low_label.sv}, {"low_label_en", q.low_label.en},
          {"high_label_sv", q.high_label.sv}, {"high_label_en", q.high_label.en},
          {"required", q.required},
          {"min_value", q.min_value ? FormatNumber(*q.min_value) : ""},
          {"max_value", q.max_value ? FormatNumber(*q.max_value) : ""},
          {"max_chars", q.kind == QuestionKind::kFreeText ? std::to_string(q.max_chars) : ""},
          {"options_sv", Joined(q.options, false)},
          {"options_en", Joined(q.options, true)}};
}

Status AsFormProblems(const Status& status) {
  Status out(status.code(), status.message());
  for (const InvalidParameter& p : status.invalid_parameters()) {
    std::string name = p.name;
    if (name == "options") name = "options_sv";
    if (name.starts_with("options[")) name = name.ends_with("_en") ? "options_en" : "options_sv";
    out.AddInvalid(name, p.reason, p.value, p.args);
  }
  return out;
}

}  // namespace nyttig::surveys
