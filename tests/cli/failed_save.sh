#!/bin/sh
# Writes that fail lose nothing: a full disk (a small tmpfs), a read-only
# directory (a read-only bind mount), a permission error (an unprivileged
# user) and a file-size limit (ulimit -f) each give a clear message and
# exit 1, leave the target as it was and no temporary file behind.  Also:
# the command line needs no terminal, whatever stdin is.
#
# Mounting needs root and a mount namespace of our own (unshare -m), so
# the mounts vanish with the test; without them those parts are skipped,
# saying so.
. "$NAPKIN_ROOT/tests/lib.sh"

private_mounts

cp "$NAPKIN_ROOT/tests/data/render/pipeline.json" "$TMP/board.json"
"$NAPKIN" export "$TMP/board.json" -o "$TMP/board.dot" >/dev/null 2>&1

# refused DIR WHY: every writer refuses to write into DIR, saying WHY, and
# leaves DIR as it was.
refused() {
	dir=$1
	why=$2
	ls -A "$dir" >"$TMP/before"
	expect_status 1 "$NAPKIN" new "$dir/new.json" --template url-shortener
	expect_contains "$TMP/err" "cannot save $dir/new.json: $why"
	expect_contains "$TMP/err" "no file was made"
	expect_status 1 "$NAPKIN" import "$TMP/board.dot" -o "$dir/imported.json"
	expect_contains "$TMP/err" "$why"
	# Over an existing file: it is still whole afterwards.
	expect_status 1 "$NAPKIN" export "$TMP/board.json" -o "$dir/board.dot"
	expect_contains "$TMP/err" "$why"
	expect_contains "$TMP/err" "the file on disk is unchanged"
	expect_same "$dir/board.dot" "$TMP/board.dot"
	ls -A "$dir" >"$TMP/after"
	expect_same "$TMP/after" "$TMP/before"
}

echo "   a full disk"
if [ -n "$can_mount" ]; then
	mkdir "$TMP/full"
	mount -t tmpfs -o size=64k tmpfs "$TMP/full"
	cp "$TMP/board.dot" "$TMP/full/board.dot"
	dd if=/dev/zero of="$TMP/full/filler" bs=4k 2>/dev/null
	refused "$TMP/full" "No space left on device"
	umount "$TMP/full"
else
	echo "   SKIP: needs root and unshare -m to mount a small tmpfs"
fi

echo "   a read-only directory"
if [ -n "$can_mount" ]; then
	mkdir "$TMP/ro"
	cp "$TMP/board.dot" "$TMP/ro/board.dot"
	mount --bind "$TMP/ro" "$TMP/ro"
	mount -o remount,bind,ro "$TMP/ro"
	refused "$TMP/ro" "Read-only file system"
	umount "$TMP/ro"
else
	echo "   SKIP: needs root and unshare -m for a read-only bind mount"
fi

echo "   a directory the user may not write"
mkdir "$TMP/locked"
cp "$TMP/board.dot" "$TMP/locked/board.dot"
if [ "$(id -u)" != 0 ]; then
	chmod 555 "$TMP/locked"
	refused "$TMP/locked" "Permission denied"
	chmod 755 "$TMP/locked"
elif command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
	# Root ignores permissions: the same as nobody, who may read but not write.
	chmod 755 "$TMP" "$TMP/locked"
	chmod 644 "$TMP/board.json" "$TMP/board.dot" "$TMP/locked/board.dot"
	real=$NAPKIN
	NAPKIN="$TMP/as-nobody"
	printf '#!/bin/sh\nexec setpriv --reuid=nobody --regid=nogroup --clear-groups "%s" "$@"\n' "$real" >"$NAPKIN"
	chmod 755 "$NAPKIN"
	if "$NAPKIN" --version >/dev/null 2>&1; then
		refused "$TMP/locked" "Permission denied"
	else
		echo "   SKIP: nobody cannot run $real (is its directory private?)"
	fi
	NAPKIN=$real
	chmod 700 "$TMP"
else
	echo "   SKIP: running as root without setpriv and a nobody user"
fi

echo "   a file-size limit (ulimit -f): EFBIG, not death by SIGXFSZ"
mkdir "$TMP/small"
(
	ulimit -f 1
	"$NAPKIN" new "$TMP/small/big.json" --template url-shortener >"$TMP/out" 2>"$TMP/err"
	echo $? >"$TMP/status"
)
[ "$(cat "$TMP/status")" = 1 ] && pass || fail "ulimit -f: exit status $(cat "$TMP/status"), wanted 1"
expect_contains "$TMP/err" "File too large"
ls -A "$TMP/small" >"$TMP/left"
expect_empty "$TMP/left"

echo "   no terminal needed: stdin closed, empty or a pipe"
expect_status 2 "$NAPKIN" check </dev/null
expect_contains "$TMP/err" "missing FILE"
expect_status 0 "$NAPKIN" check "$NAPKIN_ROOT/templates/url-shortener.json" <&-
expect_status 0 "$NAPKIN" check /dev/stdin <"$NAPKIN_ROOT/templates/url-shortener.json"
expect_status 2 "$NAPKIN" check /dev/stdin </dev/null
expect_contains "$TMP/err" "/dev/stdin:1:1: the file is empty"
echo | "$NAPKIN" export "$TMP/board.json" -o - --format dot >"$TMP/out" 2>"$TMP/err"
[ $? = 0 ] && pass || fail "export with a pipe for stdin failed"
expect_contains "$TMP/out" "digraph"
# The whiteboard without any terminal at all: a message, not a hang or a crash.
if command -v setsid >/dev/null 2>&1; then
	echo | setsid "$NAPKIN" "$TMP/board.json" >"$TMP/out" 2>"$TMP/err"
	[ $? = 2 ] && pass || fail "the whiteboard without a terminal did not exit 2"
	expect_contains "$TMP/err" "napkin: the whiteboard needs a terminal (/dev/tty:"
	[ -e "$TMP/.board.json.napkin-lock" ] && fail "a lock was left behind" || pass
fi
finish
