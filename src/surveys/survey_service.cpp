#include "surveys/survey_service.h"

#include "accounts/permissions.h"
#include "accounts/secrets.h"
#include "surveys/answers.h"
#include "surveys/permissions.h"
#include "surveys/survey_csv.h"
#include "surveys/survey_results.h"
#include "surveys/survey_store.h"
#include "surveys/survey_validation.h"

namespace nyttig::surveys {

using accounts::Actor;
using accounts::OrganisationId;

namespace {

Status Audit(db::Tx& tx, const audit::AuditLog& log, const Actor& actor, const Survey& survey,
             std::string action, nlohmann::json details = nlohmann::json::object()) {
  details["survey_id"] = survey.id;
  return log
      .Append(tx, accounts::MakeAuditEvent(actor, survey.organisation_id, std::move(action),
                                           "survey", std::to_string(survey.id),
                                           std::move(details)))
      .status();
}

// The survey for a builder's change: visible, buildable, and (unless only
// closing) still editable.
StatusOr<Survey> LoadForBuilding(db::Tx& tx, const Actor& actor, SurveyId id, UnixSeconds now) {
  ASSIGN_OR_RETURN(Survey survey, SurveyStore::FindSurvey(tx, id));
  if (!CanViewSurvey(actor, survey, now)) return HiddenSurvey(actor);
  if (!CanBuildSurveys(actor, survey.organisation_id)) {
    return accounts::DenyAccess(actor, "surveys.build.denied");
  }
  return survey;
}

Status CheckEditable(const Survey& survey) {
  if (survey.state == SurveyState::kClosed) return FailedPreconditionError("surveys.locked.closed");
  if (survey.response_count > 0) return FailedPreconditionError("surveys.locked.responses");
  return Status::Ok();
}

StatusOr<Survey> LoadEditable(db::Tx& tx, const Actor& actor, SurveyId id, UnixSeconds now) {
  ASSIGN_OR_RETURN(Survey survey, LoadForBuilding(tx, actor, id, now));
  RETURN_IF_ERROR(CheckEditable(survey));
  return survey;
}

StatusOr<Survey> WithQuestions(db::Tx& tx, Survey survey) {
  ASSIGN_OR_RETURN(survey.questions, SurveyStore::LoadQuestions(tx, survey.id));
  return survey;
}

Status CheckQuestionBelongs(const Survey& survey, QuestionId question) {
  for (const Question& q : survey.questions) {
    if (q.id == question) return Status::Ok();
  }
  return NotFoundError("surveys.question.not_found");
}

}  // namespace

SurveyService::SurveyService(db::Database& db, const Clock& clock, const audit::AuditLog& audit)
    : db_(db), clock_(clock), audit_(audit) {}

StatusOr<Survey> SurveyService::CreateSurvey(const Actor& actor, OrganisationId org,
                                             const SurveyInput& input) {
  RETURN_IF_ERROR(ValidateSurveyInput(input));
  if (!CanBuildSurveys(actor, org)) return accounts::DenyAccess(actor, "surveys.build.denied");
  return db_.WriteValue<Survey>([&](db::Tx& tx) -> StatusOr<Survey> {
    UnixSeconds now = clock_.Now();
    Survey survey = SurveyFromInput(input);
    survey.organisation_id = org;
    survey.context = input.context;
    survey.created_by = actor.person_id;
    survey.created_at = survey.updated_at = now;
    ASSIGN_OR_RETURN(survey.id, SurveyStore::InsertSurvey(tx, survey));
    nlohmann::json details = {{"title", survey.title.sv}};
    if (survey.context) details["context"] = survey.context->kind + ":" + std::to_string(survey.context->id);
    RETURN_IF_ERROR(Audit(tx, audit_, actor, survey, "survey.create", details));
    return survey;
  });
}

StatusOr<Survey> SurveyService::UpdateSurvey(const Actor& actor, SurveyId id,
                                             const SurveyInput& input) {
  RETURN_IF_ERROR(ValidateSurveyInput(input));
  return db_.WriteValue<Survey>([&](db::Tx& tx) -> StatusOr<Survey> {
    UnixSeconds now = clock_.Now();
    ASSIGN_OR_RETURN(Survey survey, LoadEditable(tx, actor, id, now));
    Survey changed = SurveyFromInput(input);
    survey.title = changed.title;
    survey.introduction = changed.introduction;
    survey.audience = changed.audience;
    survey.access = changed.access;
    survey.opens_at = changed.opens_at;
    survey.closes_at = changed.closes_at;
    survey.updated_at = now;
    RETURN_IF_ERROR(SurveyStore::UpdateSurvey(tx, survey));
    RETURN_IF_ERROR(Audit(tx, audit_, actor, survey, "survey.update"));
    return WithQuestions(tx, survey);
  });
}

StatusOr<Question> SurveyService::AddQuestion(const Actor& actor, SurveyId id,
                                              const QuestionInput& input) {
  RETURN_IF_ERROR(ValidateQuestionInput(input));
  return db_.WriteValue<Question>([&](db::Tx& tx) -> StatusOr<Question> {
    ASSIGN_OR_RETURN(Survey survey, LoadEditable(tx, actor, id, clock_.Now()));
    ASSIGN_OR_RETURN(survey, WithQuestions(tx, survey));
    if (survey.questions.size() >= static_cast<size_t>(kMaxQuestions)) {
      return FailedPreconditionError("surveys.questions.too_many");
    }
    Question question = QuestionFromInput(input);
    ASSIGN_OR_RETURN(question.id, SurveyStore::InsertQuestion(tx, id, question));
    RETURN_IF_ERROR(Audit(tx, audit_, actor, survey, "survey.question.add",
                          {{"question_id", question.id}}));
    ASSIGN_OR_RETURN(std::vector<Question> questions, SurveyStore::LoadQuestions(tx, id));
    return questions.back();
  });
}

StatusOr<Question> SurveyService::UpdateQuestion(const Actor& actor, SurveyId id,
                                                 QuestionId question_id,
                                                 const QuestionInput& input) {
  RETURN_IF_ERROR(ValidateQuestionInput(input));
  return db_.WriteValue<Question>([&](db::Tx& tx) -> StatusOr<Question> {
    ASSIGN_OR_RETURN(Survey survey, LoadEditable(tx, actor, id, clock_.Now()));
    ASSIGN_OR_RETURN(survey, WithQuestions(tx, survey));
    RETURN_IF_ERROR(CheckQuestionBelongs(survey, question_id));
    Question question = QuestionFromInput(input);
    question.id = question_id;
    RETURN_IF_ERROR(SurveyStore::UpdateQuestion(tx, question));
    RETURN_IF_ERROR(Audit(tx, audit_, actor, survey, "survey.question.update",
                          {{"question_id", question_id}}));
    ASSIGN_OR_RETURN(std::vector<Question> questions, SurveyStore::LoadQuestions(tx, id));
    for (const Question& q : questions) {
      if (q.id == question_id) return q;
    }
    return InternalError("question vanished during its update");
  });
}

Status SurveyService::RemoveQuestion(const Actor& actor, SurveyId id, QuestionId question_id) {
  return db_.Write([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Survey survey, LoadEditable(tx, actor, id, clock_.Now()));
    ASSIGN_OR_RETURN(survey, WithQuestions(tx, survey));
    RETURN_IF_ERROR(CheckQuestionBelongs(survey, question_id));
    RETURN_IF_ERROR(SurveyStore::DeleteQuestion(tx, id, question_id));
    return Audit(tx, audit_, actor, survey, "survey.question.remove",
                 {{"question_id", question_id}});
  });
}

