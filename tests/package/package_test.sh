#!/usr/bin/env bash
# The Debian packages as an IT department gets them: CPack builds them from
# this build ($BUILD), dpkg -i installs them into a throwaway root, and
# there installed_checks.sh checks the shipped rule set, renders every man
# page, tab-completes, and builds a small C++ program that finds the engine
# with find_package(triage) and routes a case; then dpkg -r removes every
# file. Depends must name the package of every library the binary needs
# (found by dpkg-shlibdeps); lintian must find no error or warning.
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
  # (awk reads to the end: an early exit would kill ldconfig with SIGPIPE)
  path=$(ldconfig -p | awk -v lib="$lib" '$1 == lib && !found {print $NF; found = 1}')
  owner=$(dpkg -S "$path" 2>/dev/null || dpkg -S "$(readlink -f "$path")" 2>/dev/null) ||
    fail "no installed package holds $lib ($path)"
  owner=${owner%%:*}
  # (a name of its own in the list: followed by a version, a comma or the end)
  [[ ", $depends," == *", $owner "* || ", $depends," == *", $owner,"* ]] ||
    fail "Depends does not name $owner (for $lib): $depends"
done
[[ $(dpkg-deb -f "$deb" Version) == "${version}-1" ]] || fail "the package's version"

# Installed for real, with dpkg -i, into a throwaway root: an overlay over
# this machine's own root in a mount namespace of its own, so that dpkg
# checks Depends against what is installed and the machine is left as it
# was. Where overlays cannot be mounted, unpacked with dpkg-deb -x instead.
checks=$source_dir/tests/package/installed_checks.sh
host_had_triage=$([[ -e /usr/bin/triage ]] && echo yes || true)
mkdir -p "$work/upper" "$work/ovwork" "$work/merged"
if unshare -m sh -c "mount -t overlay overlay -o lowerdir=/,upperdir='$work/upper',workdir='$work/ovwork' '$work/merged'" 2>/dev/null; then
  unshare -m sh -s -- "$work" "$deb" "$dev" "$checks" "$source_dir/tests/package/consumer" "$version" <<'INSIDE' ||
set -e
work=$1
mount -t overlay overlay -o "lowerdir=/,upperdir=$work/upper,workdir=$work/ovwork" "$work/merged"
mount --bind /proc "$work/merged/proc"
mount --bind /dev "$work/merged/dev"
mkdir -p "$work/merged/root/package-test"
cp "$2" "$3" "$4" "$work/merged/root/package-test/"
cp -r "$5" "$work/merged/root/package-test/consumer"
chroot "$work/merged" sh -c "
  cd /root/package-test &&
  dpkg -i ./*.deb >/dev/null &&
  ./installed_checks.sh /usr /root/package-test/consumer '$6' &&
  dpkg -r triage-dev triage >/dev/null &&
  test ! -e /usr/bin/triage && test ! -e /usr/share/triage"
INSIDE
    fail "installed with dpkg -i in a throwaway root"
  # The machine's own root is the overlay's lower layer: never written.
  [[ -n $host_had_triage || ! -e /usr/bin/triage ]] || fail "the install reached this machine"
else
  echo "package: overlays cannot be mounted here; unpacked with dpkg-deb -x instead"
  "$checks" "$work/root/usr" "$source_dir/tests/package/consumer" "$version" ||
    fail "unpacked with dpkg-deb -x"
fi

# lintian: no error or warning (what is overridden is explained in
# packaging/lintian-overrides).
if command -v lintian >/dev/null; then
  lintian --fail-on error,warning "$deb" "$dev" 2>&1 | grep -v 'running with root privileges' ||
    true
  lintian --fail-on error,warning "$deb" "$dev" >/dev/null 2>&1 || fail "lintian"
else
  fail "lintian is not installed (scripts/setup.sh installs it)"
fi
echo "package: built, Depends complete, installed, used, removed, and lintian clean"
