// The assessment and participation JSON API. Shapes: participation_json.cpp
// and docs/api/paths/ideas_participation.json.
#include <limits>

#include "http/json_body.h"
#include "http/paging.h"
#include "ideas/participation_routes.h"
#include "web/page.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;
using Ctx = web::RequestContext;

constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();

// Objects of an array member, or a problem naming it.
StatusOr<std::vector<json>> Objects(const json& body, const char* name) {
  if (!body.contains(name) || !body[name].is_array()) {
    return InvalidArgumentError("validation.failed").AddInvalid(name, "validation.not_list");
  }
  std::vector<json> out;
  for (const json& item : body[name]) {
    if (!item.is_object()) {
      return InvalidArgumentError("validation.failed").AddInvalid(name, "ideas.validation.not_object");
    }
    out.push_back(item);
  }
  return out;
}

StatusOr<CriterionInput> ReadCriterion(const http::Request& r) {
  ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
  http::JsonFields f(body, {"name", "scale_min", "scale_max", "weight", "position", "archived"});
  CriterionInput in;
  in.name = f.OptionalString("name", kMaxCriterionNameChars);
  auto small = [&](const char* field) -> std::optional<int> {
    auto v = f.OptionalInt(field, 0, 1000);
    return v ? std::optional<int>(int(*v)) : std::nullopt;
  };
  in.scale_min = small("scale_min");
  in.scale_max = small("scale_max");
  in.weight = small("weight");
  in.position = small("position");
  in.archived = f.OptionalBool("archived");
  RETURN_IF_ERROR(f.status());
  return in;
}

StatusOr<ReviewInput> ReadReview(const http::Request& r) {
  ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
  http::JsonFields f(body, {"scores", "comment"});
  ReviewInput in;
  in.comment = f.OptionalString("comment", kMaxReviewCommentChars).value_or("");
  RETURN_IF_ERROR(f.status());
  ASSIGN_OR_RETURN(std::vector<json> scores, Objects(body, "scores"));
  for (const json& item : scores) {
    http::JsonFields s(item, {"criterion_id", "score"});
    std::int64_t criterion = s.RequiredInt("criterion_id", 1, kMaxId);
    std::int64_t score = s.RequiredInt("score", 0, 100);
    RETURN_IF_ERROR(s.status());
    in.scores[criterion] = int(score);
  }
  return in;
}

StatusOr<std::vector<LegalInput>> ReadLegal(const http::Request& r) {
  ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
  http::JsonFields f(body, {"answers"});
  RETURN_IF_ERROR(f.status());
  ASSIGN_OR_RETURN(std::vector<json> answers, Objects(body, "answers"));
  std::vector<LegalInput> out;
  for (const json& item : answers) {
    http::JsonFields a(item, {"question", "answer", "note"});
    LegalInput in{.question = a.RequiredString("question", 50),
                  .answer = a.RequiredString("answer", 50),
                  .note = a.OptionalString("note", kMaxLegalNoteChars).value_or("")};
    RETURN_IF_ERROR(a.status());
    out.push_back(std::move(in));
  }
  return out;
}

void RegisterCriteriaApi(web::Router& router, const ParticipationRouteDeps& deps) {
  router.Get("/api/v1/organisations/{id:int}/idea-criteria", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(auto criteria, deps.assessment.GetCriteria(web::PathId(r)));
      json items = json::array();
      for (const Criterion& c : criteria) items.push_back(CriterionJson(c));
      return http::WholeListJson(items);
    });
  });
  router.Post("/api/v1/organisations/{id:int}/idea-criteria", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 201, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(CriterionInput in, ReadCriterion(r));
      ASSIGN_OR_RETURN(Criterion c, deps.assessment.AddCriterion(ctx.actor, web::PathId(r), in));
      return CriterionJson(c);
    });
  });
  router.Patch("/api/v1/organisations/{id:int}/idea-criteria/{criterion_id:int}",
               [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(CriterionInput in, ReadCriterion(r));
      ASSIGN_OR_RETURN(Criterion c, deps.assessment.UpdateCriterion(
                                        ctx.actor, web::PathId(r), web::PathId(r, "criterion_id"), in));
      return CriterionJson(c);
    });
  });
}

json ReviewersJson(const std::vector<Reviewer>& reviewers) {
  json items = json::array();
  for (const Reviewer& reviewer : reviewers) {
    items.push_back({{"person_id", reviewer.person_id}, {"display_name", reviewer.display_name}});
  }
  return http::WholeListJson(items);
}

}  // namespace

