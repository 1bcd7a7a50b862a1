#!/usr/bin/env bash
# The idea list with many ideas (issue 3): GET /api/v1/ideas and the /ideas
# page with COUNT generated ideas (bench/ideas/generate_ideas.cpp), on SQLite
# and on PostgreSQL, wrk at CONNECTIONS connections, as a coordinator of
# Exempelby kommun (bearer token; sees internal and public ideas).
#
#   bench/ideas/run.sh [BUILD_DIR]   (default build/release; needs src/nyttig and
#                                     bench/ideas/nyttig_ideas_generate: make bench)
#
# Environment [defaults]: COUNT ideas [100000], ENGINES [sqlite postgresql],
# DURATION seconds per wrk run [10], WARMUP [3], REPEATS [3], CONNECTIONS [64],
# THREADS of wrk [2]. Prints a table of median requests/s and p99 per engine and
# URL. PostgreSQL is a throw-away cluster (scripts/test-postgres.sh: fsync off),
# removed on exit with everything else.
set -euo pipefail

build_dir=${1:-build/release}
count=${COUNT:-100000}
engines=${ENGINES:-sqlite postgresql}
duration=${DURATION:-10}
warmup=${WARMUP:-3}
repeats=${REPEATS:-3}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
nyttig="$build_dir/src/nyttig"
generate="$build_dir/bench/ideas/nyttig_ideas_generate"
source "$here/../lib.sh"

for tool in wrk curl; do
  command -v "$tool" >/dev/null || { echo "bench/ideas: $tool missing (scripts/install-deps.sh --bench)" >&2; exit 2; }
done
[[ -x "$nyttig" && -x "$generate" ]] || { echo "bench/ideas: build with make bench first" >&2; exit 2; }

work=$(mktemp -d /tmp/nyttig-bench-ideas.XXXXXX)
chmod a+rx "$work"
server_pid=""
stop_server() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  server_pid=""
}
cleanup() {
  stop_server
  [[ -d "$work/pg" ]] && "$root/scripts/test-postgres.sh" stop "$work/pg" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

paths=("/api/v1/ideas?limit=20"
       "/api/v1/ideas?limit=20&area=school&sort=title&page=5"
       "/ideas"
       "/ideas?area=school&sort=title&page=5")
names=(api-newest api-filtered page-newest page-filtered)
results="$work/results.txt"

measure_engine() {
  local engine=$1 url_arg=() data="$work/data-$engine"
  if [[ $engine == postgresql ]]; then
    "$root/scripts/test-postgres.sh" start "$work/pg" >/dev/null
    url_arg=(--db "$(cat "$work/pg/url")")
  fi
  local generated
  generated=$("$generate" --data "$data" "${url_arg[@]}" --count "$count")
  local token seconds
  token=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])' <<<"$generated")
  seconds=$(python3 -c 'import json,sys; print(round(json.load(sys.stdin)["seconds"], 1))' <<<"$generated")
  echo "bench/ideas: $engine: $count ideas generated in $seconds s" >&2
  local port; port=$(free_port)
  "$nyttig" --data "$data" "${url_arg[@]}" serve --listen "127.0.0.1:$port" 2>/dev/null >&2 &
  server_pid=$!
  local base="http://127.0.0.1:$port" auth="Authorization: Bearer $token"
  wait_for "$base/healthz"
  for path in "${paths[@]}"; do
    wait_for "$base$path" -H "$auth"
    wrk -t"$threads" -c"$connections" -d"${warmup}s" -H "$auth" "$base$path" >/dev/null
  done
  for ((rep = 1; rep <= repeats; rep++)); do
    for idx in "${!paths[@]}"; do
      line=$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "$auth" "$base${paths[$idx]}" | parse_wrk)
      echo "$engine ${names[$idx]} $line" >>"$results"
      echo "  $engine run $rep ${names[$idx]}: $line (req/s, p99 ms, non-2xx, socket errors)" >&2
    done
  done
  stop_server
}

echo "bench/ideas: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $count ideas," \
     "wrk -t$threads -c$connections, ${duration}s × $repeats" >&2
for engine in $engines; do measure_engine "$engine"; done

printf '\n| engine | request | requests/s (median) | p99 ms (median) | non-2xx |\n| --- | --- | --- | --- | --- |\n'
for engine in $engines; do
  for idx in "${!paths[@]}"; do
    name=${names[$idx]}
    rps=$(awk -v e="$engine" -v n="$name" '$1 == e && $2 == n { print $3 }' "$results" | median)
    p99=$(awk -v e="$engine" -v n="$name" '$1 == e && $2 == n { print $4 }' "$results" | median)
    bad=$(awk -v e="$engine" -v n="$name" '$1 == e && $2 == n { s += $5 } END { print s + 0 }' "$results")
    printf '| %s | `%s` | %.0f | %.2f | %s |\n' "$engine" "${paths[$idx]}" "$rps" "$p99" "$bad"
  done
done
if awk '$5 > 0 { found = 1 } END { exit !found }' "$results"; then
  echo "bench/ideas: FAILED: the server answered other than 2xx" >&2
  exit 1
fi
