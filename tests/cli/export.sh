#!/bin/sh
# napkin export: formats, options, standard output, errors, odd file names.
. "$NAPKIN_ROOT/tests/lib.sh"

cd "$TMP" || exit 1
"$NAPKIN" new design.json --template url-shortener >/dev/null 2>&1

expect_status 0 "$NAPKIN" export --help
expect_contains "$TMP/out" "usage: napkin export FILE -o OUT"
expect_contains "$TMP/out" "mmd   .mmd"
expect_contains "$TMP/out" "png   .png"

# Usage errors exit 2 and say what is wrong.
expect_status 2 "$NAPKIN" export design.json
expect_contains "$TMP/err" "missing -o OUT"
expect_status 2 "$NAPKIN" export design.json -o out.jpeg
expect_contains "$TMP/err" "cannot tell the format from the name out.jpeg"
expect_status 2 "$NAPKIN" export design.json -o out.dot --format jpeg
expect_contains "$TMP/err" 'unknown format "jpeg"'
expect_status 2 "$NAPKIN" export design.json -o out.dot --rankdir RL
expect_contains "$TMP/err" "--rankdir must be LR or TB"
expect_status 2 "$NAPKIN" export design.json -o -
expect_contains "$TMP/err" "-o - needs --format"
printf '{"napkin": 1, "nodes": [{"id": "a", "kind": "dbx"}]}' > bad.json
expect_status 2 "$NAPKIN" export bad.json -o out.dot
expect_contains "$TMP/err" "bad.json:1:"
[ ! -e out.dot ] && pass || fail "out.dot written from an invalid file"

# DOT that dot accepts without a word.
expect_status 0 "$NAPKIN" export design.json -o design.dot
dot -Tsvg design.dot -o /dev/null 2>"$TMP/dot.err" && pass || fail "dot rejected design.dot"
[ ! -s "$TMP/dot.err" ] && pass || fail "dot warned: $(cat "$TMP/dot.err")"
expect_contains design.dot "napkin_kind=db"
expect_contains design.dot "rankdir=LR"
expect_status 0 "$NAPKIN" export design.json -o tb.gv --rankdir TB
expect_contains tb.gv "rankdir=TB"

# Mermaid, to a file and to standard output.
expect_status 0 "$NAPKIN" export design.json -o design.mmd
expect_contains design.mmd "flowchart LR"
expect_status 0 "$NAPKIN" export design.json -o - --format mermaid
expect_contains "$TMP/out" "db[(\"Links<br>PostgreSQL"

# --critique outlines the worst finding of each node: lb has an error
# (SPOF001), orders a warning (SPOF003), web none.  Without it, no outlines.
cp "$NAPKIN_ROOT/tests/data/export/flawed.json" flawed.json
expect_status 0 "$NAPKIN" export flawed.json -o flawed.dot --critique
tr -d '\n\t' < flawed.dot > flat.dot
grep -q 'lb[[][^]]*color="#d32f2f"' flat.dot && pass || fail "lb is not outlined red"
grep -q 'orders[[][^]]*color="#f57c00"' flat.dot && pass || fail "orders is not outlined orange"
grep -q 'web[[][^]]*color="#d32f2f"' flat.dot && fail "web is outlined" || pass
expect_status 0 "$NAPKIN" export flawed.json -o plain.dot
expect_not_contains plain.dot "#d32f2f"
expect_status 0 "$NAPKIN" export flawed.json -o flawed.svg --critique
xmllint --noout flawed.svg && pass || fail "flawed.svg is not XML"