void RegisterAssessmentApi(web::Router& router, const ParticipationRouteDeps& deps) {
  RegisterCriteriaApi(router, deps);
  router.Get("/api/v1/ideas/{id:int}/assessment", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(Assessment a, deps.assessment.GetAssessment(ctx.actor, web::PathId(r)));
      return AssessmentJson(a);
    });
  });
  router.Post("/api/v1/ideas/{id:int}/reviewers", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      http::JsonFields f(body, {"person_id"});
      std::int64_t person = f.RequiredInt("person_id", 1, kMaxId);
      RETURN_IF_ERROR(f.status());
      ASSIGN_OR_RETURN(auto reviewers, deps.assessment.AssignReviewer(ctx.actor, web::PathId(r), person));
      return ReviewersJson(reviewers);
    });
  });
  router.Delete("/api/v1/ideas/{id:int}/reviewers/{person_id:int}",
                [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(auto reviewers, deps.assessment.RemoveReviewer(ctx.actor, web::PathId(r),
                                                                      web::PathId(r, "person_id")));
      return ReviewersJson(reviewers);
    });
  });
  router.Put("/api/v1/ideas/{id:int}/review", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(ReviewInput in, ReadReview(r));
      RETURN_IF_ERROR(deps.assessment.SaveReview(ctx.actor, web::PathId(r), in).status());
      ASSIGN_OR_RETURN(Assessment a, deps.assessment.GetAssessment(ctx.actor, web::PathId(r)));
      return AssessmentJson(a);
    });
  });
  router.Put("/api/v1/ideas/{id:int}/legal-checklist", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(std::vector<LegalInput> in, ReadLegal(r));
      RETURN_IF_ERROR(deps.assessment.AnswerLegalChecklist(ctx.actor, web::PathId(r), in).status());
      ASSIGN_OR_RETURN(Assessment a, deps.assessment.GetAssessment(ctx.actor, web::PathId(r)));
      return AssessmentJson(a);
    });
  });
}

void RegisterParticipationApi(web::Router& router, const ParticipationRouteDeps& deps) {
  router.Get("/api/v1/ideas/{id:int}/comments", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(auto comments, deps.participation.ListComments(ctx.actor, web::PathId(r)));
      json items = json::array();
      for (const Comment& c : comments) items.push_back(CommentJson(c));
      return http::WholeListJson(items);
    });
  });
  router.Post("/api/v1/ideas/{id:int}/comments", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 201, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      http::JsonFields f(body, {"body", "parent_id"});
      std::string text = f.RequiredString("body", kMaxCommentChars);
      std::optional<CommentId> parent = f.OptionalInt("parent_id", 1, kMaxId);
      RETURN_IF_ERROR(f.status());
      ASSIGN_OR_RETURN(Comment c, deps.participation.AddComment(ctx.actor, web::PathId(r), text, parent));
      return CommentJson(c);
    });
  });
  router.Patch("/api/v1/ideas/{id:int}/comments/{comment_id:int}",
               [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      http::JsonFields f(body, {"body"});
      std::string text = f.RequiredString("body", kMaxCommentChars);
      RETURN_IF_ERROR(f.status());
      ASSIGN_OR_RETURN(Comment c, deps.participation.EditComment(ctx.actor, web::PathId(r),
                                                                 web::PathId(r, "comment_id"), text));
      return CommentJson(c);
    });
  });
  // Moderation and reports: {"reason"}.
  auto with_reason = [deps](bool hide) {
    return [deps, hide](const http::Request& r, Ctx& ctx) {
      return web::ApiJson(r, ctx, hide ? 200 : 201, [&]() -> StatusOr<json> {
        ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
        http::JsonFields f(body, {"reason"});
        std::string reason = f.RequiredString("reason", kMaxModerationReasonChars);
        RETURN_IF_ERROR(f.status());
        const IdeaId idea = web::PathId(r);
        const CommentId comment = web::PathId(r, "comment_id");
        if (!hide) {
          RETURN_IF_ERROR(deps.participation.ReportComment(ctx.actor, idea, comment, reason));
          return json{{"reported", true}};
        }
        ASSIGN_OR_RETURN(Comment c, deps.participation.HideComment(ctx.actor, idea, comment, reason));
        return CommentJson(c);
      });
    };
  };
  router.Post("/api/v1/ideas/{id:int}/comments/{comment_id:int}/hide", with_reason(true));
  router.Post("/api/v1/ideas/{id:int}/comments/{comment_id:int}/reports", with_reason(false));

  router.Post("/api/v1/ideas/{id:int}/merge", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      http::JsonFields f(body, {"original_id", "reason"});
      std::int64_t original = f.RequiredInt("original_id", 1, kMaxId);
      std::string reason = f.RequiredString("reason", kMaxModerationReasonChars);
      RETURN_IF_ERROR(f.status());
      ASSIGN_OR_RETURN(Idea merged, deps.participation.MergeIdeas(ctx.actor, web::PathId(r), original, reason));
      return json{{"duplicate_id", web::PathId(r)}, {"original_id", merged.id}};
    });
  });
  router.Get("/api/v1/ideas/{id:int}/supports", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(auto p, deps.participation.GetParticipation(ctx.actor, web::PathId(r)));
      return ParticipationJson(p);
    });
  });
  // PUT sets the caller's support or follow, DELETE withdraws it; both idempotent.
  auto toggle = [deps](bool support, bool on) {
    return [deps, support, on](const http::Request& r, Ctx& ctx) {
      return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
        ASSIGN_OR_RETURN(auto p, support ? deps.participation.SetSupport(ctx.actor, web::PathId(r), on)
                                         : deps.participation.SetFollow(ctx.actor, web::PathId(r), on));
        return ParticipationJson(p);
      });
    };
  };
  router.Put("/api/v1/ideas/{id:int}/supports", toggle(true, true));
  router.Delete("/api/v1/ideas/{id:int}/supports", toggle(true, false));
  router.Put("/api/v1/ideas/{id:int}/follow", toggle(false, true));
  router.Delete("/api/v1/ideas/{id:int}/follow", toggle(false, false));
}

}  // namespace nyttig::ideas
