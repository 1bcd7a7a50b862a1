#include "knowledge/commands.h"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <unordered_set>

#include "core/csv.h"
#include "search/analyzer/relevance_metrics.h"

namespace nyttig::knowledge {
namespace {

namespace fs = std::filesystem;
constexpr size_t kEvalK = 10;
constexpr int kProgressWidth = 30;  // characters of the bar

// The import command acts for the platform, not for a person: audit records
// name it "system".
accounts::Actor SystemActor() {
  accounts::Actor actor;
  actor.platform_admin = true;
  actor.method = accounts::AuthMethod::kSession;
  actor.display_name = "nyttig import";
  return actor;
}

StatusOr<std::optional<std::int64_t>> ResolveOrganisation(accounts::OrganisationService& orgs,
                                                          const std::string& org) {
  if (org.empty()) return std::optional<std::int64_t>();  // the shared library
  ASSIGN_OR_RETURN(accounts::Organisation found, orgs.ResolveOrganisation(org));
  return std::optional<std::int64_t>(found.id);
}

// Archives are often filed by year and month ("…/2019/06/x.md"); when the
// file says nothing else, that month is the best decision date we have, and
// the related-documents prior uses it.
std::optional<std::string> DateFromPath(const fs::path& relative) {
  std::vector<std::string> parts;
  for (const auto& part : relative.parent_path()) parts.push_back(part.string());
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    const std::string& y = parts[i];
    const std::string& m = parts[i + 1];
    bool year = y.size() == 4 && std::all_of(y.begin(), y.end(), ::isdigit) && y >= "1900" &&
                y <= "2100";
    bool month = m.size() == 2 && std::all_of(m.begin(), m.end(), ::isdigit) && m >= "01" &&
                 m <= "12";
    if (year && month) return y + "-" + m + "-01";
  }
  return std::nullopt;
}

StatusOr<std::vector<fs::path>> ListFiles(const fs::path& dir, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFoundError("not a folder: " + dir.string());
  std::vector<fs::path> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) return NotFoundError("cannot read " + dir.string() + ": " + ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      err << "skipped " << it->path().string() << ": " << ec.message() << "\n";
      continue;
    }
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void DrawProgress(std::ostream& err, size_t done, size_t total) {
  int filled = total ? static_cast<int>(kProgressWidth * done / total) : kProgressWidth;
  err << "\r[" << std::string(static_cast<size_t>(filled), '#')
      << std::string(static_cast<size_t>(kProgressWidth - filled), ' ') << "] " << done << "/"
      << total << std::flush;
  if (done == total) err << "\n";
}

struct ImportTotals {
  int imported = 0, already_there = 0, skipped = 0;
  std::map<std::string, DocumentId> ids;  // relative path → id
};

StatusOr<ImportTotals> ImportAll(const fs::path& dir, std::optional<std::int64_t> org,
                                 DocumentService& documents, std::ostream& err,
                                 bool progress_bar) {
  ASSIGN_OR_RETURN(std::vector<fs::path> files, ListFiles(dir, err));
  accounts::Actor actor = SystemActor();
  ImportTotals totals;
  for (size_t file_idx = 0; file_idx < files.size(); ++file_idx) {
    std::string relative = fs::relative(files[file_idx], dir).generic_string();
    ImportRequest request{.path = files[file_idx], .source_name = relative, .organisation_id = org};
    request.metadata.decision_date = DateFromPath(relative);
    StatusOr<ImportOutcome> outcome = documents.ImportFile(actor, request);
    if (outcome.ok()) {
      totals.ids[relative] = outcome->id;
      ++(outcome->already_there ? totals.already_there : totals.imported);
    } else if (outcome.status().code() == StatusCode::kInvalidArgument ||
               outcome.status().code() == StatusCode::kNotFound) {
      if (progress_bar) err << "\n";
      err << "skipped " << relative << ": " << outcome.status().message() << "\n";
      ++totals.skipped;
    } else {
      return outcome.status();  // the database or the disk: stop, a re-run resumes
    }
    if (progress_bar) DrawProgress(err, file_idx + 1, files.size());
  }
  return totals;
}

Status WriteManifest(const std::string& path, const ImportTotals& totals) {
  std::ofstream out(path, std::ios::trunc);
  if (!out) return UnavailableError("cannot write " + path);
  out << "path,id\n";
  for (const auto& [relative, id] : totals.ids) out << CsvQuote(relative) << "," << id << "\n";
  out.close();
  return out ? Status::Ok() : UnavailableError("cannot write " + path);
}

int Fail(std::ostream& err, const Status& s, int code = 1) {
  err << "nyttig: " << s.ToString() << "\n";
  return code;
}

// {"page": "path", "related": ["path", …]}: anything else is a usage error,
// not an exception.
bool IsRelatedLine(const nlohmann::json& row) {
  if (row.is_discarded() || !row.is_object() || !row.contains("page") || !row["page"].is_string() ||
      !row.contains("related") || !row["related"].is_array()) {
    return false;
  }
  return std::all_of(row["related"].begin(), row["related"].end(),
                     [](const nlohmann::json& p) { return p.is_string(); });
}

}  // namespace

