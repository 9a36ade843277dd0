# napkin rules and napkin explain: generated from the rule registry, and
# docs/rules.md must be what napkin rules --markdown prints.
. "$NAPKIN_ROOT/tests/lib.sh"

expect_status 0 "$NAPKIN" rules
expect_contains "$TMP/out" "SPOF002  error    unreplicated-database"
expect_contains "$TMP/out" "LAT001   note     deep-sync-calls"
[ "$(wc -l <"$TMP/out")" -ge 26 ] && pass || fail "napkin rules lists fewer than the 26 rules of the issue"

expect_status 0 "$NAPKIN" rules --markdown
if cmp -s "$TMP/out" "$NAPKIN_ROOT/docs/rules.md"; then
	pass
else
	fail "docs/rules.md is out of date: run ./napkin rules --markdown > docs/rules.md"
	diff "$NAPKIN_ROOT/docs/rules.md" "$TMP/out" | head -10 | sed 's/^/      /'
fi
expect_contains "$TMP/out" "**Blast radius**"
expect_contains "$TMP/out" "| [CACH003](#cach003) | cache-as-only-copy | warning |"

expect_status 0 "$NAPKIN" explain spof002
expect_contains "$TMP/out" "SPOF002  unreplicated-database  (error)"
expect_contains "$TMP/out" "Advice: Run a primary with a replica and automatic failover"
expect_contains "$TMP/out" '"accept": [{"rule": "SPOF002"'
expect_status 2 "$NAPKIN" explain NOPE001
expect_contains "$TMP/err" 'no rule "NOPE001"'
expect_status 2 "$NAPKIN" explain
expect_status 2 "$NAPKIN" rules --bogus
expect_status 0 "$NAPKIN" explain --help
expect_status 0 "$NAPKIN" --help
expect_contains "$TMP/out" "explain"

finish
