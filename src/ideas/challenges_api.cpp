// The challenges' JSON API. Shapes: docs/api/paths/ideas_challenges.json.
#include <limits>

#include "core/time_format.h"
#include "http/json_body.h"
#include "http/paging.h"
#include "ideas/challenge_routes.h"
#include "ideas/routes.h"
#include "web/markdown.h"
#include "web/page.h"

namespace nyttig::ideas {
namespace {

using nlohmann::json;
using Ctx = web::RequestContext;

constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();
constexpr std::size_t kReadLimit = 100000;  // characters; the service has the real limits

json TimeOrNull(const std::optional<UnixSeconds>& t) {
  return t ? json(FormatRfc3339(*t)) : json();
}

json HostsJson(const Challenge& c) {
  json hosts = json::array();
  for (const ChallengeHost& h : c.hosts) {
    hosts.push_back({{"organisation_id", h.organisation_id},
                     {"name", h.name},
                     {"slug", h.slug},
                     {"lead", h.lead},
                     {"accepted", h.accepted()}});
  }
  return hosts;
}

json ResultsJson(const Challenge& c) {
  if (!c.results_published_at) return json();
  json awards = json::array();
  for (const ChallengeAward& a : c.awards) {
    awards.push_back({{"idea_id", a.idea_id},
                      {"idea_title", a.idea_title},
                      {"rank", a.rank},
                      {"title", a.title},
                      {"motivation", a.motivation},
                      {"url", "/ideas/" + std::to_string(a.idea_id)}});
  }
  return {{"text", c.results},
          {"text_html", web::RenderMarkdown(c.results)},
          {"published_at", FormatRfc3339(*c.results_published_at)},
          {"awards", awards}};
}

// An array member of objects, each read by `read`; absent → untouched.
template <typename T, typename Read>
Status ObjectList(const json& body, const char* name, std::vector<T>& out, Read read) {
  if (!body.contains(name) || body[name].is_null()) return Status::Ok();
  if (!body[name].is_array()) return InvalidParameterError(name, "validation.not_list");
  out.clear();
  for (const json& item : body[name]) {
    if (!item.is_object()) return InvalidParameterError(name, "ideas.validation.not_object", item.dump());
    ASSIGN_OR_RETURN(T value, read(item));
    out.push_back(std::move(value));
  }
  return Status::Ok();
}

StatusOr<ChallengeCriterion> ReadCriterion(const json& item) {
  http::JsonFields f(item, {"name", "description"});
  ChallengeCriterion c{f.RequiredString("name", kReadLimit),
                       f.OptionalString("description", kReadLimit).value_or("")};
  RETURN_IF_ERROR(f.status());
  return c;
}

StatusOr<AwardInput> ReadAward(const json& item) {
  http::JsonFields f(item, {"idea_id", "title", "motivation"});
  AwardInput a{.idea_id = f.RequiredInt("idea_id", 1, kMaxId),
               .title = f.RequiredString("title", kReadLimit),
               .motivation = f.OptionalString("motivation", kReadLimit).value_or("")};
  RETURN_IF_ERROR(f.status());
  return a;
}

StatusOr<OrganisationId> ReadOrganisationId(const json& item) {
  if (!item.is_number_integer() || item.get<std::int64_t>() < 1) {
    return InvalidParameterError("co_host_ids", "validation.positive_integer", item.dump());
  }
  return item.get<std::int64_t>();
}

// Reads the members present in `body` over `in` (defaults for POST, the
// challenge as it is for PATCH); `lead` receives organisation_id on POST.
Status ReadChallengeInput(const json& body, ChallengeInput& in, std::optional<std::int64_t>* lead) {
  http::JsonFields f(body, {"organisation_id", "title", "question", "description", "target_group",
                            "audience", "opens_at", "closes_at", "criteria", "co_host_ids"});
  if (lead) *lead = f.RequiredInt("organisation_id", 1, kMaxId);
  auto text = [&](const char* name, std::string& out) {
    if (auto v = f.OptionalString(name, kReadLimit)) out = *v;
  };
  text("title", in.title);
  text("question", in.question);
  text("description", in.description);
  text("target_group", in.target_group);
  text("audience", in.audience);
  if (auto t = f.OptionalTime("opens_at")) in.opens_at = t;
  if (auto t = f.OptionalTime("closes_at")) in.closes_at = t;
  RETURN_IF_ERROR(f.status());
  RETURN_IF_ERROR(ObjectList(body, "criteria", in.criteria, ReadCriterion));
  if (body.contains("co_host_ids") && !body["co_host_ids"].is_null()) {
    if (!body["co_host_ids"].is_array()) return InvalidParameterError("co_host_ids", "validation.not_list");
    in.co_hosts.clear();
    for (const json& item : body["co_host_ids"]) {
      ASSIGN_OR_RETURN(OrganisationId org, ReadOrganisationId(item));
      in.co_hosts.push_back(org);
    }
  }
  return Status::Ok();
}

StatusOr<ResultsInput> ReadResults(const http::Request& r) {
  ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
  http::JsonFields f(body, {"text", "awards"});
  ResultsInput in{.text = f.RequiredString("text", kReadLimit)};
  RETURN_IF_ERROR(f.status());
  RETURN_IF_ERROR(ObjectList(body, "awards", in.awards, ReadAward));
  return in;
}

StatusOr<ChallengeFilter> ReadFilter(const http::Request& r) {
  ASSIGN_OR_RETURN(http::PageRequest paging, http::ParsePageRequest(r));
  ChallengeFilter filter{.offset = paging.offset(), .limit = paging.limit};
  ASSIGN_OR_RETURN(filter.organisation_id, http::OptionalIdQuery(r, "organisation_id"));
  if (auto phase = r.Query("phase"); phase && !phase->empty()) {
    filter.phase = ParseChallengePhase(*phase);
    if (!filter.phase) return InvalidParameterError("phase", "ideas.code.invalid", *phase);
  }
  return filter;
}

void RegisterReads(web::Router& router, const ChallengeRouteDeps& deps) {
  router.Get("/api/v1/challenges", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(ChallengeFilter filter, ReadFilter(r));
      ASSIGN_OR_RETURN(ChallengePage page, deps.challenges.ListChallenges(ctx.actor, filter));
      json items = json::array();
      for (const Challenge& c : page.items) items.push_back(ChallengeJson(c, deps.clock.Now()));
      http::PageRequest paging{int(filter.offset / filter.limit) + 1, filter.limit};
      return http::PagedJson(items, paging, page.total);
    });
  });
  router.Get("/api/v1/challenges/{id:int}", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(Challenge c, deps.challenges.GetChallenge(ctx.actor, web::PathId(r)));
      return ChallengeJson(c, deps.clock.Now());
    });
  });
  router.Get("/api/v1/challenge-invitations", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(std::vector<Challenge> pending, deps.challenges.Invitations(ctx.actor));
      json items = json::array();
      for (const Challenge& c : pending) items.push_back(ChallengeJson(c, deps.clock.Now()));
      return http::WholeListJson(items);
    });
  });
}

