#!/bin/sh
# make valgrind: the unit tests, the fuzz corpora and the command-line
# tests with every process under valgrind's memcheck.  Fails on any error
# memcheck reports -- an invalid read or write, a use of uninitialised
# memory, a bad free -- and on any block definitely or indirectly lost.
# ("Still reachable" memory is not a leak: Graphviz's plugin tables and
# ncurses' terminal data are held until the process ends.)
#
# The whiteboard tests are left out by default (VALGRIND_SUITES="cli tui"
# adds them, four more minutes): they pass under memcheck without a
# report, but for tests/tui/mouse_ascii.sh, whose first click, sent as
# soon as the board is drawn, is not taken under valgrind.  They run
# under the sanitizers in make asan.
#
# Run from the repository root with NAPKIN and BUILD set (the Makefile
# does this).  Each process writes its own log; any line in one is a
# failure, and the logs are printed.
set -u
: "${NAPKIN:=napkin}" "${BUILD:=build}"
case $NAPKIN in /*) ;; *) NAPKIN=$PWD/$NAPKIN ;; esac
root=$PWD

LOGS=$(mktemp -d "${TMPDIR:-/tmp}/napkin-valgrind.XXXXXX")
trap 'rm -rf "$LOGS"' EXIT
# Tests run napkin as nobody too (tests/cli/failed_save.sh).
chmod 1777 "$LOGS"

# -q: a log stays empty unless memcheck has something to say.  Children
# that napkin forks are followed (Graphviz layout runs in one); programs
# they exec (dot) are not napkin's.
# valgrind by its full path: tests run napkin with an empty PATH too.
valgrind=$(command -v valgrind) || { echo "valgrind is not installed (make valgrind installs it)" >&2; exit 1; }
cat >"$LOGS/memcheck" <<EOF
#!/bin/sh
exec "$valgrind" -q --tool=memcheck --error-exitcode=99 \\
    --leak-check=full --show-leak-kinds=definite,indirect \\
    --errors-for-leak-kinds=definite,indirect \\
    --suppressions="$root/tests/valgrind.supp" \\
    --log-file="$LOGS/%p.log" "\$@"
EOF
cat >"$LOGS/napkin" <<EOF
#!/bin/sh
exec "$LOGS/memcheck" "$NAPKIN" "\$@"
EOF
chmod 755 "$LOGS/memcheck" "$LOGS/napkin"

start=$(date +%s)
NAPKIN="$LOGS/napkin" BUILD=$BUILD RUNNER="$LOGS/memcheck" SUITES="${VALGRIND_SUITES:-cli}" sh tests/run.sh
status=$?
echo "(valgrind: $(($(date +%s) - start)) s)"

reports=0
for log in "$LOGS"/*.log; do
	[ -s "$log" ] || continue
	reports=$((reports + 1))
	echo "== valgrind report ($log)"
	cat "$log"
done
if [ "$reports" -gt 0 ]; then
	echo "valgrind: $reports processes with errors or leaks"
	exit 1
fi
[ "$status" -eq 0 ] || exit 1
echo "valgrind: no errors, nothing definitely or indirectly lost"
