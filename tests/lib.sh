# Shell helpers for the command-line and whiteboard tests.
# Each test script sources this, calls check/expect_* and ends with finish.
set -u
: "${NAPKIN:?NAPKIN must name the binary under test}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/napkin-test.XXXXXX")
# Recovery files that cannot go beside their diagram go here, not to ~.
export XDG_STATE_HOME="$TMP/state"
trap 'rm -rf "$TMP"' EXIT
checks=0
failures=0

fail() {
	failures=$((failures + 1))
	echo "   FAIL: $*"
}

pass() {
	checks=$((checks + 1))
}

# expect_status CODE CMD...: run CMD, capture stdout/stderr in $TMP/out, $TMP/err.
expect_status() {
	want=$1
	shift
	"$@" >"$TMP/out" 2>"$TMP/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "exit $got, wanted $want: $*"
		sed 's/^/      stderr: /' "$TMP/err" | head -5
	else
		pass
	fi
}

# expect_file_contains FILE TEXT (a fixed string)
expect_contains() {
	if grep -qF -- "$2" "$1"; then
		pass
	else
		fail "$1 lacks: $2"
		sed 's/^/      | /' "$1" | head -10
	fi
}

expect_not_contains() {
	if grep -qF -- "$2" "$1"; then
		fail "$1 should not contain: $2"
	else
		pass
	fi
}

# expect_empty FILE: FILE has no bytes (no stray output on stdout or stderr).
expect_empty() {
	if [ -s "$1" ]; then
		fail "$1 should be empty"
		sed 's/^/      | /' "$1" | head -5
	else
		pass
	fi
}

# expect_text FILE LINE...: FILE holds exactly these lines.
expect_text() {
	file=$1
	shift
	printf '%s\n' "$@" >"$TMP/expected-text"
	expect_same "$file" "$TMP/expected-text"
}

expect_same() {
	if cmp -s "$1" "$2"; then
		pass
	else
		fail "$1 and $2 differ"
		diff "$1" "$2" | head -10 | sed 's/^/      /'
	fi
}

# expect_valid FILE: napkin loads FILE (check exits 0 or 1 on findings, 2 on
# an invalid file).
expect_valid() {
	"$NAPKIN" check "$1" >"$TMP/out" 2>"$TMP/err"
	if [ $? -eq 2 ]; then
		fail "$1 is not a valid diagram"
		sed 's/^/      stderr: /' "$TMP/err" | head -5
	else
		pass
	fi
}

# usage_error MESSAGE ARGS...: napkin ARGS exits 2 with MESSAGE and a usage
# line on stderr, and nothing on stdout.
usage_error() {
	message=$1
	shift
	expect_status 2 "$NAPKIN" "$@"
	expect_contains "$TMP/err" "napkin: $message"
	expect_contains "$TMP/err" "usage: napkin"
	expect_empty "$TMP/out"
}

# without_record FILE: FILE without its session record (the last member,
# as napkin writes it): the diagram napkin replay must give back.
without_record() {
	sed '/^  "session": {/,$d' "$1" | sed '$ s/,$//'
	echo "}"
}

# private_mounts: run this test again in a mount namespace of its own
# (root and unshare -m), so the file systems it mounts vanish with it.
# can_mount says whether it is in one; tests skip their mounts when not.
private_mounts() {
	if [ -z "${NAPKIN_PRIVATE_MOUNTS:-}" ] && [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1 &&
	    unshare -m --propagation private true 2>/dev/null; then
		rm -rf "$TMP"
		NAPKIN_PRIVATE_MOUNTS=1 exec unshare -m --propagation private sh "$0"
	fi
	can_mount=${NAPKIN_PRIVATE_MOUNTS:-}
}

finish() {
	echo "   $checks checks passed, $failures failed"
	[ "$failures" -eq 0 ]
}
