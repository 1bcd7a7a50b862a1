// SurveyService on SQLite and PostgreSQL: building, the editing lock,
// publishing and closing, answering (once per person or browser, also when
// two submissions race), isolation between organisations, results and export.
#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "surveys_test_support.h"

namespace nyttig::surveys {
namespace {

class SurveyServiceTest : public SurveysTest {};

TEST_P(SurveyServiceTest, CoordinatorBuildsADraftWithQuestionsInOrder) {
  Survey survey = MakeSurvey();
  EXPECT_EQ(survey.state, SurveyState::kDraft);
  EXPECT_EQ(survey.title.In("en"), "The night bus");
  ASSERT_EQ(survey.questions.size(), 5u);
  EXPECT_EQ(survey.questions[1].options[2].label.sv, "Sällan");
  EXPECT_EQ(survey.questions[3].max_value, 120);
  EXPECT_EQ(survey.questions[4].max_chars, 20);
  EXPECT_EQ(survey.questions[0].low_label.sv, "Instämmer inte alls");
}

TEST_P(SurveyServiceTest, ContextIsKeptAndFound) {
  StatusOr<Survey> survey = service_->CreateSurvey(
      coordinator_, org_, {.title = {"Upplevelse", ""}, .context = SurveyContext{"pilot", 7}});
  ASSERT_TRUE(survey.ok()) << survey.status().ToString();
  StatusOr<std::vector<Survey>> found =
      service_->ListByContext(decider_, org_, SurveyContext{"pilot", 7});
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].context, (SurveyContext{"pilot", 7}));
  EXPECT_TRUE(service_->ListByContext(decider_, org_, {"pilot", 8})->empty());
  StatusOr<std::vector<SurveyResults>> results = service_->ResultsForContext(org_, {"pilot", 7});
  ASSERT_TRUE(results.ok());
  ASSERT_EQ(results->size(), 1u);
  EXPECT_EQ((*results)[0].responses, 0);
  EXPECT_TRUE(service_->ResultsForContext(other_org_, {"pilot", 7})->empty());
}

TEST_P(SurveyServiceTest, EmployeesAndOutsidersCannotBuild) {
  StatusOr<Survey> denied = service_->CreateSurvey(employee_, org_, {.title = {"X", ""}});
  EXPECT_EQ(denied.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->CreateSurvey(anonymous_, org_, {.title = {"X", ""}}).status().code(),
            StatusCode::kUnauthenticated);
  Survey survey = MakeSurvey();
  // Another organisation's draft does not exist for them.
  EXPECT_EQ(service_->AddQuestion(outsider_, survey.id, ExampleQuestions()[0]).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(service_->GetSurvey(outsider_, survey.id).status().code(), StatusCode::kNotFound);
}

TEST_P(SurveyServiceTest, InvalidSurveyListsEveryField) {
  StatusOr<Survey> bad = service_->CreateSurvey(
      coordinator_, org_,
      {.title = {"", std::string(201, 'x')}, .opens_at = 100, .closes_at = 50,
       .context = SurveyContext{"Pilot!", 1}});
  ASSERT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  std::vector<std::string> names;
  Status status = bad.status();
  for (const InvalidParameter& p : status.invalid_parameters()) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"title_sv", "title_en", "closes_at", "context_kind"}));
  EXPECT_EQ(Count("surveys_surveys"), 0);
}

TEST_P(SurveyServiceTest, EveryChangeLeavesAnAuditRecord) {
  Survey survey = MakeOpenSurvey();
  // create + 5 questions + publish
  long long entries = 0;
  ASSERT_TRUE(db().Read([&](db::Tx& tx) -> Status {
                    tx.sql() << "SELECT COUNT(*) FROM audit_entries WHERE action LIKE 'survey.%'",
                        soci::into(entries);
                    return Status::Ok();
                  }).ok());
  EXPECT_EQ(entries, 7);
}

