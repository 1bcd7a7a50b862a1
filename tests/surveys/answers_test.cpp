// Validation of a respondent's answers, question kind by question kind, with
// the ugly input people and scripts send.
#include "surveys/answers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "surveys/survey_validation.h"
#include "test_actors.h"

namespace nyttig::surveys {
namespace {


// The message keys of the problems, "q<id>:<key>".
std::vector<std::string> Problems(const Survey& survey, const AnswerSet& answers) {
  std::vector<std::string> out;
  Status status = ValidateAnswerSet(survey, NormalizeAnswers(survey, answers));
  for (const InvalidParameter& p : status.invalid_parameters()) {
    out.push_back(p.name + ":" + p.reason.substr(std::string("surveys.answer.").size()));
  }
  return out;
}

AnswerSet Complete(const Survey& s) {
  return {{{.question_id = 1, .number = 3},
           {.question_id = 2, .option_ids = {s.questions[1].options[1].id}},
           {.question_id = 4, .number = 15}}};
}

// Replaces (or adds) the answer to one question.
AnswerSet With(AnswerSet answers, Answer answer) {
  for (Answer& a : answers.answers) {
    if (a.question_id == answer.question_id) {
      a = answer;
      return answers;
    }
  }
  answers.answers.push_back(answer);
  return answers;
}

using Strings = std::vector<std::string>;

TEST(SurveyAnswersTest, AcceptsACompleteSetWithOptionalQuestionsLeftOut) {
  Survey s = ExampleSurvey();
  EXPECT_EQ(Problems(s, Complete(s)), Strings{});
}

TEST(SurveyAnswersTest, NamesEveryMissingRequiredAnswer) {
  EXPECT_EQ(Problems(ExampleSurvey(), {}), (Strings{"q1:required", "q2:required", "q4:required"}));
}

TEST(SurveyAnswersTest, WhitespaceOnlyTextCountsAsNotAnswered) {
  Survey s = ExampleSurvey();
  s.questions[4].required = true;
  EXPECT_EQ(Problems(s, With(Complete(s), {.question_id = 5, .text = "  \n "})),
            Strings{"q5:required"});
}

TEST(SurveyAnswersTest, LikertTakesWholeNumbersOneToFive) {
  Survey s = ExampleSurvey();
  for (double bad : {0.0, 6.0, 3.5, -1.0}) {
    EXPECT_EQ(Problems(s, With(Complete(s), {.question_id = 1, .number = bad})),
              Strings{"q1:likert_range"})
        << bad;
  }
  EXPECT_EQ(Problems(s, With(Complete(s), {.question_id = 1, .number = 5})), Strings{});
}

TEST(SurveyAnswersTest, NumberOutsideItsLimitsNamesTheLimit) {
  Survey s = ExampleSurvey();
  Status status = ValidateAnswerSet(s, With(Complete(s), {.question_id = 4, .number = 121}));
  ASSERT_EQ(status.invalid_parameters().size(), 1u);
  EXPECT_EQ(status.invalid_parameters()[0].reason, "surveys.answer.number_max");
  EXPECT_EQ(status.invalid_parameters()[0].args[0].second, "120");
  EXPECT_EQ(Problems(s, With(Complete(s), {.question_id = 4, .number = -0.5})),
            Strings{"q4:number_min"});
}

TEST(SurveyAnswersTest, NonFiniteAndHugeNumbersAreRefused) {
  Survey s = ExampleSurvey();
  for (double bad : {std::numeric_limits<double>::infinity(), std::nan(""), 1e300}) {
    EXPECT_EQ(Problems(s, With(Complete(s), {.question_id = 4, .number = bad})),
              Strings{"q4:number_invalid"});
  }
}

TEST(SurveyAnswersTest, OptionsOfAnotherQuestionAreRefused) {
  Survey s = ExampleSurvey();
  OptionId foreign = s.questions[2].options[0].id;
  EXPECT_EQ(Problems(s, With(Complete(s), {.question_id = 2, .option_ids = {foreign}})),
            Strings{"q2:unknown_option"});
  EXPECT_EQ(Problems(s, With(Complete(s), {.question_id = 3, .option_ids = {999}})),
            Strings{"q3:unknown_option"});
}

TEST(SurveyAnswersTest, SingleChoiceTakesOneOption) {
  Survey s = ExampleSurvey();
  const auto& o = s.questions[1].options;
  EXPECT_EQ(Problems(s, With(Complete(s), {.question_id = 2, .option_ids = {o[0].id, o[1].id}})),
            Strings{"q2:one_option"});
}

TEST(SurveyAnswersTest, RepeatedOptionsCountOnceInTheQuestionsOrder) {
  Survey s = ExampleSurvey();
  const auto& o = s.questions[2].options;
  AnswerSet normalized = NormalizeAnswers(
      s, {{{.question_id = 3, .option_ids = {o[2].id, o[0].id, o[2].id}}}});
  EXPECT_EQ(normalized.answers[0].option_ids, (std::vector<OptionId>{o[0].id, o[2].id}));
}

TEST(SurveyAnswersTest, FreeTextLongerThanTheLimitIsRefusedWithTheLimit) {
  Survey s = ExampleSurvey();
  // 21 characters, 42 bytes: the limit counts characters, not bytes.
  std::string text;
  for (int i = 0; i < 21; ++i) text += "å";
  Status status = ValidateAnswerSet(s, With(Complete(s), {.question_id = 5, .text = text}));
  ASSERT_EQ(status.invalid_parameters().size(), 1u);
  EXPECT_EQ(status.invalid_parameters()[0].reason, "surveys.answer.text_too_long");
  EXPECT_EQ(status.invalid_parameters()[0].args[0].second, "20");
  EXPECT_EQ(Problems(s, With(Complete(s), {.question_id = 5, .text = text.substr(2)})), Strings{});
}

TEST(SurveyAnswersTest, InvalidUtf8IsRefused) {
  Survey s = ExampleSurvey();
  EXPECT_EQ(Problems(s, With(Complete(s), {.question_id = 5, .text = "ab\xff"})),
            Strings{"q5:text_invalid"});
}

TEST(SurveyAnswersTest, AnAnswerOfTheWrongKindIsRefused) {
  Survey s = ExampleSurvey();
  EXPECT_EQ(Problems(s, With(Complete(s), {.question_id = 1, .text = "fyra"})),
            Strings{"q1:wrong_kind"});
  EXPECT_EQ(Problems(s, With(Complete(s), {.question_id = 2, .number = 1})),
            Strings{"q2:wrong_kind"});
}

TEST(SurveyAnswersTest, AnswersToUnknownQuestionsAreRefused) {
  Survey s = ExampleSurvey();
  EXPECT_EQ(Problems(s, With(Complete(s), {.question_id = 77, .number = 1})),
            Strings{"q77:unknown_question"});
}

TEST(SurveyAnswersTest, OnlyChecksTheQuestionsOfOnePage) {
  Survey s = ExampleSurvey();
  EXPECT_TRUE(ValidateAnswerSet(s, {{{.question_id = 1, .number = 2}}}, {1}).ok());
  EXPECT_FALSE(ValidateAnswerSet(s, {}, {1}).ok());
}

TEST(SurveyAnswersJsonTest, RoundTrips) {
  AnswerSet answers{{{.question_id = 1, .number = 4},
                     {.question_id = 2, .option_ids = {11, 12}},
                     {.question_id = 3, .text = "hej \"du\""}}};
  StatusOr<AnswerSet> back = AnswerSetFromJson(AnswerSetToJson(answers));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->answers.size(), 3u);
  EXPECT_EQ(back->answers[0].number, 4);
  EXPECT_EQ(back->answers[1].option_ids, (std::vector<OptionId>{11, 12}));
  EXPECT_EQ(back->answers[2].text, "hej \"du\"");
}

TEST(SurveyAnswersJsonTest, NamesEveryMalformedMember) {
  nlohmann::json body = {{"answers",
                          {{{"question_id", "1"}},
                           {{"question_id", 2}, {"option_ids", {1, "x"}}},
                           {{"question_id", 2}, {"number", 3}},
                           {{"question_id", 3}, {"colour", "blå"}}}},
                         {"extra", true}};
  StatusOr<AnswerSet> parsed = AnswerSetFromJson(body);
  ASSERT_FALSE(parsed.ok());
  std::vector<std::string> names;
  Status status = parsed.status();
  for (const InvalidParameter& p : status.invalid_parameters()) names.push_back(p.name);
  EXPECT_EQ(names, (Strings{"extra", "answers[0].question_id",
                            "answers[1].option_ids", "answers[2].question_id",
                            "answers[3].colour"}));
}

TEST(SurveyAnswersJsonTest, RefusesABodyWithoutAnswers) {
  EXPECT_FALSE(AnswerSetFromJson(nlohmann::json::object()).ok());
  EXPECT_FALSE(AnswerSetFromJson({{"answers", "alla"}}).ok());
}

TEST(SurveyQuestionInputTest, ChoiceNeedsTwoToTwentyLabelledOptions) {
  QuestionInput input{.kind = QuestionKind::kSingleChoice, .text = {"Fråga", ""},
                      .options = {{"Ja", ""}}};
  Status status = ValidateQuestionInput(input);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.invalid_parameters()[0].name, "options");
  input.options = {{"Ja", ""}, {"  ", "No"}};
  status = ValidateQuestionInput(input);
  ASSERT_EQ(status.invalid_parameters().size(), 1u);
  EXPECT_EQ(status.invalid_parameters()[0].name, "options[1].label_sv");
}

