// SurveyService: questionnaires owned by an organisation — build them, open
// and close them, take responses, compute results and export them as CSV.
//
//   SurveyService surveys(db, clock, audit);
//   StatusOr<Survey> s = surveys.CreateSurvey(actor, org_id, {
//       .title = {"Vad tycker du om nattbussen?", "What do you think of the night bus?"},
//       .audience = Audience::kCitizens, .access = Access::kAnonymousLink,
//       .context = SurveyContext{"pilot", 7}});
//   surveys.AddQuestion(actor, s->id, {.kind = QuestionKind::kLikert, ...});
//   surveys.Publish(actor, s->id);
//   StatusOr<SurveyResults> r = surveys.Results(actor, s->id);
//
// Every use case: validate → permission (surveys/permissions.h) → one
// transaction → audit record → value. Another organisation's survey is
// kNotFound for anyone who may not see it, never kPermissionDenied, so ids
// leak nothing.
//
// Validation errors name the field: survey fields by their JSON name
// ("title_sv", "closes_at", …), question fields by theirs ("text_sv",
// "options", "max_chars", …) and answers by "q<question id>" (e.g. "q12"),
// with a message key from i18n/sv/surveys.json.
//
// Thread-safety: safe to share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "accounts/actor.h"
#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/status.h"
#include "db/database.h"
#include "surveys/survey.h"

namespace nyttig::surveys {

inline constexpr size_t kMaxTitleChars = 200;
inline constexpr size_t kMaxIntroductionChars = 4000;
inline constexpr size_t kMaxQuestionTextChars = 500;
inline constexpr size_t kMaxHelpChars = 1000;
inline constexpr size_t kMaxOptionChars = 200;
inline constexpr size_t kMaxScaleLabelChars = 60;
inline constexpr size_t kMaxContextKindChars = 40;
inline constexpr int kMaxQuestions = 50;
inline constexpr int kMinOptions = 2;
inline constexpr int kMaxOptions = 20;
inline constexpr int kDefaultFreeTextChars = 2000;  // characters
inline constexpr int kMaxFreeTextChars = 10000;     // characters
inline constexpr double kMaxNumberMagnitude = 1e12;  // |answer| and |min|, |max|

// What a builder sets on a survey (create and update).
struct SurveyInput {
  LocalText title;
  LocalText introduction;
  Audience audience = Audience::kCitizens;
  Access access = Access::kAnonymousLink;
  std::optional<UnixSeconds> opens_at;
  std::optional<UnixSeconds> closes_at;
  std::optional<SurveyContext> context;  // only on create; update keeps it
};

// What a builder sets on a question (add and update). Options replace the
// question's options as a whole.
struct QuestionInput {
  QuestionKind kind = QuestionKind::kLikert;
  bool required = true;
  LocalText text;
  LocalText help;
  LocalText low_label;   // Likert only
  LocalText high_label;  // Likert only
  std::optional<double> min_value;  // number only
  std::optional<double> max_value;  // number only
  std::optional<int> max_chars;     // free text only; default kDefaultFreeTextChars
  std::vector<LocalText> options;   // single and multiple choice only
};

struct SurveyFilter {
  std::optional<SurveyState> state;
  std::optional<Audience> audience;
  int page = 1;    // from 1
  int limit = 20;  // 1..100
};

template <typename T>
struct Paged {
  std::vector<T> items;
  std::int64_t total = 0;
};

// Where a person stands with a survey, for the answer pages.
enum class Eligibility {
  kCanAnswer,
  kNotOpenYet,       // draft, or opens_at in the future
  kClosed,           // closed, or closes_at passed
  kLogInFirst,       // logged-in access and an anonymous visitor
  kStaffOnly,        // a logged-in staff survey and not a member
  kAlreadyAnswered,  // this person (or, for link surveys, this browser) has answered
};

class SurveyService {
 public:
  SurveyService(db::Database& db, const Clock& clock, const audit::AuditLog& audit);
  SurveyService(const SurveyService&) = delete;
  SurveyService& operator=(const SurveyService&) = delete;

  // --- building (coordinators and admins of the organisation) ---

