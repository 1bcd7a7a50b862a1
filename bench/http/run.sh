#!/usr/bin/env bash
# HTTP throughput on loopback: wrk against Nyttig (GET /healthz and
# GET /api/v1/organisations on demo data) and, in the same run, against nginx
# serving a static file with the very bytes of the organisations response.
#
#   bench/http/run.sh [BUILD_DIR]      (default build/release; needs src/nyttig)
#
# Environment (defaults in brackets): DURATION seconds per wrk run [10],
# WARMUP seconds per URL before measuring [3], REPEATS [3], CONNECTIONS [64 256],
# THREADS of wrk [2], NYTTIG_LOG where the server's request log goes [/dev/null].
# The three URLs are measured in turn within each repetition, so that all see
# the same machine load. Prints the median requests/s and the median p99
# latency (wrk --latency) of the repetitions, and the ratio to nginx.
# Both servers run from a temporary folder on free loopback ports and are
# stopped on exit, also on failure or Ctrl-C. Needs wrk, nginx (nginx-light)
# and curl: scripts/install-deps.sh --bench.
set -euo pipefail

build_dir=${1:-build/release}
duration=${DURATION:-10}
warmup=${WARMUP:-3}
repeats=${REPEATS:-3}
connections=${CONNECTIONS:-64 256}
threads=${THREADS:-2}
nyttig_log=${NYTTIG_LOG:-/dev/null}
nyttig="$build_dir/src/nyttig"

for tool in wrk nginx curl; do
  command -v "$tool" >/dev/null || [[ -x "/usr/sbin/$tool" ]] || {
    echo "bench/http: $tool is missing; run scripts/install-deps.sh --bench" >&2
    exit 2
  }
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x "$nyttig" ]] || { echo "bench/http: $nyttig not built" >&2; exit 2; }

work=$(mktemp -d /tmp/nyttig-bench-http.XXXXXX)
nyttig_pid=""
nginx_pid=""
cleanup() {
  [[ -n "$nyttig_pid" ]] && kill "$nyttig_pid" 2>/dev/null && wait "$nyttig_pid" 2>/dev/null
  [[ -n "$nginx_pid" ]] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

source "$(dirname "$0")/../lib.sh"

# --- Nyttig, Release, demo data -------------------------------------------
nyttig_port=$(free_port)
"$nyttig" --data "$work/data" demo >"$work/demo.json" 2>"$work/demo.log"
"$nyttig" --data "$work/data" serve --listen "127.0.0.1:$nyttig_port" 2>"$nyttig_log" >&2 &
nyttig_pid=$!
nyttig_url="http://127.0.0.1:$nyttig_port"
wait_for "$nyttig_url/healthz"

# --- nginx, the same bytes as a static file ---------------------------------
mkdir -p "$work/www" "$work/nginx"
# nginx workers run as nobody when started by root: they must reach the file.
chmod a+rx "$work" "$work/www"
curl -sf "$nyttig_url/api/v1/organisations" -o "$work/www/organisations.json"
body_bytes=$(stat -c %s "$work/www/organisations.json")
nginx_port=$(free_port)
cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  types { application/json json; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
  }
}
EOF
"$nginx_bin" -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
nginx_url="http://127.0.0.1:$nginx_port/organisations.json"
wait_for "$nginx_url"

# --- wrk --------------------------------------------------------------------
names=(healthz organisations nginx-static)
urls=("$nyttig_url/healthz" "$nyttig_url/api/v1/organisations" "$nginx_url")

echo "bench/http: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "bench/http: organisations response $body_bytes bytes; wrk -t$threads, ${duration}s runs," \
     "$repeats repetitions, connections: $connections"
for idx in "${!urls[@]}"; do
  wrk -t"$threads" -c64 -d"${warmup}s" "${urls[$idx]}" >/dev/null
done

results="$work/results.txt"
for ((rep = 1; rep <= repeats; rep++)); do
  for conns in $connections; do
    for idx in "${!urls[@]}"; do
      line=$(wrk -t"$threads" -c"$conns" -d"${duration}s" --latency "${urls[$idx]}" | parse_wrk)
      echo "$conns ${names[$idx]} $line" >>"$results"
      echo "  run $rep, $conns connections, ${names[$idx]}: $line (req/s, p99 ms, non-2xx, socket errors)" >&2
    done
  done
done
echo "bench/http: load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- table of medians ---------------------------------------------------------
printf '\n| connections | endpoint | requests/s (median) | p99 ms (median) | ratio to nginx | non-2xx | socket errors |\n'
printf '| --- | --- | --- | --- | --- | --- | --- |\n'
for conns in $connections; do
  nginx_rps=$(awk -v c="$conns" '$1 == c && $2 == "nginx-static" { print $3 }' "$results" | median)
  for name in "${names[@]}"; do
    rps=$(awk -v c="$conns" -v n="$name" '$1 == c && $2 == n { print $3 }' "$results" | median)
    p99=$(awk -v c="$conns" -v n="$name" '$1 == c && $2 == n { print $4 }' "$results" | median)
    bad=$(awk -v c="$conns" -v n="$name" '$1 == c && $2 == n { s += $5 } END { print s + 0 }' "$results")
    socket=$(awk -v c="$conns" -v n="$name" '$1 == c && $2 == n { s += $6 } END { print s + 0 }' "$results")
    ratio=$(awk -v a="$rps" -v b="$nginx_rps" 'BEGIN { printf "%.3f", (b > 0) ? a / b : 0 }')
    printf '| %s | %s | %.0f | %.2f | %s | %s | %s |\n' "$conns" "$name" "$rps" "$p99" "$ratio" "$bad" \
      "$socket"
  done
done
# Socket errors (timeouts: a request waited over 2 s) are part of the result at
# high concurrency and only reported; an answer other than 2xx is a failure.
if awk '$6 > 0 { found = 1 } END { exit !found }' "$results"; then
  echo "bench/http: some requests timed out (wrk: over 2 s); their latency is not in p99" >&2
fi
if awk '$5 > 0 { found = 1 } END { exit !found }' "$results"; then
  echo "bench/http: FAILED: the server answered other than 2xx" >&2
  exit 1
fi
