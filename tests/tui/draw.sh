#!/bin/sh
# Draw client -> gateway -> load balancer -> service x3 -> cache and
# database from keys alone, save with :w, and check the file.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

F=$TMP/design.json
start 120 40 "$NAPKIN $F"
wait_for "new diagram: :w saves it to"

# add KEY LABEL RIGHT: place a node of the kind on KEY, then move the
# cursor RIGHT times 5 cells to the right for the next one.
add() {
	keys a
	wait_for "add a node: press its key"
	keys "$1"
	wait_for "label:"
	type_text "$2"
	keys Enter
	wait_for "added "
}
add u Browser
keys L L L L
add g Gateway
keys L L L L
add l "Front LB"
keys L L L L
add s API
keys + +
wait_for "3 replicas"
keys L L L L L L
add c Sessions
keys J J J
add d Orders
screen
expect_screen "[USR]"
expect_screen "[GW]"
expect_screen "[CACHE]"
expect_screen "×3"

# connect FROM TO LABEL: find the source, c, find the target, Enter, label.
connect() {
	keys /
	type_text "$1"
	keys Enter c
	wait_for "connect "
	keys /
	type_text "$2"
	keys Enter Enter
	wait_for "label of"
	type_text "$3"
	keys Enter
	wait_for "connected "
}
connect Browser Gateway HTTPS
connect Gateway "Front LB" ""
connect "Front LB" API HTTP
connect API Sessions GET
keys s
wait_for "is async"
connect API Orders SQL
screen
cp "$TMP/screen" "${NAPKIN_SCREEN_DUMP:-/dev/null}" 2>/dev/null
keys : w Enter
wait_for "wrote $F: 6 nodes, 5 edges"
screen
expect_no_screen "[+]"

flat=$TMP/flat
tr -s ' \n' '  ' <"$F" >"$flat"
for want in '"kind": "client", "label": "Browser"' '"kind": "gateway", "label": "Gateway"' \
    '"kind": "lb", "label": "Front LB"' '"kind": "service", "label": "API", "replicas": 3' \
    '"kind": "cache", "label": "Sessions"' '"kind": "db", "label": "Orders"' \
    '"from": "browser", "to": "gateway", "label": "HTTPS", "mode": "sync"' \
    '"from": "gateway", "to": "front-lb", "mode": "sync"' \
    '"from": "front-lb", "to": "api", "label": "HTTP", "mode": "sync"' \
    '"from": "api", "to": "sessions", "label": "GET", "mode": "async"' \
    '"from": "api", "to": "orders", "label": "SQL", "mode": "sync"'; do
	expect_contains "$flat" "$want"
done
expect_valid "$F"
keys : q Enter
wait_exit
[ "$status" = 0 ] && pass || fail "exit status $status"
finish
