# napkin score: the scorecard as text and JSON, and its exit codes
# (0 passes, 1 does not yet, 2 bad usage or invalid input).
. "$NAPKIN_ROOT/tests/lib.sh"
T=$NAPKIN_ROOT/templates

# A reference design scored against its own template passes.
expect_status 0 "$NAPKIN" score "$T/url-shortener.json" --template url-shortener
expect_contains "$TMP/out" "Scorecard: $T/url-shortener.json against url-shortener (Shorten links and redirect 20,000 times a second)"
expect_contains "$TMP/out" "Expectations: 7 of 7 met"
expect_contains "$TMP/out" "  [x] read-cache: A cache on the redirect read path"
expect_contains "$TMP/out" "      users -> lb -> api -> cache"
expect_contains "$TMP/out" "  api           20,200 req/s of       30,000    67%  ok"
expect_contains "$TMP/out" "Missing from the reference design: 0 components"
expect_contains "$TMP/out" "Result: PASS -- 7 of 7 expectations met, 0 errors, 0 overloaded, 0 missing"

# A candidate's board, with their own ids: no cache, one API replica.
B=$NAPKIN_ROOT/tests/data/score/shortener-candidate.json
expect_status 1 "$NAPKIN" score "$B" --template url-shortener
expect_contains "$TMP/out" "Expectations: 4 of 7 met"
expect_contains "$TMP/out" "  [ ] read-cache: A cache on the redirect read path"
expect_contains "$TMP/out" "      no cache on the board"
expect_contains "$TMP/out" "      every path from browser to shortener passes alb"
expect_contains "$TMP/out" "      shortener has 1 replica; needs 2 (or managed)"
expect_contains "$TMP/out" "      shortener: 20,200 of 5,000 req/s (404%); pg: 20,200 of 8,000 req/s (252%)"
expect_contains "$TMP/out" "  warning  CAPA001  pg: 20,200 req/s against 2 x 4,000 = 8,000 capacity (252%)"
expect_contains "$TMP/out" "  shortener       20,200 req/s of        5,000   404%  OVERLOADED"
expect_contains "$TMP/out" "Missing from the reference design: 1 component"
expect_contains "$TMP/out" "  cache    read cache for hot short codes (Hot links; Redis Cluster; called by service)"
expect_contains "$TMP/out" "Result: NOT YET -- 4 of 7 expectations met, 0 errors, 2 overloaded, 1 missing"

# JSON is valid and carries the same verdicts.
expect_status 1 "$NAPKIN" score "$B" --template url-shortener --format json
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d["result"]; sys.exit(0 if not r["passed"] and r["missing"] == 1 and r["overloaded"] == 2 and [e["id"] for e in d["expectations"] if not e["met"]] == ["read-cache", "api-replicas", "no-overload"] and d["missing"][0]["reference"]["id"] == "cache" else 1)' "$TMP/out"; then
	pass
else
	fail "score --format json: unexpected document"
	head -20 "$TMP/out" | sed 's/^/      /'
fi

# napkin new copies a template, expectations and all.
expect_status 0 "$NAPKIN" new "$TMP/copy.json" --template video-pipeline
expect_status 0 "$NAPKIN" score "$TMP/copy.json" --template video-pipeline

# A drill: its planted defects, no comparison with a reference.
expect_status 1 "$NAPKIN" score "$T/drill-launch-day.json" --template drill-launch-day
expect_contains "$TMP/out" "Planted defects: 0 of 3 fixed"
expect_contains "$TMP/out" "  [ ] SPOF002 on db: one MySQL instance holds every order"
expect_not_contains "$TMP/out" "Missing from the reference"
sed -e 's/"label": "nginx",/"label": "nginx",\n      "managed": true,/' -e 's/"label": "Shop",/"label": "Shop",\n      "replicas": 3,/' \
    -e 's/"label": "Shop DB",/"label": "Shop DB",\n      "replicas": 2,/' "$T/drill-launch-day.json" >"$TMP/fixed.json"
expect_status 0 "$NAPKIN" score "$TMP/fixed.json" --template drill-launch-day
expect_contains "$TMP/out" "Planted defects: 3 of 3 fixed"

# A template given as a path.
expect_status 0 "$NAPKIN" score "$T/chat.json" --template "$T/chat.json"

# Usage and invalid input: exit 2, a message on stderr.
expect_status 2 "$NAPKIN" score "$T/chat.json"
expect_contains "$TMP/err" "missing --template NAME"
expect_status 2 "$NAPKIN" score --template chat
expect_contains "$TMP/err" "missing FILE"
expect_status 2 "$NAPKIN" score "$T/chat.json" --template no-such-template
expect_contains "$TMP/err" 'no template named "no-such-template"'
expect_status 2 "$NAPKIN" score "$T/chat.json" --template chat --format yaml
expect_contains "$TMP/err" 'unknown format "yaml"'
expect_status 2 "$NAPKIN" score "$TMP/nonexistent.json" --template chat
expect_contains "$TMP/err" "nonexistent.json"
sed 's/"check": "path"/"check": "paht"/' "$T/chat.json" >"$TMP/broken-template.json"
expect_status 2 "$NAPKIN" score "$T/chat.json" --template "$TMP/broken-template.json"
expect_contains "$TMP/err" "broken-template.json:"
expect_contains "$TMP/err" '.check: "paht" is not exists, edge, path'
expect_status 0 "$NAPKIN" score --help
expect_contains "$TMP/out" "usage: napkin score FILE --template NAME"
expect_status 0 "$NAPKIN" --help
expect_contains "$TMP/out" "score"

# Output that cannot be written is exit 1.
if [ -w /dev/full ]; then
	"$NAPKIN" score "$T/chat.json" --template chat >/dev/full 2>"$TMP/err"
	[ $? -eq 1 ] && pass || fail "writing to /dev/full should exit 1"
	expect_contains "$TMP/err" "cannot write the scorecard"
fi

finish
