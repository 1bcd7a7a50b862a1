// The document library through DocumentService, on SQLite and PostgreSQL.
#include "knowledge/document_service.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "knowledge/pdf_fixture.h"
#include "support/test_database.h"

namespace nyttig::knowledge {
namespace {

using accounts::Actor;
using accounts::Role;

class DocumentServiceTest : public nyttig::testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    audit_ = std::make_unique<audit::AuditLog>(clock_, audit::AuditOptions{});
    files_ = storage::OpenLocalFileStore(dir_.path() + "/files");
    service_ = std::make_unique<DocumentService>(db(), *files_, *audit_, clock_);
    org_ = AddOrganisation("exempelby");
    other_ = AddOrganisation("norrby");
    admin_.platform_admin = true;
    admin_.method = accounts::AuthMethod::kSession;
  }

  std::int64_t AddOrganisation(const std::string& slug) {
    auto id = db().WriteValue<std::int64_t>([&](db::Tx& tx) -> StatusOr<std::int64_t> {
      long long out = 0;
      tx.sql() << "INSERT INTO accounts_organisations(name, name_folded, slug, kind, created_at) "
                  "VALUES (:n, :n2, :s, 'municipality', 0) RETURNING id",
          soci::use(slug), soci::use(slug), soci::use(slug), soci::into(out);
      return std::int64_t(out);
    });
    EXPECT_TRUE(id.ok());
    return *id;
  }

  Actor MemberOf(std::int64_t org, Role role) {
    Actor a;
    a.person_id = std::nullopt;
    a.method = accounts::AuthMethod::kSession;
    a.memberships.push_back({.organisation_id = org, .role = role});
    return a;
  }

  std::string Write(const std::string& name, const std::string& bytes) {
    std::string path = dir_.path() + "/" + name;
    testing::WriteFile(path, bytes);
    return path;
  }

  nyttig::testing::TempDir dir_;
  std::unique_ptr<audit::AuditLog> audit_;
  std::unique_ptr<storage::FileStore> files_;
  std::unique_ptr<DocumentService> service_;
  std::int64_t org_ = 0, other_ = 0;
  Actor admin_;
};

TEST_P(DocumentServiceTest, ImportsAPdfKeepsTheOriginalAndSkipsItTheSecondTime) {
  std::string pdf = testing::MakeTextPdf({"Äldreomsorgsplan för Exempelby"}, "Äldreomsorgsplan");
  std::string path = Write("plan.pdf", pdf);
  auto first = service_->ImportFile(admin_, {.path = path, .source_name = "plan.pdf"});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_FALSE(first->already_there);
  auto again = service_->ImportFile(admin_, {.path = path, .source_name = "kopia.pdf"});
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_there);
  EXPECT_EQ(again->id, first->id);
  auto doc = service_->Get(Actor::Anonymous(), first->id);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->metadata.title, "Äldreomsorgsplan");
  EXPECT_EQ(doc->page_count, 1);
  auto original = service_->GetOriginal(Actor::Anonymous(), first->id);
  ASSERT_TRUE(original.ok());
  EXPECT_EQ(original->bytes, pdf);
}

TEST_P(DocumentServiceTest, InternalDocumentOfAnotherOrganisationAnswersNotFound) {
  std::string path = Write("intern.md", "# Intern rutin\n\nBara för oss.");
  Actor coordinator = MemberOf(org_, Role::kCoordinator);
  auto added = service_->ImportFile(
      coordinator, {.path = path, .source_name = "intern.md", .organisation_id = org_, .is_public = false});
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_TRUE(service_->Get(MemberOf(org_, Role::kEmployee), added->id).ok());
  EXPECT_EQ(service_->Get(MemberOf(other_, Role::kAdmin), added->id).status().code(),
            StatusCode::kNotFound);
  auto listed = service_->List(Actor::Anonymous(), {}, {1, 20});
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->total, 0);
}

TEST_P(DocumentServiceTest, EmployeesCannotAddAndNothingIsStored) {
  std::string path = Write("a.txt", "Text");
  Actor employee = MemberOf(org_, Role::kEmployee);
  employee.person_id = 424242;  // logged in, but only an employee
  auto added = service_->ImportFile(employee,
                                    {.path = path, .source_name = "a.txt", .organisation_id = org_});
  EXPECT_EQ(added.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->List(admin_, {}, {1, 20})->total, 0);
}

TEST_P(DocumentServiceTest, BadMetadataListsEveryField) {
  std::string path = Write("a.txt", "Text");
  ImportRequest request{.path = path, .source_name = "a.txt"};
  request.metadata.kind = "roman";
  request.metadata.decision_date = "2026-13-40";
  auto added = service_->ImportFile(admin_, request);
  ASSERT_EQ(added.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(added.status().invalid_parameters().size(), 2u);
}

TEST_P(DocumentServiceTest, RelatedListsAreStoredAndFilteredByVisibility) {
  auto add = [&](const std::string& name, const std::string& text, std::optional<std::int64_t> org,
                 bool is_public) {
    Actor actor = org ? MemberOf(*org, Role::kCoordinator) : admin_;
    auto r = service_->ImportFile(actor, {.path = Write(name, text), .source_name = name,
                                          .organisation_id = org, .is_public = is_public});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r->id;
  };
  DocumentId a = add("a.md", "# Cykelstrategi\n\nCykelvägar och cykelparkering i centrum.", std::nullopt, true);
  DocumentId b = add("b.md", "# Cykelplan\n\nFler cykelvägar och säker cykelparkering.", std::nullopt, true);
  DocumentId hidden = add("c.md", "# Intern cykelplan\n\nCykelvägar cykelparkering centrum.", org_, false);
  add("d.md", "# Skolmat\n\nLunch i skolan.", std::nullopt, true);
  auto computed = service_->RecomputeRelated(nullptr, {.min_df = 1, .max_df = 1.0});
  ASSERT_TRUE(computed.ok()) << computed.status().ToString();
  EXPECT_EQ(*computed, 4);
  auto related = service_->Related(Actor::Anonymous(), a);
  ASSERT_TRUE(related.ok());
  ASSERT_FALSE(related->empty());
  EXPECT_EQ((*related)[0].id, b);
  for (const RelatedDocument& r : *related) EXPECT_NE(r.id, hidden);
  auto member_view = service_->Related(MemberOf(org_, Role::kEmployee), a);
  ASSERT_TRUE(member_view.ok());
  EXPECT_TRUE(std::any_of(member_view->begin(), member_view->end(),
                          [&](const RelatedDocument& r) { return r.id == hidden; }));
}

NYTTIG_INSTANTIATE_ENGINES(DocumentServiceTest);

}  // namespace
}  // namespace nyttig::knowledge
