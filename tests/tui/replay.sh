#!/bin/sh
# napkin --record and napkin replay: edits made with keys (adds, moves,
# renames, deletes, undo, edges) are recorded as they happen; the replay
# steps, goes back, jumps to either end and plays, and its last frame is
# the saved board exactly -- also after a second sitting that continues
# the record.  A board changed behind napkin's back is called out.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

F=$TMP/board.json

# A fast clock, so that the edits typed here are seconds apart.
start 120 40 "env NAPKIN_TEST_CLOCK_SCALE=100 $NAPKIN --record $F"
wait_for "new diagram"
keys : && type_text "add client Browser" && keys Enter
wait_for "added browser"
keys L L L L
keys : && type_text "add service Orders" && keys Enter
wait_for "added orders"
keys + +
wait_for "orders: 3 replicas"
keys J J
keys : && type_text "add db Orders DB" && keys Enter
wait_for "added orders-db"
keys : && type_text "add cache Scratch" && keys Enter
wait_for "added scratch"
keys x
wait_for "deleted scratch"
keys u
wait_for "undone: delete scratch"
keys x
wait_for "deleted scratch"
keys / && type_text Orders && keys Enter
keys m l l l l j Enter
wait_for "orders is at"
keys : && type_text "connect orders-db SQL" && keys Enter
wait_for "connected orders → orders-db"
keys s
wait_for "is async"
keys / && type_text Browser && keys Enter
keys : && type_text "connect orders" && keys Enter
keys r C-u && type_text "Web app" && keys Enter
wait_for "Web app"
keys : w Enter
wait_for "wrote $F"
keys : q Enter
wait_exit
expect_contains "$F" '"session": {'
expect_contains "$F" '"op": "remove-node"'

# The last frame is the saved board, byte for byte.
without_record "$F" >"$TMP/want.json"
expect_status 0 "$NAPKIN" replay "$F" -o "$TMP/final.json"
expect_same "$TMP/final.json" "$TMP/want.json"
expect_empty "$TMP/err"
# And the first is the empty board it started from.
expect_status 0 "$NAPKIN" replay "$F" --at 0 -o "$TMP/first.json"
expect_contains "$TMP/first.json" '"nodes": [],'

# Played in the whiteboard: step, back, the ends, play, speed.
start 120 40 "$NAPKIN replay --speed 4 $F"
wait_for "napkin replay"
keys '^'
wait_for "the start"
total=$(sed -n '1s/.* 0\/\([0-9][0-9]*\) .*/\1/p' "$TMP/screen")
[ "${total:-0}" -ge 10 ] && pass || fail "only ${total:-no} events recorded"
keys n
wait_for "1/$total add node browser"
expect_screen "Browser"
expect_no_screen "Orders"
keys n n
wait_for "3/$total"
keys N
wait_for "2/$total"
keys '$'
wait_for "the end: this is the board as saved"
expect_screen "= saved"
expect_screen "Web app"
expect_screen "SQL"
expect_no_screen "Scratch"
keys Left
wait_for "$((total - 1))/$total"
keys Space
wait_for "$total/$total"
keys '+'
wait_for "speed 8x"
keys x
wait_for "a replay only shows"
keys : q Enter
wait_exit
[ "$status" = 0 ] && pass || fail "exit status $status"
# Replay's commands are replay's alone.
start 120 40 "$NAPKIN $F"
wait_for "Web app"
keys : && type_text step && keys Enter
wait_for "only in napkin replay FILE"
keys : q Enter
wait_exit

# A second sitting, without --record: the board's record goes on.
before=$(grep -c '"op":' "$F")
start 120 40 "$NAPKIN $F"
wait_for "Web app"
keys : && type_text "add worker Mailer" && keys Enter
wait_for "added mailer"
keys : w Enter : q Enter
wait_exit
[ "$(grep -c '"op":' "$F")" -gt "$before" ] && pass || fail "the second sitting was not recorded"
without_record "$F" >"$TMP/want.json"
expect_status 0 "$NAPKIN" replay "$F" -o "$TMP/final.json"
expect_same "$TMP/final.json" "$TMP/want.json"

# Edited behind napkin's back: the record no longer ends at the board.
sed '0,/"label": "Mailer"/s//"label": "Sender"/' "$F" >"$TMP/edited.json"
expect_status 0 "$NAPKIN" replay "$TMP/edited.json" -o "$TMP/out.json"
expect_contains "$TMP/err" "was edited outside a recorded session"
start 120 40 "$NAPKIN replay $TMP/edited.json"
wait_for "napkin replay"
keys '$'
wait_for "the file differs"
expect_screen "!= saved"
keys : q Enter
wait_exit

# A board without a record.
"$NAPKIN" new "$TMP/plain.json"
expect_status 2 "$NAPKIN" replay "$TMP/plain.json"
expect_text "$TMP/err" "$TMP/plain.json: no session record (napkin interview and napkin --record write one)"
finish
