#include "surveys/survey_store.h"

#include <soci/soci.h>

#include <map>

#include "db/row.h"

namespace nyttig::surveys {
namespace {

constexpr const char* kSurveySelect =
    "SELECT s.id, s.organisation_id, s.title_sv, s.title_en, s.introduction_sv, "
    "s.introduction_en, s.audience, s.access, s.state, s.opens_at, s.closes_at, s.context_kind, "
    "s.context_id, s.created_by, s.created_at, s.updated_at, "
    "(SELECT COUNT(*) FROM surveys_responses r WHERE r.survey_id = s.id) "
    "FROM surveys_surveys s ";

Survey SurveyFromRow(const soci::row& r) {
  Survey s{.id = db::Int(r, 0),
           .organisation_id = db::Int(r, 1),
           .title = {db::Text(r, 2), db::Text(r, 3)},
           .introduction = {db::Text(r, 4), db::Text(r, 5)},
           .audience = ParseAudience(db::Text(r, 6)).value_or(Audience::kCitizens),
           .access = ParseAccess(db::Text(r, 7)).value_or(Access::kLoggedIn),
           .state = ParseSurveyState(db::Text(r, 8)).value_or(SurveyState::kDraft),
           .opens_at = db::OptInt(r, 9),
           .closes_at = db::OptInt(r, 10),
           .created_by = db::OptInt(r, 13),
           .created_at = db::Int(r, 14),
           .updated_at = db::Int(r, 15),
           .response_count = db::Int(r, 16)};
  if (std::optional<std::string> kind = db::OptText(r, 11)) {
    s.context = SurveyContext{*kind, db::Int(r, 12)};
  }
  return s;
}

// "'draft','open'" for an IN list; the names come from our enums, never input.
template <typename T, typename NameFn>
std::string InList(const std::vector<T>& values, NameFn name) {
  std::string out;
  for (const T& value : values) {
    out += (out.empty() ? "'" : ",'") + std::string(name(value)) + "'";
  }
  return out;
}

Status InsertOptions(db::Tx& tx, QuestionId question, const std::vector<Option>& options) {
  long long qid = question;
  for (size_t option_idx = 0; option_idx < options.size(); ++option_idx) {
    int position = static_cast<int>(option_idx);
    const LocalText& label = options[option_idx].label;
    tx.sql() << "INSERT INTO surveys_options(question_id, position, label_sv, label_en) "
                "VALUES (:q, :p, :sv, :en)",
        soci::use(qid), soci::use(position), soci::use(label.sv), soci::use(label.en);
  }
  return Status::Ok();
}

Question QuestionFromRow(const soci::row& r) {
  return Question{.id = db::Int(r, 0),
                  .position = static_cast<int>(db::Int(r, 1)),
                  .kind = ParseQuestionKind(db::Text(r, 2)).value_or(QuestionKind::kFreeText),
                  .required = db::Int(r, 3) != 0,
                  .text = {db::Text(r, 4), db::Text(r, 5)},
                  .help = {db::Text(r, 6), db::Text(r, 7)},
                  .low_label = {db::Text(r, 8), db::Text(r, 9)},
                  .high_label = {db::Text(r, 10), db::Text(r, 11)},
                  .min_value = db::OptReal(r, 12),
                  .max_value = db::OptReal(r, 13),
                  .max_chars = static_cast<int>(db::Int(r, 14))};
}

}  // namespace

StatusOr<SurveyId> SurveyStore::InsertSurvey(db::Tx& tx, const Survey& s) {
  long long id = 0, org = s.organisation_id, created = s.created_at;
  std::string audience(AudienceName(s.audience)), access(AccessName(s.access)),
      state(SurveyStateName(s.state));
  db::NullableInt opens(s.opens_at), closes(s.closes_at), by(s.created_by);
  db::NullableText kind(s.context ? std::optional(s.context->kind) : std::nullopt);
  db::NullableInt context_id(s.context ? std::optional(s.context->id) : std::nullopt);
  tx.sql() << "INSERT INTO surveys_surveys(organisation_id, title_sv, title_en, introduction_sv, "
              "introduction_en, audience, access, state, opens_at, closes_at, context_kind, "
              "context_id, created_by, created_at, updated_at) VALUES (:o, :tsv, :ten, :isv, "
              ":ien, :au, :ac, :st, :op, :cl, :ck, :ci, :by, :t, :t2) RETURNING id",
      soci::use(org), soci::use(s.title.sv), soci::use(s.title.en), soci::use(s.introduction.sv),
      soci::use(s.introduction.en), soci::use(audience), soci::use(access), soci::use(state),
      soci::use(opens.value, opens.indicator), soci::use(closes.value, closes.indicator),
      soci::use(kind.value, kind.indicator), soci::use(context_id.value, context_id.indicator),
      soci::use(by.value, by.indicator), soci::use(created), soci::use(created), soci::into(id);
  return id;
}

Status SurveyStore::UpdateSurvey(db::Tx& tx, const Survey& s) {
  long long id = s.id, updated = s.updated_at;
  std::string audience(AudienceName(s.audience)), access(AccessName(s.access));
  db::NullableInt opens(s.opens_at), closes(s.closes_at);
  tx.sql() << "UPDATE surveys_surveys SET title_sv = :tsv, title_en = :ten, introduction_sv = "
              ":isv, introduction_en = :ien, audience = :au, access = :ac, opens_at = :op, "
              "closes_at = :cl, updated_at = :u WHERE id = :id",
      soci::use(s.title.sv), soci::use(s.title.en), soci::use(s.introduction.sv),
      soci::use(s.introduction.en), soci::use(audience), soci::use(access),
      soci::use(opens.value, opens.indicator), soci::use(closes.value, closes.indicator),
      soci::use(updated), soci::use(id);
  return Status::Ok();
}

Status SurveyStore::SetState(db::Tx& tx, SurveyId id, SurveyState state, UnixSeconds now) {
  long long sid = id, t = now;
  std::string name(SurveyStateName(state));
  tx.sql() << "UPDATE surveys_surveys SET state = :s, updated_at = :t WHERE id = :id",
      soci::use(name), soci::use(t), soci::use(sid);
  return Status::Ok();
}

StatusOr<Survey> SurveyStore::FindSurvey(db::Tx& tx, SurveyId id) {
  long long sid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kSurveySelect) + "WHERE s.id = :id", soci::use(sid));
  for (const soci::row& r : rows) return SurveyFromRow(r);
  return NotFoundError("surveys.not_found");
}

