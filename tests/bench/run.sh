#!/bin/sh
# make bench: every benchmark, printing figures (never pass/fail).  Run with
# NAPKIN (the binary) and BUILD (where build/bench/bench_* are).  Each part
# of napkin keeps its own block below; add a block rather than editing others.
set -u
: "${NAPKIN:=napkin}" "${BUILD:=build}"
case $NAPKIN in /*) ;; *) NAPKIN=$PWD/$NAPKIN ;; esac
export NAPKIN NAPKIN_ROOT="$PWD"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/napkin-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
status=0

# --- critique (tests/bench/bench_critique.c) ---
echo "== critique: load, critique_run, napkin check as a process, igraph baseline"
"$BUILD/bench/bench_critique" "$scratch" || status=1
# --- end critique ---

# --- Graphviz export and import (tests/bench/bench_dot.c) ---
echo "== Graphviz DOT export and import, auto-arrange"
"$BUILD"/bench/bench_dot || status=1
# --- end Graphviz ---

exit $status
