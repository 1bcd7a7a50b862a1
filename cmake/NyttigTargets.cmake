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
  gtest_discover_tests(${name}
    PROPERTIES LABELS "${ARG_LABELS}"
    DISCOVERY_TIMEOUT 60)
endfunction()
