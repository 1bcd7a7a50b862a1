// The dialogue module's permission predicates as a role × action matrix.
#include "dialogue/permissions.h"

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>

namespace nyttig::dialogue {
namespace {

using accounts::Actor;
using accounts::AuthMethod;
using accounts::Role;

constexpr std::int64_t kOrg = 7;
constexpr std::int64_t kOtherOrg = 8;
constexpr UnixSeconds kNow = 1'800'000'000;

Actor WithRole(std::optional<Role> role, std::int64_t org = kOrg) {
  Actor a;
  a.person_id = 42;
  a.method = AuthMethod::kSession;
  if (role) a.memberships.push_back({.person_id = 42, .organisation_id = org, .role = *role});
  return a;
}

std::map<std::string, Actor> Actors() {
  Actor platform = WithRole(std::nullopt);
  platform.platform_admin = true;
  Actor service;
  service.method = AuthMethod::kToken;
  service.service_organisation = kOrg;
  service.scopes = {accounts::TokenScope::kWrite};
  Actor read_token = WithRole(Role::kCoordinator);
  read_token.method = AuthMethod::kToken;
  read_token.scopes = {accounts::TokenScope::kRead};
  return {{"anonymous", Actor::Anonymous()},
          {"citizen", WithRole(std::nullopt)},
          {"employee", WithRole(Role::kEmployee)},
          {"coordinator", WithRole(Role::kCoordinator)},
          {"decision_maker", WithRole(Role::kDecisionMaker)},
          {"admin", WithRole(Role::kAdmin)},
          {"other_coordinator", WithRole(Role::kCoordinator, kOtherOrg)},
          {"platform_admin", platform},
          {"service_token", service},
          {"read_token_coordinator", read_token}};
}

Dialogue OpenDialogue(bool anonymous) {
  return {.id = 1, .organisation_id = kOrg, .opens_at = kNow - 10, .allow_anonymous = anonymous};
}

using Check = std::function<bool(const Actor&)>;

// Expected answers per actor, in the order of Actors().
void ExpectMatrix(const std::string& action, const Check& check,
                  const std::map<std::string, bool>& expected) {
  for (const auto& [name, actor] : Actors()) {
    ASSERT_TRUE(expected.count(name)) << name;
    EXPECT_EQ(check(actor), expected.at(name)) << action << " by " << name;
  }
}

const std::map<std::string, bool> kOrganisersOnly = {
    {"anonymous", false},      {"citizen", false},           {"employee", false},
    {"coordinator", true},     {"decision_maker", false},    {"admin", true},
    {"other_coordinator", false}, {"platform_admin", true},  {"service_token", true},
    {"read_token_coordinator", false}};

TEST(DialoguePermissionsTest, OpeningEditingModeratingAndExportingAreForOrganisers) {
  const Dialogue d = OpenDialogue(false);
  ExpectMatrix("create", [](const Actor& a) { return CanCreateDialogue(a, kOrg); },
               kOrganisersOnly);
  ExpectMatrix("edit", [&](const Actor& a) { return CanEditDialogue(a, d); }, kOrganisersOnly);
  ExpectMatrix("moderate", [&](const Actor& a) { return CanModerateDialogue(a, d); },
               kOrganisersOnly);
  ExpectMatrix("export", [&](const Actor& a) { return CanExportDialogue(a, d); },
               kOrganisersOnly);
}

TEST(DialoguePermissionsTest, VotingNeedsAPersonUnlessAnonymousIsAllowed) {
  const std::map<std::string, bool> persons = {
      {"anonymous", false},        {"citizen", true},         {"employee", true},
      {"coordinator", true},       {"decision_maker", true},  {"admin", true},
      {"other_coordinator", true}, {"platform_admin", true},  {"service_token", false},
      {"read_token_coordinator", false}};
  const Dialogue logged_in_only = OpenDialogue(false);
  ExpectMatrix("vote", [&](const Actor& a) { return CanVote(a, logged_in_only, kNow); }, persons);
  std::map<std::string, bool> anyone = persons;
  anyone["anonymous"] = true;
  const Dialogue open_to_all = OpenDialogue(true);
  ExpectMatrix("vote anonymously", [&](const Actor& a) { return CanVote(a, open_to_all, kNow); },
               anyone);
  ExpectMatrix("submit", [&](const Actor& a) { return CanSubmitStatement(a, open_to_all, kNow); },
               anyone);
}

TEST(DialoguePermissionsTest, NobodyVotesInAClosedDialogueOrOneWithoutStatements) {
  Dialogue closed = OpenDialogue(true);
  closed.closes_at = kNow - 1;
  Dialogue no_statements = OpenDialogue(true);
  no_statements.allow_statements = false;
  for (const auto& [name, actor] : Actors()) {
    EXPECT_FALSE(CanVote(actor, closed, kNow)) << name;
    EXPECT_FALSE(CanSubmitStatement(actor, no_statements, kNow)) << name;
  }
}

TEST(DialoguePermissionsTest, OnlyOrganisersSeeADialogueBeforeItOpens) {
  Dialogue later = OpenDialogue(true);
  later.opens_at = kNow + 60;
  std::map<std::string, bool> expected = kOrganisersOnly;
  ExpectMatrix("view before opening",
               [&](const Actor& a) { return CanViewDialogue(a, later, kNow); }, expected);
  for (const auto& [name, actor] : Actors()) {
    EXPECT_TRUE(CanViewDialogue(actor, OpenDialogue(false), kNow)) << name;
  }
}

}  // namespace
}  // namespace nyttig::dialogue
