#!/usr/bin/env bash
# Configures and builds triage in build/ (or $1), with extra CMake flags after.
# Optimised as for use (-O2), with line tables only for debug information
# (-g1: enough for profilers and backtraces, and a third quicker to compile
# than full -g); pass -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g -DNDEBUG" for a
# debugger's variables.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" "$@" >/dev/null
cmake --build "$dir" --parallel "$(nproc)"
