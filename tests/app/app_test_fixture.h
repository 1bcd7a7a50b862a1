// AppHttpTest: the whole application (App) over a fresh, migrated database of
// each engine, driven in-process through TestClient. Helpers create people,
// a platform admin and organisations through the public API, and count rows
// so that tests can show that a refused request wrote nothing.
#pragma once

#include <soci/soci.h>

#include <memory>
#include <string>

#include "accounts/secrets.h"
#include "app/app.h"
#include "app/test_client.h"
#include "support/test_database.h"

namespace nyttig::app::testing {

inline constexpr char kPassword[] = "Kanelbulle-med-kaffe";
inline constexpr char kAdminEmail[] = "admin@nyttig.example.se";

class AppHttpTest : public nyttig::testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    auto db = db::Database::Open({.url = test_db().url(), .pool_size = 4});
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    AppOptions options;
    options.data_dir = data_dir_.path();
    options.accounts.password_hash = accounts::kFastPasswordHashForTests;
    options.max_body_bytes = kTestBodyLimit;
    auto app = App::Create(options, clock_, std::move(db).value());
    ASSERT_TRUE(app.ok()) << app.status().ToString();
    app_ = std::move(app).value();
  }

  App& app() { return *app_; }
  TestClient NewClient(std::string address = "192.0.2.10") { return TestClient(*app_, address); }

  // Rows in `table` (a fixed name from the test, never user input).
  std::int64_t CountRows(const std::string& table) {
    auto count = app_->db().ReadValue<std::int64_t>([&](db::Tx& tx) -> StatusOr<std::int64_t> {
      long long n = 0;
      tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
      return std::int64_t(n);
    });
    EXPECT_TRUE(count.ok()) << count.status().ToString();
    return count.ok() ? *count : -1;
  }

  // Registers a person through POST /api/v1/persons; returns their id.
  std::int64_t Register(const std::string& email, const std::string& name = "Anna Andersson") {
    TestClient client = NewClient();
    http::Response r = client.PostJson(
        "/api/v1/persons",
        nlohmann::json{{"email", email}, {"display_name", name}, {"password", kPassword}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return BodyJson(r).value("id", std::int64_t{0});
  }

  // A client logged in (by session) as a newly registered person.
  TestClient LoggedIn(const std::string& email) {
    Register(email);
    return LoggedInExisting(email);
  }

  TestClient LoggedInExisting(const std::string& email) {
    TestClient client = NewClient();
    EXPECT_TRUE(client.LogIn(email, kPassword)) << client.last().body;
    return client;
  }

  // A client logged in as the platform admin (created on first use).
  TestClient PlatformAdmin() {
    if (!admin_created_) {
      auto admin =
          app_->accounts().CreatePlatformAdmin({kAdminEmail, "Plattform", kPassword, "sv"});
      EXPECT_TRUE(admin.ok()) << admin.status().ToString();
      admin_created_ = true;
    }
    return LoggedInExisting(kAdminEmail);
  }

  // Creates an organisation through the API (as the platform admin) and
  // makes `admin_email` (registered here) its admin. Returns its id.
  std::int64_t CreateOrganisation(const std::string& name, const std::string& admin_email) {
    TestClient admin = PlatformAdmin();
    http::Response created = admin.PostJson(
        "/api/v1/organisations", nlohmann::json{{"name", name}, {"kind", "municipality"}}.dump());
    EXPECT_EQ(created.status, 201) << created.body;
    std::int64_t id = BodyJson(created).value("id", std::int64_t{0});
    Register(admin_email);
    http::Response granted =
        admin.PostJson("/api/v1/organisations/" + std::to_string(id) + "/members",
                       nlohmann::json{{"email", admin_email}, {"role", "admin"}}.dump());
    EXPECT_EQ(granted.status, 201) << granted.body;
    return id;
  }

  static constexpr std::size_t kTestBodyLimit = 64 * 1024;  // bytes

 private:
  nyttig::testing::TempDir data_dir_;
  std::unique_ptr<App> app_;
  bool admin_created_ = false;
};

}  // namespace nyttig::app::testing
