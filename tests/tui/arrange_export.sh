#!/bin/sh
# g lays the board out with Graphviz in one undo step (u puts every box
# back), and says so -- or that it placed a large diagram in rows; :export
# writes every format the command line's napkin export knows.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

F=$TMP/flawed.json
cp "$NAPKIN_ROOT/tests/data/export/flawed.json" "$F"
positions() {
	tr -s ' \n' '  ' <"$1" | grep -o '"id": "[a-z]*", [^}]*"x": [0-9]*, "y": [0-9]*' | sed 's/, "kind.*"x"/ x/'
}
start 120 40 "$NAPKIN $F"
wait_for "NORMAL"
keys : w Enter
wait_for "wrote $F"
positions "$F" >"$TMP/before"
[ "$(wc -l <"$TMP/before")" = 6 ] && pass || fail "positions of 6 nodes wanted: $(cat "$TMP/before")"

keys g
wait_for "arranged 6 nodes with Graphviz dot (u undoes)"
wait_for "[+]"
keys : w Enter
wait_for "wrote $F"
positions "$F" >"$TMP/arranged"
cmp -s "$TMP/before" "$TMP/arranged" && fail "g moved nothing" || pass
expect_valid "$F"
keys u
wait_for "undone: auto-arrange"
keys : w Enter
wait_for "wrote $F"
positions "$F" >"$TMP/after"
expect_same "$TMP/after" "$TMP/before"
# Nothing left to move: g says so rather than add an empty step.
keys g
wait_for "arranged 6 nodes"
keys g
wait_for "already arranged: nothing moved"
keys : && type_text "arrange sideways" && keys Enter
wait_for "usage: :arrange [LR|TB]"
keys : && type_text "arrange TB" && keys Enter
wait_for "arranged 6 nodes with Graphviz dot"

# :export, every format, the format from the extension.
cd "$TMP" || exit 1
for ext in dot gv mmd txt svg png pdf; do
	keys : && type_text "export $TMP/out.$ext" && keys Enter
	wait_for "exported $TMP/out.$ext ("
done
grep -q '^digraph' out.dot && pass || fail "out.dot is not DOT"
grep -q '^digraph' out.gv && pass || fail "out.gv is not DOT"
dot -Tsvg out.dot -o /dev/null 2>"$TMP/dot.err" && [ ! -s "$TMP/dot.err" ] && pass || fail "dot rejected out.dot"
expect_contains out.mmd "flowchart LR"
xmllint --noout out.svg && pass || fail "out.svg is not XML"
[ "$(head -c 8 out.png | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] && pass || fail "out.png is not a PNG"
[ "$(head -c 5 out.pdf)" = "%PDF-" ] && pass || fail "out.pdf is not a PDF"
# The text is the command line's, of the board as it is now.
keys : && type_text "w $TMP/now.json" && keys Enter
wait_for "wrote $TMP/now.json"
"$NAPKIN" export now.json -o cli.txt
expect_same out.txt cli.txt
expect_contains out.txt "┌[DB]"
keys : && type_text "export $TMP/out.jpeg" && keys Enter
wait_for "cannot tell the format from the name $TMP/out.jpeg"
keys : && type_text "export" && keys Enter
wait_for "usage: :export FILE"
keys : q Enter
wait_exit
tmux -L "$SOCK" kill-server

# The ASCII whiteboard exports ASCII text, as napkin export --ascii.
start 120 40 "$NAPKIN --ascii $F"
wait_for "NORMAL"
keys : && type_text "export $TMP/ascii.txt" && keys Enter
wait_for "exported $TMP/ascii.txt (txt)"
"$NAPKIN" export "$F" -o cli-ascii.txt --ascii
expect_same ascii.txt cli-ascii.txt
LC_ALL=C grep -q '[^ -~]' ascii.txt && fail "non-ASCII in ascii.txt" || pass
keys : q Enter
wait_exit
tmux -L "$SOCK" kill-server

# Too large for dot: rows, and the status line says why.
awk 'BEGIN {
	printf "{\"napkin\": 1, \"nodes\": [";
	for (i = 0; i < 1001; i++)
		printf "%s{\"id\": \"s%d\", \"kind\": \"service\", \"x\": %d, \"y\": %d}", (i ? ", " : ""), i, (i % 40) * 14, int(i / 40) * 6;
	printf "], \"edges\": [";
	for (i = 1; i < 1001; i++)
		printf "%s{\"from\": \"s%d\", \"to\": \"s%d\"}", (i > 1 ? ", " : ""), i - 1, i;
	printf "]}\n";
}' >"$TMP/big.json"
start 120 40 "$NAPKIN $TMP/big.json"
wait_for "1001 nodes"
keys g
wait_for "1001 nodes are more than Graphviz dot lays out in good time (1000); placed in rows instead (u undoes)"
keys u
wait_for "undone: auto-arrange"
keys : q Enter
wait_exit
[ "$status" = 0 ] && pass || fail "exit status $status"
finish
