#include "audit/audit_log.h"

#include <chrono>
#include <thread>
#include <vector>

#include "audit/audit_test_support.h"
#include "audit/entry_hash.h"

namespace nyttig::audit {
namespace {

class AuditLogTest : public AuditTest {
 protected:
  std::vector<AuditEntry> Entries(std::int64_t chain_id) {
    StatusOr<EntryPage> page = audit_log_.ListEntries(db(), chain_id, 1, kMaxPageLimit);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    return page.ok() ? page->entries : std::vector<AuditEntry>{};
  }
};

TEST_P(AuditLogTest, AppendedEntriesVerify) {
  AppendMany(5, 3);
  VerifyReport report = Verify();
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.chains, 1);
  EXPECT_EQ(report.entries, 3);
}

TEST_P(AuditLogTest, EntriesAreNumberedAndLinkedToTheirPredecessor) {
  AppendMany(5, 3);
  std::vector<AuditEntry> entries = Entries(5);  // newest first
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[2].seq, 1);
  EXPECT_EQ(entries[2].prev_hash, kGenesisHash);
  EXPECT_EQ(entries[1].prev_hash, entries[2].entry_hash);
  EXPECT_EQ(entries[0].prev_hash, entries[1].entry_hash);
  EXPECT_EQ(entries[0].occurred_at, clock_.Now());
  EXPECT_EQ(entries[0].details, R"({"title":"Cykelparkering"})");
}

TEST_P(AuditLogTest, RecordIsRolledBackWithTheCallersChange) {
  Status s = db().Write([&](db::Tx& tx) -> Status {
    RETURN_IF_ERROR(audit_log_.Append(tx, Event(5)).status());
    return FailedPreconditionError("the audited change failed");
  });
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_TRUE(Entries(5).empty());
  Append(Event(5));
  EXPECT_EQ(Entries(5).at(0).seq, 1);
  EXPECT_TRUE(Verify().ok());
}

TEST_P(AuditLogTest, ChainsAreNumberedIndependently) {
  Append(Event(1));
  Append(Event(2));
  Append(Event(1));
  EXPECT_EQ(Entries(1).at(0).seq, 2);
  EXPECT_EQ(Entries(2).at(0).seq, 1);
  EXPECT_EQ(Entries(2).at(0).prev_hash, kGenesisHash);
  EXPECT_EQ(Verify().chains, 2);
}

TEST_P(AuditLogTest, ActorsAreNamedByOnePseudonymAcrossChains) {
  Append(Event(1));
  Append(Event(2));
  AuditEvent system = Event(1);
  system.person_id.reset();
  system.actor_role = "system";
  Append(system);
  AuditEvent visitor = Event(1);
  visitor.person_id.reset();
  visitor.actor_role = "citizen";
  Append(visitor);
  std::vector<AuditEntry> chain1 = Entries(1);
  const AuditEntry& first = chain1.at(2);
  EXPECT_EQ(first.actor.size(), 32u);
  EXPECT_EQ(first.actor.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(first.person_id, 17);
  EXPECT_EQ(Entries(2).at(0).actor, first.actor);
  EXPECT_EQ(chain1.at(1).actor, kSystemActor);
  EXPECT_EQ(chain1.at(0).actor, kAnonymousActor);
}

TEST_P(AuditLogTest, CredentialsInDetailsAreRejectedAndNothingIsWritten) {
  AuditEvent event = Event(1, "account.password_change");
  event.details = {{"new_password", "hunter2"}};
  Status s =
      db().Write([&](db::Tx& tx) -> Status { return audit_log_.Append(tx, event).status(); });
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  event.details = {{"session", {{"token", "abc"}}}};
  s = db().Write([&](db::Tx& tx) -> Status { return audit_log_.Append(tx, event).status(); });
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Entries(1).empty());
}

TEST_P(AuditLogTest, EventWithoutActionIsRejected) {
  AuditEvent event = Event(1, "");
  Status s =
      db().Write([&](db::Tx& tx) -> Status { return audit_log_.Append(tx, event).status(); });
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
}