TEST_P(SurveyServiceTest, QuestionsMoveAndRemoveKeepingOrder) {
  Survey survey = MakeSurvey();
  QuestionId first = survey.questions[0].id, second = survey.questions[1].id;
  ASSERT_TRUE(service_->MoveQuestion(coordinator_, survey.id, second, -1).ok());
  ASSERT_TRUE(service_->MoveQuestion(coordinator_, survey.id, second, -1).ok());  // at the top: no-op
  Survey moved = *service_->GetSurvey(coordinator_, survey.id);
  EXPECT_EQ(moved.questions[0].id, second);
  EXPECT_EQ(moved.questions[1].id, first);
  ASSERT_TRUE(service_->RemoveQuestion(coordinator_, survey.id, second).ok());
  Survey removed = *service_->GetSurvey(coordinator_, survey.id);
  ASSERT_EQ(removed.questions.size(), 4u);
  EXPECT_EQ(removed.questions[0].id, first);
  EXPECT_EQ(removed.questions[0].position, 0);
  EXPECT_EQ(removed.questions[3].position, 3);
}

TEST_P(SurveyServiceTest, UpdateQuestionReplacesItsOptions) {
  Survey survey = MakeSurvey();
  QuestionInput input = ExampleQuestions()[1];
  input.options = {{"Ja", "Yes"}, {"Nej", "No"}};
  StatusOr<Question> q = service_->UpdateQuestion(coordinator_, survey.id, survey.questions[1].id, input);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  ASSERT_EQ(q->options.size(), 2u);
  EXPECT_EQ(q->options[1].label.en, "No");
  EXPECT_EQ(q->position, 1);
}

