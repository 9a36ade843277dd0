#!/bin/sh
# napkin --view follows a file another process changes; a bad
# intermediate file keeps the last good diagram on screen with the error.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

F=$TMP/board.json
cp "$NAPKIN_ROOT/tests/data/render/pipeline.json" "$F"
start 160 40 "$NAPKIN --view $F"
wait_for "│ Orders"
expect_screen "napkin --view"
expect_screen "SELECTED"		# the side panel starts open
expect_screen " VIEW "

# Editing is refused.
keys x
wait_for "read-only viewer"
screen
expect_screen "│ Orders"

# Another process renames a node (atomically, as napkin saves).
sed 's/"Orders"/"Invoices"/' "$F" >"$F.tmp" && mv "$F.tmp" "$F"
wait_for "│ Invoices"
wait_for "reloaded"

# A half-written file: the error shows, the last good board stays.
printf '{"napkin": 1, "nodes": [{"id": "a",' >"$F"
wait_for "board.json:1:"
screen
expect_screen "│ Invoices"
# A file that is gone for a moment.
rm -f "$F"
wait_for "is gone"
# Good again.
sed 's/"Orders"/"Ledger"/' "$NAPKIN_ROOT/tests/data/render/pipeline.json" >"$F"
wait_for "│ Ledger"
wait_gone "board.json:1:"

keys : q Enter
wait_exit
[ "$status" = 0 ] && pass || fail "exit status $status"
finish
