# Generates a C++ source that holds files as byte arrays, so the `nyttig`
# binary carries its migrations, templates, catalogues and static assets and
# runs from anywhere. Invoked at build time by nyttig_embed().
#   -DOUT=file.cpp -DNAME=Function -DBASE=dir -DFILES=a|b|c
set(body "#include \"core/embedded.h\"\nnamespace nyttig::embedded {\nnamespace {\n")
set(table "")
set(index 0)
string(REPLACE "|" ";" FILES "${FILES}")
foreach(file IN LISTS FILES)
  file(READ "${BASE}/${file}" hex HEX)
  string(LENGTH "${hex}" hex_length)
  math(EXPR byte_count "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  string(APPEND body "constexpr char kData${index}[] = {${bytes} 0};\n")
  string(APPEND table "  {\"${file}\", std::string_view(kData${index}, ${byte_count})},\n")
  math(EXPR index "${index} + 1")
endforeach()
string(APPEND body "constexpr EmbeddedFile kFiles[] = {\n${table}  {\"\", std::string_view()}};\n")
string(APPEND body "}  // namespace\nstd::span<const EmbeddedFile> ${NAME}() {\n")
string(APPEND body "  return std::span<const EmbeddedFile>(kFiles, ${index});\n}\n}  // namespace nyttig::embedded\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
