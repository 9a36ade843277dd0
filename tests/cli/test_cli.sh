#!/bin/sh
# The command line: version and help, usage errors, each command, every bad
# file through napkin check, the limits, the man page, install/uninstall.
. "$NAPKIN_ROOT/tests/lib.sh"

ROOT=$NAPKIN_ROOT
BAD=$ROOT/tests/data/bad
VERSION=$(sed -n 's/^VERSION *= *//p' "$ROOT/Makefile")


echo "   version and help"
expect_status 0 "$NAPKIN" --version
expect_text "$TMP/out" "napkin $VERSION"
expect_status 0 "$NAPKIN" -V
expect_text "$TMP/out" "napkin $VERSION"
for help in --help -h; do
	expect_status 0 "$NAPKIN" $help
	expect_empty "$TMP/err"
	expect_contains "$TMP/out" "usage: napkin [options] [FILE]"
done
# Every command napkin --help lists has a --help of its own.
commands=$(sed -n '/^Commands:/,/^$/s/^  \([a-z]*\) .*/\1/p' "$TMP/out")
[ -n "$commands" ] && pass || fail "napkin --help lists no commands"
for command in $commands; do
	for help in --help -h; do
		expect_status 0 "$NAPKIN" "$command" $help
		expect_empty "$TMP/err"
		expect_contains "$TMP/out" "usage: napkin $command"
		expect_contains "$TMP/out" "-h, --help"
	done
done

echo "   usage errors"
usage_error "unknown option --bogus" --bogus
usage_error "unknown option -x" -x
usage_error "option -t needs an argument" -t
usage_error "option --template needs an argument" --template
usage_error "unknown command \"frobnicate\"" frobnicate file.json
usage_error "--view needs a FILE" --view
usage_error "missing FILE" new
usage_error "too many arguments" new a.json b.json
usage_error "unknown option --bogus" new --bogus a.json
usage_error "option --template needs an argument" new a.json --template
usage_error "option -T needs an argument" new a.json -T
usage_error "missing FILE" check
usage_error "too many arguments" check a.json b.json
usage_error "unknown option -q" check -q a.json
usage_error "no arguments expected" templates extra
usage_error "unknown option --all" templates --all
[ ! -e a.json ] && pass || fail "a usage error created a file"

echo "   check: every bad file in tests/data/bad"
cd "$BAD" || exit 1
bad_files=0
for file in *.json; do
	bad_files=$((bad_files + 1))
	expect_status 2 "$NAPKIN" check "$file"
	expect_same "$TMP/err" "${file%.json}.expected"
	expect_empty "$TMP/out"
done
cd "$TMP" || exit 1
[ "$bad_files" -ge 100 ] && pass || fail "only $bad_files bad files"

