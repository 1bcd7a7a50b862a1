#!/usr/bin/env bash
# Installs what Nyttig needs to build, run and test on Debian 12, and nothing
# when everything is already there. Safe to run again. Needs root (or sudo)
# only when something is missing.
#
#   scripts/install-deps.sh          build + run + test dependencies
#   scripts/install-deps.sh --bench  also the benchmark tools (wrk, nginx)
#   scripts/install-deps.sh --fuzz   also clang 14 and its libFuzzer runtime (make fuzz)
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  librestinio-dev libasio-dev libfmt-dev libspdlog-dev libcli11-dev
  libsoci-dev libsqlite3-dev sqlite3 libpq-dev
  nlohmann-json3-dev libkainjow-mustache-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libsodium-dev libeigen3-dev libboost-math-dev
  libpoppler-cpp-dev libstemmer-dev libhunspell-dev hunspell-sv
  qpdf
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql-15 postgresql-client-15
  chromium curl ca-certificates python3
)
if [[ "${1:-}" == "--bench" ]]; then
  packages+=(wrk nginx-light)
fi
if [[ "${1:-}" == "--fuzz" ]]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi
# Node.js: Debian's own (18) is enough; keep a newer one if the machine has it.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
