# napkin check --format sarif: SARIF 2.1.0, checked for structure always and
# against the official schema when it can be had (scripts/sarif-schema.sh).
. "$NAPKIN_ROOT/tests/lib.sh"
data=$NAPKIN_ROOT/tests/data/critique
python=$(command -v /usr/bin/python3 || command -v python3)
schema=$(sh "$NAPKIN_ROOT/scripts/sarif-schema.sh" "$NAPKIN_ROOT/build/sarif" 2>/dev/null)
if [ -z "$schema" ] || ! "$python" -c 'import jsonschema' 2>/dev/null; then
	echo "   note: SARIF schema or python3-jsonschema unavailable: structural checks only"
	schema=""
fi

for f in SPOF002-bad-orders-db SPOF002-good-accepted MODL003-bad-sync-cycle LAT001-bad-long-chain \
    MODL001-good-connected; do
	expect_status "$([ "$f" = SPOF002-bad-orders-db ] && echo 1 || echo 0)" \
	    "$NAPKIN" check --format sarif "$data/$f.json"
	cp "$TMP/out" "$TMP/$f.sarif"
	expect_status 0 "$python" "$NAPKIN_ROOT/tests/cli/sarif_check.py" "$TMP/$f.sarif" $schema
done
expect_contains "$TMP/SPOF002-bad-orders-db.sarif" '"logicalLocations": [{"name": "orders-db", "kind": "object"}]'
expect_contains "$TMP/SPOF002-good-accepted.sarif" '"suppressions": [{"kind": "inSource", "justification": "managed failover outside this diagram"}]'

# The checker bites: a broken report fails it.
sed 's/"version": "2.1.0"/"version": "2.0.0"/' "$TMP/SPOF002-bad-orders-db.sarif" >"$TMP/broken.sarif"
expect_status 1 "$python" "$NAPKIN_ROOT/tests/cli/sarif_check.py" "$TMP/broken.sarif" $schema
sed 's/"ruleIndex": 1,/"ruleIndex": 2,/' "$TMP/SPOF002-bad-orders-db.sarif" >"$TMP/broken.sarif"
expect_status 1 "$python" "$NAPKIN_ROOT/tests/cli/sarif_check.py" "$TMP/broken.sarif" $schema
if [ -n "$schema" ]; then
	sed 's/"level": "error", "message"/"level": "fatal", "message"/' "$TMP/SPOF002-bad-orders-db.sarif" >"$TMP/broken.sarif"
	expect_status 1 "$python" "$NAPKIN_ROOT/tests/cli/sarif_check.py" "$TMP/broken.sarif" "$schema"
	expect_contains "$TMP/out" "schema:"
fi

# A file name that needs escaping in a URI.
cp "$data/SPOF002-bad-orders-db.json" "$TMP/my design.json"
expect_status 1 "$NAPKIN" check --format sarif "$TMP/my design.json"
expect_contains "$TMP/out" 'my%20design.json'
cp "$TMP/out" "$TMP/space.sarif"
expect_status 0 "$python" "$NAPKIN_ROOT/tests/cli/sarif_check.py" "$TMP/space.sarif" $schema

finish
