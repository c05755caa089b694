#!/usr/bin/env bash
# Installs the Debian packages triage needs to build and test (Debian 12).
# As root it runs apt-get; otherwise it prints the command to run.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  libyaml-cpp-dev libboost-graph-dev libfmt-dev catch2 libcli11-dev
  libsimdjson-dev libssl-dev libbenchmark-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql-15
  graphviz chromium tmux
  dpkg-dev file lintian man-db
  python3-jsonschema python3-yaml
  clang libclang-rt-14-dev
  libcadical-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "triage: missing packages: ${missing[*]}" >&2
  echo "run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "triage: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
