// The assessment page of an idea (/ideas/{id}/assessment): the aggregate
// with its spread and a table per criterion, the reviews, the named
// reviewers (coordinators name and remove them), the reader's own review
// form, and the legal checklist. Every form posts and comes back here
// (Post/Redirect/Get); a refused post shows the page again with the
// problems and what was typed.
#include <algorithm>
#include <cstdio>

#include "http/problem.h"
#include "ideas/idea_page_support.h"
#include "ideas/participation_routes.h"
#include "web/page.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;
using Ctx = web::RequestContext;

constexpr int kMemberChoices = 100;  // people offered as reviewers

std::string Percent(const std::optional<double>& value) {
  if (!value) return "–";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.0f %%", *value);
  return buffer;
}

std::string OneDecimal(double value, const Ctx& ctx) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  std::string out = buffer;
  if (ctx.language == "sv") std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

json SummaryRows(const AssessmentSummary& s, const Ctx& ctx) {
  json rows = json::array();
  rows.push_back({{"key", ctx.T("ideas.assessment.reviews")}, {"value", std::to_string(s.reviews)}});
  if (!s.weighted_percent) return rows;
  rows.push_back({{"key", ctx.T("ideas.assessment.aggregate")}, {"value", Percent(s.weighted_percent)}});
  rows.push_back({{"key", ctx.T("ideas.assessment.range")},
                  {"value", ctx.T("ideas.assessment.range_value",
                                  {{"min", Percent(s.min_percent)}, {"max", Percent(s.max_percent)}})}});
  rows.push_back({{"key", ctx.T("ideas.assessment.stddev")},
                  {"value", s.stddev_percent ? OneDecimal(*s.stddev_percent, ctx) + " %"
                                             : ctx.T("ideas.assessment.stddev_single")}});
  return rows;
}

json CriteriaRows(const AssessmentSummary& s, const Ctx& ctx) {
  json rows = json::array();
  for (const CriterionSummary& c : s.criteria) {
    rows.push_back({{"name", c.name}, {"weight", c.weight},
                    {"scale", std::to_string(c.scale_min) + "–" + std::to_string(c.scale_max)},
                    {"mean", c.mean ? OneDecimal(*c.mean, ctx) : "–"}, {"count", c.count}});
  }
  return rows;
}

json ReviewRows(const Assessment& a, const Ctx& ctx) {
  json rows = json::array();
  for (const Review& review : a.reviews) {
    rows.push_back({{"reviewer", review.reviewer_name},
                    {"percent", Percent(WeightedPercent(a.criteria, review))},
                    {"comment", review.comment},
                    {"date", HumanDate(review.updated_at, ctx)}});
  }
  return rows;
}

// The reader's review form: one radio group per active criterion.
json ReviewForm(const Assessment& a, const json& errors, const web::FormFields& typed,
                const Ctx& ctx) {
  const Review* own = nullptr;
  for (const Review& r : a.reviews) {
    if (ctx.actor.person_id == r.reviewer_id) own = &r;
  }
  json fields = json::array();
  for (const Criterion& c : a.criteria) {
    if (c.archived) continue;
    const std::string name = "score_" + std::to_string(c.id);
    std::string chosen = typed.count(name) ? typed.at(name) : "";
    if (chosen.empty() && own && own->scores.count(c.id)) chosen = std::to_string(own->scores.at(c.id));
    json options = json::array();
    for (int value = c.scale_min; value <= c.scale_max; ++value) {
      options.push_back({{"value", value}, {"checked", chosen == std::to_string(value)}});
    }
    fields.push_back({{"name", name}, {"label", c.name}, {"options", options},
                      {"error", errors.value(name, json())}});
  }
  std::string comment = typed.count("comment") ? typed.at("comment") : own ? own->comment : "";
  return {{"fields", fields}, {"comment", comment}, {"has_review", own != nullptr}};
}

json LegalForm(const Assessment& a, const json& errors, const web::FormFields& typed,
               const Ctx& ctx) {
  json questions = json::array();
  for (std::string_view q : kLegalQuestions) {
    const std::string question(q);
    const LegalItem* saved = nullptr;
    for (const LegalItem& item : a.legal) {
      if (item.question == question) saved = &item;
    }
    std::string chosen = typed.count("answer_" + question) ? typed.at("answer_" + question)
                         : saved ? std::string(LegalAnswerName(saved->answer)) : "";
    json answers = json::array();
    for (const char* answer : {"yes", "no", "not_relevant"}) {
      answers.push_back({{"value", answer}, {"label", ctx.T(std::string("ideas.legal.answer.") + answer)},
                         {"checked", chosen == answer}});
    }
    std::string note = typed.count("note_" + question) ? typed.at("note_" + question)
                       : saved ? saved->note : "";
    questions.push_back(
        {{"question", question}, {"label", ctx.T("ideas.legal.question." + question)},
         {"hint", ctx.T("ideas.legal.hint." + question)}, {"answers", answers}, {"note", note},
         {"answered", saved ? json(ctx.T("ideas.legal.answered_by",
                                         {{"who", saved->answered_by_name},
                                          {"date", HumanDate(saved->answered_at, ctx)}}))
                            : json()},
         {"summary", saved ? json(ctx.T("ideas.legal.answer." + std::string(LegalAnswerName(saved->answer))))
                           : json(ctx.T("ideas.legal.unanswered"))},
         {"error", errors.value("answer_" + question, json())}});
  }
  return questions;
}

json MemberChoices(const ParticipationRouteDeps& deps, const Ctx& ctx, const Assessment& a) {
  json out = json::array();
  auto members = deps.organisations.ListMembers(ctx.actor, a.idea.organisation_id,
                                                {.page = 1, .limit = kMemberChoices});
  if (!members.ok()) return out;  // the form then offers nobody; the list still shows
  for (const accounts::Membership& m : members->items) {
    bool named = false;
    for (const Reviewer& r : a.reviewers) named = named || r.person_id == m.person_id;
    if (!named) out.push_back({{"id", m.person_id}, {"name", m.person_name}});
  }
  return out;
}