  // A new draft survey. kInvalidArgument per field; kPermissionDenied (or
  // kUnauthenticated) unless the actor may build surveys in `org`.
  StatusOr<Survey> CreateSurvey(const accounts::Actor& actor, accounts::OrganisationId org,
                                const SurveyInput& input);
  // Changes title, introduction, audience, access and period. Fails with
  // kFailedPrecondition once the survey has responses or is closed.
  StatusOr<Survey> UpdateSurvey(const accounts::Actor& actor, SurveyId id,
                                const SurveyInput& input);
  // Appends a question (kFailedPrecondition as for UpdateSurvey, or at
  // kMaxQuestions).
  StatusOr<Question> AddQuestion(const accounts::Actor& actor, SurveyId id,
                                 const QuestionInput& input);
  StatusOr<Question> UpdateQuestion(const accounts::Actor& actor, SurveyId id,
                                    QuestionId question, const QuestionInput& input);
  Status RemoveQuestion(const accounts::Actor& actor, SurveyId id, QuestionId question);
  // Moves a question one step up (-1) or down (+1); a no-op at either end.
  Status MoveQuestion(const accounts::Actor& actor, SurveyId id, QuestionId question,
                      int direction);
  // draft → open. kFailedPrecondition unless a draft with at least one question.
  StatusOr<Survey> Publish(const accounts::Actor& actor, SurveyId id);
  // open → closed (also allowed with responses). kFailedPrecondition unless open.
  StatusOr<Survey> Close(const accounts::Actor& actor, SurveyId id);

  // --- reading ---

  // The survey with its questions. Builders and result readers see any
  // state; everybody else only open or closed surveys they may answer
  // (kNotFound otherwise, also for unknown ids).
  StatusOr<Survey> GetSurvey(const accounts::Actor& actor, SurveyId id);
  // An organisation's surveys, newest first. Builders and result readers see
  // all; other members see open staff surveys; kPermissionDenied for
  // outsiders.
  StatusOr<Paged<Survey>> ListSurveys(const accounts::Actor& actor, accounts::OrganisationId org,
                                      const SurveyFilter& filter);
  // Every survey attached to another module's record (e.g. a pilot), in
  // creation order, that the actor may read results of.
  StatusOr<std::vector<Survey>> ListByContext(const accounts::Actor& actor,
                                              accounts::OrganisationId org,
                                              const SurveyContext& context);
  // Open citizen surveys of an organisation, for its public front page.
  StatusOr<std::vector<Survey>> OpenCitizenSurveys(accounts::OrganisationId org);

  // --- answering ---

  // Whether `actor` (with the browser's guard token, "" when none) may
  // answer now. kNotFound as GetSurvey.
  StatusOr<Eligibility> CheckEligibility(const accounts::Actor& actor, SurveyId id,
                                         const std::string& browser_token);
  // Checks `answers` against the survey's questions without saving: every
  // problem as kInvalidArgument with one InvalidParameter "q<id>" each.
  // `only` limits the check to those questions (one page of the flow).
  Status ValidateAnswers(const Survey& survey, const AnswerSet& answers,
                         const std::vector<QuestionId>& only = {}) const;
  // Saves a response. kFailedPrecondition ("surveys.response.not_open",
  // "surveys.response.already_answered" …) when the eligibility check fails,
  // kUnauthenticated for a logged-in survey without a person, kInvalidArgument
  // for the answers. For link surveys, `browser_token` (a random value the
  // answer pages keep in a cookie; "" from API clients) is stored hashed so
  // that the same browser cannot answer twice; a person who clears cookies
  // or changes browser can (documented in docs/surveys.md).
  StatusOr<Receipt> SubmitResponse(const accounts::Actor& actor, SurveyId id,
                                   const AnswerSet& answers, const std::string& browser_token);

  // In-progress answers of the page flow, kept server-side under the
  // browser's token so nothing typed is lost between pages. Saving never
  // validates (the pages do); a draft is deleted when the response is sent.
  Status SaveDraft(SurveyId id, const std::string& browser_token, const AnswerSet& answers);
  StatusOr<AnswerSet> LoadDraft(SurveyId id, const std::string& browser_token);

  // --- results (builders, decision makers, admins) ---

  // Counts, shares, means with 95 % intervals and free texts per question.
  StatusOr<SurveyResults> Results(const accounts::Actor& actor, SurveyId id);
  // Writes every response as RFC 4180 CSV: one row per response, one column
  // per question (multiple choice: one 0/1 column per option), texts in
  // `language`. Cells that a spreadsheet would run as a formula are
  // prefixed with an apostrophe.
  Status ExportCsv(const accounts::Actor& actor, SurveyId id, const std::string& language,
                   std::ostream& out);

  // The results of every survey of `org` attached to `context`, in creation
  // order, without a permission check: for a module that has checked its own
  // (e.g. the pilots evaluation page listing its perception surveys).
  StatusOr<std::vector<SurveyResults>> ResultsForContext(accounts::OrganisationId org,
                                                         const SurveyContext& context);

 private:
  db::Database& db_;
  const Clock& clock_;
  const audit::AuditLog& audit_;
};

}  // namespace nyttig::surveys
