// Value types of the surveys module: a questionnaire (Survey) with its
// questions and options, a response's answers, and the results computed from
// all responses. Plain structs; SurveyService owns the rules.
//
// Texts that respondents read come in Swedish and English (LocalText); the
// English text may be empty, and readers then see the Swedish one.
//
// Thread-safety: plain values; copy freely.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/accounts.h"
#include "core/clock.h"

namespace nyttig::surveys {

using SurveyId = std::int64_t;
using QuestionId = std::int64_t;
using OptionId = std::int64_t;
using ResponseId = std::int64_t;

// Who the survey is for: decides where it is listed (citizen surveys on the
// organisation's public front, staff surveys on /surveys).
enum class Audience { kCitizens, kStaff };
// How people reach it: anyone with the link (no log-in, a per-browser guard
// only), or logged-in people with one response per person.
enum class Access { kAnonymousLink, kLoggedIn };
// draft → open → closed; nobody answers a draft or a closed survey.
enum class SurveyState { kDraft, kOpen, kClosed };
enum class QuestionKind { kLikert, kSingleChoice, kMultipleChoice, kNumber, kFreeText };

std::string_view AudienceName(Audience audience);  // "citizens" | "staff"
std::optional<Audience> ParseAudience(std::string_view name);
std::string_view AccessName(Access access);  // "anonymous_link" | "logged_in"
std::optional<Access> ParseAccess(std::string_view name);
std::string_view SurveyStateName(SurveyState state);  // "draft" | "open" | "closed"
std::optional<SurveyState> ParseSurveyState(std::string_view name);
// "likert" | "single_choice" | "multiple_choice" | "number" | "free_text"
std::string_view QuestionKindName(QuestionKind kind);
std::optional<QuestionKind> ParseQuestionKind(std::string_view name);

// A text in Swedish (required where the text is) and English (optional).
struct LocalText {
  std::string sv;
  std::string en;
  // The text in `language` ("sv" or "en"), falling back to Swedish.
  const std::string& In(std::string_view language) const {
    return language == "en" && !en.empty() ? en : sv;
  }
  bool operator==(const LocalText&) const = default;
};

// What another module's record this survey belongs to, e.g. a pilot's
// perception survey: {"kind": "pilot", "id": 7}. Surveys never read the other
// module's tables; the owner looks its surveys up by context.
struct SurveyContext {
  std::string kind;  // lower-case letters and '_', at most 40 characters
  std::int64_t id = 0;
  bool operator==(const SurveyContext&) const = default;
};

inline constexpr int kLikertMin = 1;
inline constexpr int kLikertMax = 5;

struct Option {
  OptionId id = 0;
  int position = 0;  // from 0, the order shown
  LocalText label;
};

struct Question {
  QuestionId id = 0;
  int position = 0;  // from 0, the order asked
  QuestionKind kind = QuestionKind::kLikert;
  bool required = true;
  LocalText text;
  LocalText help;        // a hint under the question; may be empty
  LocalText low_label;   // Likert: what 1 means ("Instämmer inte alls")
  LocalText high_label;  // Likert: what 5 means ("Instämmer helt")
  std::optional<double> min_value;  // number: the smallest allowed answer
  std::optional<double> max_value;  // number: the largest allowed answer
  int max_chars = 0;                // free text: the longest allowed answer (characters)
  std::vector<Option> options;      // single and multiple choice, in order
};

struct Survey {
  SurveyId id = 0;
  accounts::OrganisationId organisation_id = 0;
  LocalText title;
  LocalText introduction;
  Audience audience = Audience::kCitizens;
  Access access = Access::kAnonymousLink;
  SurveyState state = SurveyState::kDraft;
  std::optional<UnixSeconds> opens_at;   // nullopt: as soon as it is published
  std::optional<UnixSeconds> closes_at;  // nullopt: until someone closes it
  std::optional<SurveyContext> context;
  std::optional<accounts::PersonId> created_by;
  UnixSeconds created_at = 0;
  UnixSeconds updated_at = 0;
  std::int64_t response_count = 0;  // filled when read
  std::vector<Question> questions;  // in order; filled by GetSurvey
};

// One question's answer as a respondent gives it. Which member counts
// depends on the question's kind: Likert and number use `number`, single
// choice one entry in `option_ids`, multiple choice any number of them, free
// text `text`. An answer with nothing in it means "not answered".
struct Answer {
  QuestionId question_id = 0;
  std::optional<double> number;
  std::vector<OptionId> option_ids;
  std::optional<std::string> text;
  bool empty() const { return !number && option_ids.empty() && (!text || text->empty()); }
};

// What a respondent hands in: one Answer per answered question.
struct AnswerSet {
  std::vector<Answer> answers;
  // The answer to `question`, or nullptr.
  const Answer* Find(QuestionId question) const {
    for (const Answer& answer : answers) {
      if (answer.question_id == question) return &answer;
    }
    return nullptr;
  }
};

// The receipt a respondent gets: a reference number to quote ("E-2026-0042").
struct Receipt {
  ResponseId response_id = 0;
  std::string reference;
  UnixSeconds submitted_at = 0;
};

// Results of one option of a choice question (or one value 1–5 of a Likert
// question, whose label is the number).
struct OptionCount {
  std::optional<OptionId> option_id;  // nullopt for Likert values
  LocalText label;
  std::int64_t count = 0;
  // count / respondents who answered the question; nullopt when nobody did.
  std::optional<double> share;
};

// A mean with its 95 % confidence interval (Student's t with n − 1 degrees
// of freedom). The interval is nullopt, with `note` saying why, when it
// cannot be computed: fewer than two answers ("too_few"), or every answer
// the same ("zero_variance", the interval is then the single value).
struct MeanEstimate {
  std::int64_t n = 0;
  std::optional<double> mean;
  std::optional<double> standard_deviation;
  std::optional<double> ci_low;
  std::optional<double> ci_high;
  std::string note;  // "" | "no_answers" | "too_few" | "zero_variance"
};

struct QuestionResult {
  Question question;
  std::int64_t answered = 0;  // respondents who answered this question
  std::vector<OptionCount> counts;    // Likert (1..5) and choice questions
  std::optional<MeanEstimate> mean;   // Likert and number questions
  std::vector<std::string> texts;     // free text answers, oldest first
};

struct SurveyResults {
  Survey survey;
  std::int64_t responses = 0;
  std::vector<QuestionResult> questions;
};

}  // namespace nyttig::surveys
