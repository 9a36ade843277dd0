#!/bin/sh
# A save that fails in the whiteboard loses nothing: on a full disk, in a
# read-only directory and without write permission, :w says why on the
# status line, the file on disk stays as it was, and the edits are in a
# recovery file -- in the fallback directory ($XDG_STATE_HOME/napkin) when
# none can go beside the file.  Once the disk has room again, :w works and
# both copies go.
#
# Like tests/cli/failed_save.sh, the mounts need root and unshare -m; the
# permission case runs as nobody (setpriv) when root.  What cannot run is
# skipped, saying so.
. "$NAPKIN_ROOT/tests/lib.sh"

private_mounts
. "$NAPKIN_ROOT/tests/tui_lib.sh"

# fallback FILE: where FILE's recovery file goes when it cannot go beside it.
fallback() {
	ls "$XDG_STATE_HOME"/napkin/"$(basename "$1")".*.recover 2>/dev/null || echo "no fallback file"
}

# edit_and_fail FILE WHY: add a node, :w, and see WHY on the status line,
# FILE untouched and the node in the fallback recovery file.
edit_and_fail() {
	cp "$1" "$TMP/before.json"
	keys a o
	wait_for "label:"
	type_text Keepsake
	keys Enter
	wait_for "added keepsake"
	keys : w Enter
	wait_for "not saved: $2; your edits are in"
	screen
	expect_screen "not saved: $2; your edits are in $(fallback "$1")"
	expect_same "$1" "$TMP/before.json"
	expect_contains "$(fallback "$1")" '"label": "Keepsake"'
	expect_valid "$(fallback "$1")"
}

echo "   a full disk"
if [ -n "$can_mount" ]; then
	mkdir "$TMP/full"
	mount -t tmpfs -o size=256k tmpfs "$TMP/full"
	F=$TMP/full/board.json
	cp "$NAPKIN_ROOT/tests/data/render/pipeline.json" "$F"
	start 200 40 "$NAPKIN $F"
	wait_for "[CACHE]"
	dd if=/dev/zero of="$TMP/full/filler" bs=4k 2>/dev/null
	edit_and_fail "$F" "No space left on device"
	# Nothing half-written was left on the full disk.
	ls -A "$TMP/full" >"$TMP/left"
	expect_text "$TMP/left" .board.json.napkin-lock board.json filler
	rm "$TMP/full/filler"
	keys : w Enter
	wait_for "wrote $F"
	expect_contains "$F" '"label": "Keepsake"'
	[ -e "$(fallback "$F")" ] && fail "the fallback copy outlived the save" || pass
	[ -e "$F.recover" ] && fail "a recovery file outlived the save" || pass
	keys : q Enter
	wait_exit
	tmux -L "$SOCK" kill-server 2>/dev/null
	umount "$TMP/full"
else
	echo "   SKIP: needs root and unshare -m to mount a small tmpfs"
fi

echo "   a read-only directory"
if [ -n "$can_mount" ]; then
	mkdir "$TMP/ro"
	F=$TMP/ro/board.json
	cp "$NAPKIN_ROOT/tests/data/render/pipeline.json" "$F"
	mount --bind "$TMP/ro" "$TMP/ro"
	mount -o remount,bind,ro "$TMP/ro"
	start 200 40 "$NAPKIN $F"
	wait_for "no lock on $F (Read-only file system): a second napkin would not be warned"
	edit_and_fail "$F" "Read-only file system"
	# Saved elsewhere, the recovery file has nothing left to keep.
	keys : w Space "$TMP/elsewhere.json" Enter
	wait_for "wrote $TMP/elsewhere.json"
	expect_contains "$TMP/elsewhere.json" '"label": "Keepsake"'
	[ -e "$(fallback "$F")" ] && fail "the fallback copy outlived :w elsewhere" || pass
	keys : q Enter
	wait_exit
	tmux -L "$SOCK" kill-server 2>/dev/null
	umount "$TMP/ro"
else
	echo "   SKIP: needs root and unshare -m for a read-only bind mount"
fi

echo "   a directory the user may not write"
mkdir "$TMP/locked"
F=$TMP/locked/board.json
cp "$NAPKIN_ROOT/tests/data/render/pipeline.json" "$F"
if [ "$(id -u)" != 0 ]; then
	chmod 555 "$TMP/locked"
	start 200 40 "$NAPKIN $F"
elif command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
	chmod 755 "$TMP" "$TMP/locked"
	chmod 644 "$F"
	mkdir -p "$XDG_STATE_HOME"
	chown -R nobody "$XDG_STATE_HOME"
	start 200 40 "setpriv --reuid=nobody --regid=nogroup --clear-groups $NAPKIN $F"
else
	echo "   SKIP: running as root without setpriv and a nobody user"
	finish
	exit $?
fi
wait_for "[CACHE]"
edit_and_fail "$F" "Permission denied"
keys : q ! Enter
wait_exit
[ -e "$(fallback "$F")" ] && fail ":q! left the fallback copy" || pass
chmod 755 "$TMP/locked"
finish
