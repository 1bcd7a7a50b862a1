// The inbox on SQLite and PostgreSQL: notifications written in the caller's
// transaction, read in the reader's language, mailed, marked read only by
// their own person.
#include "inbox/inbox.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "accounts/account_service.h"
#include "accounts/secrets.h"
#include "audit/audit_log.h"
#include "support/test_database.h"

namespace nyttig::inbox {
namespace {

using ::testing::HasSubstr;

class InboxTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    ASSERT_TRUE(accounts::InitSodium().ok());
    accounts::AccountOptions options;
    options.password_hash = accounts::kFastPasswordHashForTests;
    accounts_ = std::make_unique<accounts::AccountService>(db(), clock_, audit_log_, outbox_, options);
    inbox_ = std::make_unique<Inbox>(db(), clock_, outbox_, "https://nyttig.example.se");
  }

  accounts::Actor Person(const std::string& email, const std::string& locale = "sv") {
    auto p = accounts_->Register({email, "Omar Said", "Kanelbulle-med-kaffe", locale}, accounts::Actor{});
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    auto actor = accounts_->ActorForPerson(p->id, accounts::AuthMethod::kSession);
    return actor.ok() ? *actor : accounts::Actor{};
  }

  Status Notify(const accounts::Actor& to, const std::string& title, bool fail_after = false) {
    return db().Write([&](db::Tx& tx) -> Status {
      RETURN_IF_ERROR(inbox_->Notify(tx, {.person_id = *to.person_id, .kind = "idea.moved",
                                          .text_key = "inbox.idea.moved",
                                          .args = {{"title", title}, {"stage", "Test"}, {"by", "Lena Holm"}},
                                          .link = "/ideas/7"}).status());
      return fail_after ? InternalError("the change failed") : Status::Ok();
    });
  }

  audit::AuditLog audit_log_{clock_, {}};
  mail::Outbox outbox_{clock_, {}};
  std::unique_ptr<accounts::AccountService> accounts_;
  std::unique_ptr<Inbox> inbox_;
};

TEST_P(InboxTest, NotificationIsListedUnreadAndMailed) {
  auto omar = Person("omar@exempelby.se");
  ASSERT_TRUE(Notify(omar, "Matsedlar").ok());
  auto page = inbox_->List(omar, 1, 20);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->total, 1);
  EXPECT_EQ(page->unread, 1);
  EXPECT_EQ(page->items[0].link, "/ideas/7");
  auto mails = outbox_.Pending(db(), 10);
  ASSERT_EQ(mails->size(), 1u);
  EXPECT_THAT((*mails)[0].body, HasSubstr("Din idé ”Matsedlar” har gått vidare till Test"));
  EXPECT_THAT((*mails)[0].body, HasSubstr("https://nyttig.example.se/ideas/7"));
}

TEST_P(InboxTest, MailIsInThePersonsLanguage) {
  auto jane = Person("jane@example.org", "en");
  ASSERT_TRUE(Notify(jane, "Menus").ok());
  auto mails = outbox_.Pending(db(), 10);
  ASSERT_EQ(mails->size(), 1u);
  EXPECT_THAT((*mails)[0].body, HasSubstr("Your idea “Menus” has moved to Test"));
}

TEST_P(InboxTest, NothingIsKeptWhenTheChangeRollsBack) {
  auto omar = Person("omar@exempelby.se");
  EXPECT_FALSE(Notify(omar, "Matsedlar", true).ok());
  EXPECT_EQ(inbox_->List(omar, 1, 20)->total, 0);
  EXPECT_TRUE(outbox_.Pending(db(), 10)->empty());
}

TEST_P(InboxTest, OnlyTheOwnerMarksANotificationRead) {
  auto omar = Person("omar@exempelby.se");
  auto anna = Person("anna@exempelby.se");
  ASSERT_TRUE(Notify(omar, "Matsedlar").ok());
  ASSERT_TRUE(Notify(omar, "Cyklar").ok());
  NotificationId first = inbox_->List(omar, 1, 20)->items[1].id;
  EXPECT_EQ(inbox_->MarkRead(anna, first).code(), StatusCode::kNotFound);
  EXPECT_TRUE(inbox_->MarkRead(omar, first).ok());
  EXPECT_EQ(*inbox_->UnreadCount(omar), 1);
  EXPECT_EQ(*inbox_->MarkAllRead(omar), 1);
  EXPECT_EQ(*inbox_->UnreadCount(omar), 0);
  EXPECT_EQ(inbox_->List(accounts::Actor::Anonymous(), 1, 20).status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(inbox_->List(omar, 0, 20).status().code(), StatusCode::kInvalidArgument);
}

NYTTIG_INSTANTIATE_ENGINES(InboxTest);

}  // namespace
}  // namespace nyttig::inbox
