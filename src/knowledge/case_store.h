// SQL for cases, their results, versions, documents and adoptions
// (knowledge_cases, knowledge_case_results, knowledge_case_versions,
// knowledge_case_documents, knowledge_adoptions). No rules here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/database.h"
#include "knowledge/case.h"

namespace nyttig::knowledge {

struct CaseFilter {
  std::optional<std::int64_t> organisation_id;
  std::string area;               // "" = every area
  std::optional<int> sdg;         // 1-17
  std::optional<int> year;        // publication year
  std::string query;              // words in the title
  std::string county_code;        // "" = every region
  // Visibility: published cases, plus every state for these organisations
  // (where the reader leads) and the reader's own drafts.
  std::vector<std::int64_t> lead_in;
  std::optional<std::int64_t> author;
  bool all_visible = false;
  enum class Order { kRecent, kMostAdopted } order = Order::kRecent;
};

class CaseStore {
 public:
  static StatusOr<CaseId> Insert(db::Tx& tx, const Case& c);
  static Status Update(db::Tx& tx, const Case& c);  // content, state, version, times
  static StatusOr<Case> Get(db::Tx& tx, CaseId id);  // kNotFound
  static StatusOr<std::vector<Case>> List(db::Tx& tx, const CaseFilter& f, int limit,
                                          std::int64_t offset);
  static StatusOr<std::int64_t> Count(db::Tx& tx, const CaseFilter& f);
  static Status AddVersion(db::Tx& tx, const Case& c, std::optional<std::int64_t> editor,
                           UnixSeconds at);
  static StatusOr<std::vector<CaseVersion>> Versions(db::Tx& tx, CaseId id);

  static StatusOr<AdoptionId> InsertAdoption(db::Tx& tx, const Adoption& a,
                                             std::optional<std::int64_t> by);
  static Status UpdateAdoption(db::Tx& tx, const Adoption& a);
  static StatusOr<Adoption> GetAdoption(db::Tx& tx, AdoptionId id);  // kNotFound
  // Active adoptions of a case, oldest first.
  static StatusOr<std::vector<Adoption>> AdoptionsOfCase(db::Tx& tx, CaseId id);
  // Active adoptions by an organisation, newest first.
  static StatusOr<std::vector<Adoption>> AdoptionsByOrganisation(db::Tx& tx, std::int64_t org);
  static StatusOr<std::optional<Adoption>> ActiveAdoption(db::Tx& tx, CaseId id, std::int64_t org);
};

// Content to and from the JSON kept in knowledge_case_versions.
std::string CaseContentToJson(const CaseContent& c);
CaseContent CaseContentFromJson(const std::string& json);

}  // namespace nyttig::knowledge