StatusOr<std::vector<Question>> SurveyStore::LoadQuestions(db::Tx& tx, SurveyId id) {
  long long sid = id;
  std::vector<Question> questions;
  std::map<QuestionId, size_t> index;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, position, kind, required, text_sv, text_en, help_sv, "
                           "help_en, low_label_sv, low_label_en, high_label_sv, high_label_en, "
                           "min_value, max_value, max_chars FROM surveys_questions "
                           "WHERE survey_id = :s ORDER BY position, id",
       soci::use(sid));
  for (const soci::row& r : rows) {
    questions.push_back(QuestionFromRow(r));
    index[questions.back().id] = questions.size() - 1;
  }
  soci::rowset<soci::row> options =
      (tx.sql().prepare << "SELECT o.id, o.question_id, o.position, o.label_sv, o.label_en "
                           "FROM surveys_options o JOIN surveys_questions q ON q.id = "
                           "o.question_id WHERE q.survey_id = :s ORDER BY o.position, o.id",
       soci::use(sid));
  for (const soci::row& r : options) {
    auto it = index.find(db::Int(r, 1));
    if (it == index.end()) continue;
    questions[it->second].options.push_back(Option{.id = db::Int(r, 0),
                                                   .position = static_cast<int>(db::Int(r, 2)),
                                                   .label = {db::Text(r, 3), db::Text(r, 4)}});
  }
  return questions;
}

