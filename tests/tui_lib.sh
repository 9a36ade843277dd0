# Helpers for the whiteboard tests: private tmux servers (tmux -L
# napkin-PID-N), keys in, screens out.  Source after tests/lib.sh.
#
# Each start gets a server of its own: a new server on a socket whose old
# server is still shutting down could meet it.
SOCKETS=""
SOCK=napkin-$$
started=0
export LANG=C.UTF-8 LC_ALL=C.UTF-8
# A loaded machine can split a key's or mouse report's bytes by more than
# napkin's default 25 ms; tests wait longer before taking them apart.
export ESCDELAY=250
cleanup() {
	for s in $SOCKETS; do
		tmux -L "$s" kill-server 2>/dev/null
	done
	rm -rf "$TMP"
}
trap cleanup EXIT

# start W H COMMAND: a detached session "main" running COMMAND from a small
# launcher that records its exit status (tmux cannot always tell: under the
# sanitizers it may never reap the process).  The pane stays afterwards.
start() {
	started=$((started + 1))
	SOCK=napkin-$$-$started
	SOCKETS="$SOCKETS $SOCK"
	# The launcher outlives a Ctrl-C aimed at napkin (a trap, not an
	# ignore, so napkin still gets the signal's default disposition).
	# napkin's pid is written by the shell that becomes napkin (exec).
	printf 'trap : INT\nsh -c '"'"'echo $$ >"%s"; exec %s'"'"'\necho $? >"%s"\n' \
	    "$TMP/pid.$started" "$3" "$TMP/exit.$started" >"$TMP/launch.$started"
	tmux -L "$SOCK" -f /dev/null new-session -d -s main -x "$1" -y "$2" "sh $TMP/launch.$started"
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

# The pid of napkin.
napkin_pid() {
	cat "$TMP/pid.$started"
}

show_screen() {
	sed 's/^/      | /' "$TMP/screen" | grep -v '^      | *$'
}

# wait_screen shows|lacks TEXT: until the screen shows TEXT / stops
# showing it.  The bound only stops a hung run; it says nothing about speed.
wait_screen() {
	i=0
	while [ $i -lt 200 ]; do
		screen
		if grep -qF -- "$2" "$TMP/screen"; then
			[ "$1" = shows ] && { pass; return 0; }
		else
			[ "$1" = lacks ] && { pass; return 0; }
		fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "the screen never $1: $2"
	show_screen
	return 1
}

wait_for() {
	wait_screen shows "$1"
}

wait_gone() {
	wait_screen lacks "$1"
}

# wait_exit: until napkin has exited; its status goes to $status (128 + N
# when signal N ended it).
wait_exit() {
	i=0
	while [ $i -lt 400 ]; do
		if [ -s "$TMP/exit.$started" ]; then
			status=$(cat "$TMP/exit.$started")
			pass
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	fail "napkin did not exit"
	screen
	show_screen
	status=
	return 1
}

# expect_screen TEXT / expect_no_screen TEXT on the last capture.  A
# capture can catch tmux half-way through a frame (the part already
# drawn shows what the test waited for, the rest is still the old frame),
# so a missing TEXT is looked for again in fresh captures for a while
# before it counts as missing; the capture it was found in is kept.
expect_screen() {
	i=0
	while ! grep -qF -- "$1" "$TMP/screen" && [ $i -lt 20 ]; do
		sleep 0.05
		screen
		i=$((i + 1))
	done
	expect_contains "$TMP/screen" "$1"
}

expect_no_screen() {
	expect_not_contains "$TMP/screen" "$1"
}
