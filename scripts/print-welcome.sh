#!/usr/bin/env bash
# Prints where Nyttig listens and the demo log-ins (for `make run`).
set -euo pipefail
listen=$1
logins=$2
echo
echo "  Nyttig körs på http://${listen}/  (Nyttig is running)"
echo
echo "  Demo-inloggningar / demo log-ins:"
python3 - "$logins" <<'PY'
import json, sys
for login in json.load(open(sys.argv[1]))["logins"]:
    print(f"    {login['email']:<32} {login['password']:<20} {login['role']}")
PY
echo
echo "  Stoppa med Ctrl+C / stop with Ctrl+C"
echo