StatusOr<std::pair<std::vector<Survey>, std::int64_t>> SurveyStore::ListSurveys(
    db::Tx& tx, const SurveyListQuery& query) {
  long long org = query.organisation_id, offset = query.offset, limit = query.limit;
  std::string where = "WHERE s.organisation_id = :o ";
  if (!query.states.empty()) {
    where += "AND s.state IN (" + InList(query.states, SurveyStateName) + ") ";
  }
  if (!query.audiences.empty()) {
    where += "AND s.audience IN (" + InList(query.audiences, AudienceName) + ") ";
  }
  long long total = 0;
  tx.sql() << "SELECT COUNT(*) FROM surveys_surveys s " + where, soci::use(org),
      soci::into(total);
  std::vector<Survey> items;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << kSurveySelect + where + "ORDER BY s.id DESC LIMIT :l OFFSET :f",
       soci::use(org), soci::use(limit), soci::use(offset));
  for (const soci::row& r : rows) items.push_back(SurveyFromRow(r));
  return std::pair{std::move(items), static_cast<std::int64_t>(total)};
}

StatusOr<std::vector<Survey>> SurveyStore::ListByContext(db::Tx& tx,
                                                         accounts::OrganisationId org,
                                                         const SurveyContext& context) {
  long long oid = org, cid = context.id;
  std::vector<Survey> items;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << std::string(kSurveySelect) +
                               "WHERE s.organisation_id = :o AND s.context_kind = :k AND "
                               "s.context_id = :c ORDER BY s.id",
       soci::use(oid), soci::use(context.kind), soci::use(cid));
  for (const soci::row& r : rows) items.push_back(SurveyFromRow(r));
  return items;
}

StatusOr<QuestionId> SurveyStore::InsertQuestion(db::Tx& tx, SurveyId survey, const Question& q) {
  long long sid = survey, id = 0;
  int position = 0, required = q.required ? 1 : 0, max_chars = q.max_chars;
  tx.sql() << "SELECT COALESCE(MAX(position) + 1, 0) FROM surveys_questions WHERE survey_id = :s",
      soci::use(sid), soci::into(position);
  std::string kind(QuestionKindName(q.kind));
  db::NullableReal min(q.min_value), max(q.max_value);
  tx.sql() << "INSERT INTO surveys_questions(survey_id, position, kind, required, text_sv, "
              "text_en, help_sv, help_en, low_label_sv, low_label_en, high_label_sv, "
              "high_label_en, min_value, max_value, max_chars) VALUES (:s, :p, :k, :r, :tsv, "
              ":ten, :hsv, :hen, :lsv, :len, :gsv, :gen, :mn, :mx, :mc) RETURNING id",
      soci::use(sid), soci::use(position), soci::use(kind), soci::use(required),
      soci::use(q.text.sv), soci::use(q.text.en), soci::use(q.help.sv), soci::use(q.help.en),
      soci::use(q.low_label.sv), soci::use(q.low_label.en), soci::use(q.high_label.sv),
      soci::use(q.high_label.en), soci::use(min.value, min.indicator),
      soci::use(max.value, max.indicator), soci::use(max_chars), soci::into(id);
  RETURN_IF_ERROR(InsertOptions(tx, id, q.options));
  return id;
}

