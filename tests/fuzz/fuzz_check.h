// FUZZ_CHECK: the invariant checks of the libFuzzer targets in this folder.
// A failed check aborts, which libFuzzer reports as a crash with the input
// that caused it (unlike assert, it also holds in builds with NDEBUG).
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                   \
  do {                                                                          \
    if (!(condition)) {                                                         \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK(%s) failed\n", __FILE__, __LINE__, \
                   #condition);                                                 \
      std::abort();                                                             \
    }                                                                           \
  } while (false)
