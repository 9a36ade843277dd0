#!/bin/sh
# make deps: install the Debian packages napkin builds and tests with.
# Checks first and does nothing when everything is there; installs with
# apt-get when run as root; otherwise prints the command to run.
#
#   sh scripts/deps.sh            what make and make test need
#   sh scripts/deps.sh PKG...     those packages instead: the tools only
#                                 make fuzz and make valgrind use
set -u

# python3-jsonschema checks SARIF output; libxml2-utils (xmllint) SVG.
# locales: the sources localedef compiles a comma-decimal locale from, for
# tests/cli/test_locale.sh; groff-base and man-db check the man page.
packages="pkg-config libncurses-dev libcjson-dev libgraphviz-dev graphviz tmux libcmocka-dev python3-jsonschema libxml2-utils locales groff-base man-db"
[ $# -gt 0 ] && packages="$*"

missing=""
for p in $packages; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "napkin: missing packages:$missing" >&2
	echo "napkin: install them with your package manager (names are Debian's)" >&2
	exit 1
fi
if [ "$(id -u)" != 0 ]; then
	echo "napkin: missing packages:$missing" >&2
	echo "napkin: run: sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "napkin: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $missing >/dev/null || {
	echo "napkin: apt-get failed installing:$missing" >&2
	exit 1
}