Status SurveyStore::UpdateQuestion(db::Tx& tx, const Question& q) {
  long long id = q.id;
  int required = q.required ? 1 : 0, max_chars = q.max_chars;
  std::string kind(QuestionKindName(q.kind));
  db::NullableReal min(q.min_value), max(q.max_value);
  tx.sql() << "UPDATE surveys_questions SET kind = :k, required = :r, text_sv = :tsv, text_en = "
              ":ten, help_sv = :hsv, help_en = :hen, low_label_sv = :lsv, low_label_en = :len, "
              "high_label_sv = :gsv, high_label_en = :gen, min_value = :mn, max_value = :mx, "
              "max_chars = :mc WHERE id = :id",
      soci::use(kind), soci::use(required), soci::use(q.text.sv), soci::use(q.text.en),
      soci::use(q.help.sv), soci::use(q.help.en), soci::use(q.low_label.sv),
      soci::use(q.low_label.en), soci::use(q.high_label.sv), soci::use(q.high_label.en),
      soci::use(min.value, min.indicator), soci::use(max.value, max.indicator),
      soci::use(max_chars), soci::use(id);
  tx.sql() << "DELETE FROM surveys_options WHERE question_id = :q", soci::use(id);
  return InsertOptions(tx, q.id, q.options);
}

Status SurveyStore::DeleteQuestion(db::Tx& tx, SurveyId survey, QuestionId q) {
  long long sid = survey, qid = q;
  int position = 0;
  tx.sql() << "SELECT position FROM surveys_questions WHERE id = :q", soci::use(qid),
      soci::into(position);
  tx.sql() << "DELETE FROM surveys_options WHERE question_id = :q", soci::use(qid);
  tx.sql() << "DELETE FROM surveys_questions WHERE id = :q", soci::use(qid);
  tx.sql() << "UPDATE surveys_questions SET position = position - 1 "
              "WHERE survey_id = :s AND position > :p",
      soci::use(sid), soci::use(position);
  return Status::Ok();
}

Status SurveyStore::SetQuestionPosition(db::Tx& tx, QuestionId q, int position) {
  long long qid = q;
  tx.sql() << "UPDATE surveys_questions SET position = :p WHERE id = :q", soci::use(position),
      soci::use(qid);
  return Status::Ok();
}

StatusOr<std::int64_t> SurveyStore::CountResponses(db::Tx& tx, SurveyId id) {
  long long sid = id, count = 0;
  tx.sql() << "SELECT COUNT(*) FROM surveys_responses WHERE survey_id = :s", soci::use(sid),
      soci::into(count);
  return static_cast<std::int64_t>(count);
}

StatusOr<bool> SurveyStore::PersonHasAnswered(db::Tx& tx, SurveyId id,
                                              accounts::PersonId person) {
  long long sid = id, pid = person, count = 0;
  tx.sql() << "SELECT COUNT(*) FROM surveys_responses WHERE survey_id = :s AND person_id = :p",
      soci::use(sid), soci::use(pid), soci::into(count);
  return count > 0;
}

StatusOr<bool> SurveyStore::BrowserHasAnswered(db::Tx& tx, SurveyId id, const std::string& key) {
  long long sid = id, count = 0;
  tx.sql() << "SELECT COUNT(*) FROM surveys_responses WHERE survey_id = :s AND browser_key = :k",
      soci::use(sid), soci::use(key), soci::into(count);
  return count > 0;
}

StatusOr<ResponseId> SurveyStore::InsertResponse(db::Tx& tx, SurveyId id,
                                                 std::optional<accounts::PersonId> person,
                                                 std::optional<std::string> browser_key,
                                                 const AnswerSet& answers, UnixSeconds now) {
  long long sid = id, t = now, rid = 0;
  db::NullableInt pid(person);
  db::NullableText key(std::move(browser_key));
  tx.sql() << "INSERT INTO surveys_responses(survey_id, person_id, browser_key, submitted_at) "
              "VALUES (:s, :p, :k, :t) RETURNING id",
      soci::use(sid), soci::use(pid.value, pid.indicator), soci::use(key.value, key.indicator),
      soci::use(t), soci::into(rid);
  for (const Answer& answer : answers.answers) {
    long long qid = answer.question_id;
    db::NullableReal number(answer.number);
    db::NullableText text(answer.text);
    db::NullableInt none(std::nullopt);
    if (!answer.option_ids.empty()) {
      for (OptionId option : answer.option_ids) {
        long long oid = option;
        tx.sql() << "INSERT INTO surveys_answers(response_id, question_id, option_id) "
                    "VALUES (:r, :q, :o)",
            soci::use(rid), soci::use(qid), soci::use(oid);
      }
      continue;
    }
    tx.sql() << "INSERT INTO surveys_answers(response_id, question_id, option_id, number_value, "
                "text_value) VALUES (:r, :q, :o, :n, :t)",
        soci::use(rid), soci::use(qid), soci::use(none.value, none.indicator),
        soci::use(number.value, number.indicator), soci::use(text.value, text.indicator);
  }
  return rid;
}

