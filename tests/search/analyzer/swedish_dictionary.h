// Test helper: one CompoundSplitter over the installed Swedish Hunspell
// dictionary, shared by all tests of the binary. A missing dictionary fails
// every test that needs it, naming the path (scripts/install-deps.sh installs
// hunspell-sv).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "search/analyzer/compound_splitter.h"

namespace nyttig::search::testing {

struct LoadedSplitter {
  std::shared_ptr<CompoundSplitter> splitter;
  std::string error;
};

inline const LoadedSplitter& LoadSwedishSplitterOnce() {
  static const LoadedSplitter* const kLoaded = [] {
    auto* loaded = new LoadedSplitter;
    StatusOr<std::unique_ptr<CompoundSplitter>> result = CompoundSplitter::Load();
    if (result.ok()) {
      loaded->splitter = std::move(result).value();
    } else {
      loaded->error = result.status().ToString();
    }
    return loaded;
  }();
  return *kLoaded;
}

// The shared splitter, or nullptr after recording a test failure.
inline std::shared_ptr<CompoundSplitter> SharedSwedishSplitter() {
  const LoadedSplitter& loaded = LoadSwedishSplitterOnce();
  if (loaded.splitter == nullptr) ADD_FAILURE() << "Swedish dictionary missing: " << loaded.error;
  return loaded.splitter;
}

}  // namespace nyttig::search::testing
