// The OpenAPI document served at /api/v1/openapi.json, assembled from the
// parts compiled into the binary: docs/api/openapi.json (info, servers,
// security, shared components, the foundation's paths) and one part per
// module, docs/api/paths/<module>.json, each of the form
//   {"tags": [...], "paths": {...}, "components": {"schemas": {...}, ...}}.
// Keeping a part per module lets modules document their API next to each
// other without editing one 5 000-line file.
// Thread-safety: the assembled document is immutable after first use.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace nyttig::app {

// Merges `parts` (path, JSON text) into `base`: tags are appended, paths and
// component entries added. Fails on malformed JSON or when a path or a
// component is defined twice (two modules claiming one name is a defect).
StatusOr<std::string> MergeOpenApi(
    std::string_view base, const std::vector<std::pair<std::string, std::string>>& parts);

// The assembled document; aborts at start-up when the parts do not merge,
// because that is a build defect the tests catch first.
const std::string& OpenApiDocument();

}  // namespace nyttig::app
