#include "surveys/survey.h"

#include <array>
#include <utility>

namespace nyttig::surveys {
namespace {

// Name tables in enum order; Parse* searches the same table, so a name and
// its parse can never drift apart.
template <typename E, size_t N>
std::optional<E> ParseName(const std::array<std::string_view, N>& names, std::string_view name) {
  for (size_t idx = 0; idx < N; ++idx) {
    if (names[idx] == name) return static_cast<E>(idx);
  }
  return std::nullopt;
}

constexpr std::array<std::string_view, 2> kAudienceNames = {"citizens", "staff"};
constexpr std::array<std::string_view, 2> kAccessNames = {"anonymous_link", "logged_in"};
constexpr std::array<std::string_view, 3> kStateNames = {"draft", "open", "closed"};
constexpr std::array<std::string_view, 5> kKindNames = {"likert", "single_choice",
                                                        "multiple_choice", "number", "free_text"};

}  // namespace

std::string_view AudienceName(Audience a) { return kAudienceNames[static_cast<size_t>(a)]; }
std::optional<Audience> ParseAudience(std::string_view n) {
  return ParseName<Audience>(kAudienceNames, n);
}
std::string_view AccessName(Access a) { return kAccessNames[static_cast<size_t>(a)]; }
std::optional<Access> ParseAccess(std::string_view n) { return ParseName<Access>(kAccessNames, n); }
std::string_view SurveyStateName(SurveyState s) { return kStateNames[static_cast<size_t>(s)]; }
std::optional<SurveyState> ParseSurveyState(std::string_view n) {
  return ParseName<SurveyState>(kStateNames, n);
}
std::string_view QuestionKindName(QuestionKind k) { return kKindNames[static_cast<size_t>(k)]; }
std::optional<QuestionKind> ParseQuestionKind(std::string_view n) {
  return ParseName<QuestionKind>(kKindNames, n);
}

}  // namespace nyttig::surveys
