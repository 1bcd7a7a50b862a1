#include "dialogue/demo.h"

#include <random>

#include "accounts/secrets.h"
#include "dialogue/dialogue_store.h"

namespace nyttig::dialogue {
namespace {

constexpr char kQuestion[] = "Hur ska Exempelby bli en bättre plats att vara ung i?";
constexpr int kParticipants = 320;
constexpr int kDays = 14;
constexpr std::uint32_t kSeed = 2026;  // fixed: the same demo every time

// A statement and how each of the three planted groups leans on it:
// +1 mostly agrees, -1 mostly disagrees, 0 is split.
struct DemoStatement {
  const char* body;
  int lean[3];
};

constexpr DemoStatement kStatements[] = {
    {"Det behövs fler platser att träffas på kvällstid som inte kostar något.", {1, 1, 1}},
    {"Fritidsgården borde ha öppet även på helgerna.", {1, 1, 0}},
    {"Kommunen borde satsa mer på idrottsföreningar än på fritidsgårdar.", {-1, 1, 0}},
    {"Bussarna till och från centrum går för sällan på kvällarna.", {1, 0, 1}},
    {"Unga borde få bestämma hur en del av kommunens budget används.", {1, -1, 1}},
    {"Det känns otryggt att vara ute i centrum sent på kvällen.", {0, 1, -1}},
    {"Skolgårdarna borde vara öppna för spontanidrott efter skoltid.", {1, 1, 1}},
    {"Kommunen borde anordna fler sommarjobb för unga.", {1, 0, 1}},
    {"Fler kameror i centrum skulle göra det tryggare.", {-1, 1, -1}},
    {"Biblioteket är en bra plats att vara på efter skolan.", {0, -1, 1}},
    {"Det är svårt att få veta vad som händer för unga i kommunen.", {1, 1, 0}},
    {"En skatepark vid sjön vore bättre än en ny parkeringsplats.", {1, -1, 1}},
};

Dialogue DemoDialogue(std::int64_t org, UnixSeconds now) {
  return {.organisation_id = org,
          .question = kQuestion,
          .introduction =
              "Kommunen tar fram en plan för ungas fritid. Ta ställning till påståendena, ett i "
              "taget, och skriv gärna egna. Resultatet visar var ni är överens och vad som "
              "skiljer olika grupper åt.",
          .opens_at = now - kDays * 86400,
          .closes_at = now + 30 * 86400,
          .moderation = Moderation::kPost,
          .allow_anonymous = true,
          .allow_statements = true,
          .max_statement_chars = kDefaultStatementChars};
}

int DemoVote(int lean, std::mt19937& rng) {
  std::uniform_real_distribution<double> unit(0, 1);
  const double u = unit(rng);
  if (lean == 0) return u < 0.4 ? 1 : u < 0.8 ? -1 : 0;
  if (u < 0.8) return lean;
  return u < 0.9 ? -lean : 0;
}

// Votes of every demo participant, spread over the last kDays days.
Status InsertVotes(db::Tx& tx, DialogueId id, const std::vector<StatementId>& statements,
                   UnixSeconds now) {
  ASSIGN_OR_RETURN(std::string key, DialogueStore::FindKey(tx, id));
  std::mt19937 rng(kSeed);
  std::uniform_int_distribution<int> how_many(6, static_cast<int>(statements.size()));
  std::uniform_int_distribution<int> day(0, kDays - 1);
  for (int n = 0; n < kParticipants; ++n) {
    const int group = n % 3;
    const std::string hash = accounts::KeyedHash(key, "demo:" + std::to_string(n));
    ASSIGN_OR_RETURN(ParticipantId p, DialogueStore::FindOrCreateParticipant(tx, id, hash, now));
    const std::int64_t start_ms = (now - (day(rng) + 1) * 86400) * 1000;
    const int count = how_many(rng);
    for (int i = 0; i < count; ++i) {
      const int vote = DemoVote(kStatements[i].lean[group], rng);
      RETURN_IF_ERROR(
          DialogueStore::InsertVote(tx, id, p, statements[i], vote, start_ms + i * 20000).status());
    }
  }
  return Status::Ok();
}

}  // namespace

StatusOr<DialogueId> LoadDemo(DialogueService& dialogues, db::Database& db,
                              const accounts::Actor& coordinator, std::int64_t org) {
  auto existing = dialogues.ListDialogues(coordinator, org, false, {1, 100});
  if (!existing.ok()) return existing.status();
  for (const Dialogue& d : existing->items) {
    if (d.question == kQuestion) return d.id;
  }
  const Dialogue shape = DemoDialogue(org, dialogues.Now());
  std::vector<std::string> seeds;
  for (const DemoStatement& s : kStatements) seeds.push_back(s.body);
  DialogueInput input{shape.question,   shape.introduction,    shape.opens_at,
                      shape.closes_at,  shape.moderation,      shape.allow_anonymous,
                      shape.allow_statements, shape.max_statement_chars, /*live_seeding=*/true};
  ASSIGN_OR_RETURN(Dialogue d, dialogues.CreateDialogue(coordinator, org, input, seeds));
  ASSIGN_OR_RETURN(auto listed, dialogues.ListStatements(coordinator, d.id, std::nullopt,
                                                         {1, 100}));
  std::vector<StatementId> ids;
  for (const Statement& s : listed.items) ids.push_back(s.id);
  RETURN_IF_ERROR(db.Write([&](db::Tx& tx) { return InsertVotes(tx, d.id, ids, dialogues.Now()); }));
  ParticipantIdentity writer{.browser_token = "demo-writer-" + std::string(32, '0')};
  RETURN_IF_ERROR(dialogues
                      .SubmitStatement(accounts::Actor::Anonymous(), writer, d.id,
                                       "Det borde finnas en plats där unga kan laga mat ihop.")
                      .status());
  RETURN_IF_ERROR(dialogues.Recompute(d.id));
  return d.id;
}

}  // namespace nyttig::dialogue
