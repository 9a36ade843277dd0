# napkin templates: one line per template, each within 80 columns, and
# every template usable by napkin new.
. "$NAPKIN_ROOT/tests/lib.sh"

expect_status 0 "$NAPKIN" templates
expect_contains "$TMP/out" "url-shortener            Shorten links and redirect 20,000 times a second"
expect_contains "$TMP/out" "drill-retry-storm        Why does the queue grow forever when the PSP blips?"
lines=$(wc -l <"$TMP/out")
files=$(ls "$NAPKIN_ROOT"/templates/*.json | wc -l)
[ "$lines" -eq "$files" ] && pass || fail "napkin templates lists $lines of $files templates"
[ "$lines" -ge 17 ] && pass || fail "fewer than 12 designs and 5 drills"
if awk 'length($0) > 80 { exit 1 }' "$TMP/out"; then pass; else fail "a line is wider than 80 columns"; fi

for name in $(cut -d' ' -f1 "$TMP/out"); do
	expect_status 0 "$NAPKIN" new "$TMP/$name.json" --template "$name"
	expect_same "$TMP/$name.json" "$NAPKIN_ROOT/templates/$name.json"
done

# A broken template is reported, and the others are still listed.
mkdir "$TMP/lib"
cp "$NAPKIN_ROOT/templates/chat.json" "$TMP/lib/"
sed 's/"minutes": 15/"minutes": 0/' "$NAPKIN_ROOT/templates/chat.json" >"$TMP/lib/bad.json"
NAPKIN_TEMPLATES="$TMP/lib" "$NAPKIN" templates >"$TMP/out" 2>"$TMP/err"
[ $? -eq 1 ] && pass || fail "a broken template should make napkin templates exit 1"
expect_contains "$TMP/out" "chat  One-to-one and group chat for a billion users"
expect_contains "$TMP/err" "bad.json:"
expect_contains "$TMP/err" "phases[2].minutes: must be an integer from 1 to 240"

expect_status 2 "$NAPKIN" templates extra
expect_status 0 "$NAPKIN" templates --help
expect_contains "$TMP/out" "drill-"

finish
