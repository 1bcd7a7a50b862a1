#include "web/static_files.h"

#include <fmt/format.h>

#include <functional>

#include "core/embedded.h"

namespace nyttig::web {

std::string ContentTypeForPath(std::string_view path) {
  struct Mapping {
    std::string_view suffix, type;
  };
  static constexpr Mapping kTypes[] = {{".css", "text/css; charset=utf-8"},
                                       {".js", "text/javascript; charset=utf-8"},
                                       {".svg", "image/svg+xml"},
                                       {".png", "image/png"},
                                       {".ico", "image/x-icon"},
                                       {".txt", "text/plain; charset=utf-8"},
                                       {".json", "application/json"},
                                       {".woff2", "font/woff2"}};
  for (const Mapping& m : kTypes) {
    if (path.ends_with(m.suffix)) return std::string(m.type);
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles() {
  for (const EmbeddedFile& file : embedded::WebStatic()) {
    std::string etag = fmt::format("\"{:x}-{}\"", std::hash<std::string_view>{}(file.content),
                                   file.content.size());
    files_.emplace(std::string(file.path),
                   File{file.content, ContentTypeForPath(file.path), std::move(etag)});
  }
}

http::Response StaticFiles::Serve(std::string_view path, const http::Request& request) const {
  auto it = files_.find(path);
  if (it == files_.end()) return http::Response::Text(404, "Not found\n");
  const File& file = it->second;
  http::Response response;
  response.headers.Set("ETag", file.etag);
  // Assets change only with a new release; an hour keeps old laptops fast
  // and lets an upgrade show within the hour.
  response.headers.Set("Cache-Control", "public, max-age=3600");
  if (request.Header("If-None-Match") == std::optional<std::string_view>(file.etag)) {
    response.status = 304;
    return response;
  }
  response.headers.Set("Content-Type", file.content_type);
  response.body = std::string(file.content);
  return response;
}

}  // namespace nyttig::web
