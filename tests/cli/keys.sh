#!/bin/sh
# napkin keys: the whiteboard's keys without a terminal, and the KEYS
# section of the man page, which must be exactly what napkin keys --man
# prints: a key added to the table and not to the page fails here.
. "$NAPKIN_ROOT/tests/lib.sh"

expect_status 0 "$NAPKIN" keys --help
expect_contains "$TMP/out" "usage: napkin keys [--man]"
expect_status 2 "$NAPKIN" keys extra
expect_contains "$TMP/err" "too many arguments"

expect_status 0 env LANG=C.UTF-8 LC_ALL=C.UTF-8 "$NAPKIN" keys
for want in "Critique" "  ]                next finding" "  F                fail the node" \
    "  A                accept the finding" "  g                lay out with Graphviz" "  h ←  " \
    "  :export FILE     write .dot .gv .mmd .txt .svg .png .pdf" "corner mark: an error finding"; do
	expect_contains "$TMP/out" "$want"
done
# In a plain locale the arrows are spelled out, and nothing but ASCII comes out.
expect_status 0 env LANG=C LC_ALL=C "$NAPKIN" keys
expect_contains "$TMP/out" "  h Left "
LC_ALL=C grep -q '[^ -~]' "$TMP/out" && fail "napkin keys wrote non-ASCII in the C locale" || pass

expect_status 0 "$NAPKIN" keys --man
cp "$TMP/out" "$TMP/keys.roff"
sed -n '/^\.SH KEYS$/,/^\.SH /p' "$NAPKIN_ROOT/docs/napkin.1" | sed '$d' >"$TMP/page-keys.roff"
if cmp -s "$TMP/keys.roff" "$TMP/page-keys.roff"; then
	pass
else
	fail "the KEYS section of docs/napkin.1 is out of date: replace it with ./napkin keys --man"
	diff "$TMP/page-keys.roff" "$TMP/keys.roff" | head -10 | sed 's/^/      /'
fi
# Every key name of ? is in the section (the roff spells - as \-).
expect_status 0 env LANG=C LC_ALL=C "$NAPKIN" keys
awk '/^Commands/ { exit } /^  / { print substr($0, 3, 16) }' "$TMP/out" | sed 's/ *$//' | sort -u >"$TMP/names"
[ "$(wc -l <"$TMP/names")" -ge 40 ] && pass || fail "too few keys listed: $(wc -l <"$TMP/names")"
while read -r name; do
	roff=$(printf '%s' "$name" | sed -e 's/-/\\-/g' -e 's/ Left$/ \\(<-/' -e 's/ Right$/ \\(->/' \
	    -e 's/ Up$/ \\(ua/' -e 's/ Down$/ \\(da/')
	expect_contains "$TMP/page-keys.roff" ".B \"$roff\""
done <"$TMP/names"
finish