Status SurveyService::MoveQuestion(const Actor& actor, SurveyId id, QuestionId question_id,
                                   int direction) {
  if (direction != -1 && direction != 1) {
    return InvalidArgumentError("surveys.move.invalid").AddInvalid("direction", "surveys.move.invalid");
  }
  return db_.Write([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Survey survey, LoadEditable(tx, actor, id, clock_.Now()));
    ASSIGN_OR_RETURN(survey, WithQuestions(tx, survey));
    RETURN_IF_ERROR(CheckQuestionBelongs(survey, question_id));
    const std::vector<Question>& qs = survey.questions;
    size_t from = 0;
    while (qs[from].id != question_id) ++from;
    std::int64_t to = static_cast<std::int64_t>(from) + direction;
    if (to < 0 || to >= static_cast<std::int64_t>(qs.size())) return Status::Ok();
    // Positions are renumbered 0..n-1 so earlier gaps cannot make the swap a no-op.
    for (size_t idx = 0; idx < qs.size(); ++idx) {
      size_t target = idx == from ? static_cast<size_t>(to) : idx == static_cast<size_t>(to) ? from : idx;
      RETURN_IF_ERROR(SurveyStore::SetQuestionPosition(tx, qs[idx].id, static_cast<int>(target)));
    }
    return Audit(tx, audit_, actor, survey, "survey.question.move",
                 {{"question_id", question_id}, {"direction", direction}});
  });
}

