# shellcheck shell=bash
# lib.sh: what build-aux/run-tests and build-aux/run-app share; sourced.
# SPDX-License-Identifier: GPL-3.0-or-later

rectify_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The packages listed in build-aux/debian-packages.
rectify_packages () {
  sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$rectify_root/build-aux/debian-packages"
}

rectify_missing_packages () {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${db:Status-Status}\n' "$p" 2>/dev/null | grep -qx installed || echo "$p"
  done
}

# Installs the packages that are not installed yet (apt-get update first),
# with sudo unless we are root; no questions asked (CI has no stdin).
rectify_install_packages () {
  local missing sudo=
  missing=$(rectify_missing_packages "$@" | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing packages: $missing(install them with your package manager)" >&2
    return 1
  fi
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  echo "Installing the missing packages: $missing"
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q \
    && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
}

# Sets up a meson build folder, or brings an existing one up to date with
# the options given; a folder that cannot be reconfigured is wiped.
rectify_setup () {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$rectify_root" "$@" \
      || meson setup --wipe "$dir" "$rectify_root" "$@"
  else
    rm -rf "$dir"
    meson setup "$dir" "$rectify_root" "$@"
  fi
}
