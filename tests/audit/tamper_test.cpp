// An intruder with write access to the database alters, inserts, deletes or
// reorders entries; Verify names the first place that no longer checks out.
#include <sstream>

#include "audit/audit_test_support.h"
#include "audit/entry_hash.h"

namespace nyttig::audit {
namespace {

class AuditTamperTest : public AuditTest {
 protected:
  // Chain 9 with entries seq 1..4 and chain 8 untouched beside it.
  void SetUp() override {
    AuditTest::SetUp();
    AppendMany(9, 4);
    AppendMany(8, 2);
  }

  ChainBreak OnlyBreak() {
    VerifyReport report = Verify();
    EXPECT_EQ(report.breaks.size(), 1u);
    return report.breaks.empty() ? ChainBreak{} : report.breaks.front();
  }

  std::string EntryHashAt(std::int64_t seq) {
    std::string hash;
    long long at = seq;
    EXPECT_TRUE(db().Read([&](db::Tx& tx) {
                      tx.sql() << "SELECT entry_hash FROM audit_entries WHERE chain_id = 9 AND "
                                  "seq = :s",
                          soci::use(at), soci::into(hash);
                      return Status::Ok();
                    })
                    .ok());
    return hash;
  }
};

TEST_P(AuditTamperTest, AlteredDetailIsNamed) {
  Tamper(
      "UPDATE audit_entries SET details = '{\"title\":\"Annat\"}' WHERE chain_id = 9 AND "
      "seq = 2");
  ChainBreak broken = OnlyBreak();
  EXPECT_EQ(broken.chain_id, 9);
  EXPECT_EQ(broken.seq, 2);
  EXPECT_TRUE(broken.entry_id.has_value());
  EXPECT_EQ(broken.kind, BreakKind::kAlteredEntry);
}

TEST_P(AuditTamperTest, AlteredTimeIsNamed) {
  Tamper(
      "UPDATE audit_entries SET occurred_at = occurred_at - 3600 WHERE chain_id = 9 AND "
      "seq = 3");
  ChainBreak broken = OnlyBreak();
  EXPECT_EQ(broken.seq, 3);
  EXPECT_EQ(broken.kind, BreakKind::kAlteredEntry);
}

TEST_P(AuditTamperTest, DeletedMiddleEntryIsNamed) {
  Tamper("DELETE FROM audit_entries WHERE chain_id = 9 AND seq = 2");
  ChainBreak broken = OnlyBreak();
  EXPECT_EQ(broken.seq, 2);
  EXPECT_EQ(broken.kind, BreakKind::kMissingEntries);
}

// The intruder makes room at seq 2 and inserts an entry with a correct hash
// that links to seq 1: the entry pushed to seq 3 no longer matches its hash.
TEST_P(AuditTamperTest, InsertedEntryIsFound) {
  Tamper("UPDATE audit_entries SET seq = seq + 1000 WHERE chain_id = 9 AND seq >= 2");
  Tamper("UPDATE audit_entries SET seq = seq - 999 WHERE chain_id = 9 AND seq > 1000");
  const std::string prev = EntryHashAt(1);
  const std::string details = "{}";
  ChainedFields forged{.chain_id = 9,
                       .seq = 2,
                       .occurred_at = clock_.Now(),
                       .actor = "system",
                       .actor_role = "system",
                       .action = "idea.delete",
                       .entity_type = "idea",
                       .entity_id = "42",
                       .details = details,
                       .prev_hash = prev};
  Tamper(
      "INSERT INTO audit_entries(chain_id, seq, occurred_at, actor, actor_role, action, "
      "entity_type, entity_id, details, prev_hash, entry_hash) VALUES (9, 2, " +
      std::to_string(clock_.Now()) + ", 'system', 'system', 'idea.delete', 'idea', '42', '{}', '" +
      prev + "', '" + ComputeEntryHash(forged) + "')");
  ChainBreak broken = OnlyBreak();
  EXPECT_EQ(broken.seq, 3);
  EXPECT_EQ(broken.kind, BreakKind::kAlteredEntry);
}

TEST_P(AuditTamperTest, ReorderedEntriesAreNamed) {
  Tamper("UPDATE audit_entries SET seq = 1002 WHERE chain_id = 9 AND seq = 2");
  Tamper("UPDATE audit_entries SET seq = 2 WHERE chain_id = 9 AND seq = 3");
  Tamper("UPDATE audit_entries SET seq = 3 WHERE chain_id = 9 AND seq = 1002");
  ChainBreak broken = OnlyBreak();
  EXPECT_EQ(broken.seq, 2);
  EXPECT_EQ(broken.kind, BreakKind::kAlteredEntry);
}

TEST_P(AuditTamperTest, DeletedNewestEntriesShowAgainstTheHead) {
  Tamper("DELETE FROM audit_entries WHERE chain_id = 9 AND seq >= 3");
  ChainBreak broken = OnlyBreak();
  EXPECT_EQ(broken.seq, 3);
  EXPECT_EQ(broken.kind, BreakKind::kMissingEntries);
}

// A careful intruder also moves the head back; only the published head
// still remembers seq 4.
TEST_P(AuditTamperTest, DeletedNewestEntriesAreCaughtByAPublishedHead) {
  ASSERT_TRUE(audit_log_.PublishHeads(db()).ok());
  Tamper("DELETE FROM audit_entries WHERE chain_id = 9 AND seq >= 3");
  Tamper("UPDATE audit_heads SET seq = 2, entry_hash = '" + EntryHashAt(2) +
         "' WHERE chain_id = 9");
  ChainBreak broken = OnlyBreak();
  EXPECT_EQ(broken.seq, 3);
  EXPECT_EQ(broken.kind, BreakKind::kPublishedHeadMissing);
}

// The intruder alters seq 1 and recomputes every later hash and the head, so
// the chain is consistent in itself; the head published before disagrees.
TEST_P(AuditTamperTest, RewrittenChainIsCaughtByAPublishedHead) {
  ASSERT_TRUE(audit_log_.PublishHeads(db()).ok());
  Tamper("UPDATE audit_entries SET action = 'idea.hide' WHERE chain_id = 9 AND seq = 1");
  std::vector<AuditEntry> entries = audit_log_.ListEntries(db(), 9, 1, 10).value().entries;
  std::string prev(kGenesisHash);
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    it->prev_hash = prev;
    prev = ComputeEntryHash(ChainedFieldsOf(*it));
    Tamper("UPDATE audit_entries SET prev_hash = '" + it->prev_hash + "', entry_hash = '" + prev +
           "' WHERE id = " + std::to_string(it->id));
  }
  Tamper("UPDATE audit_heads SET entry_hash = '" + prev + "' WHERE chain_id = 9");
  ChainBreak broken = OnlyBreak();
  EXPECT_EQ(broken.seq, 4);
  EXPECT_EQ(broken.kind, BreakKind::kPublishedHeadMismatch);
}

TEST_P(AuditTamperTest, VerifyCommandPrintsAJsonReportAndExitsZeroWhenIntact) {
  std::ostringstream out, err;
  EXPECT_EQ(RunAuditVerifyCommand(db(), out, err), 0);
  nlohmann::json report = nlohmann::json::parse(out.str());
  EXPECT_EQ(report["ok"], true);
  EXPECT_EQ(report["chains"], 2);
  EXPECT_EQ(report["entries"], 6);
  EXPECT_TRUE(report["first_broken"].is_null());
}

TEST_P(AuditTamperTest, VerifyCommandNamesTheFirstBrokenEntryAndExitsOne) {
  Tamper("UPDATE audit_entries SET actor_role = 'citizen' WHERE chain_id = 9 AND seq = 4");
  Tamper("UPDATE audit_entries SET action = 'x' WHERE chain_id = 8 AND seq = 1");
  std::ostringstream out, err;
  EXPECT_EQ(RunAuditVerifyCommand(db(), out, err), 1);
  nlohmann::json report = nlohmann::json::parse(out.str());
  EXPECT_EQ(report["ok"], false);
  EXPECT_EQ(report["breaks"].size(), 2u);
  EXPECT_EQ(report["first_broken"]["chain_id"], 8);
  EXPECT_EQ(report["first_broken"]["seq"], 1);
  EXPECT_EQ(report["first_broken"]["kind"], "altered_entry");
  EXPECT_NE(err.str().find("chain 8"), std::string::npos) << err.str();
}

NYTTIG_INSTANTIATE_ENGINES(AuditTamperTest);

}  // namespace
}  // namespace nyttig::audit
