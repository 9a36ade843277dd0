#!/bin/sh
# Every test napkin has: unit tests (cmocka, core only), command-line tests
# and whiteboard tests driven in tmux.  Run by make test and make asan with
# NAPKIN (the binary under test) and BUILD (where the unit tests are).
# RUNNER, when set, runs each unit test (make valgrind: tests/valgrind.sh);
# SUITES picks the shell suites (default: cli tui).
set -u
: "${NAPKIN:=napkin}" "${BUILD:=build}" "${RUNNER:=}" "${SUITES:=cli tui}"
case $NAPKIN in /*) ;; *) NAPKIN=$PWD/$NAPKIN ;; esac
export NAPKIN NAPKIN_TEMPLATES="$PWD/templates" NAPKIN_ROOT="$PWD"

passed=0
failed=""
run() {
	name=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
	else
		failed="$failed $name"
	fi
}

echo "== unit tests (cmocka)"
for t in "$BUILD"/tests/test_*; do
	case $t in *.o | *.d) continue ;; esac
	[ -x "$t" ] || continue
	run "$(basename "$t")" $RUNNER "$t"
done

echo "== fuzz corpora, replayed (tests/fuzz)"
. tests/fuzz/seeds.sh
for t in "$BUILD"/tests/replay_*; do
	case $t in *.o | *.d) continue ;; esac
	[ -x "$t" ] || continue
	echo "-- $(basename "$t")"
	run "$(basename "$t")" $RUNNER "$t" $(fuzz_seeds "${t##*/replay_}")
done

for suite in $SUITES; do
	echo "== $suite tests"
	for t in tests/$suite/*.sh; do
		[ -f "$t" ] || continue
		echo "-- $t"
		run "$t" sh "$t"
	done
done

echo
if [ -n "$failed" ]; then
	echo "FAILED:$failed"
	echo "($passed suites passed)"
	exit 1
fi
echo "all $passed test suites passed"