TEST_P(AuditLogTest, ConcurrentAppendsDoNotForkAChain) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 10;
  std::vector<std::thread> threads;
  for (int thread_idx = 0; thread_idx < kThreads; ++thread_idx) {
    // Half the threads share chain 3; the others write chain 4 and 3 in turn.
    threads.emplace_back([this, thread_idx] {
      for (int append_idx = 0; append_idx < kPerThread; ++append_idx) {
        std::int64_t chain = (thread_idx % 2 == 0 || append_idx % 2 == 0) ? 3 : 4;
        Append(Event(chain));
      }
    });
  }
  for (std::thread& t : threads) t.join();
  VerifyReport report = Verify();
  EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.breaks.front().message);
  EXPECT_EQ(report.entries, kThreads * kPerThread);
  EXPECT_EQ(Entries(3).at(0).seq, 30);
  EXPECT_EQ(Entries(4).at(0).seq, 10);
}

TEST_P(AuditLogTest, ErasingAPersonUnlinksThemAndKeepsTheChainIntact) {
  AuditEvent event = Event(1);
  event.client_address = "192.0.2.7";
  event.user_agent = "Firefox";
  Append(event);
  event.person_id = 18;
  Append(event);
  ASSERT_TRUE(db().Write([&](db::Tx& tx) { return audit_log_.ErasePerson(tx, 17); }).ok());
  std::vector<AuditEntry> entries = Entries(1);
  EXPECT_EQ(entries.at(1).person_id, std::nullopt);
  EXPECT_EQ(entries.at(1).client_address, std::nullopt);
  EXPECT_EQ(entries.at(1).user_agent, std::nullopt);
  EXPECT_EQ(entries.at(0).person_id, 18);
  EXPECT_EQ(entries.at(0).client_address, "192.0.2.7");
  EXPECT_TRUE(Verify().ok());
}

TEST_P(AuditLogTest, PurgeDeletesOnlyExpiredPersonalData) {
  AuditEvent event = Event(1);
  event.client_address = "192.0.2.7";
  Append(event);
  clock_.Advance(std::chrono::hours(24 * 20));
  Append(event);
  clock_.Advance(std::chrono::hours(24 * 15));  // the first is now 35 days old
  StatusOr<int> purged = audit_log_.PurgeExpiredPersonalData(db());
  ASSERT_TRUE(purged.ok()) << purged.status().ToString();
  EXPECT_EQ(*purged, 1);
  std::vector<AuditEntry> entries = Entries(1);
  EXPECT_EQ(entries.at(1).client_address, std::nullopt);
  EXPECT_EQ(entries.at(0).client_address, "192.0.2.7");
  EXPECT_TRUE(Verify().ok());
}

TEST_P(AuditLogTest, UnprintableHeaderBytesAreReplacedNotRejected) {
  AuditEvent event = Event(1);
  event.user_agent = "Agent\xff\n1";
  Append(event);
  EXPECT_EQ(Entries(1).at(0).user_agent, "Agent??1");
}

TEST_P(AuditLogTest, ListEntriesPagesNewestFirst) {
  AppendMany(1, 5);
  StatusOr<EntryPage> page = audit_log_.ListEntries(db(), 1, 2, 2);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->total, 5);
  ASSERT_EQ(page->entries.size(), 2u);
  EXPECT_EQ(page->entries[0].seq, 3);
  EXPECT_EQ(page->entries[1].seq, 2);
}

TEST_P(AuditLogTest, ListEntriesRejectsBadPaging) {
  EXPECT_EQ(audit_log_.ListEntries(db(), 1, 0, 10).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(audit_log_.ListEntries(db(), 1, 1, kMaxPageLimit + 1).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_P(AuditLogTest, PublishHeadsRecordsOnlyChainsThatChanged) {
  AppendMany(1, 2);
  AppendMany(2, 1);
  EXPECT_EQ(audit_log_.PublishHeads(db()).value(), 2);
  EXPECT_EQ(audit_log_.PublishHeads(db()).value(), 0);
  Append(Event(2));
  EXPECT_EQ(audit_log_.PublishHeads(db()).value(), 1);
  std::vector<ChainHead> heads = audit_log_.Heads(db()).value();
  ASSERT_EQ(heads.size(), 2u);
  EXPECT_EQ(heads[1], (ChainHead{2, 2, Entries(2).at(0).entry_hash}));
  EXPECT_TRUE(Verify().ok());
}

NYTTIG_INSTANTIATE_ENGINES(AuditLogTest);

}  // namespace
}  // namespace nyttig::audit