echo "   check: good files"
# Drills are flawed on purpose (test_templates checks their findings).
for file in $(ls "$ROOT"/templates/*.json | grep -v '/drill-'); do
	expect_status 0 "$NAPKIN" check "$file"
	expect_contains "$TMP/out" "$file: 0 errors, "
	expect_empty "$TMP/err"
done
expect_status 0 "$NAPKIN" check "$ROOT/templates/url-shortener.json"
expect_contains "$TMP/out" "$ROOT/templates/url-shortener.json: 0 errors, 0 warnings, 0 notes"

echo "   check: files that are not files, or too big"
expect_status 2 "$NAPKIN" check "$TMP/missing.json"
expect_text "$TMP/err" "$TMP/missing.json: No such file or directory"
mkdir "$TMP/dir.json"
expect_status 2 "$NAPKIN" check "$TMP/dir.json"
expect_text "$TMP/err" "$TMP/dir.json: is a directory"
expect_status 2 "$NAPKIN" check /dev/null
expect_text "$TMP/err" "/dev/null:1:1: the file is empty; a napkin file is a JSON object"
# One byte over 1 GiB, sparse: refused on its size, before a byte is read
# (reading it would give a JSON error about the NUL bytes instead).
truncate -s 1073741825 "$TMP/huge.json"
expect_status 2 "$NAPKIN" check "$TMP/huge.json"
expect_text "$TMP/err" "$TMP/huge.json: the file is 1073741825 bytes; the limit is 1073741824 bytes (1 GiB)"
rm -f "$TMP/huge.json"

echo "   new"
expect_status 0 "$NAPKIN" new blank.json
expect_empty "$TMP/out"
expect_empty "$TMP/err"
expect_text blank.json "{" '  "napkin": 1,' '  "title": "",' '  "nodes": [],' '  "edges": [],' \
    '  "groups": []' "}"
expect_status 0 "$NAPKIN" check blank.json
expect_text "$TMP/out" "blank.json: 0 errors, 0 warnings, 0 notes"
# An existing file is kept unless --force says otherwise.
cp blank.json before.json
expect_status 1 "$NAPKIN" new --title "Other" blank.json
expect_text "$TMP/err" "napkin: blank.json already exists; use --force to overwrite it"
expect_same blank.json before.json
expect_status 0 "$NAPKIN" new --force --title "Design: URL \"short\" links" blank.json
expect_contains blank.json '"title": "Design: URL \"short\" links",'
expect_status 0 "$NAPKIN" new -f -T "Other" blank.json
expect_contains blank.json '"title": "Other",'
# A title is checked like any title in a file, and nothing is written.
expect_status 2 "$NAPKIN" new --title "$(printf 'red \033[31m')" evil.json
expect_text "$TMP/err" "napkin: --title: title contains the control character U+001B"
[ ! -e evil.json ] && pass || fail "a refused title still wrote evil.json"
# From a template: the same bytes as the template.
expect_status 0 "$NAPKIN" new --template url-shortener short.json
expect_same short.json "$ROOT/templates/url-shortener.json"
expect_status 0 "$NAPKIN" new -t url-shortener -T "Renamed" renamed.json
sed 's/"title": "URL shortener"/"title": "Renamed"/' "$ROOT/templates/url-shortener.json" >want.json
expect_same renamed.json want.json
expect_status 2 "$NAPKIN" new --template nope n.json
expect_text "$TMP/err" "napkin: no template named \"nope\" (see napkin templates)"
expect_status 2 "$NAPKIN" new --template ../templates/url-shortener n.json
expect_text "$TMP/err" "napkin: \"../templates/url-shortener\" is not a template name (see napkin templates)"
[ ! -e n.json ] && pass || fail "a refused template still wrote n.json"
expect_status 1 "$NAPKIN" new "$TMP/no/such/dir/d.json"
expect_contains "$TMP/err" "napkin: cannot save $TMP/no/such/dir/d.json: No such file or directory"

echo "   round trip: new, then load and save twice through a template"
mkdir rt
expect_status 0 "$NAPKIN" new --template url-shortener --title "Round trip" rt/first.json
expect_status 0 env NAPKIN_TEMPLATES="$TMP/rt" "$NAPKIN" new --template first rt/second.json
expect_same rt/second.json rt/first.json
expect_status 0 env NAPKIN_TEMPLATES="$TMP/rt" "$NAPKIN" new --template second rt/third.json
expect_same rt/third.json rt/first.json

echo "   docs/format.md: its example is a valid file, in the saved layout"
mkdir doc
sed -n '/^```json$/,/^```$/p' "$ROOT/docs/format.md" | sed '1d;$d' >doc/example.json
expect_status 0 "$NAPKIN" check doc/example.json
expect_text "$TMP/out" "doc/example.json: 0 errors, 0 warnings, 0 notes"
expect_status 0 env NAPKIN_TEMPLATES="$TMP/doc" "$NAPKIN" new --template example resaved.json
expect_same resaved.json doc/example.json

echo "   templates"
expect_status 0 "$NAPKIN" templates
expect_contains "$TMP/out" "url-shortener            Shorten links"
expect_empty "$TMP/err"
mkdir lib
"$NAPKIN" new -T "Chat" lib/chat.json
"$NAPKIN" new -T "News feed" lib/news-feed.json
printf '{"napkin": 2}\n' >lib/future.json
printf 'not a template\n' >lib/README
expect_status 1 env NAPKIN_TEMPLATES="$TMP/lib" "$NAPKIN" templates
expect_text "$TMP/out" "chat       Chat" "news-feed  News feed"
expect_text "$TMP/err" \
    "$TMP/lib/future.json:1:12: written by a newer napkin (format 2); this napkin reads format 1"
expect_status 1 env NAPKIN_TEMPLATES="$TMP/none" "$NAPKIN" templates
expect_text "$TMP/err" "napkin: no templates directory found (set NAPKIN_TEMPLATES)"
expect_empty "$TMP/out"

echo "   man page"
expect_status 0 groff -t -man -ww -z "$ROOT/docs/napkin.1"
expect_empty "$TMP/err"
expect_status 0 env MANWIDTH=80 man -l "$ROOT/docs/napkin.1"
expect_empty "$TMP/err"
expect_contains "$TMP/out" "NAPKIN(1)"
# The page keeps up with the program: every command, option and kind.
page=$ROOT/docs/napkin.1
for command in $commands; do
	expect_contains "$page" ".SS \"napkin $command"
done
"$NAPKIN" --help >help.txt
for command in $commands; do
	"$NAPKIN" "$command" --help >>help.txt
done
for option in $(grep -o -- '--[a-z][a-z-]*' help.txt | sort -u); do
	expect_contains "$page" "$(printf '%s' "$option" | sed 's/-/\\-/g')"
done
sed -n 's/^  \([a-z]*\) *\[\([A-Z]*\)\].*/\1	\2	/p' help.txt >kinds.txt
[ "$(wc -l <kinds.txt)" -ge 12 ] && pass || fail "napkin --help lists too few kinds"
while read -r kind tag; do
	expect_contains "$page" "$kind	$tag	"
done <kinds.txt

echo "   install and uninstall"
# A clean make: no variables from a make that runs this test.  -o keeps
# the binary under test exactly as it is (it may be the sanitizer build).
install_make() {
	expect_status 0 env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -C "$ROOT" --no-print-directory \
	    -o "$NAPKIN" BIN="$NAPKIN" DESTDIR="$TMP/dest" PREFIX=/usr "$@"
}
install_make install
expect_status 0 test -x "$TMP/dest/usr/bin/napkin"
expect_same "$TMP/dest/usr/share/napkin/templates/url-shortener.json" "$ROOT/templates/url-shortener.json"
expect_contains "$TMP/dest/usr/share/man/man1/napkin.1" "napkin $VERSION"
expect_not_contains "$TMP/dest/usr/share/man/man1/napkin.1" "@VERSION@"
# The installed napkin finds its own templates, with no help from us.
expect_status 0 env -u NAPKIN_TEMPLATES "$TMP/dest/usr/bin/napkin" templates
expect_contains "$TMP/out" "url-shortener            Shorten links"
expect_status 0 env -u NAPKIN_TEMPLATES "$TMP/dest/usr/bin/napkin" new -t url-shortener installed.json
expect_same installed.json "$ROOT/templates/url-shortener.json"
install_make uninstall
expect_status 0 test -z "$(find "$TMP/dest" -type f)"

finish
