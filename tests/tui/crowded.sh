#!/bin/sh
# Thousands of edges on one node (issue 7): a service that 2,000 clients
# call and that calls 1,000 workers opens, answers keys, takes a rename
# and a move, saves intact, and exports to text with every box drawn.
# How fast is measured by make bench (bench_crowded), not here.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

F=$TMP/crowded.json
python3 - "$F" <<'EOF'
import json, sys
nodes = [{"id": "hub", "kind": "service", "label": "Hub", "x": 672, "y": 224}]
edges = []
side = 56                       # a 56x56 grid of cells, the hub in the middle
for i in range(side * side):
    x, y = (i % side) * 24, (i // side) * 8
    if (x, y) == (672, 224):
        continue
    n = len(nodes) - 1
    if n < 2000:
        nodes.append({"id": "c%d" % n, "kind": "client", "label": "c%d" % n, "x": x, "y": y})
        edges.append({"from": "c%d" % n, "to": "hub", "label": "HTTP" if n % 3 == 0 else ""})
    elif n < 3000:
        w = n - 2000
        nodes.append({"id": "w%d" % w, "kind": "worker", "label": "w%d" % w, "x": x, "y": y})
        edges.append({"from": "hub", "to": "w%d" % w, "mode": "async"})
json.dump({"napkin": 1, "title": "Crowded", "nodes": nodes, "edges": edges}, open(sys.argv[1], "w"))
EOF
expect_status 0 "$NAPKIN" export "$F" -o "$TMP/before.txt"

start 120 40 "$NAPKIN $F"
wait_for "3001 nodes  3000 edges"
# To the hub: its box, and edges arriving at it (arrowheads on its border).
keys / && type_text Hub && keys Enter z
wait_for "[SVC] hub"
wait_for "║ Hub"
screen
grep -E '▶║ Hub|║ Hub .*◀' "$TMP/screen" >/dev/null && pass || { fail "no arrowhead at the hub's sides"; show_screen; }
grep -q '▼' "$TMP/screen" && pass || fail "no arrowhead on the screen"
# Keys are answered: help opens and closes, the cursor moves.
keys '?'
wait_for "Esc"
keys Escape
wait_gone "keys (Esc closes)"
# A rename of the crowded node.
keys r C-u
wait_for "rename hub:"
type_text Gateway && keys Enter
wait_for "║ Gateway"
# A move: every one of its 3,000 edges is rerouted, a frame at a time.
keys m
wait_for "moving hub"
keys l l l Enter
wait_for "hub is at 675,224"
keys z
wait_for "║ Gateway"
keys : w Enter
wait_for "wrote"
keys : q Enter
wait_exit
[ "$status" = 0 ] && pass || fail "napkin exited $status"

# Saved intact: every node and edge, the hub renamed and moved.
python3 - "$F" <<'EOF' && pass || fail "the saved diagram is not the one edited"
import json, sys
d = json.load(open(sys.argv[1]))
hub = [n for n in d["nodes"] if n["id"] == "hub"][0]
assert len(d["nodes"]) == 3001 and len(d["edges"]) == 3000, (len(d["nodes"]), len(d["edges"]))
assert hub["label"] == "Gateway" and hub["x"] == 675 and hub["y"] == 224, hub
assert sum(e["to"] == "hub" for e in d["edges"]) == 2000 and sum(e["from"] == "hub" for e in d["edges"]) == 1000
EOF

# The text export draws every box, and edges into and out of the hub.
expect_status 0 "$NAPKIN" export "$F" -o "$TMP/after.txt"
[ "$(grep -o '│ c[0-9]* ' "$TMP/after.txt" | sort -u | wc -l)" = 2000 ] && pass || fail "not every client's box is drawn"
[ "$(grep -o '│ w[0-9]* ' "$TMP/after.txt" | sort -u | wc -l)" = 1000 ] && pass || fail "not every worker's box is drawn"

grep -qE '▶│ Gateway|Gateway +│◀' "$TMP/after.txt" && pass || fail "no edge arrives at the hub's side"
grep -q '▼' "$TMP/after.txt" && grep -q '▲' "$TMP/after.txt" && pass || fail "arrowheads missing from the export"
finish
