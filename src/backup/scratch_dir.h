// ScratchDir: a uniquely named temporary folder inside a given folder (so
// that renames out of it stay on one file system), removed with the object.
//
// Thread-safety: each ScratchDir belongs to one thread.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>

#include "core/status.h"

namespace nyttig::backup {

class ScratchDir {
 public:
  // Creates `parent`/`prefix`XXXXXX (parent must exist). kUnavailable when
  // the file system refuses.
  static StatusOr<std::unique_ptr<ScratchDir>> Create(const std::filesystem::path& parent,
                                                      std::string_view prefix);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  explicit ScratchDir(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

}  // namespace nyttig::backup
