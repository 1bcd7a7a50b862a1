// Shared fixture of the audit tests: an AuditLog on a fresh database of each
// engine, plus helpers to append and to tamper with rows as an intruder with
// database access would.
#pragma once

#include <soci/soci.h>

#include <string>

#include "audit/audit_log.h"
#include "support/test_database.h"

namespace nyttig::audit {

class AuditTest : public testing::EngineTest {
 protected:
  static constexpr int kRetentionDays = 30;

  AuditEvent Event(std::int64_t chain_id, std::string action = "idea.create") {
    AuditEvent event;
    event.chain_id = chain_id;
    event.person_id = 17;
    event.actor_role = "admin";
    event.action = std::move(action);
    event.entity_type = "idea";
    event.entity_id = "42";
    event.details = {{"title", "Cykelparkering"}};
    return event;
  }

  std::int64_t Append(const AuditEvent& event) {
    StatusOr<std::int64_t> id = db().WriteValue<std::int64_t>(
        [&](db::Tx& tx) -> StatusOr<std::int64_t> { return audit_log_.Append(tx, event); });
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  void AppendMany(std::int64_t chain_id, int count) {
    for (int idx = 0; idx < count; ++idx) Append(Event(chain_id));
  }

  VerifyReport Verify() {
    StatusOr<VerifyReport> report = audit_log_.Verify(db());
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : VerifyReport{};
  }

  // Runs raw SQL, as an intruder would.
  void Tamper(const std::string& sql) {
    Status s = db().Write([&](db::Tx& tx) {
      tx.sql() << sql;
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  AuditLog audit_log_{clock_, AuditOptions{.personal_data_retention_days = kRetentionDays}};
};

}  // namespace nyttig::audit
