#!/bin/sh
# Reopen a saved design: boxes, tags, labels and arrowheads are on screen;
# undo and redo a delete; move a node and see its edges follow.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

F=$TMP/pipeline.json
cp "$NAPKIN_ROOT/tests/data/render/pipeline.json" "$F"
start 140 40 "$NAPKIN $F"
wait_for "[CACHE]"
# The first node is selected: a double border, its edge's stem single.
for want in "╔[USR]" "[GW]" "[LB]" "[SVC]" "[DB]" "║ Browser" "│ Orders" "│ Sessions" "Go ×3" \
    "PostgreSQL ×2" "╟──────▶│ managed" "HTTPS" "HTTP" "SQL" "▶│ Redis" "▶│ PostgreSQL"; do
	expect_screen "$want"
done
expect_screen "6 nodes  5 edges"
expect_no_screen "[+]"

# Undo and redo a delete.
keys /
type_text Orders
keys Enter x
wait_for "deleted db (u undoes)"
expect_screen "5 nodes  4 edges"
wait_gone "║ Orders"
expect_screen "[+]"
keys u
wait_for "undone: delete db"
wait_for "║ Orders"
expect_screen "6 nodes  5 edges"
expect_no_screen "[+]"
keys C-r
wait_for "redone: delete db"
wait_gone "║ Orders"
keys u
wait_for "║ Orders"

# Where is the arrow into the (selected) database?  (column of "▶║ PostgreSQL", in characters)
column_of() {
	line=$(grep -m1 -F -- "$1" "$TMP/screen")
	[ -n "$line" ] && printf '%s' "${line%%"$1"*}" | wc -m
}
screen
before=$(column_of "▶║ PostgreSQL")
row_before=$(grep -n "▶║ PostgreSQL" "$TMP/screen" | cut -d: -f1)
# Move the database 6 cells right and 2 down with m, then Enter drops it.
keys m
wait_for "moving db"
keys l l l l l l j j Enter
wait_for "db is at 90,14"
screen
after=$(column_of "▶║ PostgreSQL")
row_after=$(grep -n "▶║ PostgreSQL" "$TMP/screen" | cut -d: -f1)
[ -n "$before" ] && [ "$after" = $((before + 6)) ] && pass || fail "arrow column $before -> $after, wanted +6"
[ -n "$row_before" ] && [ "$row_after" = $((row_before + 2)) ] && pass || fail "arrow row $row_before -> $row_after"
# The move is one undo step; Esc in move mode puts a node back.
keys u
wait_for "undone: move db"
screen
[ "$(column_of "▶║ PostgreSQL")" = "$before" ] && pass || fail "undo did not put the node back"
keys m l l l l Escape
wait_for "move cancelled"
screen
[ "$(column_of "▶║ PostgreSQL")" = "$before" ] && pass || fail "Esc did not put the node back"
expect_no_screen "[+]"

# A node cannot be moved onto another: it jumps past it.
keys / && type_text Gateway && keys Enter m
wait_for "moving gw"
keys l l l l l l l l l l l l l l Enter
wait_for "gw is at"
screen
expect_screen "│ LB"
expect_screen "║ Gateway"

keys : q ! Enter
wait_exit
finish
