#include "i18n/catalog.h"

#include <cstdlib>
#include <iostream>

#include <nlohmann/json.hpp>

#include "core/embedded.h"

namespace nyttig::i18n {

std::string Interpolate(std::string_view text, const Args& args) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      size_t close = text.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = text.substr(i + 1, close - i - 1);
        auto it = std::find_if(args.begin(), args.end(),
                               [&](const auto& arg) { return arg.first == name; });
        if (it != args.end()) {
          out += it->second;
          i = close;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

std::string Catalog::Get(std::string_view key, const Args& args) const {
  auto it = messages_.find(key);
  if (it == messages_.end()) return Interpolate(key, args);
  return Interpolate(it->second, args);
}

StatusOr<Catalog> ParseCatalog(std::string language, std::string_view json_text) {
  nlohmann::json parsed = nlohmann::json::parse(json_text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return InvalidArgumentError("catalogue " + language + " is not a JSON object");
  }
  std::map<std::string, std::string, std::less<>> messages;
  for (const auto& [key, value] : parsed.items()) {
    if (!value.is_string()) {
      return InvalidArgumentError("catalogue " + language + ": " + key + " is not a string");
    }
    messages.emplace(key, value.get<std::string>());
  }
  return Catalog(std::move(language), std::move(messages));
}

StatusOr<Catalogs> Catalogs::FromParts(
    const std::vector<std::pair<std::string, std::string>>& path_and_json) {
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> merged;
  for (const auto& [path, json_text] : path_and_json) {
    size_t slash = path.find('/');
    if (slash == std::string::npos || !path.ends_with(".json")) {
      return InvalidArgumentError("catalogue part " + path + " is not <lang>/<part>.json");
    }
    std::string language = path.substr(0, slash);
    ASSIGN_OR_RETURN(Catalog part, ParseCatalog(path, json_text));
    auto& messages = merged[language];
    for (const auto& [key, text] : part.messages()) {
      if (!messages.emplace(key, text).second) {
        return InvalidArgumentError("catalogue " + path + ": " + key + " is defined twice");
      }
    }
  }
  Catalogs catalogs;
  for (auto& [language, messages] : merged) catalogs.Add(Catalog(language, std::move(messages)));
  return catalogs;
}

const Catalogs& Catalogs::Builtin() {
  static const Catalogs* catalogs = [] {
    std::vector<std::pair<std::string, std::string>> parts;
    for (const EmbeddedFile& file : embedded::Catalogues()) {
      parts.emplace_back(std::string(file.path), std::string(file.content));
    }
    auto loaded = FromParts(parts);
    if (!loaded.ok()) {
      std::cerr << "fatal: " << loaded.status().ToString() << "\n";
      std::abort();
    }
    return new Catalogs(std::move(loaded).value());
  }();
  return *catalogs;
}

const Catalog& Catalogs::For(std::string_view language) const {
  auto it = by_language_.find(language);
  if (it != by_language_.end()) return it->second;
  auto fallback = by_language_.find(kDefaultLanguage);
  if (fallback != by_language_.end()) return fallback->second;
  static const Catalog kEmpty;
  return kEmpty;
}

bool Catalogs::Supports(std::string_view language) const {
  return by_language_.count(language) > 0;
}

std::vector<std::string> Catalogs::Languages() const {
  std::vector<std::string> out;
  for (const auto& [language, catalog] : by_language_) out.push_back(language);
  return out;
}

void Catalogs::Add(Catalog catalog) {
  std::string language = catalog.language();
  by_language_.insert_or_assign(std::move(language), std::move(catalog));
}

std::string NegotiateLanguage(const Catalogs& catalogs, std::string_view explicit_choice,
                              std::string_view accept_language) {
  if (catalogs.Supports(explicit_choice)) return std::string(explicit_choice);
  // "en-GB,en;q=0.9,sv;q=0.8": take the entries in order of quality.
  std::string best(kDefaultLanguage);
  double best_q = -1;
  while (!accept_language.empty()) {
    size_t comma = accept_language.find(',');
    std::string_view item = accept_language.substr(0, comma);
    accept_language = comma == std::string_view::npos ? "" : accept_language.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    double q = 1.0;
    size_t semi = item.find(';');
    if (semi != std::string_view::npos) {
      std::string_view param = item.substr(semi + 1);
      size_t eq = param.find("q=");
      if (eq != std::string_view::npos) q = std::atof(std::string(param.substr(eq + 2)).c_str());
      item = item.substr(0, semi);
    }
    std::string primary(item.substr(0, item.find('-')));
    for (char& c : primary) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (catalogs.Supports(primary) && q > best_q) {
      best = primary;
      best_q = q;
    }
  }
  return best;
}

}  // namespace nyttig::i18n