StatusOr<std::vector<StoredResponse>> SurveyStore::LoadResponses(db::Tx& tx, SurveyId id) {
  long long sid = id;
  std::vector<StoredResponse> responses;
  std::map<ResponseId, size_t> index;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT id, submitted_at FROM surveys_responses WHERE survey_id = :s "
                           "ORDER BY id",
       soci::use(sid));
  for (const soci::row& r : rows) {
    responses.push_back({.id = db::Int(r, 0), .submitted_at = db::Int(r, 1), .answers = {}});
    index[responses.back().id] = responses.size() - 1;
  }
  soci::rowset<soci::row> answers =
      (tx.sql().prepare << "SELECT a.response_id, a.question_id, a.option_id, a.number_value, "
                           "a.text_value FROM surveys_answers a JOIN surveys_responses r ON "
                           "r.id = a.response_id WHERE r.survey_id = :s "
                           "ORDER BY a.response_id, a.question_id, a.option_id",
       soci::use(sid));
  for (const soci::row& r : answers) {
    auto it = index.find(db::Int(r, 0));
    if (it == index.end()) continue;
    std::vector<Answer>& list = responses[it->second].answers.answers;
    QuestionId question = db::Int(r, 1);
    if (list.empty() || list.back().question_id != question) list.push_back({.question_id = question});
    Answer& answer = list.back();
    if (std::optional<std::int64_t> option = db::OptInt(r, 2)) answer.option_ids.push_back(*option);
    if (std::optional<double> number = db::OptReal(r, 3)) answer.number = number;
    if (std::optional<std::string> text = db::OptText(r, 4)) answer.text = text;
  }
  return responses;
}

Status SurveyStore::SaveDraft(db::Tx& tx, SurveyId id, const std::string& token_hash,
                              const std::string& answers_json, UnixSeconds now) {
  long long sid = id, t = now;
  tx.sql() << "INSERT INTO surveys_drafts(survey_id, token_hash, answers, updated_at) VALUES "
              "(:s, :h, :a, :t) ON CONFLICT (survey_id, token_hash) DO UPDATE SET answers = "
              "excluded.answers, updated_at = excluded.updated_at",
      soci::use(sid), soci::use(token_hash), soci::use(answers_json), soci::use(t);
  return Status::Ok();
}

StatusOr<std::optional<std::string>> SurveyStore::LoadDraft(db::Tx& tx, SurveyId id,
                                                            const std::string& token_hash) {
  long long sid = id;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare << "SELECT answers FROM surveys_drafts WHERE survey_id = :s AND "
                           "token_hash = :h",
       soci::use(sid), soci::use(token_hash));
  for (const soci::row& r : rows) return std::optional(db::Text(r, 0));
  return std::optional<std::string>();
}

Status SurveyStore::DeleteDraft(db::Tx& tx, SurveyId id, const std::string& token_hash) {
  long long sid = id;
  tx.sql() << "DELETE FROM surveys_drafts WHERE survey_id = :s AND token_hash = :h",
      soci::use(sid), soci::use(token_hash);
  return Status::Ok();
}

}  // namespace nyttig::surveys
