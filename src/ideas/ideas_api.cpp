// The ideas JSON API (/api/v1/ideas…, /api/v1/organisations/{id}/idea-…).
// Shapes: routes.h and docs/api/paths/ideas.json.
#include <cstdint>
#include <limits>
#include <optional>

#include <nlohmann/json.hpp>

#include "http/json_body.h"
#include "http/paging.h"
#include "ideas/routes.h"
#include "web/page.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;


// An array member of strings or integers; records a problem when malformed.
template <typename T>
void Array(const json& body, const char* name, std::vector<T>& out, Status& problems) {
  if (!body.contains(name) || body[name].is_null()) return;
  if (!body[name].is_array()) {
    problems.AddInvalid(name, "validation.not_list");
    return;
  }
  out.clear();
  for (const json& item : body[name]) {
    bool ok = std::is_same_v<T, std::string> ? item.is_string() : item.is_number_integer();
    if constexpr (!std::is_same_v<T, std::string>) {
      // get<int> would wrap 4294967299 into 3: refuse what T cannot hold.
      ok = ok && !(item.is_number_unsigned() && item.get<std::uint64_t>() > std::uint64_t(
                                                    std::numeric_limits<T>::max())) &&
           item.get<std::int64_t>() >= std::int64_t(std::numeric_limits<T>::min()) &&
           item.get<std::int64_t>() <= std::int64_t(std::numeric_limits<T>::max());
    }
    if (!ok) {
      problems.AddInvalid(name, std::is_same_v<T, std::string> ? "validation.not_string"
                                                               : "validation.not_integer",
                          item.dump());
      continue;
    }
    out.push_back(item.get<T>());
  }
}



template <typename T>
json ToItems(const std::vector<T>& rows, json (*to_json)(const T&)) {
  json items = json::array();
  for (const T& row : rows) items.push_back(to_json(row));
  return items;
}

http::Response ListIdeas(const IdeaRouteDeps& deps, const http::Request& r,
                         web::RequestContext& ctx) {
  return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
    ASSIGN_OR_RETURN(IdeaFilter filter, ParseIdeaFilter(r, ctx.actor, deps.clock.Now()));
    ASSIGN_OR_RETURN(IdeaPage page, deps.ideas.ListIdeas(ctx.actor, filter));
    http::PageRequest paging{int(filter.offset / filter.limit) + 1, filter.limit};
    json body = http::PagedJson(ToItems(page.items, &IdeaJson), paging, page.total);
    body["total_capped"] = page.total_capped;
    return web::Json(200, body);
  });
}

http::Response CreateIdea(const IdeaRouteDeps& deps, const http::Request& r,
                          web::RequestContext& ctx) {
  return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
    ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
    IdeaInput in;
    std::optional<std::int64_t> organisation_id;
    RETURN_IF_ERROR(ReadIdeaInput(body, in, &organisation_id));
    if (!organisation_id) return InvalidParameterError("organisation_id", "validation.required");
    ASSIGN_OR_RETURN(Idea idea, deps.ideas.SubmitIdea(ctx.actor, *organisation_id, in));
    http::Response created = web::Json(201, IdeaJson(idea));
    created.headers.Set("Location", "/api/v1/ideas/" + std::to_string(idea.id));
    return created;
  });
}

http::Response UpdateIdea(const IdeaRouteDeps& deps, const http::Request& r,
                          web::RequestContext& ctx) {
  return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
    ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
    if (body.contains("organisation_id") || body.contains("anonymous") || body.contains("co_author_ids")) {
      Status fixed = InvalidArgumentError("validation.failed");
      for (const char* name : {"organisation_id", "anonymous", "co_author_ids"}) {
        if (body.contains(name)) fixed.AddInvalid(name, "validation.unknown_field");
      }
      return fixed;
    }
    ASSIGN_OR_RETURN(Idea current, deps.ideas.GetIdea(ctx.actor, web::PathId(r)));
    IdeaInput in = InputOf(current);
    RETURN_IF_ERROR(ReadIdeaInput(body, in));
    ASSIGN_OR_RETURN(Idea idea, deps.ideas.UpdateIdea(ctx.actor, current.id, in));
    return web::Json(200, IdeaJson(idea));
  });
}

http::Response MoveIdea(const IdeaRouteDeps& deps, const http::Request& r,
                        web::RequestContext& ctx) {
  return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
    ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
    http::JsonFields f(body, {"stage_id", "reason"});
    std::int64_t stage = f.RequiredInt("stage_id", 1, std::numeric_limits<std::int64_t>::max());
    std::string reason = f.OptionalString("reason", kMaxReasonChars).value_or("");
    RETURN_IF_ERROR(f.status());
    ASSIGN_OR_RETURN(Idea idea, deps.ideas.MoveIdea(ctx.actor, web::PathId(r), stage, reason));
    return web::Json(200, IdeaJson(idea));
  });
}

