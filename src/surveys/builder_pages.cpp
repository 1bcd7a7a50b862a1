// Staff pages: an organisation's surveys (/surveys), creating a survey, its
// builder overview, settings and question forms, publishing and closing.
#include <set>

#include "accounts/permissions.h"
#include "http/paging.h"
#include "surveys/builder_form.h"
#include "surveys/permissions.h"
#include "surveys/routes.h"
#include "web/page.h"

namespace nyttig::surveys {
namespace {

using nlohmann::json;

constexpr int kListPageSize = 20;

std::string Base(SurveyId id) { return "/surveys/" + std::to_string(id); }

json Tag(const Survey& s, const web::RequestContext& ctx) {
  std::string state(SurveyStateName(s.state));
  return {{"text", ctx.T("surveys.state." + state)}, {"state", state}};
}

// The organisation a staff page is about: ?org=<id> when the person belongs
// there, else their first organisation.
std::optional<accounts::OrganisationId> ChosenOrganisation(const http::Request& r,
                                                           const web::RequestContext& ctx) {
  std::string wanted = r.Query("org").value_or("");
  for (const accounts::Membership& m : ctx.actor.memberships) {
    if (wanted.empty() || std::to_string(m.organisation_id) == wanted) return m.organisation_id;
  }
  return std::nullopt;
}

json SurveyRow(const Survey& s, const web::RequestContext& ctx) {
  bool builder = CanBuildSurveys(ctx.actor, s.organisation_id);
  bool reader = CanReadResults(ctx.actor, s.organisation_id);
  return {{"title", s.title.In(ctx.language)},
          {"href", builder ? Base(s.id) + "/edit" : Base(s.id)},
          {"tag", Tag(s, ctx)},
          {"audience", ctx.T("surveys.audience." + std::string(AudienceName(s.audience)))},
          {"responses", std::to_string(s.response_count)},
          {"results_href", reader ? json(Base(s.id) + "/results") : json()}};
}

http::Response ListPage(const SurveyRouteDeps& deps, const http::Request& r,
                        web::RequestContext& ctx) {
  if (!ctx.actor.authenticated()) {
    return web::ErrorPage(deps.renderer, accounts::DenyAccess(ctx.actor, ""), r, ctx);
  }
  std::optional<accounts::OrganisationId> org = ChosenOrganisation(r, ctx);
  json data = {{"title", ctx.T("surveys.list.title")}};
  if (!org) return web::HtmlPage(deps.renderer, "surveys/list", 200, data, r, ctx);
  StatusOr<http::PageRequest> paging = http::ParsePageRequest(r);
  int page = paging.ok() ? paging->page : 1;
  StatusOr<Paged<Survey>> found =
      deps.surveys.ListSurveys(ctx.actor, *org, {.page = page, .limit = kListPageSize});
  if (!found.ok()) return web::ErrorPage(deps.renderer, found.status(), r, ctx);
  json items = json::array();
  for (const Survey& s : found->items) items.push_back(SurveyRow(s, ctx));
  StatusOr<accounts::Organisation> organisation = deps.organisations.GetOrganisation(*org);
  data["organisation"] = organisation.ok() ? organisation->name : "";
  data["has_org"] = true;
  data["items"] = items;
  data["has_items"] = !items.empty();
  data["can_build"] = CanBuildSurveys(ctx.actor, *org);
  data["new_href"] = "/surveys/new?org=" + std::to_string(*org);
  data["pagination"] = web::PageLinks(web::PageBase(r), page,
                                      found->total, kListPageSize);
  return web::HtmlPage(deps.renderer, "surveys/list", 200, data, r, ctx);
}

// A new survey attached to another module's record, as a pilot's page links
// it: /surveys/new?org=1&context_kind=pilot&context_id=7. The parameters
// travel in the form's action; CreateSurvey validates the kind. A kind
// without a positive id is refused here (400): the form could never be sent.
StatusOr<std::optional<SurveyContext>> ContextFromQuery(const http::Request& r) {
  std::optional<std::string> kind = r.Query("context_kind");
  if (!kind || kind->empty()) return std::optional<SurveyContext>();
  ASSIGN_OR_RETURN(std::optional<std::int64_t> id, http::OptionalIdQuery(r, "context_id"));
  if (!id) return InvalidParameterError("context_id", "validation.required");
  return std::optional<SurveyContext>(SurveyContext{*kind, *id});
}

std::string NewSurveyAction(const std::string& org, const std::optional<SurveyContext>& context) {
  std::string action = "/surveys/new?org=" + org;
  if (context) {
    action += "&context_kind=" + http::PercentEncode(context->kind) +
              "&context_id=" + std::to_string(context->id);
  }
  return action;
}

// The settings form: of a new survey (`creating`, perhaps attached to
// `context`) or of an existing one.
struct SettingsTarget {
  std::string action;
  bool creating = false;
  std::optional<SurveyContext> context;
};

http::Response SettingsForm(const SurveyRouteDeps& deps, const http::Request& r,
                            web::RequestContext& ctx, const SettingsTarget& target, json form,
                            const Status& problems) {
  json data = web::FormErrors(problems, ctx);
  data["title"] = ctx.T(target.creating ? "surveys.new.title" : "surveys.settings.title");
  data["action"] = target.action;
  data["form"] = std::move(form);
  if (target.context && ctx.messages->Has("surveys.context.note." + target.context->kind)) {
    data["context_note"] = ctx.T("surveys.context.note." + target.context->kind,
                                 {{"id", std::to_string(target.context->id)}});
  }
  return web::HtmlPage(deps.renderer, "surveys/settings", problems.ok() ? 200 : 400, data, r, ctx);
}

json PostedForm(const FormMap& form) {
  json values = json::object();
  for (const auto& [name, value] : form) values[name] = value;
  if (values.contains("audience")) values["audience_" + values["audience"].get<std::string>()] = true;
  if (values.contains("access")) values["access_" + values["access"].get<std::string>()] = true;
  return values;
}

http::Response PostSettings(const SurveyRouteDeps& deps, const http::Request& r,
                            web::RequestContext& ctx, std::optional<SurveyId> id) {
  SettingsTarget target{.action = id ? Base(*id) + "/settings" : "", .creating = !id};
  if (!id) {
    StatusOr<std::optional<SurveyContext>> context = ContextFromQuery(r);
    if (!context.ok()) return web::ErrorPage(deps.renderer, context.status(), r, ctx);
    target.context = *context;
    target.action = NewSurveyAction(r.Query("org").value_or(""), target.context);
  }
  FormMap form = http::ParseUrlEncoded(r.body);
  Status problems = InvalidArgumentError("surveys.survey.invalid");
  SurveyInput input = SurveyInputFromForm(form, problems);
  input.context = target.context;
  if (!problems.invalid_parameters().empty()) {
    return SettingsForm(deps, r, ctx, target, PostedForm(form), problems);
  }
  StatusOr<Survey> saved = id ? deps.surveys.UpdateSurvey(ctx.actor, *id, input)
                              : deps.surveys.CreateSurvey(
                                    ctx.actor, ChosenOrganisation(r, ctx).value_or(0), input);
  if (saved.status().code() == StatusCode::kInvalidArgument) {
    return SettingsForm(deps, r, ctx, target, PostedForm(form), saved.status());
  }
  if (!saved.ok()) return web::ErrorPage(deps.renderer, saved.status(), r, ctx);
  return http::Response::Redirect(Base(saved->id) + "/edit", 303);
}

void RegisterSettings(web::Router& router, const SurveyRouteDeps& deps) {
  router.Get("/surveys/new", [deps](const http::Request& r, auto& ctx) {
    std::optional<accounts::OrganisationId> org = ChosenOrganisation(r, ctx);
    if (!org || !CanBuildSurveys(ctx.actor, *org)) {
      return web::ErrorPage(deps.renderer, accounts::DenyAccess(ctx.actor, "surveys.build.denied"), r, ctx);
    }
    StatusOr<std::optional<SurveyContext>> context = ContextFromQuery(r);
    if (!context.ok()) return web::ErrorPage(deps.renderer, context.status(), r, ctx);
    json form = {{"audience_citizens", true}, {"access_anonymous_link", true}};
    SettingsTarget target{.action = NewSurveyAction(std::to_string(*org), *context),
                          .creating = true, .context = *context};
    return SettingsForm(deps, r, ctx, target, form, Status::Ok());
  });
  router.Post("/surveys/new", [deps](const http::Request& r, auto& ctx) {
    return PostSettings(deps, r, ctx, std::nullopt);
  });
  router.Get("/surveys/{id:int}/settings", [deps](const http::Request& r, auto& ctx) {
    StatusOr<Survey> survey = deps.surveys.GetSurvey(ctx.actor, web::PathId(r));
    if (!survey.ok()) return web::ErrorPage(deps.renderer, survey.status(), r, ctx);
    return SettingsForm(deps, r, ctx, {.action = Base(survey->id) + "/settings"},
                        SurveyFormValues(*survey), Status::Ok());
  });
  router.Post("/surveys/{id:int}/settings", [deps](const http::Request& r, auto& ctx) {
    return PostSettings(deps, r, ctx, web::PathId(r));
  });
}

json QuestionRow(const Question& q, size_t index, size_t count, const Survey& s,
                 const web::RequestContext& ctx) {
  std::string base = Base(s.id) + "/questions/" + std::to_string(q.id);
  return {{"number", std::to_string(index + 1)},
          {"text", q.text.In(ctx.language)},
          {"kind", ctx.T("surveys.kind." + std::string(QuestionKindName(q.kind)))},
          {"optional", !q.required},
          {"edit_href", base + "/edit"},
          {"delete_action", base + "/delete"},
          {"move_action", base + "/move"},
          {"can_up", index > 0},
          {"can_down", index + 1 < count}};
}

// The banner after a builder action; only known outcomes, never the query's text.
json DoneNotice(const http::Request& r, const web::RequestContext& ctx) {
  static const std::set<std::string> kKnown = {"question_saved", "question_removed",
                                               "question_moved", "published", "closed"};
  std::string done = r.Query("done").value_or("");
  return kKnown.count(done) ? json(ctx.T("surveys.done." + done)) : json();
}

http::Response Overview(const SurveyRouteDeps& deps, const http::Request& r,
                        web::RequestContext& ctx) {
  StatusOr<Survey> survey = deps.surveys.GetSurvey(ctx.actor, web::PathId(r));
  if (!survey.ok()) return web::ErrorPage(deps.renderer, survey.status(), r, ctx);
  if (!CanBuildSurveys(ctx.actor, survey->organisation_id)) {
    return http::Response::Redirect(Base(survey->id), 303);
  }
  const Survey& s = *survey;
  bool editable = s.state != SurveyState::kClosed && s.response_count == 0;
  json questions = json::array();
  for (size_t idx = 0; idx < s.questions.size(); ++idx) {
    questions.push_back(QuestionRow(s.questions[idx], idx, s.questions.size(), s, ctx));
  }
  json data = {{"title", s.title.In(ctx.language)},
               {"tag", Tag(s, ctx)},
               {"audience", ctx.T("surveys.audience." + std::string(AudienceName(s.audience)))},
               {"access", ctx.T("surveys.access." + std::string(AccessName(s.access)))},
               {"responses", std::to_string(s.response_count)},
               {"editable", editable},
               {"locked", !editable && s.state != SurveyState::kClosed},
               {"questions", questions},
               {"has_questions", !questions.empty()},
               {"base", Base(s.id)},
               {"is_draft", s.state == SurveyState::kDraft},
               {"is_open", s.state == SurveyState::kOpen},
               {"notice", DoneNotice(r, ctx)}};
  return web::HtmlPage(deps.renderer, "surveys/edit", 200, data, r, ctx);
}

std::optional<QuestionKind> KindParam(const http::Request& r) {
  return ParseQuestionKind(r.Query("kind").value_or(""));
}

struct FieldSpec {
  const char* name;
  bool textarea = false;
  bool short_input = false;
  int rows = 3;
  bool hint = false;
};

// The text fields of the question form for `kind`, in the order shown.
std::vector<FieldSpec> FieldsFor(QuestionKind kind) {
  std::vector<FieldSpec> fields = {{"text_sv", true, false, 2}, {"text_en", true, false, 2},
                                   {"help_sv", false}, {"help_en", false}};
  if (kind == QuestionKind::kLikert) {
    for (const char* name : {"low_label_sv", "low_label_en", "high_label_sv", "high_label_en"}) {
      fields.push_back({name, false, false, 1, true});
    }
  } else if (kind == QuestionKind::kNumber) {
    fields.push_back({"min_value", false, true});
    fields.push_back({"max_value", false, true});
  } else if (kind == QuestionKind::kFreeText) {
    fields.push_back({"max_chars", false, true, 1, true});
  } else {
    fields.push_back({"options_sv", true, false, 6, true});
    fields.push_back({"options_en", true, false, 6, true});
  }
  return fields;
}

json FieldViews(QuestionKind kind, const json& form, const json& errors,
                const web::RequestContext& ctx) {
  json views = json::array();
  for (const FieldSpec& spec : FieldsFor(kind)) {
    std::string name = spec.name;
    std::string key = "surveys.field." + name;
    views.push_back({{"name", name},
                     {"label", ctx.T(key)},
                     {"hint", spec.hint ? json(ctx.T(key + ".hint")) : json()},
                     {"value", form.value(name, "")},
                     {"error", errors.value(name, "")},
                     {"textarea", spec.textarea},
                     {"rows", spec.rows},
                     {"short", spec.short_input},
                     {"english", name.ends_with("_en")}});
  }
  return views;
}

http::Response QuestionForm(const SurveyRouteDeps& deps, const http::Request& r,
                            web::RequestContext& ctx, QuestionKind kind, const std::string& action,
                            json form, const Status& problems) {
  json data = web::FormErrors(problems, ctx);
  std::string kind_name(QuestionKindName(kind));
  data["title"] = ctx.T("surveys.question_form.title", {{"kind", ctx.T("surveys.kind." + kind_name)}});
  data["action"] = action;
  data["fields"] = FieldViews(kind, form, data["errors"], ctx);
  data["form"] = std::move(form);
  data["kind"] = kind_name;
  data["back_href"] = Base(web::PathId(r)) + "/edit";
  return web::HtmlPage(deps.renderer, "surveys/question_form", problems.ok() ? 200 : 400, data, r, ctx);
}

http::Response PostQuestionForm(const SurveyRouteDeps& deps, const http::Request& r,
                                web::RequestContext& ctx, std::optional<QuestionId> question) {
  FormMap form = http::ParseUrlEncoded(r.body);
  std::optional<QuestionKind> kind = ParseQuestionKind(form.count("kind") ? form.find("kind")->second : "");
  if (!kind) return web::ErrorPage(deps.renderer, NotFoundError("surveys.not_found"), r, ctx);
  std::string action = question ? Base(web::PathId(r)) + "/questions/" + std::to_string(*question) + "/edit"
                                : Base(web::PathId(r)) + "/questions/new";
  Status problems = InvalidArgumentError("surveys.question.invalid");
  QuestionInput input = QuestionInputFromForm(*kind, form, problems);
  if (!problems.invalid_parameters().empty()) {
    return QuestionForm(deps, r, ctx, *kind, action, PostedForm(form), problems);
  }
  StatusOr<Question> saved = question ? deps.surveys.UpdateQuestion(ctx.actor, web::PathId(r), *question, input)
                                      : deps.surveys.AddQuestion(ctx.actor, web::PathId(r), input);
  if (saved.status().code() == StatusCode::kInvalidArgument) {
    json values = PostedForm(form);
    values["required"] = input.required;
    return QuestionForm(deps, r, ctx, *kind, action, values, AsFormProblems(saved.status()));
  }
  if (!saved.ok()) return web::ErrorPage(deps.renderer, saved.status(), r, ctx);
  return http::Response::Redirect(Base(web::PathId(r)) + "/edit?done=question_saved", 303);
}

void RegisterQuestions(web::Router& router, const SurveyRouteDeps& deps) {
  router.Get("/surveys/{id:int}/questions/new", [deps](const http::Request& r, auto& ctx) {
    StatusOr<Survey> survey = deps.surveys.GetSurvey(ctx.actor, web::PathId(r));
    if (!survey.ok()) return web::ErrorPage(deps.renderer, survey.status(), r, ctx);
    std::optional<QuestionKind> kind = KindParam(r);
    if (!kind) {
      json data = {{"title", ctx.T("surveys.kind_choice.title")}, {"action", Base(survey->id) + "/questions/new"},
                   {"back_href", Base(survey->id) + "/edit"}};
      return web::HtmlPage(deps.renderer, "surveys/kind_choice", 200, data, r, ctx);
    }
    json form = {{"required", true}};
    return QuestionForm(deps, r, ctx, *kind, Base(survey->id) + "/questions/new", form, Status::Ok());
  });
  router.Post("/surveys/{id:int}/questions/new", [deps](const http::Request& r, auto& ctx) {
    return PostQuestionForm(deps, r, ctx, std::nullopt);
  });
  router.Get("/surveys/{id:int}/questions/{qid:int}/edit", [deps](const http::Request& r, auto& ctx) {
    StatusOr<Survey> survey = deps.surveys.GetSurvey(ctx.actor, web::PathId(r));
    if (!survey.ok()) return web::ErrorPage(deps.renderer, survey.status(), r, ctx);
    for (const Question& q : survey->questions) {
      if (q.id != web::PathId(r, "qid")) continue;
      return QuestionForm(deps, r, ctx, q.kind, Base(survey->id) + "/questions/" + std::to_string(q.id) + "/edit",
                          QuestionFormValues(q), Status::Ok());
    }
    return web::ErrorPage(deps.renderer, NotFoundError("surveys.question.not_found"), r, ctx);
  });
  router.Post("/surveys/{id:int}/questions/{qid:int}/edit", [deps](const http::Request& r, auto& ctx) {
    return PostQuestionForm(deps, r, ctx, web::PathId(r, "qid"));
  });
}

// A builder action posted from the overview; any refusal shows as a page.
template <typename F>
http::Response Act(const SurveyRouteDeps& deps, const http::Request& r, web::RequestContext& ctx,
                   const std::string& done, F action) {
  Status s = action();
  if (!s.ok()) return web::ErrorPage(deps.renderer, s, r, ctx);
  return http::Response::Redirect(Base(web::PathId(r)) + "/edit?done=" + done, 303);
}

void RegisterActions(web::Router& router, const SurveyRouteDeps& deps) {
  router.Post("/surveys/{id:int}/questions/{qid:int}/delete", [deps](const http::Request& r, auto& ctx) {
    return Act(deps, r, ctx, "question_removed",
               [&] { return deps.surveys.RemoveQuestion(ctx.actor, web::PathId(r), web::PathId(r, "qid")); });
  });
  router.Post("/surveys/{id:int}/questions/{qid:int}/move", [deps](const http::Request& r, auto& ctx) {
    int direction = web::ParseForm(r)["direction"] == "up" ? -1 : 1;
    return Act(deps, r, ctx, "question_moved",
               [&] { return deps.surveys.MoveQuestion(ctx.actor, web::PathId(r), web::PathId(r, "qid"), direction); });
  });
  router.Post("/surveys/{id:int}/publish", [deps](const http::Request& r, auto& ctx) {
    return Act(deps, r, ctx, "published",
               [&] { return deps.surveys.Publish(ctx.actor, web::PathId(r)).status(); });
  });
  router.Post("/surveys/{id:int}/close", [deps](const http::Request& r, auto& ctx) {
    return Act(deps, r, ctx, "closed", [&] { return deps.surveys.Close(ctx.actor, web::PathId(r)).status(); });
  });
}

}  // namespace

void RegisterSurveyBuilderPages(web::Router& router, const SurveyRouteDeps& deps) {
  router.Get("/surveys", [deps](const http::Request& r, auto& ctx) { return ListPage(deps, r, ctx); });
  router.Get("/surveys/{id:int}/edit", [deps](const http::Request& r, auto& ctx) {
    return Overview(deps, r, ctx);
  });
  RegisterSettings(router, deps);
  RegisterQuestions(router, deps);
  RegisterActions(router, deps);
}

}  // namespace nyttig::surveys