void RegisterWrites(web::Router& router, const ChallengeRouteDeps& deps) {
  router.Post("/api/v1/challenges", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      ChallengeInput in;
      std::optional<std::int64_t> lead;
      RETURN_IF_ERROR(ReadChallengeInput(body, in, &lead));
      ASSIGN_OR_RETURN(Challenge c, deps.challenges.CreateChallenge(ctx.actor, *lead, in));
      http::Response created = web::Json(201, ChallengeJson(c, deps.clock.Now()));
      created.headers.Set("Location", "/api/v1/challenges/" + std::to_string(c.id));
      return created;
    });
  });
  router.Patch("/api/v1/challenges/{id:int}", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      ASSIGN_OR_RETURN(Challenge current, deps.challenges.GetChallenge(ctx.actor, web::PathId(r)));
      ChallengeInput in = InputOf(current);
      if (body.contains("organisation_id")) {
        return InvalidParameterError("organisation_id", "challenges.lead.fixed");
      }
      RETURN_IF_ERROR(ReadChallengeInput(body, in, nullptr));
      ASSIGN_OR_RETURN(Challenge c, deps.challenges.UpdateChallenge(ctx.actor, current.id, in));
      return ChallengeJson(c, deps.clock.Now());
    });
  });
  router.Post("/api/v1/challenges/{id:int}/publication", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(Challenge c, deps.challenges.PublishChallenge(ctx.actor, web::PathId(r)));
      return ChallengeJson(c, deps.clock.Now());
    });
  });
  auto answer = [deps](bool accept) {
    return [deps, accept](const http::Request& r, Ctx& ctx) {
      return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
        ASSIGN_OR_RETURN(Challenge c, deps.challenges.AnswerInvitation(
                                          ctx.actor, web::PathId(r),
                                          web::PathId(r, "organisation_id"), accept));
        return ChallengeJson(c, deps.clock.Now());
      });
    };
  };
  router.Put("/api/v1/challenges/{id:int}/hosts/{organisation_id:int}", answer(true));
  router.Delete("/api/v1/challenges/{id:int}/hosts/{organisation_id:int}", answer(false));
  router.Put("/api/v1/challenges/{id:int}/results", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiJson(r, ctx, 200, [&]() -> StatusOr<json> {
      ASSIGN_OR_RETURN(ResultsInput in, ReadResults(r));
      ASSIGN_OR_RETURN(Challenge c, deps.challenges.PublishResults(ctx.actor, web::PathId(r), in));
      return ChallengeJson(c, deps.clock.Now());
    });
  });
  router.Post("/api/v1/challenges/{id:int}/ideas", [deps](const http::Request& r, Ctx& ctx) {
    return web::ApiAnswer(r, ctx, [&]() -> StatusOr<http::Response> {
      ASSIGN_OR_RETURN(json body, http::ParseJsonObject(r));
      IdeaInput in;
      std::optional<std::int64_t> organisation;
      RETURN_IF_ERROR(ReadIdeaInput(body, in, &organisation));
      if (organisation) return InvalidParameterError("organisation_id", "challenges.submit.organisation_given");
      ASSIGN_OR_RETURN(Idea idea, deps.challenges.SubmitIdea(ctx.actor, web::PathId(r), in));
      http::Response created = web::Json(201, IdeaJson(idea));
      created.headers.Set("Location", "/api/v1/ideas/" + std::to_string(idea.id));
      return created;
    });
  });
}

}  // namespace

