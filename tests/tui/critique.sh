#!/bin/sh
# The critique on the whiteboard: corner markers and the findings panel
# follow every edit, ] selects a finding and goes to it, F greys out what
# stops until Esc, A accepts a finding with a reason and u undoes it;
# --view shows the findings and refuses A.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

F=$TMP/flawed.json
cp "$NAPKIN_ROOT/tests/data/export/flawed.json" "$F"
start 120 40 "$NAPKIN $F"
wait_for "NORMAL"
screen
# lb (SPOF001) and db (SPOF002) carry the error mark, orders (SPOF003) the warning mark.
expect_screen "4 errors, 1 warning  6 nodes"
expect_screen "┌[LB]────✖"
expect_screen "┌[DB]───────✖"
expect_screen "┌[SVC]──┴!"
expect_screen "┌[SVC]───┐"		# api: no finding of its own above a note

# The panel lists them, errors first, and follows an edit: a second lb replica.
keys p
wait_for "FINDINGS"
screen
expect_screen "4 errors, 1 warning, 3 notes"
expect_screen "✖ SPOF001 lb"
first=$(grep -n "✖ SPOF001 lb" "$TMP/screen" | cut -d: -f1)
last=$(grep -n "· DATA001 db" "$TMP/screen" | cut -d: -f1)
[ -n "$first" ] && [ -n "$last" ] && [ "$first" -lt "$last" ] && pass || fail "errors are not listed before notes"
keys / && type_text lb && keys Enter +
wait_for "lb: 2 replicas"
wait_for "3 errors, 1 warning, 3 notes"
screen
expect_no_screen "SPOF001"
expect_screen "╔[LB]════╗"		# selected, and no mark now
expect_screen "3 errors, 1 warning  6 nodes"
keys u
wait_for "✖ SPOF001 lb"
keys p
wait_gone "FINDINGS"

# ] selects the first finding: the panel opens on it, the cursor goes to lb.
keys 0 ]
wait_for "1/8 error SPOF001: lb: 1 replica"
screen
expect_screen "FINDINGS"
expect_screen "advice: Run a pair of load"
expect_screen "[LB] lb "			# the status line: the cursor is on lb
expect_screen "╔[LB]════✖"		# selected, marked
keys ]
wait_for "2/8 error SPOF002: db:"
wait_for "[DB] db "
keys [ [
wait_for "8/8 note DATA001"
# Esc drops the finding and closes the panel ] opened.
keys Escape
wait_gone "FINDINGS"

# F on the lb: everything behind it is down (dashed), the panel says what stops.
keys / && type_text lb && keys Enter F
wait_for "if lb fails, 4 more components stop (Esc brings it back)"
screen
expect_screen "FAILURE"
expect_screen "lb is down"
expect_screen "4 more stop with it:"
expect_screen "[DB] db"
expect_screen "┌[DB]┄┄┄┄┄┄┄✖"		# down: dashed, the mark kept
expect_screen "┆ orders-db ┆"
expect_screen "║ lb     ║"		# the failed node itself, still selected
expect_screen "│ web    │"		# the client is not down
expect_screen "Esc restore"
# The down boxes' labels are dim (they are bold when up).
tmux -L "$SOCK" capture-pane -e -p -t main >"$TMP/attrs"
expect_contains "$TMP/attrs" "$(printf '\033[2morders-db')"
keys Escape
wait_for "lb is back up"
wait_gone "FAILURE"
screen
expect_screen "│ orders-db │"
expect_no_screen "┄┄┄┄┄┄┄✖"

# A accepts the selected finding with a reason; u undoes it.
keys ] ]
wait_for "SPOF002: db:"
keys A
wait_for "accept SPOF002 on db, reason:"
type_text "nightly backups; 4h outage is fine"
keys Enter
wait_for "accepted SPOF002 on db: nightly backups; 4h outage is fine (u undoes)"
screen
expect_screen "✓ SPOF002 db (accepted)"
expect_screen "accepted on db: nightly"
expect_screen "3 errors, 1 warning, 3 notes, 1"	# "... 1 accepted", however the panel cuts it
expect_screen "╔[DB]═══════╗"			# selected, no mark for an accepted risk
keys : w Enter
wait_for "wrote $F"
tr -s ' \n' '  ' <"$F" >"$TMP/flat"
expect_contains "$TMP/flat" '"accept": [ { "rule": "SPOF002", "reason": "nightly backups; 4h outage is fine" } ]'
keys u
wait_for "undone: "
wait_for "✖ SPOF002 db"
expect_screen "4 errors, 1 warning, 3 notes"
# A with no finding selected says how to get one.
keys Escape A
wait_for "no finding selected: ] goes to the next one"
keys : q ! Enter
wait_exit
tmux -L "$SOCK" kill-server

# --view: the findings are there, with the markers; A is refused.
cp "$NAPKIN_ROOT/tests/data/export/flawed.json" "$F"
start 120 40 "$NAPKIN --view $F"
wait_for "FINDINGS"
screen
expect_screen "4 errors, 1 warning, 3 notes"
expect_screen "┌[LB]────✖"
keys ]
wait_for "1/8 error SPOF001"
# The candidate saves a change: the viewer reloads, the finding stays selected.
sed 's/"title":"flawed"/"title":"flawed, v2"/' "$F" >"$F.tmp" && mv "$F.tmp" "$F"
wait_for "reloaded"
wait_for "flawed, v2"
expect_screen "advice: Run a pair of load"
keys A
wait_for "read-only viewer"
keys F
wait_for "if lb fails"
keys : q Enter
wait_exit
[ "$status" = 0 ] && pass || fail "exit status $status"
finish