TEST_P(SurveyServiceTest, PublishNeedsQuestionsAndADraft) {
  StatusOr<Survey> empty = service_->CreateSurvey(coordinator_, org_, {.title = {"Tom", ""}});
  EXPECT_EQ(service_->Publish(coordinator_, empty->id).status().message(),
            "surveys.publish.no_questions");
  Survey survey = MakeOpenSurvey();
  EXPECT_EQ(service_->Publish(coordinator_, survey.id).status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_P(SurveyServiceTest, EditingLocksOnceResponsesExistButClosingWorks) {
  Survey survey = MakeOpenSurvey();
  // Open without responses: still editable.
  EXPECT_TRUE(service_->AddQuestion(coordinator_, survey.id, ExampleQuestions()[0]).ok());
  survey = *service_->GetSurvey(coordinator_, survey.id);
  AnswerSet answers = ValidAnswers(survey);
  answers.answers.push_back({.question_id = survey.questions[5].id, .number = 3});
  ASSERT_TRUE(service_->SubmitResponse(anonymous_, survey.id, answers, "browser-1").ok());
  EXPECT_EQ(service_->AddQuestion(coordinator_, survey.id, ExampleQuestions()[0]).status().message(),
            "surveys.locked.responses");
  EXPECT_EQ(service_->UpdateSurvey(coordinator_, survey.id, {.title = {"Ny", ""}}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(service_->RemoveQuestion(coordinator_, survey.id, survey.questions[0].id).code(),
            StatusCode::kFailedPrecondition);
  StatusOr<Survey> closed = service_->Close(coordinator_, survey.id);
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_EQ(closed->state, SurveyState::kClosed);
  EXPECT_EQ(service_->SubmitResponse(anonymous_, survey.id, answers, "browser-2").status().message(),
            "surveys.response.not_open");
}

TEST_P(SurveyServiceTest, DraftsCannotBeAnswered) {
  Survey survey = MakeSurvey();
  EXPECT_EQ(service_->SubmitResponse(citizen_, survey.id, ValidAnswers(survey), "b").status().code(),
            StatusCode::kNotFound);
}

TEST_P(SurveyServiceTest, AnonymousLinkAnswerGetsAReceiptAndTheBrowserCannotAnswerTwice) {
  Survey survey = MakeOpenSurvey();
  StatusOr<Receipt> receipt =
      service_->SubmitResponse(anonymous_, survey.id, ValidAnswers(survey), "browser-1");
  ASSERT_TRUE(receipt.ok()) << receipt.status().ToString();
  EXPECT_EQ(receipt->reference, "2026-" + std::string(5 - std::to_string(receipt->response_id).size(), '0') +
                                    std::to_string(receipt->response_id));
  EXPECT_EQ(*service_->CheckEligibility(anonymous_, survey.id, "browser-1"),
            Eligibility::kAlreadyAnswered);
  EXPECT_EQ(service_->SubmitResponse(anonymous_, survey.id, ValidAnswers(survey), "browser-1")
                .status().message(),
            "surveys.response.already_answered");
  // Another browser (or one with its cookies cleared) can: the documented limit.
  EXPECT_TRUE(service_->SubmitResponse(anonymous_, survey.id, ValidAnswers(survey), "browser-2").ok());
  EXPECT_EQ(Count("surveys_responses"), 2);
}

TEST_P(SurveyServiceTest, LoggedInSurveyTakesOneResponsePerPerson) {
  Survey survey = MakeOpenSurvey(Access::kLoggedIn);
  EXPECT_EQ(service_->SubmitResponse(anonymous_, survey.id, ValidAnswers(survey), "").status().code(),
            StatusCode::kUnauthenticated);
  ASSERT_TRUE(service_->SubmitResponse(citizen_, survey.id, ValidAnswers(survey), "a").ok());
  // A new browser does not help a person answer twice.
  EXPECT_EQ(service_->SubmitResponse(citizen_, survey.id, ValidAnswers(survey), "b").status().message(),
            "surveys.response.already_answered");
  EXPECT_TRUE(service_->SubmitResponse(employee_, survey.id, ValidAnswers(survey), "").ok());
}

TEST_P(SurveyServiceTest, StaffSurveyIsForMembersOnly) {
  Survey survey = MakeOpenSurvey(Access::kLoggedIn, Audience::kStaff);
  EXPECT_EQ(service_->GetSurvey(citizen_, survey.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->GetSurvey(anonymous_, survey.id).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(service_->SubmitResponse(outsider_, survey.id, ValidAnswers(survey), "").status().code(),
            StatusCode::kNotFound);
  EXPECT_TRUE(service_->SubmitResponse(employee_, survey.id, ValidAnswers(survey), "").ok());
}

TEST_P(SurveyServiceTest, ConcurrentSubmissionsOfOnePersonLandOnce) {
  Survey survey = MakeOpenSurvey(Access::kLoggedIn);
  AnswerSet answers = ValidAnswers(survey);
  std::vector<StatusCode> codes(4);
  std::vector<std::thread> threads;
  for (size_t idx = 0; idx < codes.size(); ++idx) {
    threads.emplace_back([&, idx] {
      codes[idx] = service_->SubmitResponse(citizen_, survey.id, answers, "").status().code();
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(std::count(codes.begin(), codes.end(), StatusCode::kOk), 1);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), StatusCode::kFailedPrecondition), 3);
  EXPECT_EQ(Count("surveys_responses"), 1);
}

TEST_P(SurveyServiceTest, InvalidAnswersSaveNothing) {
  Survey survey = MakeOpenSurvey();
  AnswerSet answers = ValidAnswers(survey, 9, 500);
  StatusOr<Receipt> r = service_->SubmitResponse(anonymous_, survey.id, answers, "b");
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  Status status = r.status();
  EXPECT_EQ(status.invalid_parameters().size(), 2u);
  EXPECT_EQ(Count("surveys_responses"), 0);
  EXPECT_EQ(Count("surveys_answers"), 0);
}

TEST_P(SurveyServiceTest, DraftKeepsWhatWasTypedUntilSent) {
  Survey survey = MakeOpenSurvey();
  AnswerSet partial{{{.question_id = survey.questions[4].id, .text = "Halvfärdig tanke"}}};
  ASSERT_TRUE(service_->SaveDraft(survey.id, "browser-9", partial).ok());
  StatusOr<AnswerSet> loaded = service_->LoadDraft(survey.id, "browser-9");
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->answers.size(), 1u);
  EXPECT_EQ(loaded->answers[0].text, "Halvfärdig tanke");
  EXPECT_TRUE(service_->LoadDraft(survey.id, "other")->answers.empty());
  ASSERT_TRUE(service_->SubmitResponse(anonymous_, survey.id, ValidAnswers(survey), "browser-9").ok());
  EXPECT_EQ(Count("surveys_drafts"), 0);
}

TEST_P(SurveyServiceTest, ResultsForReadersOnlyAndMatchTheAnswers) {
  Survey survey = MakeOpenSurvey();
  ASSERT_TRUE(service_->SubmitResponse(anonymous_, survey.id, ValidAnswers(survey, 2, 10), "a").ok());
  ASSERT_TRUE(service_->SubmitResponse(anonymous_, survey.id, ValidAnswers(survey, 4, 20), "b").ok());
  ASSERT_TRUE(service_->SubmitResponse(anonymous_, survey.id, ValidAnswers(survey, 4, 30), "c").ok());
  ASSERT_TRUE(service_->SubmitResponse(anonymous_, survey.id, ValidAnswers(survey, 5, 20), "d").ok());
  EXPECT_EQ(service_->Results(employee_, survey.id).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->Results(outsider_, survey.id).status().code(), StatusCode::kPermissionDenied);
  StatusOr<SurveyResults> r = service_->Results(decider_, survey.id);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->responses, 4);
  EXPECT_NEAR(*r->questions[0].mean->ci_low, 1.747755, 1e-6);  // R: t.test(c(2, 4, 4, 5))
  EXPECT_EQ(r->questions[2].counts[2].count, 4);
  EXPECT_EQ(r->questions[4].texts, (std::vector<std::string>(4, "Tack!")));
  std::ostringstream csv;
  ASSERT_TRUE(service_->ExportCsv(coordinator_, survey.id, "sv", csv).ok());
  std::string text = csv.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 5);
}

TEST_P(SurveyServiceTest, ListsShowMembersWhatTheyMayAnswer) {
  Survey staff = MakeOpenSurvey(Access::kLoggedIn, Audience::kStaff);
  Survey citizens = MakeOpenSurvey();
  MakeSurvey();  // a draft
  StatusOr<Paged<Survey>> all = service_->ListSurveys(coordinator_, org_, {});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->total, 3);
  StatusOr<Paged<Survey>> mine = service_->ListSurveys(employee_, org_, {});
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->total, 1);
  EXPECT_EQ(mine->items[0].id, staff.id);
  EXPECT_EQ(service_->ListSurveys(outsider_, org_, {}).status().code(),
            StatusCode::kPermissionDenied);
  StatusOr<std::vector<Survey>> front = service_->OpenCitizenSurveys(org_);
  ASSERT_EQ(front->size(), 1u);
  EXPECT_EQ((*front)[0].id, citizens.id);
}

TEST_P(SurveyServiceTest, OpenPeriodIsRespected) {
  StatusOr<Survey> s = service_->CreateSurvey(
      coordinator_, org_,
      {.title = {"Senare", ""}, .opens_at = clock_.Now() + 3600, .closes_at = clock_.Now() + 7200});
  ASSERT_TRUE(service_->AddQuestion(coordinator_, s->id, ExampleQuestions()[0]).ok());
  ASSERT_TRUE(service_->Publish(coordinator_, s->id).ok());
  EXPECT_EQ(*service_->CheckEligibility(anonymous_, s->id, ""), Eligibility::kNotOpenYet);
  clock_.Advance(std::chrono::hours(1));
  EXPECT_EQ(*service_->CheckEligibility(anonymous_, s->id, ""), Eligibility::kCanAnswer);
  clock_.Advance(std::chrono::hours(1));
  EXPECT_EQ(*service_->CheckEligibility(anonymous_, s->id, ""), Eligibility::kClosed);
}

NYTTIG_INSTANTIATE_ENGINES(SurveyServiceTest);

}  // namespace
}  // namespace nyttig::surveys
