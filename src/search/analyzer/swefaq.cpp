#include "search/analyzer/swefaq.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace nyttig::search {
namespace {

using Json = nlohmann::json;

// Index of `text` in the corpus, adding it when new.
int DocumentIndex(const std::string& text, SwefaqCollection& collection,
                  std::unordered_map<std::string, int>& index) {
  auto [it, inserted] = index.emplace(text, static_cast<int>(collection.documents.size()));
  if (inserted) collection.documents.push_back(text);
  return it->second;
}

Status ParseLine(const std::string& line, SwefaqCollection& collection,
                 std::unordered_map<std::string, int>& index) {
  const Json row = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (row.is_discarded() || !row.is_object()) return InvalidArgumentError("not a JSON object");
  const auto question = row.find("question");
  const auto answers = row.find("candidate_answers");
  const auto label = row.find("label");
  if (question == row.end() || !question->is_string()) {
    return InvalidArgumentError("`question` missing or not a string");
  }
  if (answers == row.end() || !answers->is_array()) {
    return InvalidArgumentError("`candidate_answers` missing or not an array");
  }
  if (label == row.end() || !label->is_number_integer()) {
    return InvalidArgumentError("`label` missing or not an integer");
  }
  const auto label_value = label->get<long long>();
  if (label_value < 0 || label_value >= static_cast<long long>(answers->size())) {
    return InvalidArgumentError("`label` outside candidate_answers");
  }
  int relevant = -1;
  for (size_t answer_idx = 0; answer_idx < answers->size(); ++answer_idx) {
    const Json& answer = (*answers)[answer_idx];
    if (!answer.is_string()) return InvalidArgumentError("a candidate answer is not a string");
    const int document = DocumentIndex(answer.get<std::string>(), collection, index);
    if (static_cast<long long>(answer_idx) == label_value) relevant = document;
  }
  collection.queries.push_back({question->get<std::string>(), relevant});
  return Status::Ok();
}

}  // namespace

StatusOr<SwefaqCollection> ParseSwefaq(std::istream& in) {
  SwefaqCollection collection;
  std::unordered_map<std::string, int> index;
  std::string line;
  for (int line_number = 1; std::getline(in, line); ++line_number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Status status = ParseLine(line, collection, index);
    if (!status.ok()) {
      return InvalidArgumentError("line " + std::to_string(line_number) + ": " + status.message());
    }
  }
  return collection;
}

StatusOr<SwefaqCollection> ReadSwefaqFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFoundError("cannot open SweFAQ file " + path);
  return ParseSwefaq(in);
}

}  // namespace nyttig::search
