#!/bin/sh
# The README's mock-interview walkthrough, key for key, so the README stays
# true: draw browser -> alb -> shortener -> links from the keyboard, put
# numbers on it, read the scorecard, then replay the session.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

cd "$TMP" || exit 1

start 120 40 "$NAPKIN interview url-shortener"
wait_for "url-shortener: the brief"
keys q
wait_gone "the brief"

# Step 2: four components, 20 cells apart.
keys a u && type_text Browser && keys Enter
wait_for "added browser"
keys L L L L a l && type_text alb && keys Enter
wait_for "added alb"
keys L L L L a s && type_text shortener && keys Enter
wait_for "added shortener"
keys J J L L L L a d && type_text links && keys Enter
wait_for "added links"

# Step 3: connect them: / finds, Tab goes to the next node, c connects.
keys / && type_text Browser && keys Enter
wait_for "[USR] browser"
keys c Tab Enter && type_text HTTPS && keys Enter
wait_for "connected browser → alb"
keys Tab c Tab Enter && type_text HTTP && keys Enter
wait_for "connected alb → shortener"
keys Tab c Tab Enter && type_text SQL && keys Enter
wait_for "connected shortener → links"
screen
expect_screen "│ Browser │   HTTPS   ┌[LB]────┐"
expect_screen "SQL"

# Step 4: numbers: 20k req/s from the browser, three shortener replicas of 5,000.
keys / && type_text Browser && keys Enter
keys T && type_text 20k && keys Enter
wait_for "browser: sends 20,000 req/s"
keys Tab Tab + +
wait_for "×3"
keys T && type_text 5000 && keys Enter
wait_for "!133%"

# Step 5: the scorecard says what is missing.
keys S
wait_for "scorecard against url-shortener: not yet"
expect_screen "[ ] read-cache: A cache on the redirect read path"
expect_screen "[x] front-door"
expect_screen "[x] api-replicas"
expect_screen "SPOF001  alb"
expect_screen "shortener       20,000 req/s of       15,000   133%  OVERLOADED"
keys q
wait_gone "scorecard against"
keys : q Enter
wait_exit
[ "$status" = 0 ] && pass || fail "napkin interview exited with $status"
tmux -L "$SOCK" kill-server

# The board saved itself; the replay ends on it exactly.
expect_contains interview-url-shortener.json '"template": "url-shortener"'
start 120 40 "$NAPKIN replay interview-url-shortener.json"
wait_for "napkin replay"
keys '$'
wait_for "= saved"
expect_screen "shortener"
keys : q Enter
wait_exit
finish
