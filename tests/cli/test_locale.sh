#!/bin/sh
# Files are JSON whatever the user's locale: a comma-decimal LC_NUMERIC
# (de_DE) must not turn "ratio": 0.1 into "ratio": 0,1.  The locale is
# compiled into $TMP with localedef, so the machine need not have it.
. "$NAPKIN_ROOT/tests/lib.sh"

mkdir "$TMP/locales"
if ! localedef -i de_DE -f UTF-8 "$TMP/locales/de_DE.UTF-8" >"$TMP/localedef.log" 2>&1; then
	fail "localedef cannot build de_DE.UTF-8 (the locales package has its sources)"
	sed 's/^/      /' "$TMP/localedef.log" | head -5
	finish
	exit
fi
export LOCPATH="$TMP/locales"
# The locale really uses a decimal comma.
expect_status 0 env LC_ALL=de_DE.UTF-8 printf '%.1f\n' 0.5
expect_contains "$TMP/out" "0,5"

cd "$TMP" || exit 1
export NAPKIN_TEMPLATES="$NAPKIN_ROOT/tests/data/locale"
expect_status 0 env LC_ALL=de_DE.UTF-8 "$NAPKIN" new --template decimals d.json
expect_contains d.json '"ratio": 0.1'
expect_contains d.json '"capacity": 5000.5'
expect_status 0 env LC_ALL=de_DE.UTF-8 "$NAPKIN" check d.json
expect_status 0 "$NAPKIN" new --template decimals c.json
expect_same c.json d.json
finish
