#!/usr/bin/env bash
# Runs every benchmark of a build made with -DNYTTIG_BENCH=ON (`make bench`):
# each executable under BUILD_DIR/bench (Google Benchmark ones with 5
# repetitions, aggregates only), then the HTTP throughput run
# (bench/http/run.sh, which needs BUILD_DIR/src/nyttig).
#
#   bench/run-all.sh BUILD_DIR
#
# Runs them one after another (each wants the machine to itself) and keeps
# going after a failure; exits 1 when any failed, 2 on a usage error.
set -uo pipefail

build_dir=${1:?usage: bench/run-all.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
if [[ ! -d "$build_dir/bench" ]]; then
  echo "run-all: $build_dir/bench not found; configure with -DNYTTIG_BENCH=ON" >&2
  exit 2
fi

# True when the executable is a Google Benchmark binary (links libbenchmark).
is_google_benchmark() {
  readelf -d "$1" 2>/dev/null | grep -q 'libbenchmark' || grep -qa 'benchmark_repetitions' "$1"
}

failed=()
# Data generators (*_generate) are run by the scripts that need them.
binaries=$(find "$build_dir/bench" -type f -perm -u+x -not -path '*/CMakeFiles/*' \
  -not -name '*_generate' | sort)
if [[ -z "$binaries" ]]; then
  echo "run-all: no benchmark executables in $build_dir/bench" >&2
  failed+=("(none built)")
fi
for binary in $binaries; do
  echo "=== $(basename "$binary") ($(cut -d' ' -f1-3 /proc/loadavg) load)"
  if is_google_benchmark "$binary"; then
    "$binary" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
  else
    "$binary"
  fi || failed+=("$(basename "$binary")")
done

for script in http/run.sh ideas/run.sh; do
  echo "=== bench/$script ($(cut -d' ' -f1-3 /proc/loadavg) load)"
  "$here/$script" "$build_dir" || failed+=("bench/$script")
done

if ((${#failed[@]} > 0)); then
  echo "run-all: failed: ${failed[*]}" >&2
  exit 1
fi
echo "run-all: every benchmark ran"