http::Response Feedback(const IdeaRouteDeps& deps, const http::Request& r,
                        web::RequestContext& ctx) {
  return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
    ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
    http::JsonFields f(body, {"text"});
    std::string text = f.RequiredString("text", kMaxLongTextChars);
    RETURN_IF_ERROR(f.status());
    ASSIGN_OR_RETURN(Idea idea, deps.ideas.RecordFeedback(ctx.actor, web::PathId(r), text));
    return web::Json(200, IdeaJson(idea));
  });
}

http::Response Publication(const IdeaRouteDeps& deps, const http::Request& r,
                           web::RequestContext& ctx) {
  return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
    ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
    http::JsonFields f(body, {"published", "reason"});
    std::optional<bool> published = f.OptionalBool("published");
    std::string reason = f.OptionalString("reason", kMaxReasonChars).value_or("");
    RETURN_IF_ERROR(f.status());
    if (!published) {
      return InvalidArgumentError("validation.failed").AddInvalid("published", "validation.required");
    }
    ASSIGN_OR_RETURN(Idea idea, deps.ideas.SetPublished(ctx.actor, web::PathId(r), *published, reason));
    return web::Json(200, IdeaJson(idea));
  });
}

void RegisterIdeaResourceApi(web::Router& router, const IdeaRouteDeps& deps) {
  router.Get("/api/v1/ideas", [deps](const http::Request& r, web::RequestContext& ctx) {
    return ListIdeas(deps, r, ctx);
  });
  router.Post("/api/v1/ideas", [deps](const http::Request& r, web::RequestContext& ctx) {
    return CreateIdea(deps, r, ctx);
  });
  router.Get("/api/v1/ideas/{id:int}", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(Idea idea, deps.ideas.GetIdea(ctx.actor, web::PathId(r)));
      return web::Json(200, IdeaJson(idea));
    });
  });
  router.Patch("/api/v1/ideas/{id:int}", [deps](const http::Request& r, web::RequestContext& ctx) {
    return UpdateIdea(deps, r, ctx);
  });
  router.Post("/api/v1/ideas/{id:int}/moves", [deps](const http::Request& r, web::RequestContext& ctx) {
    return MoveIdea(deps, r, ctx);
  });
  router.Get("/api/v1/ideas/{id:int}/history", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(auto events, deps.ideas.History(ctx.actor, web::PathId(r)));
      return web::Json(200, http::WholeListJson(ToItems(events, &EventJson)));
    });
  });
  router.Post("/api/v1/ideas/{id:int}/feedback", [deps](const http::Request& r, web::RequestContext& ctx) {
    return Feedback(deps, r, ctx);
  });
  router.Post("/api/v1/ideas/{id:int}/publication", [deps](const http::Request& r, web::RequestContext& ctx) {
    return Publication(deps, r, ctx);
  });
}

void RegisterAttachmentApi(web::Router& router, const IdeaRouteDeps& deps) {
  router.Get("/api/v1/ideas/{id:int}/attachments", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(auto list, deps.ideas.ListAttachments(ctx.actor, web::PathId(r)));
      return web::Json(200, http::WholeListJson(ToItems(list, &AttachmentJson)));
    });
  });
  // The body is the file itself; its name comes in ?file_name= (the type is
  // sniffed from the bytes, whatever Content-Type says).
  router.Post("/api/v1/ideas/{id:int}/attachments", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(Attachment a, deps.ideas.AddAttachment(ctx.actor, web::PathId(r),
                                                              r.Query("file_name").value_or(""), r.body));
      return web::Json(201, AttachmentJson(a));
    });
  });
  router.Get("/api/v1/ideas/{id:int}/attachments/{attachment_id:int}",
             [deps](const http::Request& r, web::RequestContext& ctx) {
               return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
                 ASSIGN_OR_RETURN(auto file, deps.ideas.GetAttachment(ctx.actor, web::PathId(r),
                                                                      web::PathId(r, "attachment_id")));
                 http::Response out = http::Response::Text(200, std::move(file.second),
                                                           file.first.content_type);
                 // Always a download, never rendered in our origin.
                 out.headers.Set("Content-Disposition",
                                 "attachment; filename=\"attachment-" + std::to_string(file.first.id) + "\"");
                 return out;
               });
             });
}

