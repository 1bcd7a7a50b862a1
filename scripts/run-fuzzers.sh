#!/usr/bin/env bash
# Runs every libFuzzer target of a NYTTIG_FUZZ build for a bounded time.
#
#   scripts/run-fuzzers.sh BUILD_DIR [SECONDS]    (default 60 s per target)
#
# Targets and their paths come from BUILD_DIR/fuzz_targets.txt (written by
# tests/fuzz/CMakeLists.txt). Each starts from its hand-written seeds in
# tests/fuzz/corpus/<target>/ (read only) plus what earlier runs found in
# BUILD_DIR/fuzz-corpus/<target>/, where new inputs go. A crashing input is
# saved as BUILD_DIR/fuzz-artifacts/<target>/crash-…; reproduce it with
# `BUILD_DIR/…/<target> FILE`. FUZZ_TARGETS="a b" runs only those targets.
# Prints one line per target; exits 1 when any target crashed, leaked, timed
# out or did not run.
set -uo pipefail

build_dir=${1:?usage: run-fuzzers.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
repo=$(cd "$(dirname "$0")/.." && pwd)
list="$build_dir/fuzz_targets.txt"
if [[ ! -f "$list" ]]; then
  echo "run-fuzzers: $list not found; configure with -DNYTTIG_FUZZ=ON and build target fuzzers" >&2
  exit 2
fi

failed=0
printf '%-24s %8s %14s %10s %s\n' target seconds executions exec/s result
while read -r name binary; do
  [[ -n "$name" ]] || continue
  if [[ -n "${FUZZ_TARGETS:-}" && " $FUZZ_TARGETS " != *" $name "* ]]; then continue; fi
  corpus="$build_dir/fuzz-corpus/$name"
  artifacts="$build_dir/fuzz-artifacts/$name"
  log="$build_dir/fuzz-logs/$name.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  seeds=()
  [[ -d "$repo/tests/fuzz/corpus/$name" ]] && seeds=("$repo/tests/fuzz/corpus/$name")
  if [[ ! -x "$binary" ]]; then
    printf '%-24s %8s %14s %10s %s\n' "$name" - - - "NOT BUILT ($binary)"
    failed=1
    continue
  fi
  # -timeout: one input taking longer than 10 s is a bug (a hang) too.
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$corpus" "${seeds[@]}" >"$log" 2>&1
  rc=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  if ((rc == 0)); then
    result=ok
  else
    result="FAILED (exit $rc; $(ls "$artifacts" | head -3 | tr '\n' ' ')log $log)"
    failed=1
  fi
  printf '%-24s %8s %14s %10s %s\n' "$name" "$seconds" "${executions:-?}" "${per_second:-?}" "$result"
done <"$list"
exit "$failed"
