#!/bin/sh
# Leaving: quitting with unsaved changes asks first; Ctrl-C quits (asking
# too); SIGTERM and SIGHUP write a recovery copy next to the file and give
# the terminal back; a bad file is reported like the CLI does, exit 2.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

F=$TMP/board.json
cp "$NAPKIN_ROOT/tests/data/render/pipeline.json" "$F"

# Unsaved changes: :q asks, Esc stays, q leaves without saving.
start 120 40 "$NAPKIN $F"
wait_for "[CACHE]"
keys a o
wait_for "label:"
type_text Media
keys Enter
wait_for "added media"
keys : q Enter
wait_for "unsaved changes: w save and quit, q quit without saving, Esc stay"
keys Escape
wait_for "still here"
keys : q Enter
wait_for "unsaved changes: w save"
keys q
wait_exit
[ "$status" = 0 ] && pass || fail "exit status $status after q"
expect_not_contains "$F" "Media"
# Restored: not in the alternate screen, mouse reporting off.
[ "$(pane '#{alternate_on}')" = 0 ] && pass || fail "still in the alternate screen"
[ "$(pane '#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}')" = 000 ] && pass || fail "mouse reporting left on"
tmux -L "$SOCK" kill-server

# ... and w saves, then quits.
start 120 40 "$NAPKIN $F"
wait_for "[CACHE]"
keys + : q Enter
wait_for "unsaved changes: w save"
keys w
wait_exit
expect_contains "$F" '"replicas": 2'
tmux -L "$SOCK" kill-server

# Ctrl-C with nothing to save just quits.
start 120 40 "$NAPKIN $F"
wait_for "[CACHE]"
keys C-c
wait_exit
[ "$status" = 0 ] && pass || fail "exit status $status after Ctrl-C"
[ "$(pane '#{alternate_on}')" = 0 ] && pass || fail "Ctrl-C left the alternate screen on"
tmux -L "$SOCK" kill-server

# SIGTERM with unsaved changes: a recovery copy, the terminal restored.
for sig in TERM HUP; do
	rm -f "$F.recover"
	start 120 40 "$NAPKIN $F 2>$TMP/stderr"
	wait_for "[CACHE]"
	keys a q
	wait_for "label:"
	type_text "Rescued$sig"
	keys Enter
	wait_for "added rescued"
	kill -$sig "$(napkin_pid)"
	wait_exit
	case $sig in TERM) want=143 ;; HUP) want=129 ;; esac
	[ "$status" = "$want" ] && pass || fail "SIG$sig: exit status $status, wanted $want (killed by the signal)"
	[ -f "$F.recover" ] && pass || fail "SIG$sig: no recovery copy"
	expect_contains "$F.recover" "Rescued$sig"
	expect_not_contains "$F" "Rescued$sig"
	expect_valid "$F.recover"
	[ "$(pane '#{alternate_on}')" = 0 ] && pass || fail "SIG$sig left the alternate screen on"
	expect_contains "$TMP/stderr" "napkin: unsaved changes written to $F.recover"
	tmux -L "$SOCK" kill-server
done

# Nothing unsaved: no recovery copy.
rm -f "$F.recover"
start 120 40 "$NAPKIN $F"
wait_for "[CACHE]"
kill -TERM "$(napkin_pid)"
wait_exit
[ -f "$F.recover" ] && fail "recovery copy without changes" || pass
tmux -L "$SOCK" kill-server

# A bad file: FILE:LINE:COL on stderr before any terminal set-up, exit 2.
printf '{"napkin": 1, "nodes": [{"id": "a", "kind": "dbb"}]}\n' >"$TMP/bad.json"
expect_status 2 "$NAPKIN" "$TMP/bad.json"
expect_contains "$TMP/err" "bad.json:1:"
expect_status 2 "$NAPKIN" --template no-such-template
finish