json ChallengeJson(const Challenge& c, UnixSeconds now) {
  json criteria = json::array();
  for (const ChallengeCriterion& k : c.criteria) {
    criteria.push_back({{"name", k.name}, {"description", k.description}});
  }
  return {{"id", c.id},
          {"organisation_id", c.organisation_id},
          {"title", c.title},
          {"question", c.question},
          {"description", c.description},
          {"description_html", web::RenderMarkdown(c.description)},
          {"target_group", c.target_group},
          {"audience", ChallengeAudienceName(c.audience)},
          {"phase", ChallengePhaseName(c.PhaseAt(now))},
          {"opens_at", FormatRfc3339(c.opens_at)},
          {"closes_at", FormatRfc3339(c.closes_at)},
          {"published_at", TimeOrNull(c.published_at)},
          {"hosts", HostsJson(c)},
          {"criteria", criteria},
          {"results", ResultsJson(c)},
          {"created_at", FormatRfc3339(c.created_at)},
          {"updated_at", FormatRfc3339(c.updated_at)},
          {"url", "/challenges/" + std::to_string(c.id)}};
}

void RegisterChallengesApi(web::Router& router, const ChallengeRouteDeps& deps) {
  RegisterReads(router, deps);
  RegisterWrites(router, deps);
}

void RegisterChallengeRoutes(web::Router& router, const ChallengeRouteDeps& deps) {
  RegisterChallengesApi(router, deps);
  RegisterChallengePages(router, deps);
  RegisterChallengeFormPages(router, deps);
}

}  // namespace nyttig::ideas