# Text: the board exactly as the whiteboard draws it, equal to the golden
# pictures (NAPKIN_REGENERATE=1 rewrites them; read the diff).
golden() {
	if [ -n "${NAPKIN_REGENERATE:-}" ]; then
		cp "$1" "$NAPKIN_ROOT/tests/data/export/$2"
	fi
	expect_same "$1" "$NAPKIN_ROOT/tests/data/export/$2"
}
expect_status 0 "$NAPKIN" export flawed.json -o flawed.txt
golden flawed.txt flawed.txt
expect_contains flawed.txt "┌[DB]───────┐"
expect_status 0 "$NAPKIN" export flawed.json -o - --format txt --ascii --critique
golden "$TMP/out" flawed.critique.ascii.txt
expect_contains "$TMP/out" "+[DB]-------X"
expect_status 0 "$NAPKIN" export flawed.json -o - --format text
expect_same "$TMP/out" flawed.txt
expect_status 2 "$NAPKIN" export flawed.json -o flawed.dot --ascii
expect_contains "$TMP/err" "--ascii is for the txt format only"
# No control bytes, ever: not C0, DEL, C1, nor the line separators,
# whatever the labels hold; with --ascii nothing but printable ASCII.
cp "$NAPKIN_ROOT/tests/data/export/awkward.json" awkward.json
expect_status 0 "$NAPKIN" export awkward.json -o awkward.txt
expect_contains awkward.txt "手机应用"
LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" awkward.txt && fail "a C0 control in awkward.txt" || pass
LC_ALL=C grep -q "$(printf '\302[\200-\237]')" awkward.txt && fail "a C1 control in awkward.txt" || pass
LC_ALL=C grep -q "$(printf '\342\200[\250\251]')" awkward.txt && fail "a line separator in awkward.txt" || pass
expect_status 0 "$NAPKIN" export awkward.json -o awkward.ascii.txt --ascii
LC_ALL=C grep -q '[^ -~]' awkward.ascii.txt && fail "non-ASCII in awkward.ascii.txt" || pass
expect_contains awkward.ascii.txt "| evil e zerowidth |"

# Pictures.
expect_status 0 "$NAPKIN" export design.json -o design.png
[ "$(head -c 8 design.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] && pass || fail "design.png is not a PNG"
expect_status 0 "$NAPKIN" export design.json -o design.svg
xmllint --noout design.svg && pass || fail "design.svg is not XML"
expect_status 0 "$NAPKIN" export design.json -o - --format png
[ "$(head -c 4 "$TMP/out" | od -An -c | tr -d ' \n')" = 211PNG ] && pass || fail "PNG on stdout"

# Names starting with '-' are names, not options, for napkin and for dot.
cp design.json ./-design.json
expect_status 0 "$NAPKIN" export -o -picture.png -- -design.json
[ -s ./-picture.png ] && pass || fail "-picture.png missing"
expect_status 0 "$NAPKIN" export ./-design.json -o --help.svg
[ -s ./--help.svg ] && pass || fail "--help.svg missing"

# Without dot on PATH: the documented error, exit 1, nothing written or left behind.
mkdir empty-path
printf 'old' > kept.png
before=$(ls -A | wc -l)
expect_status 1 env PATH="$TMP/empty-path" "$NAPKIN" export design.json -o kept.png
expect_contains "$TMP/err" "the Graphviz program dot was not found on PATH"
expect_contains "$TMP/err" "nothing was written"
[ "$(cat kept.png)" = old ] && pass || fail "kept.png was changed"
[ "$(ls -A | wc -l)" -eq "$before" ] && pass || fail "a temporary file was left: $(ls -A)"

# Boxes a million cells apart: too large to draw as text, said plainly, nothing written.
cp "$NAPKIN_ROOT/tests/fuzz/json/far-apart-nodes-routed.json" far.json
expect_status 1 "$NAPKIN" export far.json -o far.txt
expect_contains "$TMP/err" "cannot export far.txt: the board is too large to draw as text"
[ -e far.txt ] && fail "far.txt was written" || pass
expect_status 1 "$NAPKIN" export far.json -o - --format txt
expect_contains "$TMP/err" "napkin: the board is too large to draw as text"
expect_status 0 "$NAPKIN" export far.json -o far.dot

finish
