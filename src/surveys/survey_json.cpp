#include "surveys/survey_json.h"

#include <cmath>

#include "core/time_format.h"
#include "http/json_body.h"

namespace nyttig::surveys {
namespace {

using nlohmann::json;

json Nullable(const std::optional<double>& v) { return v ? json(*v) : json(); }
json Time(const std::optional<UnixSeconds>& t) { return t ? json(FormatRfc3339(*t)) : json(); }

void PutText(json& out, const std::string& name, const LocalText& text) {
  out[name + "_sv"] = text.sv;
  out[name + "_en"] = text.en;
}

json MeanJson(const MeanEstimate& m) {
  return {{"n", m.n},
          {"mean", Nullable(m.mean)},
          {"standard_deviation", Nullable(m.standard_deviation)},
          {"ci_low", Nullable(m.ci_low)},
          {"ci_high", Nullable(m.ci_high)},
          {"note", m.note.empty() ? json() : json(m.note)}};
}

json CountJson(const OptionCount& c) {
  json out = {{"option_id", c.option_id ? json(*c.option_id) : json()},
              {"count", c.count},
              {"share", Nullable(c.share)}};
  PutText(out, "label", c.label);
  return out;
}

// RFC 3339 or null; anything else is listed as a problem.
std::optional<UnixSeconds> TimeMember(const json& body, const char* name, Status& status) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::nullopt;
  std::optional<UnixSeconds> t = it->is_string() ? ParseRfc3339(it->get<std::string>()) : std::nullopt;
  if (!t) status.AddInvalid(name, "surveys.field.time", it->dump());
  return t;
}

std::optional<double> NumberMember(const json& body, const char* name, Status& status) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_number()) {
    status.AddInvalid(name, "surveys.field.not_number", it->dump());
    return std::nullopt;
  }
  return it->get<double>();
}

template <typename T>
T EnumMember(http::JsonFields& fields, const char* name, std::optional<T> (*parse)(std::string_view),
             T fallback, Status& status) {
  std::optional<std::string> text = fields.OptionalString(name, 40);
  if (!text) return fallback;
  std::optional<T> value = parse(*text);
  if (!value) status.AddInvalid(name, std::string("surveys.") + name + ".invalid", *text);
  return value.value_or(fallback);
}

LocalText TextPair(http::JsonFields& fields, const std::string& name, size_t max, bool required) {
  LocalText text;
  text.sv = required ? fields.RequiredString(name + "_sv", max)
                     : fields.OptionalString(name + "_sv", max).value_or("");
  text.en = fields.OptionalString(name + "_en", max).value_or("");
  return text;
}

// Merges the JsonFields problems with our own into one response.
Status Combined(const http::JsonFields& fields, const Status& own) {
  Status status = fields.status();
  if (status.ok()) status = InvalidArgumentError("validation.failed");
  for (const InvalidParameter& p : own.invalid_parameters()) {
    status.AddInvalid(p.name, p.reason, p.value, p.args);
  }
  return status.invalid_parameters().empty() ? Status::Ok() : status;
}

std::vector<LocalText> OptionsMember(const json& body, Status& status) {
  std::vector<LocalText> options;
  auto it = body.find("options");
  if (it == body.end() || it->is_null()) return options;
  if (!it->is_array() || it->size() > static_cast<size_t>(kMaxOptions) * 2) {
    status.AddInvalid("options", "validation.not_list");
    return options;
  }
  for (size_t idx = 0; idx < it->size(); ++idx) {
    const json& item = (*it)[idx];
    std::string prefix = "options[" + std::to_string(idx) + "]";
    if (!item.is_object()) {
      status.AddInvalid(prefix, "surveys.option.not_object");
      continue;
    }
    http::JsonFields fields(item, {"label_sv", "label_en"});
    LocalText label = TextPair(fields, "label", kMaxOptionChars, false);
    Status option_status = fields.status();  // by value: keep it alive for the loop
    for (const InvalidParameter& p : option_status.invalid_parameters()) {
      status.AddInvalid(prefix + "." + p.name, p.reason, p.value, p.args);
    }
    options.push_back(label);
  }
  return options;
}

}  // namespace

json QuestionJson(const Question& q) {
  json options = json::array();
  for (const Option& option : q.options) {
    json o = {{"id", option.id}, {"position", option.position}};
    PutText(o, "label", option.label);
    options.push_back(o);
  }
  json out = {{"id", q.id},
              {"position", q.position},
              {"kind", QuestionKindName(q.kind)},
              {"required", q.required},
              {"min_value", Nullable(q.min_value)},
              {"max_value", Nullable(q.max_value)},
              {"max_chars", q.kind == QuestionKind::kFreeText ? json(q.max_chars) : json()},
              {"options", options}};
  PutText(out, "text", q.text);
  PutText(out, "help", q.help);
  PutText(out, "low_label", q.low_label);
  PutText(out, "high_label", q.high_label);
  return out;
}

