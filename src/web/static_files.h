// Static assets (CSS, htmx, images) compiled into the binary and served
// under /static/ with a content type, an ETag and caching, so pages load
// nothing from other origins.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "http/message.h"

namespace nyttig::web {

class StaticFiles {
 public:
  // Loads the embedded web/static/** files.
  StaticFiles();
  // Serves `path` relative to /static/ (404 when absent, 304 on a matching
  // If-None-Match).
  http::Response Serve(std::string_view path, const http::Request& request) const;
  bool Has(std::string_view path) const { return files_.count(path) > 0; }

 private:
  struct File {
    std::string_view content;
    std::string content_type;
    std::string etag;
  };
  std::map<std::string, File, std::less<>> files_;
};

std::string ContentTypeForPath(std::string_view path);

}  // namespace nyttig::web
