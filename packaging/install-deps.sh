#!/bin/sh
# Installs the Debian 12 packages Chorus needs to build, test and run. Idempotent; run as root.
set -eu

PACKAGES="
  build-essential cmake ninja-build pkg-config git ca-certificates
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libgl-dev
  libqcustomplot-dev
  libsqlite3-dev sqlite3
  libboost-graph-dev
  libarchive-dev libzstd-dev zlib1g-dev libsimdjson-dev
  qt6-translations-l10n
  xvfb xauth poppler-utils file dpkg-dev
  lintian desktop-file-utils man-db
  fonts-dejavu-core
  python3 iso-codes
"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "install-deps: all packages present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "install-deps: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
