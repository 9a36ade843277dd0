#!/bin/sh
# Crash-safe editing: the recovery file appears a moment after an edit and
# goes on :w; after a crash (kill -9) the next napkin offers to restore or
# delete it, saying what it holds; a second napkin on the same file is
# warned and can view it read-only; undo back to the saved state, :q! and
# a clean quit leave nothing behind.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

F=$TMP/board.json
R=$F.recover
L=$TMP/.board.json.napkin-lock
cp "$NAPKIN_ROOT/tests/data/render/pipeline.json" "$F"
cp "$F" "$TMP/original.json"
nodes() {
	grep -c '"kind"' "$1"
}

# wait_file exists|gone PATH
wait_file() {
	i=0
	while [ $i -lt 200 ]; do
		if [ -e "$2" ]; then [ "$1" = exists ] && { pass; return 0; }
		else [ "$1" = gone ] && { pass; return 0; }; fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "$2 never $1"
	return 1
}

# add_node TAG LABEL: a node of the palette key TAG, labelled LABEL.
add_node() {
	keys a "$1"
	wait_for "label:"
	type_text "$2"
	keys Enter
}

echo "   while editing: the lock, then the recovery file once edits pause"
start 120 40 "$NAPKIN $F"
wait_for "[CACHE]"
wait_file exists "$L"
expect_contains "$L" "pid $(napkin_pid)"
expect_contains "$L" "host $(hostname)"
[ -e "$R" ] && fail "a recovery file before any edit" || pass
add_node o Media
wait_for "added media"
wait_file exists "$R"
expect_contains "$R" '"label": "Media"'
expect_valid "$R"
expect_same "$F" "$TMP/original.json"
keys : w Enter
wait_for "wrote"
wait_file gone "$R"
expect_contains "$F" '"label": "Media"'

echo "   undo back to the saved state: nothing to recover"
keys u
wait_file exists "$R"
keys C-r
wait_file gone "$R"
keys : q Enter
wait_exit
wait_file gone "$L"
tmux -L "$SOCK" kill-server 2>/dev/null

echo "   after a crash: restore"
cp "$TMP/original.json" "$F"
start 120 40 "$NAPKIN $F"
wait_for "[CACHE]"
add_node d Ledger
wait_for "added ledger"
wait_file exists "$R"
pid=$(napkin_pid)
kill -KILL "$pid"
wait_exit
tmux -L "$SOCK" kill-server 2>/dev/null
[ -e "$L" ] && pass || fail "kill -9 should leave the lock behind"
start 120 40 "$NAPKIN $F"
wait_for "holds unsaved changes to $F"
screen
expect_screen "left by napkin pid $pid on $(hostname), which is gone"
expect_screen "after the file was last saved"
want=$(nodes "$TMP/original.json")
expect_screen "recovery file: $((want + 1)) nodes"
expect_screen "$F: $want nodes"
expect_screen "r  restore it"
keys r
wait_for "restored $((want + 1)) nodes"
wait_for "Ledger"
expect_same "$F" "$TMP/original.json"
# The lock is this napkin's now, and quitting asks: the restored board is unsaved.
expect_contains "$L" "pid $(napkin_pid)"
keys : q Enter
wait_for "unsaved changes: w save"
keys w
wait_exit
expect_contains "$F" '"label": "Ledger"'
[ -e "$R" ] && fail "the recovery file outlived the save" || pass
[ -e "$L" ] && fail "the lock outlived the session" || pass
tmux -L "$SOCK" kill-server 2>/dev/null

# A crashed session of the original board, for the other answers.
crash() {
	cp "$TMP/original.json" "$F"
	start 120 40 "$NAPKIN $F"
	wait_for "[CACHE]"
	add_node d Ledger
	wait_for "added ledger"
	wait_file exists "$R"
	kill -KILL "$(napkin_pid)"
	wait_exit
	tmux -L "$SOCK" kill-server 2>/dev/null
}

echo "   after a crash: delete"
crash
start 120 40 "$NAPKIN $F"
wait_for "holds unsaved changes"
keys d
wait_for "deleted the recovery file"
[ -e "$R" ] && fail "d left the recovery file" || pass
screen
expect_no_screen "Ledger"
keys : q Enter
wait_exit
expect_same "$F" "$TMP/original.json"
tmux -L "$SOCK" kill-server 2>/dev/null

