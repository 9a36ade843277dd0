#!/bin/sh
# The mouse (click selects, drag moves with edges following, dropping a
# node onto another connects them, the wheel pans) and the plain
# terminals: ASCII when the locale is not UTF-8, monochrome with NO_COLOR.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

F=$TMP/board.json
cp "$NAPKIN_ROOT/tests/data/render/pipeline.json" "$F"

# X10 mouse report: button code, column, row (1-based), as a terminal sends it.
mouse() {
	type_text "$(printf "\033[M$(printf '\\%03o' $((32 + $1)))$(printf '\\%03o' $((32 + $2)))$(printf '\\%03o' $((32 + $3)))")"
}
start 120 40 "$NAPKIN $F"
wait_for "[CACHE]"
mouse 0 45 9
mouse 3 45 9
wait_for "[LB] lb "
arrows() {
	grep -o '[▶◀▲▼]' "$TMP/screen" | wc -l
}
row_of() {
	grep -n -m1 -F -- "$1" "$TMP/screen" | cut -d: -f1
}
screen
lb_row=$(row_of "╔[LB]")
# Drag the load balancer down; its edges follow it.
mouse 0 45 9
mouse 32 45 13
mouse 32 45 18
mouse 3 45 18
wait_for "44,16 [LB] lb"
screen
[ "$(row_of "╔[LB]")" = $((lb_row + 9)) ] && pass || fail "the box did not move with the mouse"
[ "$(arrows)" = 5 ] && pass || fail "$(arrows) arrowheads after the drag, wanted 5"
expect_screen "▶║        ╟"
keys u
wait_for "undone: drag"
# Drop the load balancer onto the browser: a connect, not a move.
mouse 0 45 9
mouse 32 30 9
mouse 32 4 9
mouse 3 4 9
wait_for "label of lb → client:"
type_text "health"
keys Enter
wait_for "connected lb → client"
expect_screen "6 nodes  6 edges"
# The wheel pans.
mouse 65 10 10
mouse 65 10 10
wait_gone "│ Sessions"
keys : q ! Enter
wait_exit
tmux -L "$SOCK" kill-server

# LANG=C: ASCII boxes, arrows and tags; nothing but ASCII on screen.  The
# browser is selected: # and =.
start 120 40 "env LANG=C LC_ALL=C $NAPKIN $F"
wait_for "NORMAL"	# the status line: the frame is all there
for want in "+[CACHE]---+" "#[USR]===" "# Browser #" "#------>| managed +" "Go x3" ">| PostgreSQL x2 ||"; do
	expect_screen "$want"
done
LC_ALL=C grep -q '[^ -~]' "$TMP/screen" && fail "non-ASCII on an ASCII screen" || pass
keys : q Enter
wait_exit
tmux -L "$SOCK" kill-server

# --ascii does the same in a UTF-8 locale.
start 120 40 "$NAPKIN --ascii $F"
wait_for "+[CACHE]---+"
keys : q Enter
wait_exit
tmux -L "$SOCK" kill-server

# NO_COLOR: no colour codes at all, and the selection still shows (reverse).
start 120 40 "env NO_COLOR=1 $NAPKIN $F"
wait_for "[CACHE]"
tmux -L "$SOCK" capture-pane -e -p -t main >"$TMP/colour"
grep -Eq "$(printf '\033')\\[([0-9]*;)*(3[0-7]|4[0-7]|9[0-7])(;[0-9]*)*m" "$TMP/colour" && fail "colour codes with NO_COLOR" || pass
grep -Eq "$(printf '\033')\\[([0-9]*;)*7(;[0-9]*)*m" "$TMP/colour" && pass || fail "no reverse video for the selection"
keys : q Enter
wait_exit
tmux -L "$SOCK" kill-server

# With colour, kinds have their colours.
start 120 40 "$NAPKIN $F"
wait_for "[CACHE]"
tmux -L "$SOCK" capture-pane -e -p -t main >"$TMP/colour"
grep -Eq "$(printf '\033')\\[([0-9]*;)*3[1-7](;[0-9]*)*m" "$TMP/colour" && pass || fail "no colours"
finish
