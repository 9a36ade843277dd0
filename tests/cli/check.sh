# napkin check: validation errors, the three report formats, exit codes.
. "$NAPKIN_ROOT/tests/lib.sh"
data=$NAPKIN_ROOT/tests/data/critique

# A valid design with no finding at or above error: exit 0.
expect_status 0 "$NAPKIN" check "$NAPKIN_ROOT/templates/url-shortener.json"
expect_contains "$TMP/out" "url-shortener.json: 0 errors, 0 warnings, 0 notes"

# Findings like a compiler; an error means exit 1.
expect_status 1 "$NAPKIN" check "$data/SPOF002-bad-orders-db.json"
expect_contains "$TMP/out" "SPOF002-bad-orders-db.json: error: SPOF002: orders-db: 1 replica, not managed, on the request path of checkout and payments; if it fails, 6 components stop"
expect_contains "$TMP/out" "    advice: Run a primary with a replica and automatic failover"
expect_contains "$TMP/out" "SPOF002-bad-orders-db.json: 1 error, 0 warnings, 2 notes"

# --fail-on: warnings and notes count only when asked.
expect_status 0 "$NAPKIN" check "$data/CACH002-bad-write-behind.json"
expect_status 1 "$NAPKIN" check --fail-on warning "$data/CACH002-bad-write-behind.json"
expect_status 0 "$NAPKIN" check --fail-on warning "$data/SPOF006-bad-cache-aside.json"
expect_status 1 "$NAPKIN" check --fail-on=note "$data/SPOF006-bad-cache-aside.json"
expect_status 0 "$NAPKIN" check --fail-on note "$data/SPOF006-good-replicated-cache.json"

# Accepted risks are shown but do not count.
expect_status 0 "$NAPKIN" check "$data/SPOF002-good-accepted.json"
expect_contains "$TMP/out" "[accepted by orders-db: managed failover outside this diagram]"
expect_contains "$TMP/out" "0 errors, 0 warnings, 2 notes, 1 accepted"

# JSON, exactly the issue's shape.
expect_status 1 "$NAPKIN" check --format json "$data/SPOF001-bad-single-lb.json"
cat >"$TMP/want.json" <<JSON
{
  "file": "$data/SPOF001-bad-single-lb.json",
  "findings": [
    {"rule": "SPOF001", "severity": "error", "nodes": ["lb"], "edges": [["users", "lb"]], "message": "lb: 1 replica, not managed, on the request path of users; if it fails, 4 components stop", "advice": "Run a pair of load balancers (active-active, or active-passive with a floating IP), or use a managed one (mark it managed).", "accepted": false}
  ],
  "summary": {"error": 1, "warning": 0, "note": 0, "accepted": 0}
}
JSON
expect_same "$TMP/want.json" "$TMP/out"
expect_status 0 "$NAPKIN" check -f json "$data/SPOF001-good-accepted.json"
expect_contains "$TMP/out" '"accepted": true, "reason": "floating IP with keepalived, outside this diagram"}'
expect_contains "$TMP/out" '"summary": {"error": 0, "warning": 0, "note": 0, "accepted": 1}'

# Invalid input: FILE:LINE:COL on stderr, exit 2, whatever the format.
printf '{"napkin": 1, "nodes": [{"id": "a", "kind": "dbx"}]}\n' >"$TMP/bad.json"
expect_status 2 "$NAPKIN" check --format sarif "$TMP/bad.json"
expect_contains "$TMP/err" "bad.json:1:"
expect_status 2 "$NAPKIN" check "$TMP/missing.json"

# Usage errors.
expect_status 2 "$NAPKIN" check --format xml "$data/SPOF001-bad-single-lb.json"
expect_contains "$TMP/err" 'unknown format "xml"'
expect_status 2 "$NAPKIN" check --fail-on fatal "$data/SPOF001-bad-single-lb.json"
expect_status 2 "$NAPKIN" check
expect_status 2 "$NAPKIN" check a.json b.json
expect_status 0 "$NAPKIN" check --help
expect_contains "$TMP/out" "--fail-on SEV"

# The report is the same on every run.
"$NAPKIN" check -f json "$data/MODL003-bad-sync-cycle.json" >"$TMP/one.json"
"$NAPKIN" check -f json "$data/MODL003-bad-sync-cycle.json" >"$TMP/two.json"
expect_same "$TMP/one.json" "$TMP/two.json"

# A report that cannot be written is a problem (exit 1), not a crash.
if [ -w /dev/full ]; then
	expect_status 1 sh -c '"$0" check "$1" >/dev/full' "$NAPKIN" "$NAPKIN_ROOT/templates/url-shortener.json"
	expect_contains "$TMP/err" "cannot write the report"
fi

finish
