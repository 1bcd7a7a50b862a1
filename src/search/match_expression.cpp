#include "search/match_expression.h"

#include <functional>

namespace nyttig::search {
namespace {

// How one engine spells the operators and quotes a term.
struct Syntax {
  std::string and_op, or_op;
  std::function<std::string(const std::string&)> quote;
  std::function<std::string(const std::string&)> prefix;
  std::function<std::string(const std::vector<std::string>&)> phrase;
  std::function<std::string(const std::string& positive, const std::string& excluded)> and_not;
};

std::string Join(const std::vector<std::string>& parts, const std::string& op) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : op) + part;
  return parts.size() > 1 ? "(" + out + ")" : out;
}

std::string Fts5Quote(const std::string& term) {
  std::string out = "\"";
  for (char c : term) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string TsQuote(const std::string& term) {
  std::string out = "'";
  for (char c : term) {
    if (c == '\'' || c == '\\') out += c == '\'' ? "''" : "\\\\";
    else out += c;
  }
  return out + "'";
}

const Syntax& Fts5Syntax() {
  static const Syntax kSyntax{
      " AND ", " OR ", Fts5Quote, [](const std::string& p) { return Fts5Quote(p) + " *"; },
      [](const std::vector<std::string>& words) {
        std::vector<std::string> quoted;
        for (const std::string& word : words) quoted.push_back(Fts5Quote(word));
        std::string out;
        for (const std::string& q : quoted) out += (out.empty() ? "" : " + ") + q;
        return out;
      },
      [](const std::string& positive, const std::string& excluded) {
        return "(" + positive + ") NOT (" + excluded + ")";
      }};
  return kSyntax;
}

const Syntax& TsquerySyntax() {
  static const Syntax kSyntax{
      " & ", " | ", TsQuote, [](const std::string& p) { return TsQuote(p) + ":*"; },
      [](const std::vector<std::string>& words) {
        std::string out;
        for (const std::string& word : words) out += (out.empty() ? "" : " <-> ") + TsQuote(word);
        return words.size() > 1 ? "(" + out + ")" : out;
      },
      [](const std::string& positive, const std::string& excluded) {
        return "(" + positive + ") & !(" + excluded + ")";
      }};
  return kSyntax;
}

std::string RenderGroup(const TermGroup& group, const Syntax& syntax) {
  if (group.parts.empty()) return syntax.quote(group.whole);
  std::vector<std::string> parts;
  for (const std::string& part : group.parts) parts.push_back(syntax.quote(part));
  return "(" + syntax.quote(group.whole) + syntax.or_op + Join(parts, syntax.and_op) + ")";
}

std::string RenderTerm(const MatchTerm& term, const Syntax& syntax) {
  switch (term.kind) {
    case MatchTerm::Kind::kPrefix:
      return syntax.prefix(term.prefix);
    case MatchTerm::Kind::kPhrase: {
      std::vector<std::string> wholes;
      for (const TermGroup& group : term.groups) wholes.push_back(group.whole);
      return syntax.phrase(wholes);
    }
    case MatchTerm::Kind::kWords:
      break;
  }
  std::vector<std::string> groups;
  for (const TermGroup& group : term.groups) groups.push_back(RenderGroup(group, syntax));
  return Join(groups, syntax.and_op);
}

std::string RenderItem(const MatchItem& item, const Syntax& syntax) {
  std::vector<std::string> alternatives;
  for (const MatchTerm& term : item.alternatives) alternatives.push_back(RenderTerm(term, syntax));
  return Join(alternatives, syntax.or_op);
}

std::string Render(const MatchExpression& expression, MatchMode mode, const Syntax& syntax) {
  std::vector<std::string> positive, excluded;
  for (const MatchItem& item : expression.items) {
    (item.excluded ? excluded : positive).push_back(RenderItem(item, syntax));
  }
  if (positive.empty()) return "";
  std::string out = Join(positive, mode == MatchMode::kAll ? syntax.and_op : syntax.or_op);
  if (excluded.empty()) return out;
  return syntax.and_not(out, Join(excluded, syntax.or_op));
}

// The groups of one analysed text: each non-colocated token starts a group,
// the colocated tokens after it are its parts.
std::vector<TermGroup> Groups(const std::vector<Token>& tokens) {
  std::vector<TermGroup> groups;
  for (const Token& token : tokens) {
    if (token.colocated && !groups.empty()) {
      if (token.text != groups.back().whole) groups.back().parts.push_back(token.text);
    } else {
      groups.push_back({token.text, {}});
    }
  }
  return groups;
}

std::optional<MatchTerm> AnalyseTerm(const QueryTerm& term, Analyzer& words) {
  MatchTerm out;
  if (term.prefix) {
    std::vector<RawToken> raw = TokenizeWords(term.text);
    if (raw.empty()) return std::nullopt;
    out.kind = MatchTerm::Kind::kPrefix;
    out.prefix = raw.front().text;
    return out;
  }
  out.kind = term.phrase ? MatchTerm::Kind::kPhrase : MatchTerm::Kind::kWords;
  out.groups = Groups(words.Analyze(term.text, AnalyzeMode::kQuery));
  if (out.groups.empty()) return std::nullopt;
  return out;
}

}  // namespace

bool MatchExpression::HasPositiveItem() const { return PositiveItemCount() > 0; }

size_t MatchExpression::PositiveItemCount() const {
  size_t count = 0;
  for (const MatchItem& item : items) count += item.excluded ? 0 : 1;
  return count;
}

MatchExpression BuildMatchExpression(const ParsedQuery& query, Analyzer& words) {
  MatchExpression expression;
  for (const QueryItem& item : query.items) {
    MatchItem analysed{{}, item.excluded};
    for (const QueryTerm& term : item.alternatives) {
      if (std::optional<MatchTerm> match = AnalyseTerm(term, words)) {
        analysed.alternatives.push_back(std::move(*match));
      }
    }
    if (!analysed.alternatives.empty()) expression.items.push_back(std::move(analysed));
  }
  // Nothing left to look for but exclusions: read them as words instead.
  if (!expression.HasPositiveItem()) {
    for (MatchItem& item : expression.items) item.excluded = false;
  }
  return expression;
}

MatchExpression AnyOfTerms(const std::vector<std::string>& terms) {
  MatchExpression expression;
  for (const std::string& term : terms) {
    MatchTerm match;
    match.groups.push_back({term, {}});
    expression.items.push_back({{std::move(match)}, false});
  }
  return expression;
}

std::string RenderFts5(const MatchExpression& expression, MatchMode mode) {
  return Render(expression, mode, Fts5Syntax());
}

std::string RenderTsquery(const MatchExpression& expression, MatchMode mode) {
  return Render(expression, mode, TsquerySyntax());
}

std::vector<std::string> HighlightTerms(const MatchExpression& expression) {
  std::vector<std::string> out;
  for (const MatchItem& item : expression.items) {
    if (item.excluded) continue;
    for (const MatchTerm& term : item.alternatives) {
      if (term.kind == MatchTerm::Kind::kPrefix) out.push_back(term.prefix + "*");
      for (const TermGroup& group : term.groups) {
        out.push_back(group.whole);
        out.insert(out.end(), group.parts.begin(), group.parts.end());
      }
    }
  }
  return out;
}

}  // namespace nyttig::search
