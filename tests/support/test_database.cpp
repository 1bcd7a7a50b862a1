#include "support/test_database.h"

#include <soci/soci.h>
#include <soci/postgresql/soci-postgresql.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "db/migrations.h"

namespace nyttig::testing {
namespace {

std::string RandomSuffix() {
  static std::atomic<int> counter{0};
  std::random_device rd;
  return std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(rd() % 100000);
}

StatusOr<std::string> PostgresAdminUrl() {
  if (const char* url = std::getenv("NYTTIG_TEST_PG_URL"); url && *url) return std::string(url);
  const char* file = std::getenv("NYTTIG_TEST_PG_URL_FILE");
  if (file && *file) {
    std::ifstream in(file);
    std::string url;
    if (std::getline(in, url) && !url.empty()) return url;
  }
  return UnavailableError(
      "no test PostgreSQL: run the tests through ctest (fixture 'postgres') or set "
      "NYTTIG_TEST_PG_URL to an admin URL of a throw-away cluster");
}

// "postgresql://u@h:p/postgres" → "postgresql://u@h:p/<name>"
std::string WithDatabase(const std::string& admin_url, const std::string& name) {
  size_t slash = admin_url.rfind('/');
  return admin_url.substr(0, slash + 1) + name;
}

void AdminExec(const std::string& admin_url, const std::string& sql_text) {
  soci::session admin(soci::postgresql, db::PostgresUrlToConninfo(admin_url).value());
  admin << sql_text;
}

}  // namespace

StatusOr<std::unique_ptr<TestDatabase>> TestDatabase::Create(Engine engine) {
  std::unique_ptr<TestDatabase> t(new TestDatabase());
  t->engine_ = engine;
  if (engine == Engine::kSqlite) {
    t->name_ = (std::filesystem::temp_directory_path() / ("nyttig_test_" + RandomSuffix())).string();
    std::filesystem::create_directories(t->name_);
    t->url_ = "sqlite:" + t->name_ + "/nyttig.db";
  } else {
    ASSIGN_OR_RETURN(t->admin_url_, PostgresAdminUrl());
    t->name_ = "nyttig_test_" + RandomSuffix();
    try {
      AdminExec(t->admin_url_, "CREATE DATABASE " + t->name_);
    } catch (const std::exception& e) {
      return UnavailableError(std::string("cannot create test database: ") + e.what());
    }
    t->url_ = WithDatabase(t->admin_url_, t->name_);
  }
  ASSIGN_OR_RETURN(t->db_, db::Database::Open({.url = t->url_, .pool_size = 4}));
  ASSIGN_OR_RETURN(std::vector<db::Migration> migrations, db::BuiltinMigrations(t->db_->dialect()));
  SystemClock clock;
  RETURN_IF_ERROR(db::ApplyMigrations(*t->db_, migrations, clock).status());
  return t;
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (engine_ == Engine::kSqlite) {
    std::error_code ignored;
    std::filesystem::remove_all(name_, ignored);
    return;
  }
  try {
    AdminExec(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // The cluster is thrown away after the run anyway.
  }
}

void EngineTest::SetUp() {
  auto created = TestDatabase::Create(GetParam());
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  test_db_ = std::move(created).value();
}

std::string EngineName(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::kSqlite ? "Sqlite" : "Postgres";
}

TempDir::TempDir() {
  path_ = (std::filesystem::temp_directory_path() / ("nyttig_tmp_" + RandomSuffix())).string();
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace nyttig::testing