int RunImportDocuments(const ImportDocumentsArgs& args, DocumentService& documents,
                       accounts::OrganisationService& organisations, std::ostream& out,
                       std::ostream& err, bool progress_bar) {
  auto org = ResolveOrganisation(organisations, args.org);
  if (!org.ok()) return Fail(err, org.status(), 2);
  auto totals = ImportAll(args.dir, *org, documents, err, progress_bar);
  if (!totals.ok()) return Fail(err, totals.status());
  if (!args.manifest.empty()) {
    if (Status s = WriteManifest(args.manifest, *totals); !s.ok()) return Fail(err, s);
  }
  auto related = documents.RecomputeRelated();
  if (!related.ok()) return Fail(err, related.status());
  out << nlohmann::json{{"imported", totals->imported},
                        {"already_there", totals->already_there},
                        {"skipped", totals->skipped},
                        {"related", *related}}
             .dump()
      << "\n";
  return 0;
}

int RunEvalRelated(const EvalRelatedArgs& args, DocumentService& documents, std::ostream& out,
                   std::ostream& err) {
  auto totals = ImportAll(args.pages, std::nullopt, documents, err, false);
  if (!totals.ok()) return Fail(err, totals.status());
  if (auto related = documents.RecomputeRelated(); !related.ok()) return Fail(err, related.status());
  std::ifstream in(args.related);
  if (!in) return Fail(err, NotFoundError("cannot read " + args.related));
  accounts::Actor reader = SystemActor();
  double recall_sum = 0, rr_sum = 0;
  int queries = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    nlohmann::json row = nlohmann::json::parse(line, nullptr, false);
    if (!IsRelatedLine(row)) return Fail(err, InvalidArgumentError("bad line: " + line), 2);
    auto page = totals->ids.find(row["page"].get<std::string>());
    if (page == totals->ids.end()) continue;
    std::unordered_set<int> relevant;
    for (const auto& p : row["related"]) {
      auto it = totals->ids.find(p.get<std::string>());
      if (it != totals->ids.end()) relevant.insert(static_cast<int>(it->second));
    }
    if (relevant.empty()) continue;
    auto related = documents.Related(reader, page->second, kEvalK);
    if (!related.ok()) return Fail(err, related.status());
    std::vector<int> ranking;
    for (const RelatedDocument& r : *related) ranking.push_back(static_cast<int>(r.id));
    size_t found = std::count_if(ranking.begin(), ranking.end(),
                                 [&](int id) { return relevant.count(id) > 0; });
    recall_sum += double(found) / double(std::min(relevant.size(), kEvalK));
    rr_sum += search::ReciprocalRankAtK(ranking, relevant, kEvalK);
    ++queries;
  }
  out << nlohmann::json{{"pages", totals->ids.size()},
                        {"queries", queries},
                        {"recall10", queries ? recall_sum / queries : 0.0},
                        {"mrr10", queries ? rr_sum / queries : 0.0}}
             .dump()
      << "\n";
  return 0;
}

}  // namespace nyttig::knowledge
