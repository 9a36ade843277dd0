#!/bin/sh
# A Graphviz file opens on the whiteboard: imported (kinds guessed, laid
# out, warnings on the status line), and never overwritten with JSON --
# :w asks for a .json name, :w FILE.dot is refused.  :e opens one too.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

cd "$TMP" || exit 1
cat >shop.dot <<'EOF'
digraph shop {
	browser [label="Browser"];
	api [label="Orders API"];
	pg [label="orders", shape=cylinder];
	redis;
	browser -> api [label="HTTPS"];
	api -> pg;
	api -> redis;
	api -> api;
}
EOF
cp shop.dot shop.dot.orig
start 120 40 "$NAPKIN shop.dot"
wait_for "imported shop.dot: 4 nodes, 3 edges, laid out by Graphviz; 1 warning: "
screen
expect_screen "self-loop"
expect_screen "shop.dot [DOT]"
for want in "[USR]" "[SVC]" "[DB]" "[CACHE]" "Orders API" "HTTPS"; do
	expect_screen "$want"
done
expect_no_screen "[+]"

# :w asks for a JSON name; Esc writes nothing.
keys : w Enter
wait_for "shop.dot is Graphviz; save as JSON: shop.json"
keys Escape
wait_gone "save as JSON"
[ ! -e shop.json ] && pass || fail "shop.json written after Esc"
# An explicit DOT (or other export) name is refused.
keys : && type_text "w shop.dot" && keys Enter
wait_for "shop.dot would hold napkin JSON: :w wants a .json name (:export shop.dot writes dot)"
keys : && type_text "w picture.png" && keys Enter
wait_for "picture.png would hold napkin JSON"
expect_same shop.dot shop.dot.orig
[ ! -e picture.png ] && pass || fail "picture.png written"

# An edit, then :w and Enter on the name offered.
keys / && type_text orders && keys Enter +
wait_for "2 replicas"
keys : w Enter
wait_for "save as JSON: shop.json"
keys Enter
wait_for "wrote shop.json: 4 nodes, 3 edges"
expect_same shop.dot shop.dot.orig
expect_valid shop.json
expect_contains shop.json '"kind": "db"'
screen
expect_screen "shop.json"
expect_no_screen "[DOT]"
# From now on :w writes shop.json without asking.
keys + : w Enter
wait_for "wrote shop.json"

# :e opens a DOT file too; :wq asks, then saves and quits.
keys : && type_text "e shop.dot" && keys Enter
wait_for "imported shop.dot: 4 nodes"
keys / && type_text Browser && keys Enter r C-u && type_text "Mobile app" && keys Enter
wait_for "Mobile app"
keys : w q Enter
wait_for "save as JSON: shop.json"
keys C-u && type_text "mobile.json" && keys Enter
wait_exit
[ "$status" = 0 ] && pass || fail "exit status $status"
expect_contains mobile.json '"label": "Mobile app"'
expect_same shop.dot shop.dot.orig
tmux -L "$SOCK" kill-server

# A broken DOT file is refused before the terminal is touched, with its line.
printf 'digraph {\n a -> ;\n}\n' >broken.dot
expect_status 2 "$NAPKIN" broken.dot
expect_contains "$TMP/err" "broken.dot:2"
finish
