#include "core/status.h"

#include <gtest/gtest.h>

namespace nyttig {
namespace {

StatusOr<int> ParsePositive(int v) {
  if (v <= 0) return InvalidArgumentError("must be positive");
  return v;
}

Status Doubled(int v, int* out) {
  ASSIGN_OR_RETURN(int parsed, ParsePositive(v));
  *out = parsed * 2;
  return Status::Ok();
}

Status Chain(int v) {
  int ignored = 0;
  RETURN_IF_ERROR(Doubled(v, &ignored));
  return NotFoundError("reached the end");
}

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, AssignOrReturnPropagatesError) {
  int out = 0;
  Status s = Doubled(-1, &out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(out, 0);
  EXPECT_TRUE(Doubled(4, &out).ok());
  EXPECT_EQ(out, 8);
}

TEST(StatusTest, ReturnIfErrorStopsAtFirstFailure) {
  EXPECT_EQ(Chain(-3).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Chain(3).code(), StatusCode::kNotFound);
}

TEST(StatusTest, InvalidParametersAreListed) {
  Status s = InvalidArgumentError("validation failed");
  s.AddInvalid("title", "required").AddInvalid("email", "malformed", "a@");
  ASSERT_EQ(s.invalid_parameters().size(), 2u);
  EXPECT_EQ(s.invalid_parameters()[1].value, "a@");
  EXPECT_NE(s.ToString().find("title: required"), std::string::npos);
}

TEST(StatusTest, InvalidParameterErrorNamesOneField) {
  Status s = InvalidParameterError("title", "validation.too_long", "x", {{"max", "120"}});
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "validation.failed");
  ASSERT_EQ(s.invalid_parameters().size(), 1u);
  EXPECT_EQ(s.invalid_parameters()[0].args[0].second, "120");
}

StatusOr<int> TwoProblems() {
  return InvalidParameterError("a", "validation.required").AddInvalid("b", "validation.required");
}

// The shape that read freed memory while status() returned a copy: the loop
// ran over a temporary's list (AddressSanitizer catches a regression).
TEST(StatusOrTest, ProblemsOfAStatusOrCanBeIteratedInPlace) {
  StatusOr<int> failed = TwoProblems();
  std::vector<std::string> names;
  for (const InvalidParameter& p : failed.status().invalid_parameters()) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(StatusOr<int>(3).status().ok());
  EXPECT_EQ(TwoProblems().status().invalid_parameters().size(), 2u);  // from a temporary
}

}  // namespace
}  // namespace nyttig
