#!/bin/sh
# Hostile files on the command line: over the size cap, file names made of
# escape sequences, unknown members holding every control character, a
# million nodes.  Each refused with its message (exit 2) or handled, and
# no control byte from a file or a name reaches stdout, stderr or an
# exported file.  Hostile contents the loader refuses -- deep nesting,
# controls in labels, invalid UTF-8, NaN and huge numbers -- are
# tests/data/bad (FILE:LINE:COL for each, tests/unit/test_bad_files.c and
# test_cli.sh); in DOT, tests/data/dot/napkin_non_finite.dot.
. "$NAPKIN_ROOT/tests/lib.sh"
cd "$TMP" || exit 1

# no_controls FILE...: no C0 control but newline and tab, no DEL, no C1 (UTF-8).
no_controls() {
	for f in "$@"; do
		[ -f "$f" ] || { fail "$f was not written"; continue; }
		if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$f" ||
		    LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$f"; then
			fail "$f holds a raw control byte"
			od -c "$f" | grep -m 3 -E '033|007|302' | sed 's/^/      /'
		else
			pass
		fi
	done
}

echo "   over the size cap: refused on the size, before a byte is read"
# One byte over 1 GiB, sparse; JSON's own case is in test_cli.sh.
truncate -s 1073741825 huge.dot
truncate -s 1073741825 huge.json
expect_status 2 "$NAPKIN" import huge.dot -o out.json
expect_text "$TMP/err" "huge.dot: the file is 1073741825 bytes; the limit is 1073741824 bytes (1 GiB)"
[ ! -e out.json ] && pass || fail "import wrote out.json from a refused file"
# The whiteboard's DOT import refuses it before it needs a terminal.
expect_status 2 "$NAPKIN" huge.dot
expect_text "$TMP/err" "huge.dot: the file is 1073741825 bytes; the limit is 1073741824 bytes (1 GiB)"
expect_status 2 "$NAPKIN" replay huge.json -o out.json
expect_text "$TMP/err" "huge.json: the file is 1073741825 bytes; the limit is 1073741824 bytes (1 GiB)"
expect_status 2 "$NAPKIN" score huge.json --template url-shortener
expect_text "$TMP/err" "huge.json: the file is 1073741825 bytes; the limit is 1073741824 bytes (1 GiB)"
rm -f huge.dot huge.json

echo "   file names and arguments made of escape sequences: shown with '?'"
evil=$(printf 'evil\033]2;pwned\007\033[2J')
shown='evil?]2;pwned??[2J'
expect_status 2 "$NAPKIN" check "$evil.json"
expect_text "$TMP/err" "$shown.json: No such file or directory"
cp "$NAPKIN_ROOT/tests/data/dot/chains.dot" "$evil.dot"
expect_status 0 "$NAPKIN" import "$evil.dot" -o "$evil.json"
expect_text "$TMP/out" "$shown.dot -> $shown.json: 4 nodes, 3 edges, 0 groups; 4 kinds guessed; laid out by Graphviz dot"
expect_status 1 "$NAPKIN" import "$evil.dot" -o "$evil.json"
expect_text "$TMP/err" "napkin: $shown.json already exists; use --force to overwrite it"
expect_status 1 "$NAPKIN" new "$evil.json"
expect_text "$TMP/err" "napkin: $shown.json already exists; use --force to overwrite it"
expect_status 0 "$NAPKIN" check "$evil.json"
expect_contains "$TMP/out" "$shown.json: 0 errors,"
usage_error "unknown format \"$shown\" (napkin export --help lists them)" \
    export "$evil.json" -o out.txt --format "$evil"
usage_error "unknown severity \"$shown\" (error, warning or note)" check "$evil.json" --fail-on "$evil"
# The whiteboard says why it cannot start without quoting raw bytes either.
expect_status 2 "$NAPKIN" --template url-shortener "$evil.json"
expect_text "$TMP/err" "napkin: $shown.json already exists; open it without --template"
no_controls "$TMP/out" "$TMP/err"

echo "   unknown members holding every control character: kept escaped, never output raw"
controls=$(awk 'BEGIN { for (c = 1; c < 32; c++) printf "\\u%04x", c; for (c = 127; c < 160; c++) printf "\\u%04x", c }')
cat >board.json <<EOF
{
  "napkin": 1,
  "title": "Hostile",
  "x-top": "$controls\u001b]2;pwned\u0007",
  "nodes": [
    {"id": "api", "kind": "service", "label": "API", "notes": "tab\there\nsecond", "x-node": "$controls"},
    {"id": "db", "kind": "db", "label": "Orders", "x": 30, "x-node": {"\u001b[31m": "$controls"}}
  ],
  "edges": [{"from": "api", "to": "db", "label": "SQL", "x-edge": ["$controls"]}],
  "groups": [{"id": "vpc", "label": "VPC", "members": ["db"], "x-group": "$controls"}]
}
EOF
for format in dot mmd txt svg; do
	expect_status 0 "$NAPKIN" export board.json -o "board.$format"
done
for format in text json sarif; do
	"$NAPKIN" check board.json --format "$format" >"check.$format" 2>"$TMP/err"
	expect_empty "$TMP/err"
done
no_controls board.dot board.mmd board.txt board.svg check.text check.json check.sarif
# Saved back as they came, escaped.
"$NAPKIN" import board.dot -o again.json >/dev/null 2>&1
no_controls again.json

echo "   a million nodes in a chain"
awk 'BEGIN {
	n = 1000000
	printf "{\"napkin\": 1, \"nodes\": ["
	for (i = 0; i < n; i++)
		printf "%s{\"id\": \"n%d\", \"kind\": \"service\", \"x\": %d, \"y\": %d}", i ? "," : "", i, (i % 1000) * 30, int(i / 1000) * 8
	printf "], \"edges\": ["
	for (i = 0; i + 1 < n; i++)
		printf "%s{\"from\": \"n%d\", \"to\": \"n%d\"}", i ? "," : "", i, i + 1
	print "]}"
}' >million.json
expect_status 0 "$NAPKIN" check million.json
expect_contains "$TMP/out" "million.json: 0 errors, 1000000 warnings, 1 note"
expect_contains "$TMP/out" "n0: 1 replica, not managed, an entry point; if it fails, 1000000 components stop"
expect_empty "$TMP/err"
expect_status 0 "$NAPKIN" export million.json -o million.mmd
[ "$(grep -c -- '-->' million.mmd)" = 999999 ] && pass || fail "million.mmd lacks edges"
rm -f million.json million.mmd
finish
