#!/usr/bin/env bash
# The `nyttig` command as an operator uses it (CONTRACTS.md "Command line"):
# exit codes, JSON on stdout, an idempotent demo, backup → restore round
# trip, audit verify, and the same commands on PostgreSQL.
# Usage: cli_test.sh NYTTIG_BINARY [POSTGRES_ADMIN_URL_FILE]
set -uo pipefail
nyttig=$1
pg_url_file=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

check() {  # check NAME EXPECTED_EXIT COMMAND...
  local name=$1 expected=$2
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local code=$?
  if [[ $code -eq $expected ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name (exit $code, expected $expected)"
    tail -5 "$work/err"
  fi
}

json_field() {  # json_field FILE EXPRESSION
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$1" "$2"
}

expect_equal() {  # expect_equal NAME ACTUAL EXPECTED
  if [[ "$2" == "$3" ]]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $1: got '$2', expected '$3'"; fi
}

data="$work/data"
check "unknown command is a usage error" 2 "$nyttig" frobnicate
check "missing required option is a usage error" 2 "$nyttig" dialogue cluster --votes x.csv
check "a malformed --listen is a usage error" 2 "$nyttig" --data "$work/unused" serve --listen 127.0.0.1:http
check "migrate on a new data folder" 0 "$nyttig" --data "$data" migrate
check "demo loads" 0 "$nyttig" --data "$data" demo
expect_equal "demo creates the register and Exempelby" "$(json_field "$work/out" 'd["organisations_created"]')" "311"
check "demo a second time" 0 "$nyttig" --data "$data" demo
expect_equal "second demo changes nothing" "$(json_field "$work/out" 'd["organisations_created"] + d["persons_created"]')" "0"
check "audit verify on an intact log" 0 "$nyttig" --data "$data" audit verify
expect_equal "audit verify says ok" "$(json_field "$work/out" 'd["ok"]')" "True"
check "backup" 0 "$nyttig" --data "$data" backup "$work/backup.tar"
check "restore refuses a data folder in use" 1 "$nyttig" --data "$data" restore "$work/backup.tar"
check "restore into an empty folder" 0 "$nyttig" --data "$work/restored" restore "$work/backup.tar"
check "restored data verifies" 0 "$nyttig" --data "$work/restored" audit verify
check "restored demo is complete" 0 "$nyttig" --data "$work/restored" demo
expect_equal "nothing missing after restore" "$(json_field "$work/out" 'd["organisations_created"] + d["persons_created"]')" "0"
sqlite3 "$data/nyttig.db" "UPDATE audit_entries SET action = 'account.tampered' WHERE seq = 3 AND chain_id = 0"
check "audit verify finds a tampered entry" 1 "$nyttig" --data "$data" audit verify
check "a broken database URL fails the work" 1 "$nyttig" --db "mysql://nowhere/x" migrate

shared="$(cd "$(dirname "$0")/../../.." && pwd)/shared/data"
check "dialogue cluster on a real Polis export" 0 "$nyttig" dialogue cluster \
  --comments "$shared/polis/15-per-hour-seattle/comments.csv" \
  --votes "$shared/polis/15-per-hour-seattle/votes.csv" --assignments "$work/groups.csv"
expect_equal "dialogue cluster counts participants" "$(json_field "$work/out" 'd["participants"]')" "339"
expect_equal "assignments written" "$(head -1 "$work/groups.csv")" "participant,group"
check "dialogue cluster on a missing file" 1 "$nyttig" dialogue cluster --comments "$work/none.csv" --votes "$work/none.csv"
printf 'unit,group,phase,value\na,pilot,after,3\nb,pilot,after,5\nc,comparison,after,1\nd,comparison,after,2\n' >"$work/m.csv"
check "pilots analyze" 0 "$nyttig" pilots analyze --measurements "$work/m.csv" --design two-groups --measure mean
expect_equal "pilots analyze names the method" "$(json_field "$work/out" 'd["method"]')" "welch_t"
check "pilots analyze with an unknown design" 2 "$nyttig" pilots analyze --measurements "$work/m.csv" --design sideways --measure mean
check "search eval on SweFAQ" 0 "$nyttig" search eval --swefaq "$shared/swefaq/swefaq_dev.jsonl" --analyzer plain
expect_equal "search eval counts queries" "$(json_field "$work/out" 'd["queries"]')" "110"

if [[ -n "$pg_url_file" && -f "$pg_url_file" ]]; then
  admin_url=$(cat "$pg_url_file")
  db="nyttig_cli_$$"
  psql "$admin_url" -qc "CREATE DATABASE $db" >/dev/null
  pg_url="${admin_url%/*}/$db"
  check "migrate on PostgreSQL" 0 "$nyttig" --data "$work/pgdata" --db "$pg_url" migrate
  check "demo on PostgreSQL" 0 "$nyttig" --data "$work/pgdata" --db "$pg_url" demo
  expect_equal "demo on PostgreSQL creates the register" "$(json_field "$work/out" 'd["organisations_created"]')" "311"
  check "audit verify on PostgreSQL" 0 "$nyttig" --data "$work/pgdata" --db "$pg_url" audit verify
  psql "$admin_url" -qc "DROP DATABASE $db WITH (FORCE)" >/dev/null
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
