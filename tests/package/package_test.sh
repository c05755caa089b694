#!/usr/bin/env bash
# The Debian packages as an IT department gets them: CPack builds them from
# this build ($BUILD), they are unpacked into a fresh root, and from there
# the command checks the shipped rule set, every man page renders without
# a warning, the completion loads, and a small C++ program finds the
# engine with find_package(triage) and routes a case. Depends must name the
# package of every library the binary needs (found by dpkg-shlibdeps);
# lintian must find no error or warning.
set -euo pipefail
build=${BUILD:?the build folder}
source_dir=${SOURCE:?the source folder}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack could not build the packages"; }
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
deb=$work/pkg/triage_${version}-1_amd64.deb
dev=$work/pkg/triage-dev_${version}-1_amd64.deb
[[ -f $deb && -f $dev ]] || fail "expected $deb and $dev, found: $(ls "$work/pkg")"

# Depends: the package of every shared library the binary needs.
depends=$(dpkg-deb -f "$deb" Depends)
mkdir -p "$work/root"
dpkg-deb -x "$deb" "$work/root"
dpkg-deb -x "$dev" "$work/root"
for lib in $(objdump -p "$work/root/usr/bin/triage" | awk '/NEEDED/ {print $2}'); do
  path=$(ldconfig -p | awk -v lib="$lib" '$1 == lib {print $NF; exit}')
  owner=$(dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null) ||
    fail "no installed package holds $lib ($path)"
  owner=${owner%%:*}
  [[ $depends == *"$owner "* || $depends == *"$owner," || $depends == *"$owner" ]] ||
    fail "Depends does not name $owner (for $lib): $depends"
done
[[ $(dpkg-deb -f "$deb" Version) == "${version}-1" ]] || fail "the package's version"

# The command, from the fresh root, on the rule set it ships.
triage=$work/root/usr/bin/triage
share=$work/root/usr/share/triage
"$triage" --version >"$work/version.txt" || fail "triage --version"
grep -qx "triage $version (rule language version [0-9]*)" "$work/version.txt" ||
  fail "triage --version: $(cat "$work/version.txt")"
"$triage" check "$share/rules/lokale-driehoek.yaml" || fail "triage check on the shipped rule set"
"$triage" test "$share/rules/lokale-driehoek.yaml" >/dev/null || fail "triage test on the shipped tests"
"$triage" route "$share/rules/lokale-driehoek.yaml" "$share/examples/cases/01-bedreiging.yaml" \
  --format jsonl -o "$work/routed.jsonl" || fail "routing a shipped example"
grep -q '"route": "om"' "$work/routed.jsonl" || fail "the shipped example's route"

# Every man page, as man shows it: triage(1) and one per verb.
pages=$work/root/usr/share/man/man1
verbs=$("$triage" --help | awk '/^Subcommands:/ {on = 1; next} on && NF {print $1}')
[[ -n $verbs ]] || fail "no verbs in triage --help"
for page in triage $(for v in $verbs; do echo "triage-$v"; done); do
  [[ -f $pages/$page.1.gz ]] || fail "no man page $page(1)"
  LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$pages/$page.1.gz" >"$work/man.txt" 2>"$work/man.err"
  [[ ! -s $work/man.err ]] || fail "man -l $page.1.gz warns: $(cat "$work/man.err")"
  grep -q '^NAME' "$work/man.txt" || fail "$page(1) has no NAME"
done

# The completion loads, and completes verbs.
bash -c "source '$work/root/usr/share/bash-completion/completions/triage'
  COMP_WORDS=(triage ro); COMP_CWORD=1; _triage; [[ \${COMPREPLY[*]} == route ]]" ||
  fail "the bash completion"

# A C++ program that embeds the engine: find_package(triage), triage::engine.
cmake -S "$source_dir/tests/package/consumer" -B "$work/consumer" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/root/usr" >"$work/consumer.log" 2>&1 ||
  { cat "$work/consumer.log"; fail "find_package(triage) against the package"; }
cmake --build "$work/consumer" >"$work/consumer.log" 2>&1 ||
  { cat "$work/consumer.log"; fail "building against triage::engine"; }
"$work/consumer/route_one" "$share/rules/lokale-driehoek.yaml" \
  '{"case_id": "P-1", "explicit_threat": true}' >"$work/embedded.json" 2>/dev/null ||
  fail "the embedded engine routing a case"
grep -q '"case_id": "P-1", "status": "decided", "route": "om"' "$work/embedded.json" ||
  fail "the embedded engine's record: $(cat "$work/embedded.json")"

# lintian: no error or warning (what is overridden is explained in
# packaging/lintian-overrides).
if command -v lintian >/dev/null; then
  lintian --fail-on error,warning "$deb" "$dev" 2>&1 | grep -v 'running with root privileges' ||
    true
  lintian --fail-on error,warning "$deb" "$dev" >/dev/null 2>&1 || fail "lintian"
else
  fail "lintian is not installed (scripts/setup.sh installs it)"
fi
echo "package: built, unpacked, checked, man pages, completion, find_package and lintian all fine"
