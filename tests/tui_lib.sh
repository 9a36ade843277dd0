# Helpers for the whiteboard tests: a private tmux server per test run
# (tmux -L napkin-PID), keys in, screens out.  Source after tests/lib.sh.
# Each start gets a server of its own (napkin-PID-N): a new server on a
# socket whose old server is still shutting down could meet it.
SOCKETS=""
SOCK=napkin-$$
started=0
export LANG=C.UTF-8 LC_ALL=C.UTF-8
cleanup() {
	for s in $SOCKETS; do
		tmux -L "$s" kill-server 2>/dev/null
	done
	rm -rf "$TMP"
}
trap cleanup EXIT

# start W H COMMAND: a detached session "main" running COMMAND (exec'd, so
# the pane's pid is napkin's); the pane stays after napkin exits.
start() {
	started=$((started + 1))
	SOCK=napkin-$$-$started
	SOCKETS="$SOCKETS $SOCK"
	tmux -L "$SOCK" -f /dev/null new-session -d -s main -x "$1" -y "$2" "exec $3"
	tmux -L "$SOCK" set-option -g remain-on-exit on >/dev/null
}

keys() {
	tmux -L "$SOCK" send-keys -t main "$@"
}

# type TEXT: literal text, no key names
type_text() {
	tmux -L "$SOCK" send-keys -t main -l "$1"
}

screen() {
	tmux -L "$SOCK" capture-pane -p -t main >"$TMP/screen"
}

pane() {
	tmux -L "$SOCK" display-message -p -t main "$1"
}

# wait_for TEXT: until the screen shows TEXT.  The bound only stops a
# hung run; it says nothing about speed.
wait_for() {
	i=0
	while [ $i -lt 200 ]; do
		screen
		grep -qF -- "$1" "$TMP/screen" && { pass; return 0; }
		sleep 0.05
		i=$((i + 1))
	done
	fail "screen never showed: $1"
	sed 's/^/      | /' "$TMP/screen"
	return 1
}

wait_gone() {
	i=0
	while [ $i -lt 200 ]; do
		screen
		grep -qF -- "$1" "$TMP/screen" || { pass; return 0; }
		sleep 0.05
		i=$((i + 1))
	done
	fail "screen kept showing: $1"
	sed 's/^/      | /' "$TMP/screen"
	return 1
}

# wait_exit: until napkin has exited; its status goes to $status.
wait_exit() {
	i=0
	while [ $i -lt 200 ]; do
		if [ "$(pane '#{pane_dead}')" = 1 ]; then
			status=$(pane '#{pane_dead_status}')
			pass
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "napkin did not exit"
	status=
	return 1
}

# expect_screen TEXT / expect_no_screen TEXT on the last capture
expect_screen() {
	expect_contains "$TMP/screen" "$1"
}

expect_no_screen() {
	expect_not_contains "$TMP/screen" "$1"
}
