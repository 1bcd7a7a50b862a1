// Status and StatusOr<T>: errors as values.
//
// Every fallible operation in Nyttig returns a Status (or a StatusOr<T> when
// it also produces a value). A Status carries a canonical code, a message for
// developers and logs, and optionally the invalid parameters of a validation
// failure so that the HTTP layer can list them and a form can show each
// message next to its field. Exactly one function (http/problem.h) maps a code
// to an HTTP status.
//
//   StatusOr<Idea> idea = ideas.Find(id);
//   if (!idea.ok()) return idea.status();
//   ASSIGN_OR_RETURN(Person person, accounts.FindPerson(pid));
//   RETURN_IF_ERROR(store.Insert(tx, row));
//
// Thread-safety: plain values; copy freely.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace nyttig {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the caller sent something malformed or out of range
  kNotFound,            // no such entity (or the caller may not know it exists)
  kAlreadyExists,       // unique constraint, e.g. a duplicate e-mail address
  kPermissionDenied,    // authenticated, but not allowed
  kUnauthenticated,     // no valid session or token
  kFailedPrecondition,  // the entity is in the wrong state for this action
  kResourceExhausted,   // throttled or over a quota; may carry retry_after
  kUnavailable,         // a dependency is down; retrying may help
  kInternal,            // a bug or an unexpected library failure
};

// A field that failed validation: `name` is the parameter or form field,
// `reason` a message-catalogue key (e.g. "accounts.email.invalid") or plain
// text, `value` what was sent, `args` the values of the message's
// {placeholders} (e.g. {"max", "120"}).
struct InvalidParameter {
  std::string name;
  std::string reason;
  std::string value;
  std::vector<std::pair<std::string, std::string>> args;
  bool operator==(const InvalidParameter&) const = default;
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Validation details; empty unless the code is kInvalidArgument.
  const std::vector<InvalidParameter>& invalid_parameters() const { return invalid_; }
  Status& AddInvalid(std::string name, std::string reason, std::string value = {},
                     std::vector<std::pair<std::string, std::string>> args = {}) {
    invalid_.push_back({std::move(name), std::move(reason), std::move(value), std::move(args)});
    return *this;
  }

  // Seconds the caller should wait before retrying (kResourceExhausted).
  std::optional<int> retry_after_seconds() const { return retry_after_; }
  Status& SetRetryAfter(int seconds) {
    retry_after_ = seconds;
    return *this;
  }

  // Explicitly drops a status that is not worth handling.
  void IgnoreError() const {}

  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::vector<InvalidParameter> invalid_;
  std::optional<int> retry_after_;
};

// Canonical name of a code, e.g. "NOT_FOUND".
std::string_view StatusCodeName(StatusCode code);

inline Status InvalidArgumentError(std::string msg) {
  return {StatusCode::kInvalidArgument, std::move(msg)};
}
// A validation failure naming one field, with the message every validation
// failure carries ("validation.failed"); add more fields with AddInvalid.
inline Status InvalidParameterError(std::string name, std::string reason, std::string value = {},
                                    std::vector<std::pair<std::string, std::string>> args = {}) {
  return InvalidArgumentError("validation.failed")
      .AddInvalid(std::move(name), std::move(reason), std::move(value), std::move(args));
}
inline Status NotFoundError(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
inline Status AlreadyExistsError(std::string msg) {
  return {StatusCode::kAlreadyExists, std::move(msg)};
}
inline Status PermissionDeniedError(std::string msg) {
  return {StatusCode::kPermissionDenied, std::move(msg)};
}
inline Status UnauthenticatedError(std::string msg) {
  return {StatusCode::kUnauthenticated, std::move(msg)};
}
inline Status FailedPreconditionError(std::string msg) {
  return {StatusCode::kFailedPrecondition, std::move(msg)};
}
inline Status ResourceExhaustedError(std::string msg) {
  return {StatusCode::kResourceExhausted, std::move(msg)};
}
inline Status UnavailableError(std::string msg) {
  return {StatusCode::kUnavailable, std::move(msg)};
}
inline Status InternalError(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  StatusOr(Status status) : data_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(data_).ok() && "StatusOr needs a value or an error");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  // By reference from an lvalue, so that `x.status().invalid_parameters()`
  // may be iterated safely; by value from a temporary, which would otherwise
  // leave the reference dangling.
  const Status& status() const& { return ok() ? OkStatus() : std::get<Status>(data_); }
  Status status() && { return ok() ? Status() : std::get<Status>(std::move(data_)); }

  // Precondition: ok().
  const T& value() const& { return std::get<T>(data_); }
  T& value() & { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  static const Status& OkStatus() {
    static const Status kOk;
    return kOk;
  }
  std::variant<T, Status> data_;
};

namespace internal {
inline Status AsStatus(Status s) { return s; }
template <typename T>
Status AsStatus(const StatusOr<T>& s) {
  return s.status();
}
}  // namespace internal

}  // namespace nyttig

#define NYTTIG_CONCAT_INNER(a, b) a##b
#define NYTTIG_CONCAT(a, b) NYTTIG_CONCAT_INNER(a, b)

// Returns from the enclosing function when `expr` (a Status or StatusOr) fails.
#define RETURN_IF_ERROR(expr)                                          \
  do {                                                                 \
    ::nyttig::Status nyttig_status_ = ::nyttig::internal::AsStatus(expr); \
    if (!nyttig_status_.ok()) return nyttig_status_;                   \
  } while (false)

// `ASSIGN_OR_RETURN(T x, Expr())` declares x from a StatusOr or returns its error.
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL(NYTTIG_CONCAT(nyttig_statusor_, __LINE__), lhs, expr)
#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = std::move(tmp).value()
