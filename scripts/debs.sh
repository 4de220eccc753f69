#!/bin/sh
# Install the Debian packages a make target needs, when missing and when we may.
#
#   scripts/debs.sh required|optional "what for" PACKAGE...
#
# required (make run): a package that cannot be installed ends the run with one clear
# line and a non-zero status, before anything else waits on it.
# optional (make test): a warning, and the tests that need the package say so.
# Another install holding apt's lock (unattended-upgrades after boot) is waited for,
# up to APT_LOCK_WAIT seconds, with a line saying so.
set -u

mode=$1
purpose=$2
shift 2
wait_max=${APT_LOCK_WAIT:-600}
poll=${APT_LOCK_POLL:-5}

# not a Debian-like system (macOS, Windows, Fedora): nothing of ours to install here
command -v dpkg >/dev/null 2>&1 || exit 0

missing=""
for p in "$@"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

give_up() {
  if [ "$mode" = required ]; then
    echo "ERROR: $purpose needs the Debian packages$missing: $1" >&2
    exit 1
  fi
  echo "WARNING: could not install$missing ($1); tests that need them will say so" >&2
  exit 0
}

if [ "$(id -u)" = 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  give_up "not root and no sudo; install them as root (apt-get install$missing)"
fi

echo "$purpose: installing Debian packages:$missing"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# apt-get update takes the lists lock, install the dpkg lock: wait for both
waited=0
until $as_root apt-get update -qq >"$log" 2>&1; do
  if grep -qi "lock" "$log" && [ "$waited" -lt "$wait_max" ]; then
    [ "$waited" = 0 ] && echo "$purpose: another program is installing packages; waiting for it (up to ${wait_max}s)…"
    sleep "$poll"
    waited=$((waited + poll))
    continue
  fi
  give_up "apt-get update failed: $(grep -v '^$' "$log" | tail -n 1)"
done

if ! $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    -o DPkg::Lock::Timeout="$wait_max" $missing >"$log" 2>&1; then
  give_up "apt-get install failed: $(grep -v '^$' "$log" | tail -n 1)"
fi
echo "$purpose: installed$missing"
