#!/bin/sh
# Shared terminals: resize 120x40 -> 60x20 -> 120x40 (a "too small"
# screen in between, the diagram intact after), and two clients of
# different sizes attached to one session.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

F=$TMP/pipeline.json
cp "$NAPKIN_ROOT/tests/data/render/pipeline.json" "$F"
start 120 40 "$NAPKIN $F"
wait_for "[CACHE]"
keys a d
wait_for "label:"
type_text "Replica"
keys Enter
wait_for "added replica"
screen
cp "$TMP/screen" "$TMP/before"

tmux -L "$SOCK" resize-window -t main -x 60 -y 20
wait_for "napkin needs 80x24"
expect_screen "this terminal is 60x20"
expect_screen "the diagram is safe"
# Keys still work while it is small, and nothing is lost.
tmux -L "$SOCK" resize-window -t main -x 120 -y 40
wait_for "[CACHE]"
wait_gone "napkin needs"
expect_same "$TMP/before" "$TMP/screen"

# A second client, smaller, attached through a nested tmux.
tmux -L "$SOCK" set-option -w -t main window-size latest >/dev/null
SOCKETS="$SOCKETS $SOCK-b"
tmux -L "$SOCK-b" -f /dev/null new-session -d -x 90 -y 30 "TMUX= tmux -L $SOCK attach -t main"
i=0
while [ "$(pane '#{window_width}')" != 90 ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
[ "$(pane '#{window_width}')" = 90 ] && pass || fail "second client did not resize the window"
wait_for "7 nodes  5 edges"
screen
# The title bar ends at the new right edge: drawn for 90 columns.
title=$(head -1 "$TMP/screen")
case $title in *"7 nodes  5 edges") pass ;; *) fail "title bar: $title" ;; esac
[ "$(printf '%s' "$title" | wc -m)" -le 90 ] && pass || fail "title bar not redrawn for 90 columns"
expect_screen "[SVC]"
# Keys from either client reach the same board.
keys Tab
wait_for "[DB] db "
tmux -L "$SOCK-b" kill-server
tmux -L "$SOCK" resize-window -t main -x 120 -y 40
wait_for "[CACHE]"
screen
[ "$(head -1 "$TMP/screen" | tr -d '\n' | wc -m)" -gt 100 ] && pass || fail "not redrawn at 120 columns"

keys : q ! Enter
wait_exit
finish