echo "   after a crash: quit, and view, leave it; a resize redraws the question"
crash
start 120 40 "$NAPKIN $F"
wait_for "holds unsaved changes"
tmux -L "$SOCK" resize-window -t main -x 70 -y 20
wait_for "q  quit, leaving it"
keys q
wait_exit
[ "$status" = 0 ] && pass || fail "exit status $status after q"
[ -e "$R" ] && pass || fail "q deleted the recovery file"
[ -e "$L" ] && fail "q left a lock" || pass
tmux -L "$SOCK" kill-server 2>/dev/null
start 120 40 "$NAPKIN $F"
wait_for "holds unsaved changes"
keys v
wait_for "read-only: following"
keys a
wait_for "read-only viewer"
keys : q Enter
wait_exit
[ -e "$R" ] && pass || fail "v deleted the recovery file"
tmux -L "$SOCK" kill-server 2>/dev/null

echo "   a recovery file older than the file says so"
touch -d '2001-01-01' "$R"
start 120 40 "$NAPKIN $F"
wait_for "BEFORE the file was last changed"
keys d
wait_for "deleted the recovery file"
keys : q Enter
wait_exit
tmux -L "$SOCK" kill-server 2>/dev/null

echo "   a signal while asking ends napkin and keeps the files"
crash
start 120 40 "$NAPKIN $F"
wait_for "holds unsaved changes"
kill -TERM "$(napkin_pid)"
wait_exit
[ "$status" = 143 ] && pass || fail "SIGTERM while asking: exit status $status"
[ -e "$R" ] && pass || fail "SIGTERM while asking deleted the recovery file"
[ "$(pane '#{alternate_on}')" = 0 ] && pass || fail "SIGTERM while asking left the alternate screen on"
rm -f "$R"
tmux -L "$SOCK" kill-server 2>/dev/null

echo "   a second napkin on the same file"
cp "$TMP/original.json" "$F"
start 120 40 "$NAPKIN $F"
first_sock=$SOCK
wait_for "[CACHE]"
first=$(napkin_pid)
start 120 40 "$NAPKIN $F"
wait_for "$F is being edited by another napkin"
expect_screen "pid $first on $(hostname)"
keys v
wait_for "read-only: following"
# The viewer follows the first napkin's saves.
tmux -L "$first_sock" send-keys -t main a o
sleep 0.3
tmux -L "$first_sock" send-keys -t main -l Photos
tmux -L "$first_sock" send-keys -t main Enter : w Enter
wait_for "Photos"
keys : q Enter
wait_exit
tmux -L "$SOCK" kill-server 2>/dev/null
start 120 40 "$NAPKIN $F"
wait_for "is being edited by another napkin"
keys e
wait_for "editing beside napkin $first"
keys : q Enter
wait_exit
tmux -L "$SOCK" kill-server 2>/dev/null
# The second napkin took nothing of the first's.
expect_contains "$L" "pid $first"
start 120 40 "$NAPKIN $F"
wait_for "is being edited by another napkin"
keys q
wait_exit
expect_contains "$L" "pid $first"
tmux -L "$SOCK" kill-server 2>/dev/null
SOCK=$first_sock
keys : q Enter
wait_exit
wait_file gone "$L"

echo "   :q! drops the changes and the recovery file"
start 120 40 "$NAPKIN $F"
wait_for "[CACHE]"
add_node d Dropped
wait_for "added dropped"
wait_file exists "$R"
keys : q ! Enter
wait_exit
[ -e "$R" ] && fail ":q! left the recovery file" || pass
[ -e "$L" ] && fail ":q! left the lock" || pass
expect_not_contains "$F" "Dropped"
tmux -L "$SOCK" kill-server 2>/dev/null

echo "   a diagram without a file: napkin-recover.json in the current directory"
mkdir "$TMP/unnamed"
start 120 40 "env -C $TMP/unnamed $NAPKIN"
wait_for "[no file]"
add_node s Lonely
wait_for "added lonely"
wait_file exists "$TMP/unnamed/napkin-recover.json"
expect_contains "$TMP/unnamed/napkin-recover.json" "Lonely"
kill -KILL "$(napkin_pid)"
wait_exit
tmux -L "$SOCK" kill-server 2>/dev/null
start 120 40 "env -C $TMP/unnamed $NAPKIN"
wait_for "napkin-recover.json holds unsaved changes"
keys r
wait_for "Lonely"
keys : w Space "$TMP/unnamed/saved.json" Enter
wait_for "wrote"
wait_file gone "$TMP/unnamed/napkin-recover.json"
keys : q Enter
wait_exit
expect_contains "$TMP/unnamed/saved.json" "Lonely"
ls -A "$TMP/unnamed" >"$TMP/left"
expect_text "$TMP/left" saved.json
finish
