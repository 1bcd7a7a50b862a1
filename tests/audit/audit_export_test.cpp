#include <sstream>
#include <string>
#include <vector>

#include "audit/audit_test_support.h"
#include "audit/entry_hash.h"
#include "core/time_format.h"

namespace nyttig::audit {
namespace {

class AuditExportTest : public AuditTest {
 protected:
  std::vector<nlohmann::json> JsonLines(std::int64_t chain_id) {
    std::ostringstream out;
    Status s = audit_log_.ExportJsonLines(db(), chain_id, out);
    EXPECT_TRUE(s.ok()) << s.ToString();
    std::vector<nlohmann::json> lines;
    std::istringstream in(out.str());
    for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
    return lines;
  }
};

TEST_P(AuditExportTest, JsonLinesListTheChainOldestFirst) {
  AppendMany(4, 3);
  AppendMany(5, 1);
  std::vector<nlohmann::json> lines = JsonLines(4);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["seq"], 1);
  EXPECT_EQ(lines[2]["seq"], 3);
  EXPECT_EQ(lines[0]["occurred_at"], FormatRfc3339(clock_.Now()));
  EXPECT_EQ(lines[0]["details"]["title"], "Cykelparkering");
  EXPECT_EQ(lines[0]["person_id"], 17);
}

// An auditor holding only the export can re-check every hash.
TEST_P(AuditExportTest, JsonLinesHoldEnoughToRecomputeEveryHash) {
  AppendMany(4, 3);
  for (const nlohmann::json& line : JsonLines(4)) {
    const std::string actor = line["actor"], role = line["actor_role"], action = line["action"],
                      type = line["entity_type"], entity = line["entity_id"],
                      details = line["details"].dump(), prev = line["prev_hash"];
    ChainedFields fields{.chain_id = line["chain_id"],
                         .seq = line["seq"],
                         .occurred_at = line["occurred_at_unix"],
                         .actor = actor,
                         .actor_role = role,
                         .action = action,
                         .entity_type = type,
                         .entity_id = entity,
                         .details = details,
                         .prev_hash = prev};
    EXPECT_EQ(ComputeEntryHash(fields), line["entry_hash"]);
  }
}

TEST_P(AuditExportTest, CsvQuotesCellsAndDefusesFormulas) {
  AuditEvent event = Event(4);
  event.details = {{"title", "a, \"b\""}};
  event.user_agent = "=HYPERLINK(\"x\")";
  Append(event);
  std::ostringstream out;
  ASSERT_TRUE(audit_log_.ExportCsv(db(), 4, out).ok());
  std::istringstream in(out.str());
  std::string header, row;
  std::getline(in, header);
  std::getline(in, row);
  EXPECT_EQ(header,
            "id,chain_id,seq,occurred_at,actor,actor_role,action,entity_type,entity_id,details,"
            "client_address,user_agent,prev_hash,entry_hash\r");
  EXPECT_NE(row.find(R"("{""title"":""a, \""b\""""}")"), std::string::npos) << row;
  EXPECT_NE(row.find(R"csv(,"'=HYPERLINK(""x"")",)csv"), std::string::npos) << row;
}

NYTTIG_INSTANTIATE_ENGINES(AuditExportTest);

}  // namespace
}  // namespace nyttig::audit