http::Response Page(const ParticipationRouteDeps& deps, const http::Request& r, Ctx& ctx,
                    int status = 200, const Status& problem = Status::Ok(),
                    const web::FormFields& typed = {}) {
  auto a = deps.assessment.GetAssessment(ctx.actor, web::PathId(r));
  if (!a.ok()) return web::ErrorPage(deps.renderer, a.status(), r, ctx);
  json data = problem.ok() ? json::object() : web::FormErrors(problem, ctx);
  json errors = data.value("errors", json::object());
  if (!problem.ok() && problem.invalid_parameters().empty()) {
    data["has_errors"] = true;  // a refusal without a field: shown in the summary
    data["error_summary"] = json::array({{{"href", "#main"}, {"text", web::ErrorText(problem, ctx)}}});
  }
  json reviewers = json::array();
  for (const Reviewer& rv : a->reviewers) {
    reviewers.push_back({{"person_id", rv.person_id}, {"name", rv.display_name}});
  }
  data.update({{"title", ctx.T("ideas.assessment.title")},
               {"idea_title", a->idea.title},
               {"id", a->idea.id},
               {"summary", SummaryRows(a->summary, ctx)},
               {"criteria", CriteriaRows(a->summary, ctx)},
               {"reviews", ReviewRows(*a, ctx)},
               {"has_reviews", !a->reviews.empty()},
               {"reviewers", reviewers},
               {"has_reviewers", !reviewers.empty()},
               {"can_assign", a->can_assign},
               {"can_review", a->can_review},
               {"can_answer_legal", a->can_answer_legal},
               {"legal_complete", a->legal_missing.empty()},
               {"review_form", ReviewForm(*a, errors, typed, ctx)},
               {"legal", LegalForm(*a, errors, typed, ctx)}});
  if (a->can_assign) data["member_choices"] = MemberChoices(deps, ctx, *a);
  if (auto done = r.Query("done"); done && ctx.messages->Has("ideas.assessment.done." + *done)) {
    data["notice"] = ctx.T("ideas.assessment.done." + *done);
  }
  return web::HtmlPage(deps.renderer, "ideas_assessment", status, data, r, ctx);
}

// After a post: back to the page with a notice, or the page with the problem.
http::Response After(const ParticipationRouteDeps& deps, const http::Request& r, Ctx& ctx,
                     const Status& status, const char* done, const web::FormFields& typed) {
  if (status.ok()) {
    return http::Response::Redirect("/ideas/" + r.Param("id") + "/assessment?done=" + done, 303);
  }
  if (status.code() == StatusCode::kNotFound || status.code() == StatusCode::kUnauthenticated) {
    return web::ErrorPage(deps.renderer, status, r, ctx);
  }
  return Page(deps, r, ctx, http::HttpStatusFor(status.code()), status, typed);
}

ReviewInput ReviewFromForm(const web::FormFields& form) {
  ReviewInput in{.comment = form.count("comment") ? form.at("comment") : ""};
  for (const auto& [name, value] : form) {
    if (!name.starts_with("score_") || value.empty()) continue;
    in.scores[std::atoll(name.c_str() + 6)] = std::atoi(value.c_str());
  }
  return in;
}

// Unanswered questions are left out of the post: answering some is allowed.
std::vector<LegalInput> LegalFromForm(const web::FormFields& form) {
  std::vector<LegalInput> out;
  for (std::string_view q : kLegalQuestions) {
    const std::string question(q);
    auto answer = form.find("answer_" + question);
    auto note = form.find("note_" + question);
    if (answer == form.end() || answer->second.empty()) continue;
    out.push_back({question, answer->second, note == form.end() ? "" : note->second});
  }
  return out;
}

}  // namespace

void RegisterAssessmentPages(web::Router& router, const ParticipationRouteDeps& deps) {
  router.Get("/ideas/{id:int}/assessment", [deps](const http::Request& r, Ctx& ctx) {
    return Page(deps, r, ctx);
  });
  router.Post("/ideas/{id:int}/assessment/reviewers", [deps](const http::Request& r, Ctx& ctx) {
    web::FormFields form = web::ParseForm(r);
    auto done = deps.assessment.AssignReviewer(ctx.actor, web::PathId(r), std::atoll(form["person_id"].c_str()));
    return After(deps, r, ctx, done.status(), "reviewer_added", form);
  });
  router.Post("/ideas/{id:int}/assessment/reviewers/{person_id:int}/remove",
              [deps](const http::Request& r, Ctx& ctx) {
    auto done = deps.assessment.RemoveReviewer(ctx.actor, web::PathId(r), web::PathId(r, "person_id"));
    return After(deps, r, ctx, done.status(), "reviewer_removed", {});
  });
  router.Post("/ideas/{id:int}/assessment/review", [deps](const http::Request& r, Ctx& ctx) {
    web::FormFields form = web::ParseForm(r);
    auto done = deps.assessment.SaveReview(ctx.actor, web::PathId(r), ReviewFromForm(form));
    return After(deps, r, ctx, done.status(), "review_saved", form);
  });
  router.Post("/ideas/{id:int}/assessment/legal", [deps](const http::Request& r, Ctx& ctx) {
    web::FormFields form = web::ParseForm(r);
    auto done = deps.assessment.AnswerLegalChecklist(ctx.actor, web::PathId(r), LegalFromForm(form));
    return After(deps, r, ctx, done.status(), "legal_saved", form);
  });
}

}  // namespace nyttig::ideas
