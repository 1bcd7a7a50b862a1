# nyttig_module(NAME SOURCES ... DEPS ...)
#   Defines library nyttig_NAME from the given sources; its public include root
#   is src/, so headers are included as "core/status.h".
function(nyttig_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(nyttig_${name} STATIC ${ARG_SOURCES})
  target_include_directories(nyttig_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(nyttig_${name} PUBLIC ${ARG_DEPS})
endfunction()

# nyttig_test(NAME SOURCES ... DEPS ... [LABELS ...])
#   A GoogleTest executable registered with CTest test by test. Labels:
#   "unit" (default), "db" (needs PostgreSQL too), "slow", "e2e".
#   `ctest -LE slow` skips the slow ones locally; CI runs everything.
function(nyttig_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    NYTTIG_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    NYTTIG_SHARED_DATA_DIR="${PROJECT_SOURCE_DIR}/../shared/data")
  # gtest_discover_tests flattens list-valued properties, so each test gets
  # one label: "slow" beats "db" beats the first one given.
  list(GET ARG_LABELS 0 label)
  if("slow" IN_LIST ARG_LABELS)
    set(label slow)
  elseif("db" IN_LIST ARG_LABELS)
    set(label db)
  endif()
  set(props LABELS ${label})
  if("db" IN_LIST ARG_LABELS)
    # Needs the throw-away PostgreSQL cluster that the `postgres` fixture starts.
    target_link_libraries(${name} PRIVATE nyttig_test_support)
    list(APPEND props FIXTURES_REQUIRED postgres
                      ENVIRONMENT "NYTTIG_TEST_PG_URL_FILE=${NYTTIG_TEST_PG_DIR}/url")
  endif()
  gtest_discover_tests(${name}
    PROPERTIES ${props}
    DISCOVERY_TIMEOUT 60)
endfunction()

# nyttig_embed(TARGET FUNCTION BASE_DIR GLOB...)
#   Adds to TARGET a generated source defining
#   std::span<const EmbeddedFile> nyttig::embedded::FUNCTION()
#   with every file under BASE_DIR matching the globs (paths relative to it).
function(nyttig_embed target function base_dir)
  set(files "")
  foreach(pattern IN LISTS ARGN)
    file(GLOB_RECURSE matched CONFIGURE_DEPENDS RELATIVE ${base_dir} ${base_dir}/${pattern})
    list(APPEND files ${matched})
  endforeach()
  list(SORT files)
  set(absolute "")
  foreach(f IN LISTS files)
    list(APPEND absolute ${base_dir}/${f})
  endforeach()
  string(REPLACE ";" "|" file_arg "${files}")
  set(out ${CMAKE_CURRENT_BINARY_DIR}/embedded_${function}.cpp)
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAME=${function} -DBASE=${base_dir}
            "-DFILES=${file_arg}" -P ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
    DEPENDS ${absolute} ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
    COMMENT "Embedding ${function}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
