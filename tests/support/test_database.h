// Test databases: a fresh, migrated database per test, on SQLite (a temp
// file) or PostgreSQL (a new database in the throw-away cluster that the
// CTest fixture `postgres` starts; see scripts/test-postgres.sh).
//
// Store and service suites are parametrised over both engines:
//
//   class IdeaStoreTest : public nyttig::testing::EngineTest {};
//   TEST_P(IdeaStoreTest, InsertsAndFinds) { db().Write(...); }
//   NYTTIG_INSTANTIATE_ENGINES(IdeaStoreTest);
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/clock.h"
#include "db/database.h"

namespace nyttig::testing {

enum class Engine { kSqlite, kPostgres };

class TestDatabase {
 public:
  // Creates and migrates a new database. On PostgreSQL the admin URL comes
  // from NYTTIG_TEST_PG_URL, or from the file named by
  // NYTTIG_TEST_PG_URL_FILE; without either the test fails (never skips).
  static StatusOr<std::unique_ptr<TestDatabase>> Create(Engine engine);
  ~TestDatabase();

  db::Database& db() { return *db_; }
  const std::string& url() const { return url_; }
  Engine engine() const { return engine_; }

 private:
  TestDatabase() = default;
  Engine engine_ = Engine::kSqlite;
  std::string url_;
  std::string admin_url_;
  std::string name_;  // PostgreSQL database or SQLite directory
  std::unique_ptr<db::Database> db_;
};

// Base fixture for suites that run on both engines.
class EngineTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override;
  db::Database& db() { return test_db_->db(); }
  TestDatabase& test_db() { return *test_db_; }
  FakeClock clock_{1'795'000'000};  // 2026-11-18T11:06:40Z

 private:
  std::unique_ptr<TestDatabase> test_db_;
};

std::string EngineName(const ::testing::TestParamInfo<Engine>& info);

// A temporary directory removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace nyttig::testing

#define NYTTIG_INSTANTIATE_ENGINES(suite)                                          \
  INSTANTIATE_TEST_SUITE_P(Engines, suite,                                         \
                           ::testing::Values(::nyttig::testing::Engine::kSqlite,   \
                                             ::nyttig::testing::Engine::kPostgres), \
                           ::nyttig::testing::EngineName)
