#!/bin/sh
# make bench: run every benchmark and print its figures.  Run by make bench
# with BUILD (where build/bench/bench_* are) and NAPKIN set.  Each part of
# napkin keeps its own block below; add a block rather than editing others.
set -u
: "${BUILD:=build}"
status=0

# --- Graphviz export and import (tests/bench/bench_dot.c) ---
echo "== Graphviz DOT export and import, auto-arrange"
"$BUILD"/bench/bench_dot || status=1
# --- end Graphviz ---

exit $status
