// Files compiled into the binary (migrations, templates, catalogues, static
// assets) by nyttig_embed() in CMake. Each embedding defines one function in
// nyttig::embedded returning its files, sorted by path.
#pragma once

#include <span>
#include <string_view>

namespace nyttig {

struct EmbeddedFile {
  std::string_view path;     // relative to the embedded folder, '/'-separated
  std::string_view content;  // bytes; also NUL-terminated
};

namespace embedded {
std::span<const EmbeddedFile> Migrations();  // db/migrations/*.sql
std::span<const EmbeddedFile> WebTemplates();  // web/templates/**
std::span<const EmbeddedFile> WebStatic();  // web/static/**
std::span<const EmbeddedFile> Catalogues();  // i18n/<lang>/<part>.json
std::span<const EmbeddedFile> ReferenceData();  // db/data/*.csv
}  // namespace embedded

}  // namespace nyttig