json SurveyJson(const Survey& s) {
  json questions = json::array();
  for (const Question& q : s.questions) questions.push_back(QuestionJson(q));
  json out = {{"id", s.id},
              {"organisation_id", s.organisation_id},
              {"audience", AudienceName(s.audience)},
              {"access", AccessName(s.access)},
              {"state", SurveyStateName(s.state)},
              {"opens_at", Time(s.opens_at)},
              {"closes_at", Time(s.closes_at)},
              {"context", s.context ? json{{"kind", s.context->kind}, {"id", s.context->id}} : json()},
              {"response_count", s.response_count},
              {"created_at", FormatRfc3339(s.created_at)},
              {"updated_at", FormatRfc3339(s.updated_at)},
              {"url", "/surveys/" + std::to_string(s.id)},
              {"questions", questions}};
  PutText(out, "title", s.title);
  PutText(out, "introduction", s.introduction);
  return out;
}

json ResultsJson(const SurveyResults& r) {
  json questions = json::array();
  for (const QuestionResult& q : r.questions) {
    json counts = json::array();
    for (const OptionCount& c : q.counts) counts.push_back(CountJson(c));
    json item = {{"question_id", q.question.id},
                 {"kind", QuestionKindName(q.question.kind)},
                 {"answered", q.answered},
                 {"counts", counts},
                 {"mean", q.mean ? MeanJson(*q.mean) : json()},
                 {"texts", q.texts}};
    PutText(item, "text", q.question.text);
    questions.push_back(item);
  }
  return {{"survey_id", r.survey.id}, {"responses", r.responses}, {"questions", questions}};
}

json ReceiptJson(const Receipt& receipt) {
  return {{"response_id", receipt.response_id},
          {"reference", receipt.reference},
          {"submitted_at", FormatRfc3339(receipt.submitted_at)}};
}

StatusOr<SurveyInput> SurveyInputFromJson(const json& body, bool allow_context) {
  http::JsonFields fields(body, {"title_sv", "title_en", "introduction_sv", "introduction_en",
                                 "audience", "access", "opens_at", "closes_at", "context"});
  Status own = InvalidArgumentError("validation.failed");
  SurveyInput input;
  input.title = TextPair(fields, "title", kMaxTitleChars, true);
  input.introduction = TextPair(fields, "introduction", kMaxIntroductionChars, false);
  input.audience = EnumMember(fields, "audience", ParseAudience, Audience::kCitizens, own);
  input.access = EnumMember(fields, "access", ParseAccess, Access::kAnonymousLink, own);
  input.opens_at = TimeMember(body, "opens_at", own);
  input.closes_at = TimeMember(body, "closes_at", own);
  auto context = body.find("context");
  if (context != body.end() && !context->is_null()) {
    if (!allow_context) {
      own.AddInvalid("context", "surveys.context.fixed");
    } else if (context->is_object() && context->value("kind", json()).is_string() &&
               context->value("id", json()).is_number_integer() && context->size() == 2) {
      input.context = SurveyContext{(*context)["kind"].get<std::string>(),
                                    (*context)["id"].get<std::int64_t>()};
    } else {
      own.AddInvalid("context", "surveys.context.invalid", context->dump());
    }
  }
  RETURN_IF_ERROR(Combined(fields, own));
  return input;
}

StatusOr<QuestionInput> QuestionInputFromJson(const json& body) {
  http::JsonFields fields(body, {"kind", "required", "text_sv", "text_en", "help_sv", "help_en",
                                 "low_label_sv", "low_label_en", "high_label_sv", "high_label_en",
                                 "min_value", "max_value", "max_chars", "options"});
  Status own = InvalidArgumentError("validation.failed");
  QuestionInput input;
  input.kind = EnumMember(fields, "kind", ParseQuestionKind, QuestionKind::kLikert, own);
  if (!body.contains("kind")) own.AddInvalid("kind", "validation.required");
  input.required = fields.OptionalBool("required").value_or(true);
  input.text = TextPair(fields, "text", kMaxQuestionTextChars, true);
  input.help = TextPair(fields, "help", kMaxHelpChars, false);
  input.low_label = TextPair(fields, "low_label", kMaxScaleLabelChars, false);
  input.high_label = TextPair(fields, "high_label", kMaxScaleLabelChars, false);
  input.min_value = NumberMember(body, "min_value", own);
  input.max_value = NumberMember(body, "max_value", own);
  if (std::optional<std::int64_t> max = fields.OptionalInt("max_chars", 1, kMaxFreeTextChars)) {
    input.max_chars = static_cast<int>(*max);
  }
  input.options = OptionsMember(body, own);
  RETURN_IF_ERROR(Combined(fields, own));
  return input;
}

}  // namespace nyttig::surveys
