// SurveyService: answering (eligibility, drafts, submission) and results.
#include <sstream>

#include "accounts/permissions.h"
#include "accounts/secrets.h"
#include "surveys/answers.h"
#include "surveys/permissions.h"
#include "surveys/survey_csv.h"
#include "surveys/survey_results.h"
#include "surveys/survey_service.h"
#include "surveys/survey_store.h"

namespace nyttig::surveys {

using accounts::Actor;

namespace {

StatusOr<Survey> LoadVisible(db::Tx& tx, const Actor& actor, SurveyId id, UnixSeconds now) {
  ASSIGN_OR_RETURN(Survey survey, SurveyStore::FindSurvey(tx, id));
  if (!CanViewSurvey(actor, survey, now)) return HiddenSurvey(actor);
  ASSIGN_OR_RETURN(survey.questions, SurveyStore::LoadQuestions(tx, id));
  return survey;
}

// The browser's token hashed with the survey's id, so that the stored keys
// of two surveys cannot tell that the same browser answered both.
std::string TokenKey(SurveyId id, const std::string& token) {
  return accounts::HashToken(std::to_string(id) + ":" + token);
}

// The key stored for the per-browser guard: only link surveys use it, and
// only when the browser sent a token.
std::optional<std::string> BrowserKey(const Survey& survey, const std::string& token) {
  if (survey.access != Access::kAnonymousLink || token.empty()) return std::nullopt;
  return TokenKey(survey.id, token);
}

StatusOr<bool> HasAnswered(db::Tx& tx, const Actor& actor, const Survey& survey,
                           const std::string& token) {
  if (survey.access == Access::kLoggedIn) {
    if (!actor.person_id) return false;
    return SurveyStore::PersonHasAnswered(tx, survey.id, *actor.person_id);
  }
  std::optional<std::string> key = BrowserKey(survey, token);
  if (!key) return false;
  return SurveyStore::BrowserHasAnswered(tx, survey.id, *key);
}

Eligibility StaticEligibility(const Actor& actor, const Survey& survey, UnixSeconds now) {
  if (!IsAcceptingAnswers(survey, now)) {
    bool not_yet = survey.state == SurveyState::kDraft ||
                   (survey.state == SurveyState::kOpen && survey.opens_at && now < *survey.opens_at);
    return not_yet ? Eligibility::kNotOpenYet : Eligibility::kClosed;
  }
  if (CanAnswer(actor, survey, now)) return Eligibility::kCanAnswer;
  if (survey.access == Access::kLoggedIn && !actor.person_id) return Eligibility::kLogInFirst;
  return Eligibility::kStaffOnly;
}

Status RefusalFor(const Actor& actor, Eligibility eligibility) {
  switch (eligibility) {
    case Eligibility::kCanAnswer: return Status::Ok();
    case Eligibility::kNotOpenYet:
    case Eligibility::kClosed: return FailedPreconditionError("surveys.response.not_open");
    case Eligibility::kLogInFirst: return accounts::DenyAccess(actor, "surveys.response.log_in");
    case Eligibility::kStaffOnly: return PermissionDeniedError("surveys.response.staff_only");
    case Eligibility::kAlreadyAnswered:
      return FailedPreconditionError("surveys.response.already_answered");
  }
  return InternalError("unknown eligibility");
}

StatusOr<Eligibility> Eligible(db::Tx& tx, const Actor& actor, const Survey& survey,
                               const std::string& token, UnixSeconds now) {
  Eligibility eligibility = StaticEligibility(actor, survey, now);
  if (eligibility != Eligibility::kCanAnswer) return eligibility;
  ASSIGN_OR_RETURN(bool answered, HasAnswered(tx, actor, survey, token));
  return answered ? Eligibility::kAlreadyAnswered : Eligibility::kCanAnswer;
}

StatusOr<Survey> LoadForResults(db::Tx& tx, const Actor& actor, SurveyId id, UnixSeconds now) {
  ASSIGN_OR_RETURN(Survey survey, LoadVisible(tx, actor, id, now));
  if (!CanReadResults(actor, survey.organisation_id)) {
    return accounts::DenyAccess(actor, "surveys.results.denied");
  }
  return survey;
}

}  // namespace

StatusOr<Eligibility> SurveyService::CheckEligibility(const Actor& actor, SurveyId id,
                                                      const std::string& browser_token) {
  return db_.ReadValue<Eligibility>([&](db::Tx& tx) -> StatusOr<Eligibility> {
    UnixSeconds now = clock_.Now();
    ASSIGN_OR_RETURN(Survey survey, LoadVisible(tx, actor, id, now));
    return Eligible(tx, actor, survey, browser_token, now);
  });
}

Status SurveyService::ValidateAnswers(const Survey& survey, const AnswerSet& answers,
                                      const std::vector<QuestionId>& only) const {
  return ValidateAnswerSet(survey, NormalizeAnswers(survey, answers), only);
}

StatusOr<Receipt> SurveyService::SubmitResponse(const Actor& actor, SurveyId id,
                                                const AnswerSet& answers,
                                                const std::string& browser_token) {
  StatusOr<Receipt> receipt = db_.WriteValue<Receipt>([&](db::Tx& tx) -> StatusOr<Receipt> {
    UnixSeconds now = clock_.Now();
    ASSIGN_OR_RETURN(Survey survey, LoadVisible(tx, actor, id, now));
    ASSIGN_OR_RETURN(Eligibility eligibility, Eligible(tx, actor, survey, browser_token, now));
    RETURN_IF_ERROR(RefusalFor(actor, eligibility));
    AnswerSet normalized = NormalizeAnswers(survey, answers);
    RETURN_IF_ERROR(ValidateAnswerSet(survey, normalized));
    std::optional<accounts::PersonId> person;
    if (survey.access == Access::kLoggedIn) person = actor.person_id;
    ASSIGN_OR_RETURN(ResponseId response,
                     SurveyStore::InsertResponse(tx, id, person, BrowserKey(survey, browser_token),
                                                 normalized, now));
    if (!browser_token.empty()) {
      RETURN_IF_ERROR(SurveyStore::DeleteDraft(tx, id, TokenKey(id, browser_token)));
    }
    // The record says that a response came in, never what it said.
    RETURN_IF_ERROR(audit_
                        .Append(tx, accounts::MakeAuditEvent(
                                        actor, survey.organisation_id, "survey.respond",
                                        "survey_response", std::to_string(response),
                                        {{"survey_id", survey.id}}))
                        .status());
    return Receipt{response, ResponseReference(response, now), now};
  });
  // Two submissions racing past the check: the unique index lets one in.
  if (receipt.status().code() == StatusCode::kAlreadyExists) {
    return FailedPreconditionError("surveys.response.already_answered");
  }
  return receipt;
}

Status SurveyService::SaveDraft(SurveyId id, const std::string& browser_token,
                                const AnswerSet& answers) {
  if (browser_token.empty()) return InvalidArgumentError("surveys.draft.no_token");
  std::string json = AnswerSetToJson(answers).dump();
  return db_.Write([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Survey survey, SurveyStore::FindSurvey(tx, id));
    if (!IsAcceptingAnswers(survey, clock_.Now())) {
      return FailedPreconditionError("surveys.response.not_open");
    }
    return SurveyStore::SaveDraft(tx, id, TokenKey(id, browser_token), json, clock_.Now());
  });
}

