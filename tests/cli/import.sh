#!/bin/sh
# napkin import: napkin's own DOT back whole, foreign DOT with warnings, errors.
. "$NAPKIN_ROOT/tests/lib.sh"

cd "$TMP" || exit 1
DOT="$NAPKIN_ROOT/tests/data/dot"
"$NAPKIN" new design.json --template url-shortener >/dev/null 2>&1

expect_status 0 "$NAPKIN" import --help
expect_contains "$TMP/out" "usage: napkin import IN -o FILE.json"

# JSON -> DOT -> JSON gives the same file, byte for byte.
"$NAPKIN" export design.json -o design.dot
expect_status 0 "$NAPKIN" import design.dot -o back.json
expect_same design.json back.json
expect_contains "$TMP/out" "design.dot -> back.json: "
expect_contains "$TMP/out" " nodes, "
expect_not_contains "$TMP/out" "laid out"
[ ! -s "$TMP/err" ] && pass || fail "warnings on napkin's own file: $(cat "$TMP/err")"

# An existing file is kept unless --force.
expect_status 1 "$NAPKIN" import design.dot -o back.json
expect_contains "$TMP/err" "back.json already exists; use --force"
expect_status 0 "$NAPKIN" import design.dot -o back.json --force

# A foreign file: kinds guessed, laid out, losses reported as warnings.
expect_status 0 "$NAPKIN" import "$DOT/self_loops.dot" -o loops.json
expect_contains "$TMP/err" "warning: $DOT/self_loops.dot: self-loops were skipped"
expect_contains "$TMP/out" "laid out by Graphviz dot"
expect_valid loops.json

# Invalid DOT: the parser's line and message, exit 2, nothing written.
expect_status 2 "$NAPKIN" import "$DOT/invalid_syntax.dot" -o bad.json
expect_contains "$TMP/err" "invalid_syntax.dot:6: syntax error near '}'"
[ ! -e bad.json ] && pass || fail "bad.json written"
expect_status 2 "$NAPKIN" import missing.dot -o x.json
expect_contains "$TMP/err" "missing.dot: No such file or directory"
expect_status 2 "$NAPKIN" import design.dot
expect_contains "$TMP/err" "missing -o FILE.json"

# Names starting with '-'.
cp design.dot ./-design.dot
expect_status 0 "$NAPKIN" import -o -back.json -- -design.dot
expect_same design.json ./-back.json

finish
