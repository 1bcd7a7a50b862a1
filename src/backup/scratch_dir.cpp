#include "backup/scratch_dir.h"

#include <stdlib.h>  // mkdtemp

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

namespace nyttig::backup {

StatusOr<std::unique_ptr<ScratchDir>> ScratchDir::Create(const std::filesystem::path& parent,
                                                         std::string_view prefix) {
  std::string pattern = (parent / (std::string(prefix) + "XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return UnavailableError("cannot create a temp folder in " + parent.string() + ": " +
                            std::strerror(errno));
  }
  return std::unique_ptr<ScratchDir>(new ScratchDir(pattern));
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace nyttig::backup
