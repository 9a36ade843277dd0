#!/bin/sh
# napkin interview and napkin replay from the command line: usage errors,
# an interview refused without a terminal (and nothing written), replay -o
# at any time of a record (tests/data/session/recorded.json, written by
# hand in napkin's layout), and records that are refused, with the place.
. "$NAPKIN_ROOT/tests/lib.sh"

R=$NAPKIN_ROOT/tests/data/session/recorded.json
cd "$TMP" || exit 1

echo "   interview"
usage_error "missing TEMPLATE" interview
usage_error "too many arguments" interview url-shortener chat
usage_error "--minutes must be a whole number from 1 to 240, not \"0\"" interview url-shortener --minutes 0
usage_error "--minutes must be a whole number from 1 to 240, not \"45m\"" interview url-shortener -m 45m
usage_error "unknown option --speed" interview url-shortener --speed 2
expect_status 2 "$NAPKIN" interview nope
expect_text "$TMP/err" "napkin: no template named \"nope\" (see napkin templates)"
expect_status 2 "$NAPKIN" interview url-shortener </dev/null
expect_text "$TMP/err" "napkin: an interview needs a terminal (napkin score FILE --template NAME works without one)"
[ ! -e interview-url-shortener.json ] && pass || fail "an interview without a terminal wrote its board"

echo "   replay -o: the board at any time of its record"
usage_error "missing FILE" replay
usage_error "--speed must be a number from 0.25 to 1000, not \"0\"" replay "$R" --speed 0
usage_error "--at takes seconds, M:SS or H:MM:SS, not \"1.5:00\"" replay "$R" --at 1.5:00
usage_error "--at takes seconds, M:SS or H:MM:SS, not \"soon\"" replay "$R" --at soon
cp "$R" board.json
usage_error "-o board.json would overwrite the recorded board" replay board.json -o board.json
expect_status 0 "$NAPKIN" replay "$R" -o end.json
without_record "$R" >want.json
expect_same end.json want.json
expect_empty "$TMP/err"
expect_status 0 "$NAPKIN" replay "$R" --at 0 -o at.json
expect_text at.json "{" '  "napkin": 1,' '  "title": "Links",' '  "nodes": [],' '  "edges": [],' '  "groups": []' "}"
# At 0:20 the edge is there, API not yet moved or given its tech; the title changes at 0:40.
expect_status 0 "$NAPKIN" replay "$R" --at 0:20 -o at.json
tr -s ' \n' '  ' <at.json >flat
expect_contains flat '"id": "api", "kind": "service", "label": "API", "x": 20, "y": 0, "capacity": 500 }'
expect_contains flat '"from": "users", "to": "api", "mode": "sync"'
expect_contains flat '"title": "Links",'
expect_status 0 "$NAPKIN" replay "$R" --at 1:00 -o at.json
expect_same at.json want.json

echo "   replay: refused records"
printf '{"napkin": 1, "title": "", "nodes": [], "edges": [], "groups": []}\n' >plain.json
expect_status 2 "$NAPKIN" replay plain.json -o out.json
expect_text "$TMP/err" "plain.json: no session record (napkin interview and napkin --record write one)"
sed 's/"at": 1,/"at": 7,/' "$R" >bad.json
expect_status 2 "$NAPKIN" replay bad.json
expect_text "$TMP/err" "bad.json:56:15: session.events[1].at: must be an integer from 0 to 1"
[ ! -e out.json ] && pass || fail "a refused record still wrote out.json"
# Changed behind napkin's back: written, with a warning.
sed "0,/\"label\": \"Users\",/s//\"label\": \"People\",/" "$R" >edited.json
expect_status 0 "$NAPKIN" replay edited.json -o out.json
expect_text "$TMP/err" "napkin: edited.json was edited outside a recorded session: the record's end differs from the file"
finish
