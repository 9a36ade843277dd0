#!/bin/sh
# Terminals napkin cannot draw on are refused with a message, not a crash;
# stdin or stdout redirected still draws on the terminal (/dev/tty);
# resize storms and bursts of keys leave the diagram as it was.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

F=$TMP/board.json
cp "$NAPKIN_ROOT/tests/data/render/pipeline.json" "$F"
cp "$F" "$TMP/original.json"

# script NAME TEXT: a shell script to start in the terminal (no quoting to get wrong).
script() {
	printf '%s\n' "$2" >"$TMP/$1.sh"
	echo "sh $TMP/$1.sh"
}

# run_in_terminal ENV...: napkin F in a terminal with ENV, until it exits.
run_in_terminal() {
	start 120 40 "env $* $NAPKIN $F 2>$TMP/err"
	wait_exit
}

echo "   TERM=dumb, an unknown TERM, no TERM: a message and exit 2"
run_in_terminal TERM=dumb
[ "$status" = 2 ] && pass || fail "TERM=dumb: exit status $status"
expect_contains "$TMP/err" 'napkin: TERM=dumb cannot move the cursor, which the whiteboard needs'
tmux -L "$SOCK" kill-server 2>/dev/null
run_in_terminal TERM=no-such-terminal
[ "$status" = 2 ] && pass || fail "unknown TERM: exit status $status"
expect_contains "$TMP/err" 'napkin: unknown terminal type "no-such-terminal" (TERM); set TERM to your terminal'"'"'s type'
tmux -L "$SOCK" kill-server 2>/dev/null
run_in_terminal -u TERM
[ "$status" = 2 ] && pass || fail "no TERM: exit status $status"
expect_contains "$TMP/err" "napkin: TERM is not set; set it to your terminal's type"
tmux -L "$SOCK" kill-server 2>/dev/null
# Nothing was locked or written on the way out.
[ -e "$TMP/.board.json.napkin-lock" ] && fail "a refused terminal left a lock" || pass

echo "   stdin or stdout redirected: the whiteboard uses the terminal"
start 120 40 "$(script piped "echo ignored | exec $NAPKIN $F")"
wait_for "[CACHE]"
keys a o
wait_for "label:"
type_text Piped
keys Enter
wait_for "added piped"
keys : w q Enter
wait_exit
[ "$status" = 0 ] && pass || fail "echo | napkin: exit status $status"
expect_contains "$F" '"label": "Piped"'
tmux -L "$SOCK" kill-server 2>/dev/null
cp "$TMP/original.json" "$F"
start 120 40 "$(script redirected "exec $NAPKIN $F >$TMP/stdout")"
wait_for "[CACHE]"
keys : q Enter
wait_exit
[ "$status" = 0 ] && pass || fail "napkin >file: exit status $status"
expect_empty "$TMP/stdout"
tmux -L "$SOCK" kill-server 2>/dev/null

echo "   a resize storm and a burst of keys leave the diagram intact"
start 120 40 "$NAPKIN $F"
wait_for "[CACHE]"
# Saved once first, so the comparison is in napkin's own layout.
keys : w Enter
wait_for "wrote"
cp "$F" "$TMP/before.json"
i=0
while [ $i -lt 60 ]; do
	w=$((40 + (i * 37) % 140))
	h=$((10 + (i * 17) % 50))
	tmux -L "$SOCK" resize-window -t main -x "$w" -y "$h"
	# Movement only: whatever the screen size, these change nothing.
	keys l j Tab h k BTab l l j
	i=$((i + 1))
done
burst=""
i=0
while [ $i -lt 100 ]; do
	burst="${burst}hjkl"
	i=$((i + 1))
done
type_text "$burst"
tmux -L "$SOCK" resize-window -t main -x 120 -y 40
keys 0 Escape
# A loaded machine may still be working through the burst: the frame
# drawn for a later command has taken in every key and the last resize.
keys : && type_text "storm-over" && keys Enter
wait_for "not a command: storm-over"
screen
expect_screen "[USR]"
expect_screen "[LB]"
expect_no_screen "napkin needs"
kill -0 "$(napkin_pid)" 2>/dev/null && pass || fail "napkin died in the storm"
keys : w Enter
wait_for "wrote"
expect_same "$F" "$TMP/before.json"
keys : q Enter
wait_exit
[ "$status" = 0 ] && pass || fail "exit status $status after the storm"
finish
