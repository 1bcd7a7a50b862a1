// SQL for the surveys module's tables (surveys_surveys, surveys_questions,
// surveys_options, surveys_responses, surveys_answers, surveys_drafts).
// Every function runs inside the caller's transaction; no rules here.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "db/database.h"
#include "surveys/survey.h"

namespace nyttig::surveys {

// Which of an organisation's surveys a list shows.
struct SurveyListQuery {
  accounts::OrganisationId organisation_id = 0;
  std::vector<SurveyState> states;      // empty = any
  std::vector<Audience> audiences;      // empty = any
  std::int64_t offset = 0;
  int limit = 20;
};

// A stored response with its answers, for results and export.
struct StoredResponse {
  ResponseId id = 0;
  UnixSeconds submitted_at = 0;
  AnswerSet answers;
};

class SurveyStore {
 public:
  static StatusOr<SurveyId> InsertSurvey(db::Tx& tx, const Survey& survey);
  // Title, introduction, audience, access, period and updated_at.
  static Status UpdateSurvey(db::Tx& tx, const Survey& survey);
  static Status SetState(db::Tx& tx, SurveyId id, SurveyState state, UnixSeconds now);
  // The survey with response_count, without questions. kNotFound.
  static StatusOr<Survey> FindSurvey(db::Tx& tx, SurveyId id);
  // Questions with their options, in order.
  static StatusOr<std::vector<Question>> LoadQuestions(db::Tx& tx, SurveyId id);
  // A page, newest first, and the total that match.
  static StatusOr<std::pair<std::vector<Survey>, std::int64_t>> ListSurveys(
      db::Tx& tx, const SurveyListQuery& query);
  static StatusOr<std::vector<Survey>> ListByContext(db::Tx& tx, accounts::OrganisationId org,
                                                     const SurveyContext& context);

  // Appends the question (with its options) after the last one.
  static StatusOr<QuestionId> InsertQuestion(db::Tx& tx, SurveyId survey, const Question& q);
  // Replaces the question's texts, settings and options (position kept).
  static Status UpdateQuestion(db::Tx& tx, const Question& q);
  // Deletes the question and closes the gap in positions.
  static Status DeleteQuestion(db::Tx& tx, SurveyId survey, QuestionId q);
  static Status SetQuestionPosition(db::Tx& tx, QuestionId q, int position);

  static StatusOr<std::int64_t> CountResponses(db::Tx& tx, SurveyId id);
  static StatusOr<bool> PersonHasAnswered(db::Tx& tx, SurveyId id, accounts::PersonId person);
  static StatusOr<bool> BrowserHasAnswered(db::Tx& tx, SurveyId id, const std::string& key);
  // kAlreadyExists when the person or browser key has a response already
  // (the unique indexes decide, so concurrent submissions cannot both land).
  static StatusOr<ResponseId> InsertResponse(db::Tx& tx, SurveyId id,
                                             std::optional<accounts::PersonId> person,
                                             std::optional<std::string> browser_key,
                                             const AnswerSet& answers, UnixSeconds now);
  // Every response with its answers, oldest first.
  static StatusOr<std::vector<StoredResponse>> LoadResponses(db::Tx& tx, SurveyId id);

  static Status SaveDraft(db::Tx& tx, SurveyId id, const std::string& token_hash,
                          const std::string& answers_json, UnixSeconds now);
  static StatusOr<std::optional<std::string>> LoadDraft(db::Tx& tx, SurveyId id,
                                                        const std::string& token_hash);
  static Status DeleteDraft(db::Tx& tx, SurveyId id, const std::string& token_hash);
};

}  // namespace nyttig::surveys