TEST(SurveyQuestionInputTest, NumberLimitsMustBeInOrder) {
  QuestionInput input{.kind = QuestionKind::kNumber, .text = {"Ålder", ""}, .min_value = 10,
                      .max_value = 5};
  Status status = ValidateQuestionInput(input);
  ASSERT_EQ(status.invalid_parameters().size(), 1u);
  EXPECT_EQ(status.invalid_parameters()[0].name, "max_value");
}

TEST(SurveyQuestionInputTest, LikertEndsGetDefaultLabels) {
  Question q = QuestionFromInput({.kind = QuestionKind::kLikert, .text = {"Bra?", ""}});
  EXPECT_EQ(q.low_label.sv, "Instämmer inte alls");
  EXPECT_EQ(q.high_label.en, "Strongly agree");
}

TEST(SurveyQuestionInputTest, OversizedTextsAreRefusedByCharacters) {
  QuestionInput input{.kind = QuestionKind::kFreeText, .text = {std::string(501, 'x'), ""},
                      .max_chars = 10001};
  Status status = ValidateQuestionInput(input);
  std::vector<std::string> names;
  for (const InvalidParameter& p : status.invalid_parameters()) names.push_back(p.name);
  EXPECT_EQ(names, (Strings{"text_sv", "max_chars"}));
}

}  // namespace
}  // namespace nyttig::surveys
