#!/bin/sh
# Very long labels (issue 7): labels, tech, edge and group labels and a
# title at the format's limits, in wide CJK, fullwidth letters, emoji and
# combining marks, are cut inside their boxes on the screen and in the
# text export -- every box's right border stays in its column -- and no
# row runs past the screen.  A 10,000-character label is refused with its
# position in JSON and cut on import from DOT.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

check_boxes() {	# FILE [WIDTH]: tests/tui/box_columns.py finds no overflow
	if python3 "$NAPKIN_ROOT/tests/tui/box_columns.py" "$@"; then
		pass
	else
		fail "text overflows a box in $1"
		sed 's/^/      | /' "$1" | head -40
	fi
}

F=$TMP/long.json
python3 - "$F" "$TMP/long.dot" "$TMP/huge.json" <<'EOF'
import json, sys
W, cjk, emoji, family = "W" * 200, "\u6f22" * 66, "\U0001F600" * 50, "\U0001F469\u200d\U0001F467" * 18
nodes = [
    {"id": "w", "kind": "service", "label": W, "tech": "t" * 100, "replicas": 3, "managed": True, "x": 2, "y": 3,
     "notes": ("N" * 300 + "\n") * 13},
    {"id": "c", "kind": "db", "label": cjk, "tech": "\u6f22" * 33, "x": 2, "y": 12},
    {"id": "e", "kind": "cache", "label": emoji, "tech": "\U0001F600" * 25, "x": 44, "y": 12},
    {"id": "z", "kind": "broker", "label": family, "x": 44, "y": 20},
    {"id": "k", "kind": "lb", "label": "e\u0301" * 60 + "\ufe0f" * 6, "x": 2, "y": 20},
    {"id": "m", "kind": "gateway", "label": "\uff57\uff49\uff44\uff45" * 16, "x": 44, "y": 28},
    {"id": "x", "kind": "worker", "label": "a\u6f22\U0001F600\u00e9" * 20, "x": 2, "y": 28},
]
edges = [{"from": "w", "to": "c", "label": W}, {"from": "c", "to": "e", "label": cjk},
         {"from": "e", "to": "z", "label": emoji}, {"from": "k", "to": "z", "label": family},
         {"from": "x", "to": "m", "label": "\uff57" * 66}]
for n in nodes:
    assert len(n["label"].encode()) <= 200, n["id"]
json.dump({"napkin": 1, "title": "\u6f22" * 66, "nodes": nodes, "edges": edges,
           "groups": [{"id": "g", "label": cjk, "members": ["c", "e"]}]}, open(sys.argv[1], "w"))
open(sys.argv[2], "w").write('digraph { a [label="%s"]; b [label="%s"]; a -> b [label="%s"] }\n' %
                             ("W" * 10000, "\u6f22" * 5000, "x" * 10000))
json.dump({"napkin": 1, "nodes": [{"id": "a", "kind": "db", "label": "W" * 10000}]}, open(sys.argv[3], "w"))
EOF

# The text export: every box holds its text.
expect_status 0 "$NAPKIN" export "$F" -o "$TMP/long.txt"
check_boxes "$TMP/long.txt"
expect_contains "$TMP/long.txt" "│ WWWWWWWWWWWWWWWWWWWWWWW… │"

# The screen, and again with the side panel (notes, the title) open.
start 120 40 "$NAPKIN $F"
wait_for "7 nodes  5 edges"
screen
check_boxes "$TMP/screen" 120
expect_screen "║ WWWWWWWWWWWWWWWWWWWWWWW… ║"
keys p
wait_for "NNNNNNNNNN"
screen
check_boxes "$TMP/screen" 120
keys : q Enter
wait_exit

# 10,000 characters: refused in JSON, where the label is...
expect_status 2 "$NAPKIN" check "$TMP/huge.json"
expect_contains "$TMP/err" 'huge.json:1:'
expect_contains "$TMP/err" 'label is 10000 bytes long; the limit is 200'
# ...and cut on import from DOT, where napkin writes the file, drawn in their boxes.
start 120 40 "$NAPKIN $TMP/long.dot"
wait_for "[DOT]"
screen
check_boxes "$TMP/screen" 120
expect_screen "WWWWWWWWWWWWWWWWWWWWWWW…"
keys : q Enter
wait_exit
finish
