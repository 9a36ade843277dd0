#!/bin/sh
# napkin interview end to end: the brief, a countdown that goes down,
# phases advanced by P, traffic estimates typed on the board (badge,
# panel, undo), :score, the reference behind R, the board saving itself
# with its record (napkin replay gives it back exactly), resuming, the
# interviewer's --view with the scorecard, and time running out (with the
# test-only clock NAPKIN_TEST_CLOCK_SCALE).
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

B=$TMP/board.json

# The countdown on the title bar, in seconds.
countdown() {
	screen
	sed -n '1s/.* \([0-9][0-9]*\):\([0-9][0-9]\) left.*/\1 \2/p' "$TMP/screen" | awk '{ print $1 * 60 + $2 }'
}

start 150 42 "$NAPKIN interview url-shortener -o $B"
wait_for "url-shortener: the brief"
expect_screen "Shorten links and redirect 20,000 times a second"
expect_screen "Functional requirements"
expect_screen "1. requirements"
keys q
wait_gone "the brief"
expect_screen "napkin interview  url-shortener"
expect_screen "1/4 requirements"
wait_for "40 min"
# The file is there from the start, with its record.
expect_contains "$B" '"template": "url-shortener"'
expect_contains "$B" '"minutes": 40'

# The countdown goes down.
first=$(countdown)
[ -n "$first" ] && pass || fail "no countdown on the title bar"
i=0
while [ "$(countdown)" -ge "$first" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ "$(countdown)" -lt "$first" ] && pass || fail "the countdown stayed at $first"

# P moves to the next phase now.
keys P
wait_for "phase 2 of 4: estimates"
expect_screen "2/4 estimates"

# Traffic: T on a client asks for its req/s; capacity with :capacity.
keys : && type_text "add client Users" && keys Enter
wait_for "added users"
keys T
wait_for "req/s users sends:"
type_text 20k
keys Enter
wait_for "users: sends 20,000 req/s"
keys L L L L L
keys : && type_text "add service API" && keys Enter
wait_for "added api"
keys T
wait_for "req/s one api replica serves:"
type_text 5000
keys Enter
keys / && type_text Users && keys Enter
keys : && type_text "connect api" && keys Enter
wait_for "connected users → api"
wait_for "!400%"
wait_for "api        20,000 of 5,000  400%"
# An edge's ratio: the edge is selected after connecting.
keys T
wait_for "share of users's traffic to api:"
keys C-u && type_text 0.5 && keys Enter
wait_for "!200%"
keys u
wait_for "!400%"
keys : && type_text "ratio nonsense" && keys Enter
wait_for "ratio: \"nonsense\" is not a number"

# The critique stays private on the candidate's board while the clock
# runs (api has warnings now): no counts in the title bar, no corner
# marks, and ] says why.
screen
head -1 "$TMP/screen" | grep -q "warning" && fail "the title bar counts findings: $(head -1 "$TMP/screen")" || pass
keys ]
wait_for "the critique stays private until the interview is over"

# :score: the scorecard, as napkin score prints it.
keys : && type_text score && keys Enter
wait_for "Result: NOT YET -- 1 of 7 expectations met"
expect_screen "scorecard against url-shortener: not yet"
expect_screen "Expectations: 1 of 7 met"
expect_screen "[x] estimates"
expect_screen "[ ] read-cache: A cache on the redirect read path"
expect_screen "warning  CAPA001  api: 20,000 req/s against 1 x 5,000 = 5,000 capacity (400%)"
expect_screen "Missing from the reference design: 6 components"
keys q
wait_gone "scorecard against"

# R twice before time is up: the reference design, read-only; R comes back.
keys R
wait_for "press R again to see the reference design"
keys R
wait_for "REFERENCE  URL shortener"
expect_screen "Shortener API"
expect_screen "Click counter"
keys / && type_text Hot && keys Enter
wait_for "cache is here as:"
expect_screen "read cache for hot short codes"
keys x
wait_for "the reference design is read-only: R returns to your board"
keys R
wait_for "your board again"
expect_screen "napkin interview  url-shortener"
expect_no_screen "Shortener API"

# The board saved itself: no :w needed.
sleep 1
expect_contains "$B" '"id": "api"'
grep -q '"ratio"' "$B" && fail "the undone ratio is in the file" || pass
keys : q Enter
wait_exit
[ "$status" = 0 ] && pass || fail "exit status $status"
expect_status 1 "$NAPKIN" score "$B" --template url-shortener
expect_contains "$TMP/out" "Result: NOT YET -- 1 of 7 expectations met"

# The record plays back to the board exactly.
expect_status 0 "$NAPKIN" replay "$B" -o "$TMP/final.json"
without_record "$B" >"$TMP/want.json"
expect_same "$TMP/final.json" "$TMP/want.json"
expect_empty "$TMP/err"

# Resuming: the same -o goes on where the clock stopped (saved on leaving).
expect_contains "$B" '"elapsed": '
start 150 42 "$NAPKIN interview url-shortener -o $B"
wait_for "resumed $B"
[ "$(countdown)" -le "$((first - 2))" ] && pass || fail "the resumed clock starts over: $(countdown) of $first"
expect_screen "Users"
keys : q Enter
wait_exit
# Another interview's board is not taken over.
start 150 42 "$NAPKIN interview chat -o $B 2>$TMP/chat.err"
wait_exit
[ "$status" = 2 ] && pass || fail "exit status $status for a board of another interview"
expect_text "$TMP/chat.err" "napkin: $B exists and is not a board of the chat interview; choose another file with -o, or open it with napkin $B"

# The interviewer's own terminal: --view follows the board, S is private to it.
start 150 42 "$NAPKIN --view $B"
wait_for "Users"
# The interviewer sees the critique the candidate does not.
wait_for "warning"
screen
head -1 "$TMP/screen" | grep -q "warning" && pass || fail "--view shows no finding counts: $(head -1 "$TMP/screen")"
keys S
wait_for "Result: NOT YET"
expect_screen "scorecard against url-shortener: not yet"
keys q R
wait_for "REFERENCE  URL shortener"
keys R I
wait_for "url-shortener: the brief"
keys q : q Enter
wait_exit
[ "$status" = 0 ] && pass || fail "exit status $status of the viewer"

# A drill starts from its flawed design and keeps the loads to itself until it is over.
start 150 42 "$NAPKIN interview drill-flash-sale -o $TMP/drill.json"
wait_for "drill-flash-sale: the brief"
expect_screen "S scorecard: which planted problems are fixed"
keys q
wait_for "loads show when the drill is over"
expect_screen "Product cache"
expect_no_screen "!133%"
keys R
wait_for "a drill has no reference design"
keys S
wait_for "Result: NOT YET"
expect_screen "Planted"
keys q : q Enter
wait_exit

# Time runs out: the scorecard opens, the board stays editable, overtime counts.
rm -f "$B"
start 150 42 "env NAPKIN_TEST_CLOCK_SCALE=60 $NAPKIN interview url-shortener --minutes 1 -o $B"
wait_for "the brief"
keys q
wait_for "TIME UP +"
wait_for "scorecard against url-shortener"
wait_for "time is up: the scorecard"
keys q
keys : && type_text "add db Links" && keys Enter
wait_for "added links"
keys R
wait_for "REFERENCE  URL shortener"
keys R : q Enter
wait_exit
[ "$status" = 0 ] && pass || fail "exit status $status"
expect_contains "$B" '"id": "links"'
finish