http::Response UpdateSettings(const IdeaRouteDeps& deps, const http::Request& r,
                              web::RequestContext& ctx) {
  return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
    ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
    http::JsonFields f(body, {"pipeline_template", "feedback_days", "anonymous_allowed",
                              "public_box_open", "retention_years"});
    SettingsInput in{.pipeline_template = f.OptionalString("pipeline_template", 40),
                     .feedback_days = f.OptionalInt("feedback_days", kMinFeedbackDays, kMaxFeedbackDays),
                     .anonymous_allowed = f.OptionalBool("anonymous_allowed"),
                     .public_box_open = f.OptionalBool("public_box_open")};
    if (auto years = f.OptionalInt("retention_years", 0, kMaxRetentionYears)) in.retention_years = int(*years);
    RETURN_IF_ERROR(f.status());
    ASSIGN_OR_RETURN(IdeaSettings s, deps.ideas.UpdateSettings(ctx.actor, web::PathId(r), in));
    return web::Json(200, SettingsJson(s));
  });
}

void RegisterOrganisationIdeaApi(web::Router& router, const IdeaRouteDeps& deps) {
  router.Get("/api/v1/organisations/{id:int}/idea-pipeline", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(auto stages, deps.ideas.GetPipeline(web::PathId(r)));
      return web::Json(200, http::WholeListJson(ToItems(stages, &StageJson)));
    });
  });
  router.Get("/api/v1/organisations/{id:int}/idea-settings", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(IdeaSettings s, deps.ideas.GetSettings(web::PathId(r)));
      return web::Json(200, SettingsJson(s));
    });
  });
  router.Patch("/api/v1/organisations/{id:int}/idea-settings", [deps](const http::Request& r, web::RequestContext& ctx) {
    return UpdateSettings(deps, r, ctx);
  });
  router.Get("/api/v1/organisations/{id:int}/overdue-ideas", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(http::PageRequest paging, http::ParsePageRequest(r));
      ASSIGN_OR_RETURN(IdeaPage page, deps.ideas.OverdueIdeas(ctx.actor, web::PathId(r), paging.page, paging.limit));
      return web::Json(200, http::PagedJson(ToItems(page.items, &IdeaJson), paging, page.total));
    });
  });
  router.Post("/api/v1/organisations/{id:int}/idea-culls", [deps](const http::Request& r, web::RequestContext& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(int culled, deps.ideas.CullExpired(ctx.actor, web::PathId(r)));
      return web::Json(200, json{{"culled", culled}});
    });
  });
}

}  // namespace

Status ReadIdeaInput(const json& body, IdeaInput& in,
                     std::optional<std::int64_t>* organisation_id) {
  http::JsonFields f(
      body, {"organisation_id", "title", "need", "need_who", "need_how_often", "need_cost",
             "solution", "description", "beneficiaries", "value_types", "value_estimate",
             "novelty", "origin", "source_url", "step", "idea_type", "triggers", "area", "sdgs",
             "visibility", "anonymous", "co_author_ids", "owner_id"});
  auto text = [&](const char* name, std::string& out) {
    if (auto v = f.OptionalString(name, 100000)) out = *v;  // lengths: the service's rules
  };
  text("title", in.title);
  text("need", in.need);
  text("need_who", in.need_who);
  text("need_how_often", in.need_how_often);
  text("need_cost", in.need_cost);
  text("solution", in.solution);
  text("description", in.description);
  text("value_estimate", in.value_estimate);
  text("novelty", in.novelty);
  text("origin", in.origin);
  text("source_url", in.source_url);
  text("step", in.step);
  text("idea_type", in.idea_type);
  text("area", in.area);
  text("visibility", in.visibility);
  in.anonymous = f.OptionalBool("anonymous").value_or(in.anonymous);
  if (auto owner = f.OptionalInt("owner_id", 1, std::numeric_limits<std::int64_t>::max())) {
    in.owner_id = owner;
  }
  auto org = f.OptionalInt("organisation_id", 1, std::numeric_limits<std::int64_t>::max());
  if (organisation_id) *organisation_id = org;
  Status problems = f.status();
  if (problems.ok()) problems = InvalidArgumentError("validation.failed");
  Array(body, "beneficiaries", in.beneficiaries, problems);
  Array(body, "value_types", in.value_types, problems);
  Array(body, "triggers", in.triggers, problems);
  Array(body, "sdgs", in.sdgs, problems);
  Array(body, "co_author_ids", in.co_author_ids, problems);
  if (!problems.invalid_parameters().empty()) return problems;
  return Status::Ok();
}

void RegisterIdeasApi(web::Router& router, const IdeaRouteDeps& deps) {
  RegisterIdeaResourceApi(router, deps);
  RegisterAttachmentApi(router, deps);
  RegisterOrganisationIdeaApi(router, deps);
}

void RegisterIdeaRoutes(web::Router& router, const IdeaRouteDeps& deps) {
  RegisterIdeasApi(router, deps);
  RegisterIdeaPages(router, deps);
  RegisterIdeaBoxPages(router, deps);
}

}  // namespace nyttig::ideas
