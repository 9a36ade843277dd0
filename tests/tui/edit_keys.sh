#!/bin/sh
# The editing keys and the `:` commands that run the same actions: r t n
# + - M, e and s on edges, x on an edge, :add, :connect, :tech, :undo; a
# box that grows steps aside rather than overlap its neighbour.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

F=$TMP/board.json
cp "$NAPKIN_ROOT/tests/data/render/pipeline.json" "$F"
start 140 40 "$NAPKIN $F"
wait_for "[CACHE]"

# r: rename Gateway to a long label; it now reaches into LB's column, so it moves.
keys / && type_text Gateway && keys Enter r C-u
wait_for "rename gw:"
type_text "Edge gateway with auth"
keys Enter
wait_for "║ Edge gateway with auth ║"	# selected: a double border
expect_screen "│ LB     │"
keys t C-u && type_text "Envoy" && keys Enter
wait_for "Envoy managed"
keys n && type_text "JWT checked here" && keys Enter p
wait_for "JWT checked here"
keys p M
wait_for "gw is not managed"
keys + + -
wait_for "gw: 2 replicas"

# e selects the node's edges in turn; s toggles the selected one; x deletes it.
keys e
wait_for "client→gw sync"
keys e
wait_for "gw→lb sync"
keys s
wait_for "gw → lb is async"
keys e
wait_for "[GW] gw "
keys e e x
wait_for "deleted edge gw → lb"
keys u
wait_for "undone: disconnect gw -> lb"

# The same actions as commands.
keys : && type_text "add external Stripe" && keys Enter
wait_for "added stripe [EXT]"
keys / && type_text API && keys Enter
keys : && type_text "connect stripe charge" && keys Enter
wait_for "connected api → stripe"
keys : && type_text "tech Rust" && keys Enter
wait_for "Rust ×3"
keys : && type_text "undo" && keys Enter
wait_for "Go ×3"
keys : && type_text "frobnicate" && keys Enter
wait_for "not a command: frobnicate"
keys : && type_text "add nosuchkind X" && keys Enter
wait_for "unknown kind \"nosuchkind\""
keys : w Enter
wait_for "wrote $F"
keys : q Enter
wait_exit

flat=$TMP/flat
tr -s ' \n' '  ' <"$F" >"$flat"
for want in '"id": "gw", "kind": "gateway", "label": "Edge gateway with auth", "tech": "Envoy", "replicas": 2' \
    '"notes": "JWT checked here"' \
    '"from": "gw", "to": "lb", "mode": "async"' '"from": "api", "to": "stripe", "label": "charge", "mode": "sync"' \
    '"id": "stripe", "kind": "external", "label": "Stripe"'; do
	expect_contains "$flat" "$want"
done
expect_not_contains "$flat" '"managed": true, "x": 18'
expect_valid "$F"
finish