StatusOr<Survey> SurveyService::Publish(const Actor& actor, SurveyId id) {
  return db_.WriteValue<Survey>([&](db::Tx& tx) -> StatusOr<Survey> {
    UnixSeconds now = clock_.Now();
    ASSIGN_OR_RETURN(Survey survey, LoadForBuilding(tx, actor, id, now));
    ASSIGN_OR_RETURN(survey, WithQuestions(tx, survey));
    if (survey.state != SurveyState::kDraft) return FailedPreconditionError("surveys.publish.not_draft");
    if (survey.questions.empty()) return FailedPreconditionError("surveys.publish.no_questions");
    RETURN_IF_ERROR(SurveyStore::SetState(tx, id, SurveyState::kOpen, now));
    survey.state = SurveyState::kOpen;
    survey.updated_at = now;
    RETURN_IF_ERROR(Audit(tx, audit_, actor, survey, "survey.publish"));
    return survey;
  });
}

StatusOr<Survey> SurveyService::Close(const Actor& actor, SurveyId id) {
  return db_.WriteValue<Survey>([&](db::Tx& tx) -> StatusOr<Survey> {
    UnixSeconds now = clock_.Now();
    ASSIGN_OR_RETURN(Survey survey, LoadForBuilding(tx, actor, id, now));
    if (survey.state != SurveyState::kOpen) return FailedPreconditionError("surveys.close.not_open");
    RETURN_IF_ERROR(SurveyStore::SetState(tx, id, SurveyState::kClosed, now));
    survey.state = SurveyState::kClosed;
    survey.updated_at = now;
    RETURN_IF_ERROR(Audit(tx, audit_, actor, survey, "survey.close",
                          {{"responses", survey.response_count}}));
    return WithQuestions(tx, survey);
  });
}

StatusOr<Survey> SurveyService::GetSurvey(const Actor& actor, SurveyId id) {
  return db_.ReadValue<Survey>([&](db::Tx& tx) -> StatusOr<Survey> {
    ASSIGN_OR_RETURN(Survey survey, SurveyStore::FindSurvey(tx, id));
    if (!CanViewSurvey(actor, survey, clock_.Now())) return HiddenSurvey(actor);
    return WithQuestions(tx, survey);
  });
}

StatusOr<Paged<Survey>> SurveyService::ListSurveys(const Actor& actor, OrganisationId org,
                                                   const SurveyFilter& filter) {
  if (filter.page < 1 || filter.limit < 1 || filter.limit > 100) {
    return InvalidArgumentError("surveys.list.paging").AddInvalid("page", "surveys.list.paging");
  }
  if (!CanListSurveys(actor, org)) return accounts::DenyAccess(actor, "surveys.list.denied");
  SurveyListQuery query{.organisation_id = org,
                        .offset = std::int64_t(filter.page - 1) * filter.limit,
                        .limit = filter.limit};
  if (filter.state) query.states = {*filter.state};
  if (filter.audience) query.audiences = {*filter.audience};
  bool sees_all = CanBuildSurveys(actor, org) || CanReadResults(actor, org);
  if (!sees_all) {
    // Other members see what they can answer: open staff surveys.
    if (filter.state && *filter.state != SurveyState::kOpen) return Paged<Survey>{};
    if (filter.audience && *filter.audience != Audience::kStaff) return Paged<Survey>{};
    query.states = {SurveyState::kOpen};
    query.audiences = {Audience::kStaff};
  }
  return db_.ReadValue<Paged<Survey>>([&](db::Tx& tx) -> StatusOr<Paged<Survey>> {
    ASSIGN_OR_RETURN(auto found, SurveyStore::ListSurveys(tx, query));
    return Paged<Survey>{std::move(found.first), found.second};
  });
}

StatusOr<std::vector<Survey>> SurveyService::ListByContext(const Actor& actor, OrganisationId org,
                                                           const SurveyContext& context) {
  if (!CanReadResults(actor, org) && !CanBuildSurveys(actor, org)) {
    return accounts::DenyAccess(actor, "surveys.results.denied");
  }
  return db_.ReadValue<std::vector<Survey>>([&](db::Tx& tx) -> StatusOr<std::vector<Survey>> {
    return SurveyStore::ListByContext(tx, org, context);
  });
}

StatusOr<std::vector<Survey>> SurveyService::OpenCitizenSurveys(OrganisationId org) {
  UnixSeconds now = clock_.Now();
  return db_.ReadValue<std::vector<Survey>>([&](db::Tx& tx) -> StatusOr<std::vector<Survey>> {
    SurveyListQuery query{.organisation_id = org,
                          .states = {SurveyState::kOpen},
                          .audiences = {Audience::kCitizens},
                          .limit = 100};
    ASSIGN_OR_RETURN(auto found, SurveyStore::ListSurveys(tx, query));
    std::vector<Survey> open;
    for (Survey& survey : found.first) {
      if (IsAcceptingAnswers(survey, now)) open.push_back(std::move(survey));
    }
    return open;
  });
}

}  // namespace nyttig::surveys
