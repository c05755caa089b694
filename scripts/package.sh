#!/usr/bin/env bash
# Builds the Debian packages in build-package/ (or $1): triage (the command,
# the shipped rule set, guides, man pages, bash completion) and triage-dev
# (the engine as a static library, its headers, find_package(triage)). Built
# with Debian's hardening flags, Depends found by dpkg-shlibdeps, then
# checked by lintian (errors and warnings fail; packaging/lintian-overrides
# explains what is overridden).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dir=${1:-build-package}

export DEB_BUILD_MAINT_OPTIONS=hardening=+all
export CXXFLAGS="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)"
export LDFLAGS="$(dpkg-buildflags --get LDFLAGS)"
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DTRIAGE_TESTS=OFF -DTRIAGE_BENCH=OFF >/dev/null
cmake --build "$dir" --parallel "$(nproc)"
rm -f "$dir"/*.deb
(cd "$dir" && cpack -G DEB >/dev/null)
lintian --fail-on error,warning "$dir"/*.deb 2>&1 | grep -v 'running with root privileges' || true
lintian --fail-on error,warning "$dir"/*.deb >/dev/null 2>&1
ls "$dir"/*.deb