StatusOr<AnswerSet> SurveyService::LoadDraft(SurveyId id, const std::string& browser_token) {
  if (browser_token.empty()) return AnswerSet{};
  ASSIGN_OR_RETURN(std::optional<std::string> json,
                   db_.ReadValue<std::optional<std::string>>(
                       [&](db::Tx& tx) -> StatusOr<std::optional<std::string>> {
                         return SurveyStore::LoadDraft(tx, id, TokenKey(id, browser_token));
                       }));
  if (!json) return AnswerSet{};
  nlohmann::json parsed = nlohmann::json::parse(*json, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) return AnswerSet{};
  StatusOr<AnswerSet> answers = AnswerSetFromJson(parsed);
  return answers.ok() ? *answers : AnswerSet{};
}

StatusOr<SurveyResults> SurveyService::Results(const Actor& actor, SurveyId id) {
  return db_.ReadValue<SurveyResults>([&](db::Tx& tx) -> StatusOr<SurveyResults> {
    ASSIGN_OR_RETURN(Survey survey, LoadForResults(tx, actor, id, clock_.Now()));
    ASSIGN_OR_RETURN(std::vector<StoredResponse> responses, SurveyStore::LoadResponses(tx, id));
    return ComputeResults(survey, responses);
  });
}

StatusOr<std::vector<SurveyResults>> SurveyService::ResultsForContext(
    accounts::OrganisationId org, const SurveyContext& context) {
  using Results = std::vector<SurveyResults>;
  return db_.ReadValue<Results>([&](db::Tx& tx) -> StatusOr<Results> {
    ASSIGN_OR_RETURN(std::vector<Survey> surveys, SurveyStore::ListByContext(tx, org, context));
    Results out;
    for (Survey& survey : surveys) {
      ASSIGN_OR_RETURN(survey.questions, SurveyStore::LoadQuestions(tx, survey.id));
      ASSIGN_OR_RETURN(std::vector<StoredResponse> responses, SurveyStore::LoadResponses(tx, survey.id));
      out.push_back(ComputeResults(survey, responses));
    }
    return out;
  });
}

Status SurveyService::ExportCsv(const Actor& actor, SurveyId id, const std::string& language,
                                std::ostream& out) {
  return db_.Read([&](db::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(Survey survey, LoadForResults(tx, actor, id, clock_.Now()));
    ASSIGN_OR_RETURN(std::vector<StoredResponse> responses, SurveyStore::LoadResponses(tx, id));
    WriteResponsesCsv(survey, responses, language, out);
    return Status::Ok();
  });
}

}  // namespace nyttig::surveys
