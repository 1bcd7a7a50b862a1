// Demo content for `nyttig demo` and `make run`: the Swedish register of
// municipalities and regions, a fictional municipality (Exempelby kommun)
// with units, and people in each role. Idempotent: a second run changes
// nothing.
#pragma once

#include <string>
#include <vector>

#include "app/app.h"

namespace nyttig::app {

struct DemoLogin {
  std::string email;
  std::string password;
  std::string role;  // for the printed list
};

struct DemoSummary {
  int organisations_created = 0;
  int persons_created = 0;
  std::vector<DemoLogin> logins;
};

// The password every demo person gets; printed by `make run`.
inline constexpr std::string_view kDemoPassword = "nyttig-demo-2026";

StatusOr<DemoSummary> LoadDemo(App& app);

}  // namespace nyttig::app
