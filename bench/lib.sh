# Shell helpers shared by the HTTP benchmarks (bench/http/run.sh,
# bench/ideas/run.sh). Source it; it defines functions only.

# A loopback port on which nothing listens now (a random one above the
# well-known range; a connection attempt that is refused means free).
free_port() {
  local port tries
  for ((tries = 0; tries < 100; tries++)); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "bench: no free port found" >&2
  return 1
}

# Waits up to 20 s for `url` to answer 200 (extra curl arguments after it).
wait_for() {
  local url=$1 tries
  shift
  for ((tries = 0; tries < 200; tries++)); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url" || true)" == 200 ]] && return 0
    sleep 0.1
  done
  echo "bench: $url did not answer 200" >&2
  return 1
}

# Prints "requests/s p99_ms non_2xx socket_errors" of one wrk output on stdin
# (socket errors are mostly wrk's 2 s timeouts of requests left waiting).
parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0;
      if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v + 0 }
    /Requests\/sec:/ { rps = $2 }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { bad += $NF }
    /Socket errors:/ { for (i = 3; i <= NF; i += 2) socket += $(i + 1) }
    END { printf "%.0f %.2f %d %d\n", rps, p99, bad, socket }'
}

# The median of the numbers on stdin, one per line.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
