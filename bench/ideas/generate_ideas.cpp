// Fills a Nyttig database with many generated ideas for the idea-list
// benchmark (bench/ideas/run.sh): migrate, load the demo content, then insert
// --count ideas spread over the demo organisations' pipelines, stages, areas,
// goals and three years, in batches of one transaction each through the
// ideas store (no audit entries or notifications: this is bulk bench data,
// not use cases). Prints one JSON document to stdout:
//   {"ideas": 100000, "seconds": 12.3, "token": "<coordinator API token>"}
//
//   nyttig_ideas_generate --data DIR [--db URL] [--count N] [--seed S]
#include <CLI/CLI.hpp>
#include <soci/soci.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <random>

#include <nlohmann/json.hpp>

#include "accounts/person_store.h"
#include "app/app.h"
#include "app/demo.h"
#include "db/migrations.h"
#include "ideas/idea_store.h"

namespace nyttig {
namespace {

constexpr int kBatch = 1000;  // ideas per transaction

constexpr const char* kSubjects[] = {
    "Digital incheckning", "Samåkning", "Matsvinn", "Hemtjänstens körningar", "Skolskjuts",
    "Bygglovsansökan", "Läxhjälp", "Nattpatrull", "Fallprevention", "Återbruk av möbler",
    "Parkeringsavgifter", "Biblioteksbussen", "Snöröjning", "Vattenmätare", "Föreningsbidrag",
    "Larmhantering", "Friskvård", "Sommarjobb", "Felanmälan", "Tolkbokning"};
constexpr const char* kMoves[] = {
    "med sms-påminnelser", "i hela kommunen", "för äldre", "via appen", "på försök i en enhet",
    "med sensorer", "tillsammans med föreningar", "utan papper", "med öppna data",
    "för nyanlända"};
constexpr const char* kNeeds[] = {
    "Personalen lägger mycket tid på att ringa runt och stämma av.",
    "Många missar sin tid och får boka om, vilket kostar pengar.",
    "Medborgare hittar inte rätt information och ringer växeln.",
    "Samma uppgifter skrivs in i tre olika system.",
    "Det tar flera veckor innan ett ärende kommer till rätt handläggare."};

struct Context {
  std::vector<std::pair<accounts::OrganisationId, std::vector<ideas::Stage>>> pipelines;
  std::vector<accounts::PersonId> people;
};

StatusOr<Context> LoadContext(app::App& app) {
  Context context;
  RETURN_IF_ERROR(app.db().Read([&](db::Tx& tx) -> Status {
    soci::rowset<soci::row> rows = (tx.sql().prepare << "SELECT DISTINCT organisation_id FROM ideas_stages");
    std::vector<accounts::OrganisationId> orgs;
    for (const soci::row& row : rows) orgs.push_back(row.get<long long>(0));
    for (accounts::OrganisationId org : orgs) {
      ASSIGN_OR_RETURN(std::vector<ideas::Stage> stages, ideas::IdeaStore::ListStages(tx, org));
      context.pipelines.emplace_back(org, std::move(stages));
    }
    for (const char* email : {"anna.berg@exempelby.se", "omar.said@exempelby.se",
                              "lena.holm@exempelby.se", "medborgare@example.org"}) {
      ASSIGN_OR_RETURN(accounts::Person person, accounts::PersonStore::FindByEmail(tx, email));
      context.people.push_back(person.id);
    }
    return Status::Ok();
  }));
  if (context.pipelines.empty()) {
    return FailedPreconditionError("the demo created no idea pipelines (ideas demo missing?)");
  }
  return context;
}

template <typename T, size_t N>
const T& Pick(const T (&items)[N], std::mt19937_64& rng) {
  return items[std::uniform_int_distribution<size_t>(0, N - 1)(rng)];
}

ideas::Idea MakeIdea(const Context& context, std::mt19937_64& rng, UnixSeconds now) {
  const auto& [org, stages] = context.pipelines[rng() % context.pipelines.size()];
  ideas::Idea idea;
  idea.organisation_id = org;
  idea.stage = stages[rng() % stages.size()];  // its kind is stored with the idea
  idea.stage_id = idea.stage.id;
  idea.created_at = now - static_cast<UnixSeconds>(rng() % (3 * 365 * 86400));
  idea.updated_at = idea.stage_since = idea.created_at;
  idea.title = std::string(Pick(kSubjects, rng)) + " " + Pick(kMoves, rng);
  idea.need = Pick(kNeeds, rng);
  idea.solution = "Vi föreslår att " + idea.title + " prövas under ett halvår och följs upp.";
  idea.area = std::string(ideas::kAreas[rng() % std::size(ideas::kAreas)]);
  idea.value_types = {std::string(ideas::kValueTypes[rng() % std::size(ideas::kValueTypes)])};
  idea.beneficiaries = {std::string(ideas::kBeneficiaries[rng() % std::size(ideas::kBeneficiaries)])};
  idea.sdgs = {static_cast<int>(rng() % ideas::kSdgCount) + 1};
  idea.novelty = "organisation";
  idea.origin = "first";
  idea.step = "incremental";
  idea.idea_type = "service";
  idea.visibility = rng() % 2 ? ideas::Visibility::kPublic : ideas::Visibility::kOrganisation;
  idea.submitter_id = context.people[rng() % context.people.size()];
  return idea;
}

Status InsertBatch(app::App& app, const Context& context, std::mt19937_64& rng, int count) {
  const UnixSeconds now = app.clock().Now();
  return app.db().Write([&](db::Tx& tx) -> Status {
    for (int idx = 0; idx < count; ++idx) {
      ideas::Idea idea = MakeIdea(context, rng, now);
      ASSIGN_OR_RETURN(ideas::IdeaId id, ideas::IdeaStore::Insert(tx, idea));
      RETURN_IF_ERROR(ideas::IdeaStore::SetAuthors(tx, id, {*idea.submitter_id}));
      ideas::IdeaEvent event{.idea_id = id, .kind = ideas::EventKind::kSubmitted,
                             .to_stage_id = idea.stage_id, .actor_id = idea.submitter_id,
                             .occurred_at = idea.created_at};
      RETURN_IF_ERROR(ideas::IdeaStore::InsertEvent(tx, event).status());
    }
    return Status::Ok();
  });
}

StatusOr<std::string> CoordinatorToken(app::App& app, accounts::PersonId coordinator) {
  ASSIGN_OR_RETURN(accounts::Actor actor,
                   app.accounts().ActorForPerson(coordinator, accounts::AuthMethod::kSession));
  ASSIGN_OR_RETURN(accounts::CreatedToken token,
                   app.tokens().CreatePersonalToken(
                       actor, {.name = "bench", .scopes = {"read"}, .expires_in_days = 1}));
  return token.secret;
}

int Run(const std::string& data_dir, std::string url, int count, std::uint64_t seed) {
  std::filesystem::create_directories(data_dir);
  if (url.empty()) url = (std::filesystem::path(data_dir) / "nyttig.db").string();
  SystemClock clock;
  auto fail = [](const Status& status) {
    std::cerr << "nyttig_ideas_generate: " << status.ToString() << "\n";
    return 1;
  };
  auto database = db::Database::Open({.url = url, .pool_size = 2});
  if (!database.ok()) return fail(database.status());
  auto migrations = db::BuiltinMigrations((*database)->dialect());
  if (!migrations.ok()) return fail(migrations.status());
  if (auto applied = db::ApplyMigrations(**database, *migrations, clock); !applied.ok()) {
    return fail(applied.status());
  }
  auto app = app::App::Create({.data_dir = data_dir}, clock, std::move(*database));
  if (!app.ok()) return fail(app.status());
  if (auto demo = app::LoadDemo(**app); !demo.ok()) return fail(demo.status());
  auto context = LoadContext(**app);
  if (!context.ok()) return fail(context.status());
  std::mt19937_64 rng(seed);
  auto started = std::chrono::steady_clock::now();
  for (int done = 0; done < count; done += kBatch) {
    if (Status s = InsertBatch(**app, *context, rng, std::min(kBatch, count - done)); !s.ok()) {
      return fail(s);
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  auto token = CoordinatorToken(**app, context->people.front());
  if (!token.ok()) return fail(token.status());
  std::cout << nlohmann::json{{"ideas", count}, {"seconds", seconds}, {"token", *token}}.dump()
            << "\n";
  return 0;
}

}  // namespace
}  // namespace nyttig

int main(int argc, char** argv) {
  CLI::App cli{"Generates ideas for the idea-list benchmark"};
  std::string data_dir, url;
  int count = 100000;
  std::uint64_t seed = 20261128;
  cli.add_option("--data", data_dir, "data folder")->required();
  cli.add_option("--db", url, "database URL (default: SQLite in the data folder)");
  cli.add_option("--count", count, "ideas to generate")->check(CLI::Range(1, 10000000));
  cli.add_option("--seed", seed, "random seed");
  CLI11_PARSE(cli, argc, argv);
  spdlog::set_level(spdlog::level::warn);
  return nyttig::Run(data_dir, url, count, seed);
}
