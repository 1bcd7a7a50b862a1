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

}  // namespace
}  // namespace nyttig
