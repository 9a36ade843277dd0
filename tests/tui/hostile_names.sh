#!/bin/sh
# Escape sequences from files never reach the terminal raw: a diagram
# whose file name is made of them (a glob finds such names), a lock file
# whose host is one, and the message on stderr when a signal leaves a
# recovery file behind.  tmux would act on them: the pane title would
# change, the screen would clear.  Each is shown with '?' instead.
. "$NAPKIN_ROOT/tests/lib.sh"
. "$NAPKIN_ROOT/tests/tui_lib.sh"

evil=$(printf 'evil\033]2;pwned\007\033[2J')
shown='evil?]2;pwned??[2J'
F="$TMP/$evil.json"
cp "$NAPKIN_ROOT/tests/data/render/pipeline.json" "$F"
# The name would not survive tmux's command line: a glob in a script finds it.
printf 'exec "%s" %s/evil*.json 2>"%s"\n' "$NAPKIN" "$TMP" "$TMP/stderr" >"$TMP/open.sh"

echo "   the file name in the title bar"
start 120 40 "sh $TMP/open.sh"
wait_for "[CACHE]"
[ "$(pane '#{pane_title}')" != pwned ] && pass || fail "the file name set the pane title"
expect_screen "$shown.json"

echo "   the recovery file's name, on stderr after SIGTERM"
keys x
wait_for "deleted"
kill -TERM "$(napkin_pid)"
wait_exit
expect_text "$TMP/stderr" "napkin: unsaved changes written to $TMP/$shown.json.recover"
[ -e "$F.recover" ] && pass || fail "no recovery file after SIGTERM"
rm -f "$F.recover"

echo "   a lock whose host is an escape sequence"
# Held by a live process (this shell) on this boot: napkin asks.
boot=$(cat /proc/sys/kernel/random/boot_id 2>/dev/null || true)
printf 'napkin-lock 1\npid %s\nhost %s\nboot %s\nsince %s\n' $$ "$(printf 'h\033]2;pwned\007ost')" \
    "$boot" "$(date +%s)" >"$TMP/.$evil.json.napkin-lock"
start 120 40 "sh $TMP/open.sh"
wait_for "being edited by another napkin"
[ "$(pane '#{pane_title}')" != pwned ] && pass || fail "the lock's host set the pane title"
expect_screen "pid $$ on h?]2;pwned?ost"
expect_screen "$shown.json is being edited by another napkin"
keys q
wait_exit
finish
