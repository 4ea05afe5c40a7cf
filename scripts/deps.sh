#!/bin/sh
# deps.sh: install the Debian 12 packages verbatim needs to build, test or benchmark.
#
# Usage: scripts/deps.sh [build|test|bench]   (default: test)
# As root, missing packages are installed with apt-get; otherwise the exact
# apt-get line is printed and the script fails, so nothing happens behind a
# user's back.
set -eu

what=${1:-test}

build_pkgs="gcc g++ make pkg-config meson ninja-build libxapian-dev libicu-dev libjansson-dev libyaml-dev libxml2-dev libmicrohttpd-dev iso-codes"
# pandoc + the CSL styles check our citations; chromium (driven by
# playwright-core from npm) tests the web page.
test_pkgs="$build_pkgs libcmocka-dev xapian-tools python3 pandoc citation-style-language-styles chromium"
# Node.js may come from elsewhere (NodeSource) with its own npm: only ask
# Debian for it when there is none.
if ! command -v npm >/dev/null 2>&1; then
	test_pkgs="$test_pkgs nodejs npm"
fi
bench_pkgs="$test_pkgs sqlite3 xapian-omega time python3-xapian"

case $what in
build) pkgs=$build_pkgs ;;
test) pkgs=$test_pkgs ;;
bench) pkgs=$bench_pkgs ;;
*) echo "usage: scripts/deps.sh [build|test|bench]" >&2; exit 2 ;;
esac

missing=""
for p in $pkgs; do
	status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case $status in
	*"ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done

[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "verbatim needs these Debian packages:$missing" >&2
	echo "install them with:" >&2
	echo "  sudo apt-get install -y$missing" >&2
	exit 1
fi

echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
